import type { Finding, Localized, ViolationCode } from "../model";
import { formatMinute } from "../dates/zone";
import type { FalseShipmentOrder, ScanResult } from "../report/types";
import checklist from "./appealChecklist.json";

/** One thing to attach to an appeal, in English and Chinese; `sources` are the rulebook's source ids. */
export interface ChecklistItem extends Localized {
  sources?: string[];
}

/** What to attach: for every false-shipment appeal, and per finding code. Data, reviewed like the templates. */
export const APPEAL_CHECKLIST: {
  always: ChecklistItem[];
  byCode: Partial<Record<ViolationCode, ChecklistItem[]>>;
} = checklist;

/** One order's appeal file: the logistics record's facts, what the findings say, and what to attach. */
export interface AppealEvidence extends Omit<FalseShipmentOrder, "shippedAt" | "firstScanAt" | "deliveredAt"> {
  /** Declared ship time, first carrier scan and delivery, to the minute in the sheet's zone, where the sheet has them. */
  shippedAt?: string;
  firstScanAt?: string;
  deliveredAt?: string;
  /** What each false-shipment finding of the order says. */
  findings: Localized[];
  checklist: ChecklistItem[];
}

function checklistFor(codes: readonly ViolationCode[]): ChecklistItem[] {
  return [...APPEAL_CHECKLIST.always, ...codes.flatMap((code) => APPEAL_CHECKLIST.byCode[code] ?? [])];
}

/** The appeal evidence of every order with a false-shipment finding, in sheet order, from the scan's one result. */
export function appealEvidence(result: ScanResult): AppealEvidence[] {
  const rows = new Set(result.falseShipmentOrders.map((order) => order.row));
  const findingsOf = new Map<number, Finding[]>();
  for (const finding of result.findings) {
    if (!rows.has(finding.row)) continue;
    const list = findingsOf.get(finding.row);
    if (list) list.push(finding);
    else findingsOf.set(finding.row, [finding]);
  }
  return result.falseShipmentOrders.map((order: FalseShipmentOrder): AppealEvidence => {
    const { shippedAt, firstScanAt, deliveredAt, ...declared } = order;
    const findings = (findingsOf.get(order.row) ?? [])
      .filter((finding) => order.codes.includes(finding.code))
      .map((finding) => ({ en: finding.message, zh: finding.messageZh }));
    return {
      ...declared,
      ...(shippedAt !== undefined ? { shippedAt: formatMinute(shippedAt, result.timeZone) } : {}),
      ...(firstScanAt !== undefined ? { firstScanAt: formatMinute(firstScanAt, result.timeZone) } : {}),
      ...(deliveredAt !== undefined ? { deliveredAt: formatMinute(deliveredAt, result.timeZone) } : {}),
      findings,
      checklist: checklistFor(order.codes),
    };
  });
}
