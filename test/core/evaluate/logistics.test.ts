import fc from "fast-check";
import type { CanonicalField, Order, ScanOptions } from "../../../src/core/model";
import { CANONICAL_FIELDS } from "../../../src/core/model";
import { scanOrders } from "../../../src/core/scan";
import { ALIEXPRESS_RULEBOOK, loadRulebook, normalizeWord } from "../../../src/core/rulebook";
import { wallClockToInstant } from "../../../src/core/dates/zone";
import { splitServicePrefix } from "../../../src/core/evaluate/logistics";
import { toReportJson } from "../../../src/core/report/json";
import { buildSummaryModel } from "../../../src/core/report/summary";

const LA = "America/Los_Angeles";
const pt = (y: number, mo: number, d: number, h = 0, mi = 0) => wallClockToInstant(Date.UTC(y, mo - 1, d, h, mi), LA);
const ALL_COLUMNS = new Set<CanonicalField>(CANONICAL_FIELDS);
const options: ScanOptions = { asOf: pt(2025, 6, 15, 12), timeZone: LA };

/** A valid UPU S10 number (weights 8 6 4 2 3 5 9 7, mod 11) of `country`. */
function s10(serial: number, country = "CN", service = "RR"): string {
  const digits = String(serial).padStart(8, "0");
  const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  return `${service}${digits}${check === 10 ? 0 : check === 11 ? 5 : check}${country}`;
}
let serial = 30250001;
const chinaPost = () => s10(serial++);
const CAINIAO_LP = "LP00649731204655";

let nextRow = 2;
/** A shipped order, paid 1 June, shipped on time with a valid China Post number, unless `fields` says otherwise. */
function shipped(fields: Partial<Order> = {}): Order {
  const row = nextRow++;
  return {
    orderId: `81${row}`,
    rows: [row],
    status: "WAIT_BUYER_ACCEPT_GOODS",
    paidAt: pt(2025, 6, 1, 10),
    shippedAt: pt(2025, 6, 3, 10),
    firstScanAt: pt(2025, 6, 4, 10),
    trackingNumber: chinaPost(),
    ...fields,
  };
}

function scan(orders: Order[], overrideJson?: string, present: ReadonlySet<CanonicalField> = ALL_COLUMNS) {
  return scanOrders(
    orders,
    present,
    options,
    {
      sheet: "Orders",
      headerRow: 1,
      firstColumn: 1,
      lastColumn: 10,
      lastRow: nextRow,
      rows: orders.length,
      columns: { carrier: "实际发货物流", buyerCarrier: "买家选择物流", businessMode: "订单业务模式" },
    },
    [],
    loadRulebook(overrideJson),
  );
}
const codes = (orders: Order[], overrideJson?: string) =>
  scan(orders, overrideJson).findings.map((finding) => finding.code);

describe("SCAN_BEFORE_PAYMENT", () => {
  it("fires when the first scan is more than 12 hours before payment, and says both times", () => {
    const result = scan([shipped({ firstScanAt: pt(2025, 5, 30, 9) })]);
    expect(result.findings.map((f) => f.code)).toEqual(["SCAN_BEFORE_PAYMENT"]);
    expect(result.findings[0]).toMatchObject({ category: "untracked", points: 2 });
    expect(result.findings[0]?.message).toBe(
      "First carrier scan 2025-05-30 09:00 is 2 d 1 h before payment (2025-06-01 10:00): the number belongs to another parcel",
    );
  });

  it("allows the tolerance: a scan 11 hours before payment is not flagged", () => {
    expect(codes([shipped({ firstScanAt: pt(2025, 5, 31, 23) })])).toEqual([]);
  });

  it("uses the order creation time when the payment time is missing", () => {
    const order = shipped({ paidAt: undefined, createdAt: pt(2025, 6, 1, 8), firstScanAt: pt(2025, 5, 28, 8) });
    const result = scan([order]);
    expect(result.findings.map((f) => f.code)).toContain("SCAN_BEFORE_PAYMENT");
    expect(result.findings.find((f) => f.code === "SCAN_BEFORE_PAYMENT")?.message).toContain(
      "before the order was placed",
    );
  });

  it("follows the rulebook's tolerance when the user changes it", () => {
    const order = () => [shipped({ firstScanAt: pt(2025, 5, 31, 8) })]; // 26 hours early
    expect(codes(order())).toEqual(["SCAN_BEFORE_PAYMENT"]);
    expect(codes(order(), JSON.stringify({ logistics: { scanBeforePaymentToleranceHours: 48 } }))).toEqual([]);
  });

  it("counts one 虚假发货 case with INVALID_TRACKING on the same order", () => {
    const result = scan([shipped({ firstScanAt: pt(2025, 5, 20), trackingNumber: "RR123456789CN" })]);
    expect(result.findings.map((f) => f.code).sort()).toEqual(["INVALID_TRACKING", "SCAN_BEFORE_PAYMENT"]);
    expect(result.findings.reduce((sum, f) => sum + f.points, 0)).toBe(2);
  });
});

