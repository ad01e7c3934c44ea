import type { Category, Finding, Instant, Localized, ViolationCode } from "../model";
import type { Rulebook, ServiceTier } from "../rulebook";
import { formatInstant, formatMinute } from "../dates/zone";
import { checkTrackingCell, type TrackingCheck } from "../tracking";
import { formatDuration } from "./durations";

/**
 * What a finding's message says, kept as data until someone reads it. A scan of a large sheet flags hundreds of
 * thousands of orders, and most hosts only show a few messages (the summary's top rows, one formula's tooltip,
 * AE.STATUS none at all), so the English and Chinese sentences are written on first read, not for every finding.
 */
export type FindingText =
  | { kind: "overdue"; deadline: Instant; late: number }
  | { kind: "dueSoon"; deadline: Instant; left: number }
  | { kind: "shippedLate"; deadline: Instant; late: number }
  | { kind: "missingTracking" }
  /** The tracking cell (trimmed): its failing numbers are found again when the message is read. */
  | { kind: "invalidTracking"; cell: string }
  | { kind: "duplicateTracking"; number: string; listed: string }
  | { kind: "firstScanLate"; waited: number }
  | { kind: "noFirstScan"; waited: number }
  | { kind: "sellerCancelled"; reason: string }
  /** `reference` is the payment time, or the creation time when `byCreation`. */
  | { kind: "scanBeforePayment"; firstScan: Instant; reference: Instant; byCreation: boolean }
  /** `declared` as typed; `carrier` and `format` are the number's, as recognised. */
  | { kind: "carrierMismatch"; declared: string; number: string; carrier: string; format: string }
  | { kind: "serviceDowngrade"; actual: string; actualTier: ServiceTier; chosen: string; chosenTier: ServiceTier };

/** What every message of one scan shares. */
export interface FindingTextContext {
  /** Zone the sheet's times are written in; messages show times in it. */
  timeZone: string;
  rulebook: Rulebook;
}

export function describeFinding(text: FindingText, context: FindingTextContext): Localized {
  const zone = context.timeZone;
  switch (text.kind) {
    case "overdue": {
      const late = formatDuration(text.late);
      const deadline = formatMinute(text.deadline, zone);
      return {
        en: `Not shipped; the deadline ${deadline} passed ${late.en} ago`,
        zh: `未发货；发货期限 ${deadline} 已过 ${late.zh}`,
      };
    }
    case "dueSoon": {
      const remaining = formatDuration(text.left);
      const deadline = formatMinute(text.deadline, zone);
      return {
        en: `Ship within ${remaining.en}: deadline ${deadline}`,
        zh: `请在 ${remaining.zh}内发货：期限 ${deadline}`,
      };
    }
    case "shippedLate": {
      const late = formatDuration(text.late);
      const deadline = formatMinute(text.deadline, zone);
      return {
        en: `Shipped ${late.en} after the deadline ${deadline}`,
        zh: `比发货期限 ${deadline} 晚 ${late.zh}发货`,
      };
    }
    case "missingTracking":
      return {
        en: "Marked shipped but has no tracking number",
        zh: "已标记发货但没有运单号",
      };
    case "invalidTracking": {
      const failing = checkTrackingCell(text.cell).filter((check) => !check.valid);
      const first = failing[0] as TrackingCheck;
      const others = failing.length - 1;
      const number = first.input.trim();
      const more = others > 0 ? { en: ` (+${others} more)`, zh: `（另有 ${others} 个）` } : { en: "", zh: "" };
      return {
        en: `Tracking number ${number}: ${first.message}${more.en}`,
        zh: `运单号 ${number}：${first.messageZh}${more.zh}`,
      };
    }
    case "duplicateTracking":
      return {
        en: `Tracking number ${text.number} is also on order ${text.listed}`,
        zh: `运单号 ${text.number} 也用于订单 ${text.listed}`,
      };
    case "firstScanLate": {
      const waited = formatDuration(text.waited);
      const limit = context.rulebook.onlineWindowHours.value;
      return {
        en: `First carrier scan ${waited.en} after shipment (limit ${limit} hours)`,
        zh: `发货后 ${waited.zh}才首次上网（时限 ${limit} 小时）`,
      };
    }
    case "noFirstScan": {
      const waited = formatDuration(text.waited);
      const limit = context.rulebook.noFirstScanDays.value;
      return {
        en: `No carrier scan ${waited.en} after shipment (limit ${limit} days)`,
        zh: `发货 ${waited.zh}后仍无物流扫描（时限 ${limit} 天）`,
      };
    }
    case "sellerCancelled":
      return {
        en: `Closed before shipment for a seller-side reason: "${text.reason}"`,
        zh: `发货前因卖家原因关闭：“${text.reason}”`,
      };
    case "scanBeforePayment": {
      const early = formatDuration(text.reference - text.firstScan);
      const scan = formatInstant(text.firstScan, zone);
      const reference = formatInstant(text.reference, zone);
      const what = text.byCreation ? { en: "the order was placed", zh: "下单" } : { en: "payment", zh: "付款" };
      return {
        en: `First carrier scan ${scan} is ${early.en} before ${what.en} (${reference}): the number belongs to another parcel`,
        zh: `首次扫描 ${scan} 比${what.zh}（${reference}）早 ${early.zh}：该运单号属于其他包裹`,
      };
    }
    case "carrierMismatch": {
      const format = text.format ? ` (${text.format})` : "";
      return {
        en: `Declared ${text.declared}; ${text.number} is a ${text.carrier}${format} number`,
        zh: `申报物流为 ${text.declared}；${text.number} 是 ${text.carrier}${format} 的运单号`,
      };
    }
    case "serviceDowngrade": {
      const actual = TIER_NAMES[text.actualTier];
      const chosen = TIER_NAMES[text.chosenTier];
      return {
        en: `Shipped with ${text.actual} (${actual.en}); the buyer chose ${text.chosen} (${chosen.en})`,
        zh: `实际发货物流 ${text.actual}（${actual.zh}）低于买家选择的 ${text.chosen}（${chosen.zh}）`,
      };
    }
  }
}

const TIER_NAMES: Readonly<Record<ServiceTier, Localized>> = {
  economy: { en: "economy", zh: "经济" },
  standard: { en: "standard", zh: "标准" },
  premium: { en: "premium/express", zh: "优先/快递" },
};

const NO_ROWS: number[] = [];

/**
 * A Finding whose message and messageZh are written when first read. Its own enumerable properties are exactly a
 * Finding's apart from the two messages, and toJSON gives the plain Finding, so reports and copies read as before.
 */
export class ScanFinding implements Finding {
  row = 0;
  rows: number[] = NO_ROWS;
  points = 0;
  carrier: string | undefined = undefined;
  readonly #text: FindingText;
  readonly #context: FindingTextContext;
  #said: Localized | undefined = undefined;

  constructor(
    readonly orderId: string,
    readonly code: ViolationCode,
    readonly category: Category,
    readonly at: Instant | undefined,
    text: FindingText,
    context: FindingTextContext,
  ) {
    this.#text = text;
    this.#context = context;
  }

  get message(): string {
    return this.said().en;
  }

  get messageZh(): string {
    return this.said().zh;
  }

  toJSON(): Finding {
    return {
      row: this.row,
      rows: this.rows,
      orderId: this.orderId,
      code: this.code,
      category: this.category,
      points: this.points,
      message: this.message,
      messageZh: this.messageZh,
      at: this.at,
      carrier: this.carrier,
    };
  }

  private said(): Localized {
    return (this.#said ??= describeFinding(this.#text, this.#context));
  }
}
