import type { Lang } from "../model";
import type { Rulebook } from "../rulebook";
import type { ScanResult } from "../report/types";
import { shipNowList, type ShipNowList, type ShipNowSettings } from "./shipNow";
import { whatIf, type WhatIf } from "./whatIf";

export { DEFAULT_SHIP_NOW_WINDOWS, shipNowList } from "./shipNow";
export type { ShipNowBand, ShipNowItem, ShipNowList, ShipNowSettings } from "./shipNow";
export { whatIf } from "./whatIf";
export type { WhatIf } from "./whatIf";

/** The to-do a scan turns into, from its one result (no second judgement of the orders). */
export interface ScanActions {
  shipNow: ShipNowList;
  whatIf: WhatIf;
}

export function scanActions(result: ScanResult, settings: ShipNowSettings, rulebook: Rulebook): ScanActions {
  const shipNow = shipNowList(result, settings);
  return { shipNow, whatIf: whatIf(result, shipNow, rulebook) };
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
  };
}