describe("CARRIER_MISMATCH", () => {
  it("fires for a China Post S10 number declared as UPS, naming both", () => {
    const number = s10(60214431);
    const result = scan([shipped({ carrier: "UPS", trackingNumber: number })]);
    expect(result.findings.map((f) => f.code)).toEqual(["CARRIER_MISMATCH"]);
    expect(result.findings[0]?.message).toBe(`Declared UPS; ${number} is a China Post (UPU S10) number`);
    expect(result.findings[0]?.messageZh).toBe(`申报物流为 UPS；${number} 是 China Post (UPU S10) 的运单号`);
  });

  it("accepts what the declared carrier can hand over: any post for a consolidator, China Post for ePacket", () => {
    expect(codes([shipped({ carrier: "YANWEN", trackingNumber: s10(1234, "DE") })])).toEqual([]);
    expect(codes([shipped({ carrier: "e邮宝", trackingNumber: chinaPost() })])).toEqual([]);
    expect(codes([shipped({ carrier: "DHL", trackingNumber: CAINIAO_LP })])).toEqual(["CARRIER_MISMATCH"]);
  });

  it("never flags a Cainiao service (it hands over to many posts) or a name the table does not know", () => {
    expect(codes([shipped({ carrier: "AliExpress Standard Shipping", trackingNumber: CAINIAO_LP })])).toEqual([]);
    const result = scan([shipped({ carrier: "Speedy Parcels Ltd", trackingNumber: CAINIAO_LP })]);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        problem: "UNKNOWN_LOGISTICS_NAME",
        value: "Speedy Parcels Ltd",
        column: "实际发货物流",
      }),
    ]);
  });

  it("reads the carrier half of a combined cell and a service-code prefix in the tracking cell", () => {
    expect(codes([shipped({ carrier: "UPS, DHL", trackingNumber: chinaPost() })])).toEqual(["CARRIER_MISMATCH"]);
    const prefixed = scan([shipped({ trackingNumber: `EMS:${CAINIAO_LP}` })]);
    expect(prefixed.findings.map((f) => f.code)).toEqual(["CARRIER_MISMATCH"]);
    expect(prefixed.findings[0]?.message).toBe(`Declared EMS; ${CAINIAO_LP} is a Cainiao (Cainiao LP) number`);
  });

  it("is one 虚假发货 case with INVALID_TRACKING", () => {
    const result = scan([shipped({ carrier: "UPS", trackingNumber: "LX602144319CN" })]);
    expect(result.findings.map((f) => f.code).sort()).toEqual(["CARRIER_MISMATCH", "INVALID_TRACKING"]);
    expect(result.assessment.totalPoints).toBe(2);
  });
});

describe("service-code prefixes in tracking cells", () => {
  it("splits a known code, with a warehouse suffix and any separator, from the number", () => {
    const prefix = splitServicePrefix(`CAINIAO_STANDARD_WEIHAI:${CAINIAO_LP}`, ALIEXPRESS_RULEBOOK);
    expect(prefix).toMatchObject({ code: "CAINIAO_STANDARD_WEIHAI", rest: CAINIAO_LP });
    expect(prefix?.service.id).toBe("aliexpress_standard");
    expect(splitServicePrefix(`CAINIAO_STANDARD_${CAINIAO_LP}`, ALIEXPRESS_RULEBOOK)?.rest).toBe(CAINIAO_LP);
    expect(splitServicePrefix(`cainiao_premium ${CAINIAO_LP}`, ALIEXPRESS_RULEBOOK)?.service.tier).toBe("premium");
    expect(splitServicePrefix(CAINIAO_LP, ALIEXPRESS_RULEBOOK)).toBeUndefined();
    expect(splitServicePrefix("CAINIAO_STANDARD_WEIHAI", ALIEXPRESS_RULEBOOK)).toBeUndefined();
  });

  it("judges the number after the prefix: a valid number behind a service code is not INVALID_TRACKING", () => {
    expect(codes([shipped({ trackingNumber: `CAINIAO_STANDARD_WEIHAI:${CAINIAO_LP}` })])).toEqual([]);
    expect(codes([shipped({ trackingNumber: "CAINIAO_STANDARD:LX602144319CN" })])).toEqual(["INVALID_TRACKING"]);
  });
});

