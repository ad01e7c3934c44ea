import type { CanonicalField, Order, ScanOptions } from "../../../src/core/model";
import { CANONICAL_FIELDS } from "../../../src/core/model";
import { scanOrders } from "../../../src/core/scan";
import { loadRulebook } from "../../../src/core/rulebook";
import { penaltyPoints } from "../../../src/core/assess";
import { wallClockToInstant } from "../../../src/core/dates/zone";

const LA = "America/Los_Angeles";
/** A Pacific wall-clock time as an instant. */
const pt = (y: number, mo: number, d: number, h = 0, mi = 0) => wallClockToInstant(Date.UTC(y, mo - 1, d, h, mi), LA);
const ALL_COLUMNS = new Set<CanonicalField>(CANONICAL_FIELDS);
/** A seller-centre export: every column but the first-scan one, which comes from tracking tools. */
const EXPORT_COLUMNS = new Set<CanonicalField>(CANONICAL_FIELDS.filter((field) => field !== "firstScanAt"));

/** A valid UPU S10 number with the given 8-digit serial (weights 8 6 4 2 3 5 9 7, mod 11). */
function s10(serial: number): string {
  const digits = String(serial).padStart(8, "0");
  const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  return `RR${digits}${check === 10 ? 0 : check === 11 ? 5 : check}CN`;
}
let nextSerial = 20250001;
const trackingNumber = () => s10(nextSerial++);
const options: ScanOptions = { asOf: pt(2025, 6, 15, 12), timeZone: LA };

let nextRow = 2;
function order(fields: Partial<Order>): Order {
  const row = nextRow++;
  return { orderId: `80${row}`, rows: [row], ...fields };
}

function scan(orders: Order[], scanOptions: Partial<ScanOptions> = {}, present = EXPORT_COLUMNS, overrideJson?: string) {
  return scanOrders(
    orders,
    present,
    { ...options, ...scanOptions },
    { sheet: "Orders", headerRow: 1, firstColumn: 1, lastColumn: 10, lastRow: nextRow, rows: orders.length, columns: {} },
    [],
    loadRulebook(overrideJson),
  );
}
const codesOf = (orders: Order[], scanOptions?: Partial<ScanOptions>, present: Set<CanonicalField> = EXPORT_COLUMNS) =>
  scan(orders, scanOptions, present).findings.map((f) => `${f.orderId}:${f.code}`);

describe("shipping deadline", () => {
  it("comes from payment + 7 handling days when the sheet has no deadline column", () => {
    const late = order({ status: "WAIT_BUYER_ACCEPT_GOODS", paidAt: pt(2025, 6, 1, 10), shippedAt: pt(2025, 6, 9, 22), trackingNumber: trackingNumber() });
    const result = scan([late]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ code: "SHIPPED_LATE", category: "late", row: late.rows[0] });
    expect(result.findings[0]?.message).toBe("Shipped 1 d 12 h after the deadline 2025-06-08 10:00");
  });

  it("uses the sheet's own deadline column over payment + handling days", () => {
    const onTime = order({ status: "已发货", paidAt: pt(2025, 6, 1, 10), shipDeadline: pt(2025, 6, 10, 10), shippedAt: pt(2025, 6, 9, 22), trackingNumber: trackingNumber() });
    expect(codesOf([onTime])).toEqual([]);
  });

  it("uses the row's own handling days, then the scan option", () => {
    const shipped = { status: "Shipped", paidAt: pt(2025, 6, 1, 10), shippedAt: pt(2025, 6, 5, 10) };
    const threeDays = order({ ...shipped, handlingDays: 3, trackingNumber: trackingNumber() });
    const defaultDays = order({ ...shipped, trackingNumber: trackingNumber() });
    expect(codesOf([threeDays, defaultDays])).toEqual([`${threeDays.orderId}:SHIPPED_LATE`]);
    expect(codesOf([defaultDays], { handlingDays: 2 })).toEqual([`${defaultDays.orderId}:SHIPPED_LATE`]);
  });

  it("keeps the payment's wall-clock time when the deadline falls after the spring DST change", () => {
    // Paid 10:00 PST on 5 March; the deadline is 10:00 PDT on 12 March, only 167 elapsed hours later.
    const shipped = order({ status: "Shipped", paidAt: pt(2025, 3, 5, 10), shippedAt: pt(2025, 3, 12, 10, 30), trackingNumber: trackingNumber() });
    const result = scan([shipped], { asOf: pt(2025, 3, 20) });
    expect(result.findings.map((f) => f.message)).toEqual(["Shipped 30 min after the deadline 2025-03-12 10:00"]);
  });
});

