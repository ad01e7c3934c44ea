import type { Finding, Localized } from "../model";
import type { Rulebook } from "../rulebook";
import { assessFindings, assignPoints } from "../assess";
import type { Consequence, ScanResult } from "../report/types";
import type { ShipNowList } from "./shipNow";

/** What shipping the urgent and soon orders in time saves, by the scan's own assessment. */
export interface WhatIf {
  /** The orders whose deadline falls inside the soon window and has not passed. */
  orders: string[];
  pointsIfShipped: number;
  consequenceIfShipped: Consequence;
  pointsIfMissed: number;
  consequenceIfMissed: Consequence;
  /** The one line a seller reads. */
  sentence: Localized;
}

/**
 * Points if the ship-now orders still in time ship before their deadlines (the scan's points) and if they all miss
 * them: each becomes OVERDUE_UNSHIPPED, and the findings go through the same `assignPoints` and `assessFindings`
 * as the scan's, escalation tiers included.
 */
export function whatIf(result: ScanResult, list: ShipNowList, rulebook: Rulebook): WhatIf {
  const atRisk = list.items.filter((item) => item.band === "urgent" || item.band === "soon");
  const deadlineOf = new Map(atRisk.map((item) => [item.orderId, item]));
  const missed: Finding[] = [];
  const covered = new Set<string>();
  for (const finding of result.findings) {
    const item = deadlineOf.get(finding.orderId);
    const copy: Finding = { ...finding, rows: finding.rows, message: "", messageZh: "", points: 0 };
    if (item && finding.code === "DUE_SOON") {
      copy.code = "OVERDUE_UNSHIPPED";
      copy.category = rulebook.violations.OVERDUE_UNSHIPPED.category;
      copy.at = item.deadline;
      covered.add(finding.orderId);
    }
    missed.push(copy);
  }
  for (const item of atRisk) {
    if (covered.has(item.orderId)) continue;
    missed.push({
      row: item.row,
      rows: [item.row],
      orderId: item.orderId,
      code: "OVERDUE_UNSHIPPED",
      category: rulebook.violations.OVERDUE_UNSHIPPED.category,
      points: 0,
      message: "",
      messageZh: "",
      at: item.deadline,
    });
  }
  assignPoints(missed, rulebook);
  const ifMissed = assessFindings(missed, rulebook, result.asOf, result.maxTrackingReuse);
  const shipped = result.assessment;
  const n = atRisk.length;
  const sentence: Localized =
    n === 0
      ? {
          en: `No order is due within ${list.soonHours} hours; you stay at ${shipped.totalPoints} points.`,
          zh: `${list.soonHours} 小时内没有到期的订单；扣分保持 ${shipped.totalPoints} 分。`,
        }
      : {
          en:
            `Ship ${n === 1 ? "this order" : `these ${n} orders`} in time and you stay at ${shipped.totalPoints} points; ` +
            `miss ${n === 1 ? "it" : "them"} and you reach ${ifMissed.consequence.description.en}.`,
          zh: `按时发出这 ${n} 个订单，扣分保持 ${shipped.totalPoints} 分；错过则达到 ${ifMissed.consequence.description.zh}。`,
        };
  return {
    orders: atRisk.map((item) => item.orderId),
    pointsIfShipped: shipped.totalPoints,
    consequenceIfShipped: shipped.consequence,
    pointsIfMissed: ifMissed.totalPoints,
    consequenceIfMissed: ifMissed.consequence,
    sentence,
  };
}