describe("SERVICE_DOWNGRADE", () => {
  it("fires when the actual service is of a lower tier than the buyer's choice, with both names", () => {
    const result = scan([
      shipped({
        carrier: "AliExpress Saver Shipping",
        buyerCarrier: "AliExpress Standard Shipping",
        trackingNumber: CAINIAO_LP,
      }),
    ]);
    expect(result.findings.map((f) => f.code)).toEqual(["SERVICE_DOWNGRADE"]);
    expect(result.findings[0]?.message).toBe(
      "Shipped with AliExpress Saver Shipping (economy); the buyer chose AliExpress Standard Shipping (standard)",
    );
  });

  it("is fine on an equal or higher tier, in Chinese names too", () => {
    expect(
      codes([shipped({ carrier: "无忧物流-优先", buyerCarrier: "无忧物流-标准", trackingNumber: CAINIAO_LP })]),
    ).toEqual([]);
    expect(
      codes([shipped({ carrier: "China Post Registered Air Mail", buyerCarrier: "AliExpress Standard Shipping" })]),
    ).toEqual([]);
    expect(codes([shipped({ carrier: "菜鸟超级经济", buyerCarrier: "DHL", trackingNumber: CAINIAO_LP })])).toEqual([
      "SERVICE_DOWNGRADE",
    ]);
  });

  it("takes the service from a tracking-cell prefix when the sheet has no carrier column value", () => {
    const order = shipped({
      buyerCarrier: "AliExpress Premium Shipping",
      trackingNumber: `CAINIAO_STANDARD:${CAINIAO_LP}`,
    });
    expect(codes([order])).toEqual(["SERVICE_DOWNGRADE"]);
  });

  it("uses the user's tiers: a rules file that raises Saver to standard ends the finding", () => {
    const order = () => [
      shipped({
        carrier: "AliExpress Saver Shipping",
        buyerCarrier: "AliExpress Standard Shipping",
        trackingNumber: CAINIAO_LP,
      }),
    ];
    const raised = {
      logistics: {
        names: { add: [{ id: "aliexpress_saver", names: ["AliExpress Saver Shipping"], tier: "standard" }] },
      },
    };
    expect(codes(order())).toEqual(["SERVICE_DOWNGRADE"]);
    expect(codes(order(), JSON.stringify(raised))).toEqual([]);
  });

  it("is skipped, with a note, when the sheet has no buyer-selected logistics column", () => {
    const present = new Set(CANONICAL_FIELDS.filter((field) => field !== "buyerCarrier"));
    const result = scan([shipped({ carrier: "AliExpress Saver Shipping" })], undefined, present);
    expect(result.skipped.map((skip) => skip.codes).flat()).toContain("SERVICE_DOWNGRADE");
  });
});