describe("awaiting shipment", () => {
  it("raises OVERDUE_UNSHIPPED once the deadline has passed with no ship time and no tracking", () => {
    const overdue = order({ status: "等待您发货", paidAt: pt(2025, 6, 1, 10) });
    const [finding] = scan([overdue]).findings;
    expect(finding).toMatchObject({ code: "OVERDUE_UNSHIPPED", category: "late", points: 2 });
    expect(finding?.message).toBe("Not shipped; the deadline 2025-06-08 10:00 passed 7 d 2 h ago");
    expect(finding?.messageZh).toContain("未发货");
  });

  it("raises DUE_SOON inside the 24 h window and nothing outside it", () => {
    const soon = order({ status: "WAIT_SELLER_SEND_GOODS", shipDeadline: pt(2025, 6, 15, 22) });
    const later = order({ status: "WAIT_SELLER_SEND_GOODS", shipDeadline: pt(2025, 6, 16, 18) });
    const result = scan([soon, later]);
    expect(result.findings.map((f) => `${f.orderId}:${f.code}:${f.points}`)).toEqual([`${soon.orderId}:DUE_SOON:0`]);
    expect(result.findings[0]?.message).toBe("Ship within 10 h: deadline 2025-06-15 22:00");
    expect(codesOf([later], { dueSoonHours: 48 })).toEqual([`${later.orderId}:DUE_SOON`]);
  });

  it("counts an uploaded tracking number as shipped even when the status still says awaiting", () => {
    const uploaded = order({ status: "Awaiting shipment", paidAt: pt(2025, 6, 1, 10), trackingNumber: trackingNumber() });
    expect(codesOf([uploaded])).toEqual([]);
  });

  it("raises no late code for unpaid, closed, cancelled or refunded orders", () => {
    const past = { paidAt: pt(2025, 5, 1, 10) };
    const orders = [
      order({ ...past, status: "PLACE_ORDER_SUCCESS" }),
      order({ ...past, status: "订单关闭" }),
      order({ ...past, status: "Cancelled", cancelReason: "买家现在不想购买" }),
      order({ ...past, status: "已退款" }),
      order({ ...past, status: "FINISH", cancelReason: "buyer_pay_timeout" }),
    ];
    expect(codesOf(orders)).toEqual([]);
  });
});

describe("cancellations", () => {
  it("raises SELLER_CANCELLED for a seller-side reason and for the platform's shipping-timeout close", () => {
    const outOfStock = order({ status: "Closed", paidAt: pt(2025, 6, 1), cancelReason: "库存不足" });
    const timeout = order({ status: "FINISH", paidAt: pt(2025, 6, 1), cancelReason: "seller_send_goods_timeout" });
    const buyer = order({ status: "Closed", paidAt: pt(2025, 6, 1), cancelReason: "Buyer no longer wants the item" });
    const result = scan([outOfStock, timeout, buyer]);
    expect(result.findings.map((f) => `${f.orderId}:${f.code}`)).toEqual([
      `${outOfStock.orderId}:SELLER_CANCELLED`,
      `${timeout.orderId}:SELLER_CANCELLED`,
    ]);
    expect(result.findings[0]?.message).toContain("库存不足");
  });
});

