import type { Lang, Localized } from "../model";
import {
  DEFAULT_PROMISE_DAYS,
  delayMessages,
  MESSAGE_TEMPLATES,
  noCountryNote,
  shippedLateMessages,
  trackingUpdatedMessages,
  type BuyerMessage,
} from "./buyerMessages";
import { trackingFixes, type TrackingFix } from "./trackingFixes";
import type { Rulebook } from "../rulebook";
import type { ScanResult } from "../report/types";
import { shipNowList, type ShipNowList, type ShipNowSettings } from "./shipNow";
import { whatIf, type WhatIf } from "./whatIf";
import { appealEvidence, type AppealEvidence } from "./appealEvidence";
import type { TemplateChoice } from "./templateOverride";

export { DEFAULT_SHIP_NOW_WINDOWS, shipNowList } from "./shipNow";
export type { ShipNowBand, ShipNowItem, ShipNowList, ShipNowSettings } from "./shipNow";
export { whatIf } from "./whatIf";
export type { WhatIf } from "./whatIf";
export {
  delayMessages,
  fillTemplate,
  MESSAGE_TEMPLATES,
  shippedLateMessages,
  trackingUpdatedMessages,
} from "./buyerMessages";
export type { BuyerMessage, MessageKind, MessageTemplateSet } from "./buyerMessages";
export { templateOverride, templateOverrideFromText } from "./templateOverride";
export type { TemplateChoice } from "./templateOverride";
export { buyerLanguage } from "./buyerLanguage";
export { trackingFixes } from "./trackingFixes";
export type { TrackingFix } from "./trackingFixes";
export { appealEvidence, APPEAL_CHECKLIST } from "./appealEvidence";
export type { AppealEvidence, ChecklistItem } from "./appealEvidence";

/** The to-do a scan turns into, from its one result (no second judgement of the orders). */
export interface ScanActions {
  shipNow: ShipNowList;
  whatIf: WhatIf;
  /**
   * Buyer message drafts in the buyers' languages: a delay message for each overdue and urgent order (most urgent
   * first), then a shipped-late apology for each order shipped after its deadline, then a "tracking updated" note
   * to send once an order's tracking number is fixed (sheet order each).
   */
  messages: BuyerMessage[];
  /** Orders with a tracking finding, what is wrong and what fixes it. */
  trackingFixes: TrackingFix[];
  /** Orders with a false-shipment finding: their logistics record and what to attach to an appeal. */
  appealEvidence: AppealEvidence[];
  /** Why drafts fall back to English, or to the built-in wording, when they do. */
  notes: Localized[];
}

const BUILT_IN: TemplateChoice = { templates: MESSAGE_TEMPLATES, notes: [] };

/** `templates`: the drafts' wording, a seller's file over the built-in one, with why a file was refused. */
export function scanActions(
  result: ScanResult,
  settings: ShipNowSettings,
  rulebook: Rulebook,
  templates: TemplateChoice = BUILT_IN,
): ScanActions {
  const shipNow = shipNowList(result, settings);
  const fixes = trackingFixes(result);
  // Every order a new number fixes has a false-shipment finding, so its buyer's country is on that record.
  const countryOf = new Map(result.falseShipmentOrders.map((order) => [order.row, order.buyerCountry]));
  const notes: Localized[] = [...templates.notes];
  if (result.columns.buyerCountry === undefined) notes.push({ en: noCountryNote("en"), zh: noCountryNote("zh-CN") });
  return {
    shipNow,
    whatIf: whatIf(result, shipNow, rulebook),
    messages: [
      ...delayMessages(shipNow, result.asOf, DEFAULT_PROMISE_DAYS, templates.templates),
      ...shippedLateMessages(result.shippedLate, result.timeZone, templates.templates),
      ...trackingUpdatedMessages(fixes, countryOf, templates.templates),
    ],
    trackingFixes: fixes,
    appealEvidence: appealEvidence(result),
    notes,
  };
}

/** The `actions` object of the JSON report, texts in the report's language. */
export function actionsJson(actions: ScanActions, lang: Lang) {
  const pick = (text: { en: string; zh: string }): string => (lang === "zh-CN" ? text.zh : text.en);
  const { whatIf: answer } = actions;
  return {
    shipNow: actions.shipNow,
    whatIf: {
      orders: answer.orders,
      pointsIfShipped: answer.pointsIfShipped,
      pointsIfMissed: answer.pointsIfMissed,
      consequenceIfMissed: {
        level: answer.consequenceIfMissed.level,
        description: pick(answer.consequenceIfMissed.description),
        confidence: answer.consequenceIfMissed.confidence,
      },
      sentence: pick(answer.sentence),
    },
    messages: actions.messages,
    trackingFixes: actions.trackingFixes.map((fix) => ({ ...fix, problem: pick(fix.problem), fix: pick(fix.fix) })),
    // The checklist keeps both languages: the appeal may be filed in the seller centre's Chinese or English.
    appealEvidence: actions.appealEvidence.map((evidence) => ({
      ...evidence,
      findings: evidence.findings.map(pick),
      checklist: evidence.checklist.map(({ en, zh }) => ({ en, zh })),
    })),
    notes: actions.notes.map(pick),
  };
}