describe("unknown names never raise CARRIER_MISMATCH or SERVICE_DOWNGRADE", () => {
  const known = new Set(
    ALIEXPRESS_RULEBOOK.logistics.names.value
      .flatMap((entry) => [...entry.names, ...(entry.codes ?? [])])
      .map(normalizeWord),
  );
  const unknownName = fc
    .string({ minLength: 1, maxLength: 24 })
    .filter((name) => name.trim() !== "" && !known.has(normalizeWord(name)) && !/[,;，；、\n\r]/.test(name));
  const knownName = fc.constantFrom(
    ...ALIEXPRESS_RULEBOOK.logistics.names.value.map((entry) => entry.names[0] as string),
  );
  const number = fc.constantFrom(CAINIAO_LP, s10(111), s10(222, "DE"), "YT2312345678901234", "1Z999AA10123456784");

  it("as the declared carrier", () => {
    fc.assert(
      fc.property(unknownName, knownName, number, (declared, chosen, trackingNumber) => {
        const found = codes([shipped({ carrier: declared, buyerCarrier: chosen, trackingNumber })]);
        return !found.includes("CARRIER_MISMATCH") && !found.includes("SERVICE_DOWNGRADE");
      }),
      { numRuns: 300 },
    );
  });

  it("as the buyer's choice", () => {
    fc.assert(
      fc.property(knownName, unknownName, number, (declared, chosen, trackingNumber) => {
        return !codes([shipped({ carrier: declared, buyerCarrier: chosen, trackingNumber })]).includes(
          "SERVICE_DOWNGRADE",
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("semi-managed rows (订单业务模式)", () => {
  it("leaves warehouse-shipped rows unjudged and counts them apart", () => {
    const overdue = { status: "等待您发货", paidAt: pt(2025, 6, 1), trackingNumber: undefined, shippedAt: undefined };
    const result = scan([
      shipped({ ...overdue, businessMode: "半托管仓发订单" }),
      shipped({ ...overdue, businessMode: "非半托管订单" }),
    ]);
    expect(result.findings.map((f) => f.code)).toEqual(["OVERDUE_UNSHIPPED"]);
    expect(result.totals.warehouseOrders).toBe(1);
    expect(result.totals.orders).toBe(2);
    const summary = buildSummaryModel(result, "en");
    expect(summary.kpis).toContainEqual(
      expect.objectContaining({ label: "Shipped by the platform warehouse (not judged)", value: 1 }),
    );
  });

  it("judges them when the rulebook switch is on", () => {
    const overdue = { status: "等待您发货", paidAt: pt(2025, 6, 1), trackingNumber: undefined, shippedAt: undefined };
    const json = JSON.stringify({ logistics: { judgeWarehouseOrders: true } });
    expect(codes([shipped({ ...overdue, businessMode: "半托管仓发订单" })], json)).toEqual(["OVERDUE_UNSHIPPED"]);
  });

  it("reports a mode that is neither value, and judges that order as the seller's", () => {
    const result = scan([
      shipped({
        status: "等待您发货",
        paidAt: pt(2025, 6, 1),
        trackingNumber: undefined,
        shippedAt: undefined,
        businessMode: "全托管",
      }),
    ]);
    expect(result.findings.map((f) => f.code)).toEqual(["OVERDUE_UNSHIPPED"]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ problem: "UNKNOWN_BUSINESS_MODE", value: "全托管", column: "订单业务模式" }),
    ]);
    expect(buildSummaryModel(result, "en").kpis.find((kpi) => kpi.label === "Unreadable cells")?.value).toBe(0);
  });

  it("reads the Cainiao warehouse words as shipped states", () => {
    for (const status of ["交航成功", "目的国清关完成", "分拨中心出库", "仓配交接成功", "已签收"]) {
      const order = shipped({ status, paidAt: pt(2025, 6, 1), shippedAt: undefined, trackingNumber: chinaPost() });
      expect(codes([order])).toEqual([]);
    }
  });
});

describe("store online rate", () => {
  it("gives the 72-hour and 7-day shares with the orders behind each miss, and no verdict by default", () => {
    const orders = [
      shipped({ firstScanAt: pt(2025, 6, 4, 10) }), // 1 day
      shipped({ firstScanAt: pt(2025, 6, 8, 10) }), // 5 days: misses 72 h
      shipped({ firstScanAt: undefined, shippedAt: pt(2025, 6, 1, 10) }), // never scanned, 14 days ago
      shipped({ firstScanAt: undefined, shippedAt: pt(2025, 6, 14, 10) }), // shipped yesterday: not counted yet
    ];
    const result = scan(orders);
    const [h72, d7] = result.totals.onlineRate?.windows ?? [];
    expect(h72).toMatchObject({ hours: 72, shipped: 3, online: 1, threshold: null, verdict: null });
    expect(h72?.missed.map((miss) => miss.orderId)).toEqual([orders[1]?.orderId, orders[2]?.orderId]);
    expect(d7).toMatchObject({ hours: 168, shipped: 3, online: 2 });
    const json = toReportJson(result, "en", { name: "ae-guard", version: "test" });
    expect(json.totals.onlineRate?.windows[0]?.rate).toBeCloseTo(1 / 3);
    const notes = buildSummaryModel(result, "en").notes;
    expect(notes).toContain(
      `72-hour online rate: 33.3% (1 of 3 parcels) (the platform's threshold is not known, so no verdict); not online in time: ${orders[1]?.orderId}, ${orders[2]?.orderId}.`,
    );
  });

  it("gives a verdict once the user sets a threshold", () => {
    const json = JSON.stringify({ logistics: { onlineRate: [{ hours: 72, threshold: 0.9 }] } });
    const result = scan([shipped({ firstScanAt: pt(2025, 6, 4, 10) }), shipped({ firstScanAt: pt(2025, 6, 9) })], json);
    expect(result.totals.onlineRate?.windows).toEqual([
      expect.objectContaining({ rate: 0.5, verdict: "below", threshold: 0.9 }),
    ]);
  });

  it("is absent without a first-scan column, and leaves warehouse rows out", () => {
    const noScan = new Set(CANONICAL_FIELDS.filter((field) => field !== "firstScanAt"));
    expect(scan([shipped()], undefined, noScan).totals.onlineRate).toBeUndefined();
    const result = scan([shipped({ businessMode: "半托管仓发订单", firstScanAt: pt(2025, 6, 12) })]);
    expect(result.totals.onlineRate?.windows[0]?.shipped).toBe(0);
  });
});
