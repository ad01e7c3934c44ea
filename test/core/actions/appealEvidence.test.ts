import type { CanonicalField, Order } from "../../../src/core/model";
import { CANONICAL_FIELDS } from "../../../src/core/model";
import { scanGrid, scanOrders } from "../../../src/core/scan";
import { ALIEXPRESS_RULEBOOK } from "../../../src/core/rulebook";
import { wallClockToInstant } from "../../../src/core/dates/zone";
import { APPEAL_CHECKLIST, appealEvidence } from "../../../src/core/actions";
import { buildSampleOrders, sampleSheet, SAMPLE_AS_OF_WALL, SAMPLE_TIME_ZONE, wallText } from "../../../src/samples";

const asOf = wallClockToInstant(SAMPLE_AS_OF_WALL, SAMPLE_TIME_ZONE);
const sheet = sampleSheet("en");
const result = scanGrid({
  grid: { name: sheet.name, rows: sheet.rows },
  options: { asOf, timeZone: SAMPLE_TIME_ZONE },
});
const evidence = appealEvidence(result);
const orders = buildSampleOrders();
const falseShipmentCodes = new Set(
  Object.values(ALIEXPRESS_RULEBOOK.violations)
    .filter((violation) => violation.family === "falseShipment")
    .map((violation) => violation.code),
);
const minute = (wall: number | undefined): string | undefined =>
  wall === undefined ? undefined : wallText(wall).slice(0, 16);

describe("appeal evidence on the bundled sample", () => {
  it("lists every order the sample designs a false-shipment finding into, and no other", () => {
    const designed = orders
      .filter((order) => order.expected.some((code) => falseShipmentCodes.has(code)))
      .map((order) => order.orderId);
    expect(designed.length).toBeGreaterThan(10);
    expect(evidence.map((item) => item.orderId).sort()).toEqual([...designed].sort());
    // Sheet order, each at its order's first row.
    expect(evidence.map((item) => item.row)).toEqual([...evidence.map((item) => item.row)].sort((a, b) => a - b));
    for (const item of evidence) expect(item.row).toBe(sheet.orderRows[item.orderId]?.[0]);
  });

  it("gives the carrier-mismatch order its logistics record: declared carrier, number, its carrier, times", () => {
    const order = orders.find((o) => o.scenario === "carrier-mismatch");
    const item = evidence.find((e) => e.orderId === order?.orderId);
    expect(item).toMatchObject({
      codes: ["CARRIER_MISMATCH"],
      buyerCountry: order?.country,
      carrier: "UPS",
      service: "UPS",
      buyerService: order?.buyerCarrier,
      trackingNumber: order?.tracking,
      numberCarrier: "China Post",
      shippedAt: minute(order?.shippedAt),
      firstScanAt: minute(order?.firstScanAt),
    });
    expect(item?.deliveredAt).toBeUndefined();
    expect(item?.findings[0]?.en).toMatch(/^Declared UPS; LX\d+CN is a China Post/);
    expect(item?.findings[0]?.zh).toMatch(/UPS/);
  });

  it("names the rulebook's service for a service code and quotes the buyer's choice for a downgrade", () => {
    const order = orders.find((o) => o.scenario === "service-downgrade");
    const item = evidence.find((e) => e.orderId === order?.orderId);
    expect(item).toMatchObject({
      carrier: "CAINIAO_ECONOMY",
      service: "AliExpress Saver Shipping",
      buyerService: "AliExpress Standard Shipping",
      numberCarrier: "Cainiao",
    });
    expect(item?.checklist.map((step) => step.en)).toContainEqual(
      expect.stringMatching(/buyer agreed to the change of logistics service/),
    );
  });

  it("leaves out what an order lacks: a missing-tracking order has no number and no carrier for it", () => {
    const item = evidence.find((e) => e.codes.includes("MISSING_TRACKING"));
    expect(item?.trackingNumber).toBeUndefined();
    expect(item?.numberCarrier).toBeUndefined();
    expect(item?.shippedAt).toMatch(/^2025-06-\d\d \d\d:\d\d$/);
  });

  it("both orders sharing a number appear, each naming the number", () => {
    const shared = evidence.filter((e) => e.codes.includes("DUPLICATE_TRACKING"));
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const item of shared) {
      expect(item.numberCarrier).toBe("China Post");
      expect(item.findings[0]?.en).toContain(item.trackingNumber as string);
    }
  });

  it("every checklist asks for the logistics record and the hand-over receipt, in English and Chinese", () => {
    for (const item of evidence) {
      expect(item.checklist[0]?.en).toMatch(/logistics record/);
      expect(item.checklist[0]?.zh).toMatch(/物流轨迹截图/);
      expect(item.checklist[1]?.en).toMatch(/hand-over or collection receipt/);
      expect(item.checklist[1]?.zh).toMatch(/揽收凭证/);
    }
    // Each false-shipment code the rulebook knows has its own item to attach.
    for (const code of falseShipmentCodes) expect([code, APPEAL_CHECKLIST.byCode[code]?.length]).toEqual([code, 1]);
  });
});

describe("appeal evidence from orders", () => {
  it("shows the delivery time when the sheet has one, in the sheet's zone", () => {
    const zone = "Asia/Shanghai";
    const at = (d: number, h: number) => wallClockToInstant(Date.UTC(2025, 5, d, h), zone);
    const shared = { status: "已发货", paidAt: at(1, 8), shippedAt: at(2, 9), trackingNumber: "RB917544615CN" };
    const rows: Order[] = [
      { orderId: "A1", rows: [2], ...shared, firstScanAt: at(3, 10), deliveredAt: at(12, 15), buyerCountry: "FR" },
      { orderId: "A2", rows: [3], ...shared },
    ];
    const present = new Set<CanonicalField>(CANONICAL_FIELDS);
    const scanned = scanOrders(
      rows,
      present,
      { asOf: at(14, 12), timeZone: zone },
      { sheet: "Orders", headerRow: 1, firstColumn: 1, lastColumn: 9, lastRow: 3, rows: 2, columns: {} },
    );
    const [first] = appealEvidence(scanned);
    expect(first).toMatchObject({
      orderId: "A1",
      codes: ["DUPLICATE_TRACKING"],
      buyerCountry: "FR",
      trackingNumber: "RB917544615CN",
      numberCarrier: "China Post",
      shippedAt: "2025-06-02 09:00",
      firstScanAt: "2025-06-03 10:00",
      deliveredAt: "2025-06-12 15:00",
    });
  });
});
