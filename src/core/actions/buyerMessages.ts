import type { Lang } from "../model";
import { formatInstant } from "../dates/zone";
import type { ShipNowList } from "./shipNow";
import type { ShippedLateOrder } from "../report/types";
import { NEW_NUMBER_FIXES, type TrackingFix } from "./trackingFixes";
import { buyerLanguage, type MessageLanguage } from "./buyerLanguage";
import de from "./templates/de.json";
import en from "./templates/en.json";
import es from "./templates/es.json";
import fr from "./templates/fr.json";
import ko from "./templates/ko.json";
import pl from "./templates/pl.json";
import ptBR from "./templates/pt-BR.json";
import ru from "./templates/ru.json";
import zhCN from "./templates/zh-CN.json";

export type MessageKind = "delay" | "shippedLate" | "trackingUpdated";
export type MessageTemplates = Record<MessageKind, string>;
/** A template per kind for every language: the built-in set, or it with a seller's file over it (templateOverride). */
export type MessageTemplateSet = Readonly<Record<MessageLanguage, MessageTemplates>>;

/** Reviewed drafts, one file per language: data, not code. */
export const MESSAGE_TEMPLATES: MessageTemplateSet = {
  en,
  ru,
  es,
  fr,
  "pt-BR": ptBR,
  pl,
  ko,
  de,
  "zh-CN": zhCN,
};

/** A new ship date this many days after as-of: the promise a delay message makes (a setting of the to-do). */
export const DEFAULT_PROMISE_DAYS = 1;

export interface BuyerMessage {
  orderId: string;
  row: number;
  kind: MessageKind;
  language: MessageLanguage;
  /** The draft, with the order id and the new ship date filled in. Never sent: the seller copies it. */
  text: string;
}

const DAY = 86_400_000;

/** Fills `{name}` placeholders; a placeholder the values lack stays as written, so a reviewer sees it. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * A delay message for every order overdue or due within the urgent window, in its buyer's language (English when
 * the sheet has no buyer-country column or the country is unknown), promising shipment `promiseDays` after as-of
 * (the date in the sheet's zone, the platform's).
 */
export function delayMessages(
  list: ShipNowList,
  asOf: number,
  promiseDays = DEFAULT_PROMISE_DAYS,
  templates: MessageTemplateSet = MESSAGE_TEMPLATES,
): BuyerMessage[] {
  const shipDate = formatInstant(asOf + promiseDays * DAY, list.sheetTimeZone).slice(0, 10);
  return list.items
    .filter((item) => item.band === "overdue" || item.band === "urgent")
    .map((item) => draft("delay", item, item.buyerCountry, { shipDate }, templates));
}

/**
 * A shipped-late apology for every order whose shipment was declared after its deadline, in its buyer's language,
 * in sheet order. `shipDate` is the day it shipped (sheet zone), for a template that names it.
 */
export function shippedLateMessages(
  orders: readonly ShippedLateOrder[],
  timeZone: string,
  templates: MessageTemplateSet = MESSAGE_TEMPLATES,
): BuyerMessage[] {
  return orders.map((order) => {
    const shipDate = formatInstant(order.shippedAt, timeZone).slice(0, 10);
    return draft("shippedLate", order, order.buyerCountry, { shipDate }, templates);
  });
}

/**
 * A "tracking updated" draft for every order whose fix gives it a new or corrected number (`NEW_NUMBER_FIXES`), to
 * send once the seller has fixed it; one per order, in sheet order, in its buyer's language.
 */
export function trackingUpdatedMessages(
  fixes: readonly TrackingFix[],
  countryOf: ReadonlyMap<number, string | undefined>,
  templates: MessageTemplateSet = MESSAGE_TEMPLATES,
): BuyerMessage[] {
  const drafted = new Set<number>();
  const messages: BuyerMessage[] = [];
  for (const fix of fixes) {
    if (!NEW_NUMBER_FIXES.has(fix.code) || drafted.has(fix.row)) continue;
    drafted.add(fix.row);
    messages.push(draft("trackingUpdated", fix, countryOf.get(fix.row), {}, templates));
  }
  return messages;
}

/** One order's draft of `kind` in its buyer's language, the order id and `values` filled in. */
function draft(
  kind: MessageKind,
  order: { orderId: string; row: number },
  buyerCountry: string | undefined,
  values: Record<string, string>,
  templates: MessageTemplateSet,
): BuyerMessage {
  const language = buyerLanguage(buyerCountry);
  const text = fillTemplate(templates[language][kind], { ...values, orderId: order.orderId });
  return { orderId: order.orderId, row: order.row, kind, language, text };
}

/** The note when drafts fall back to English because the sheet names no buyer country. */
export function noCountryNote(lang: Lang): string {
  return lang === "zh-CN"
    ? "表中没有收货国家列：买家消息草稿均为英文。"
    : "The sheet has no buyer-country column: the buyer message drafts are in English.";
}
