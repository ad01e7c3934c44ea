import type { Localized, ViolationCode } from "../model";
import type { ScanResult } from "../report/types";

/**
 * Fixes that give the order a new or corrected tracking number, after which the buyer is told (the
 * "tracking updated" draft): data beside the advice.
 */
export const NEW_NUMBER_FIXES: ReadonlySet<ViolationCode> = new Set([
  "MISSING_TRACKING",
  "INVALID_TRACKING",
  "DUPLICATE_TRACKING",
  "CARRIER_MISMATCH",
  "SCAN_BEFORE_PAYMENT",
]);

/** What fixes each tracking problem before the platform checks it: data, one sentence per code, en and zh. */
export const TRACKING_FIX_ADVICE: Readonly<Partial<Record<ViolationCode, Localized>>> = {
  MISSING_TRACKING: {
    en: "Upload the parcel's tracking number in the seller centre (Orders → Fill in shipping info).",
    zh: "在卖家后台为该订单填写包裹的运单号（订单 → 填写发货通知）。",
  },
  INVALID_TRACKING: {
    en: "Check the number on the label and correct it in the seller centre (Modify shipping info) before the carrier's data is checked.",
    zh: "核对面单上的运单号，并在卖家后台（修改发货通知）中更正。",
  },
  DUPLICATE_TRACKING: {
    en: "Give each order the number of its own parcel; a number on two orders reads as false shipment.",
    zh: "每个订单填写其自己包裹的运单号；同一运单号用于两个订单会被视为虚假发货。",
  },
  CARRIER_MISMATCH: {
    en: "Correct the declared carrier or service to the one the number belongs to, or the number to the declared carrier's.",
    zh: "将申报的物流商或物流服务改为运单号所属的物流商，或改填申报物流商的运单号。",
  },
  SCAN_BEFORE_PAYMENT: {
    en: "This number was scanned before the buyer paid: replace it with the number of the parcel you sent for this order.",
    zh: "该运单号在买家付款前已有扫描记录：请改为本订单实际发出包裹的运单号。",
  },
  SERVICE_DOWNGRADE: {
    en: "Ship with the service the buyer chose, or get the buyer's agreement in writing (order messages) before changing it.",
    zh: "按买家选择的物流发货，或在更改前通过订单留言取得买家的书面同意。",
  },
  NOT_ONLINE: {
    en: "Ask the carrier or forwarder to scan the parcel in, and keep the hand-over receipt as appeal evidence.",
    zh: "联系物流商或货代尽快揽收扫描，并保留交接凭证作为申诉证据。",
  },
};

export interface TrackingFix {
  orderId: string;
  row: number;
  code: ViolationCode;
  /** What is wrong, as the finding says it (the check digit it should have, the other orders, the carrier). */
  problem: Localized;
  fix: Localized;
}

/** One entry per tracking finding (category "untracked"), in sheet order, from the scan's findings. */
export function trackingFixes(result: ScanResult): TrackingFix[] {
  const fixes: TrackingFix[] = [];
  for (const finding of result.findings) {
    const fix = TRACKING_FIX_ADVICE[finding.code];
    if (!fix) continue;
    fixes.push({
      orderId: finding.orderId,
      row: finding.row,
      code: finding.code,
      problem: { en: finding.message, zh: finding.messageZh },
      fix,
    });
  }
  return fixes.sort((a, b) => a.row - b.row);
}