describe("tracking", () => {
  const shipped = { status: "WAIT_BUYER_ACCEPT_GOODS", paidAt: pt(2025, 6, 10), shippedAt: pt(2025, 6, 11) };

  it("raises MISSING_TRACKING for a shipped order with no number, only when the sheet has the column", () => {
    const missing = order({ ...shipped });
    expect(codesOf([missing])).toEqual([`${missing.orderId}:MISSING_TRACKING`]);
    const noColumn = new Set<CanonicalField>(CANONICAL_FIELDS.filter((f) => f !== "trackingNumber"));
    const result = scan([missing], {}, noColumn);
    expect(result.findings).toEqual([]);
    expect(result.skipped.map((s) => s.missingField)).toContain("trackingNumber");
  });

  it("raises INVALID_TRACKING with the reason: wrong check digit, unknown format, placeholder", () => {
    const badCheck = order({ ...shipped, trackingNumber: "EA152563254CN" });
    const junk = order({ ...shipped, trackingNumber: "hello" });
    const placeholder = order({ ...shipped, trackingNumber: "N/A" });
    const result = scan([badCheck, junk, placeholder]);
    expect(result.findings.map((f) => f.code)).toEqual(["INVALID_TRACKING", "INVALID_TRACKING", "INVALID_TRACKING"]);
    expect(result.findings[0]?.message).toMatch(/check digit should be 1/i);
    expect(result.findings[2]?.message).toMatch(/placeholder/i);
  });

  it("accepts lower-case, spaced numbers and judges each number of a multi-number cell", () => {
    const spaced = order({ ...shipped, trackingNumber: "ea 1525 6325 1cn" });
    const twoNumbers = order({ ...shipped, trackingNumber: "UG586285221CN, RR123456786CN" });
    expect(codesOf([spaced, twoNumbers])).toEqual([`${twoNumbers.orderId}:INVALID_TRACKING`]);
  });

  it("raises DUPLICATE_TRACKING on every order sharing a number, but not within one order's rows", () => {
    const number = trackingNumber();
    const first = order({ ...shipped, trackingNumber: number });
    const second = order({ ...shipped, trackingNumber: ` ${number.toLowerCase().replace(/(\d{4})/, "$1 ")} ` });
    const multiRow: Order = { ...order({ ...shipped, trackingNumber: trackingNumber() }), rows: [40, 41, 42] };
    const result = scan([first, second, multiRow]);
    expect(result.findings.map((f) => `${f.orderId}:${f.code}`)).toEqual([
      `${first.orderId}:DUPLICATE_TRACKING`,
      `${second.orderId}:DUPLICATE_TRACKING`,
    ]);
    expect(result.findings[0]?.message).toBe(`Tracking number ${number} is also on order ${second.orderId}`);
  });

  it("names at most three other orders when one number is on many orders", () => {
    const number = trackingNumber();
    const orders = Array.from({ length: 6 }, () => order({ ...shipped, trackingNumber: number }));
    const result = scan(orders);
    expect(result.findings.filter((f) => f.code === "DUPLICATE_TRACKING")).toHaveLength(6);
    expect(result.findings[0]?.message).toBe(
      `Tracking number ${number} is also on order ${orders.slice(1, 4).map((o) => o.orderId).join(", ")} (+2)`,
    );
  });

  it("raises NOT_ONLINE for a first scan after 72 h and for no scan 5 days after shipment", () => {
    const slow = order({ ...shipped, trackingNumber: trackingNumber(), firstScanAt: shipped.shippedAt + 80 * 3_600_000 });
    const quick = order({ ...shipped, trackingNumber: trackingNumber(), firstScanAt: shipped.shippedAt + 20 * 3_600_000 });
    const never = order({ ...shipped, shippedAt: pt(2025, 6, 9), trackingNumber: trackingNumber() });
    const result = scan([slow, quick, never], {}, ALL_COLUMNS);
    expect(result.findings.map((f) => `${f.orderId}:${f.code}`)).toEqual([
      `${slow.orderId}:NOT_ONLINE`,
      `${never.orderId}:NOT_ONLINE`,
    ]);
    expect(result.findings[0]?.message).toBe("First carrier scan 3 d 8 h after shipment (limit 72 hours)");
    expect(codesOf([slow, never], {}, EXPORT_COLUMNS)).toEqual([]);
    expect(scan([slow], {}, EXPORT_COLUMNS).skipped.map((s) => s.missingField)).toContain("firstScanAt");
  });
});

describe("points and consequence", () => {
  const shipped = { status: "Shipped", paidAt: pt(2025, 6, 10), shippedAt: pt(2025, 6, 11) };

  it("counts one false-shipment case per order even when two of its codes fire", () => {
    const a = order({ ...shipped, trackingNumber: "EA152563254CN" });
    const b = order({ ...shipped, trackingNumber: "EA152563254CN" });
    const result = scan([a, b]);
    expect(result.findings.map((f) => `${f.code}:${f.points}`)).toEqual([
      "INVALID_TRACKING:2",
      "DUPLICATE_TRACKING:0",
      "INVALID_TRACKING:2",
      "DUPLICATE_TRACKING:0",
    ]);
    expect(result.assessment.totalPoints).toBe(4);
    expect(result.assessment.consequence.description.en).toMatch(/^4 points: no store-level penalty yet; store frozen 7 days at 12/);
    expect(result.assessment.consequence.description.en).toMatch(/low confidence/);
  });

  it("adds the serious false-shipment tier at 3 cases and agrees with AE.PENALTY", () => {
    const orders = ["RR123456786CN", "hello", "N/A"].map((tracking) => order({ ...shipped, trackingNumber: tracking }));
    const result = scan(orders);
    expect(result.assessment.totalPoints).toBe(3 * 2 + 12);
    expect(penaltyPoints("虚假发货", 3, loadRulebook())).toBe(result.assessment.totalPoints);
    expect(result.assessment.consequence.level).toBe("frozen-7d");
    expect(result.assessment.consequence.description.en).toMatch(/^18 points: store frozen 7 days/);
  });

  it("applies a user override of a point value and says the number is the user's", () => {
    const late = order({ ...shipped, shippedAt: pt(2025, 6, 20), trackingNumber: trackingNumber() });
    const overrideJson = JSON.stringify({ families: { nonFulfillment: { pointsPerCase: 6 } } });
    const result = scan([late], {}, EXPORT_COLUMNS, overrideJson);
    expect(result.findings[0]).toMatchObject({ code: "SHIPPED_LATE", points: 6 });
    expect(result.assessment.totalPoints).toBe(6);
    expect(result.rulebook.version).toMatch(/\+custom$/);
  });
});
