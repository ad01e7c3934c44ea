import type { CanonicalField, Order } from "../../../src/core/model";
import { CANONICAL_FIELDS } from "../../../src/core/model";
import { scanOrders } from "../../../src/core/scan";
import { ALIEXPRESS_RULEBOOK } from "../../../src/core/rulebook";
import { wallClockToInstant } from "../../../src/core/dates/zone";
import { DEFAULT_SHIP_NOW_WINDOWS, shipNowList } from "../../../src/core/actions/shipNow";
import { whatIf } from "../../../src/core/actions/whatIf";
import { buyerLanguage, delayMessages, MESSAGE_TEMPLATES, scanActions, trackingFixes } from "../../../src/core/actions";
import { NEW_NUMBER_FIXES } from "../../../src/core/actions/trackingFixes";

const LA = "America/Los_Angeles";
const pt = (y: number, mo: number, d: number, h = 0, mi = 0) => wallClockToInstant(Date.UTC(y, mo - 1, d, h, mi), LA);
const asOf = pt(2025, 6, 15, 12);
const HOUR = 3_600_000;

let row = 2;
/** An order awaiting shipment whose deadline is `hoursLeft` from as-of (negative: passed). */
const awaiting = (hoursLeft: number): Order => ({
  orderId: `82${row}`,
  rows: [row++],
  status: "等待您发货",
  paidAt: asOf - 7 * 24 * HOUR + hoursLeft * HOUR,
  shipDeadline: asOf + hoursLeft * HOUR,
});

function scan(orders: Order[]) {
  const present = new Set<CanonicalField>(CANONICAL_FIELDS.filter((field) => field !== "firstScanAt"));
  return scanOrders(
    orders,
    present,
    { asOf, timeZone: LA },
    {
      sheet: "Orders",
      headerRow: 1,
      firstColumn: 1,
      lastColumn: 8,
      lastRow: row,
      rows: orders.length,
      columns: {},
    },
  );
}
const settings = { ...DEFAULT_SHIP_NOW_WINDOWS, sellerTimeZone: "Asia/Shanghai" };

describe("ship now", () => {
  it("lists unshipped orders by time left, overdue first, in the sheet's zone and the seller's", () => {
    const orders = [awaiting(30), awaiting(3), awaiting(-5), awaiting(100), awaiting(20)];
    const shipped: Order = {
      orderId: "shipped",
      rows: [row++],
      status: "已发货",
      paidAt: asOf - 24 * HOUR,
      shippedAt: asOf - HOUR,
      trackingNumber: "LP00649731204655",
    };
    const list = shipNowList(scan([...orders, shipped]), settings);
    expect(list.items.map((item) => [item.orderId, item.hoursLeft, item.band])).toEqual([
      [orders[2]?.orderId, -5, "overdue"],
      [orders[1]?.orderId, 3, "urgent"],
      [orders[4]?.orderId, 20, "urgent"],
      [orders[0]?.orderId, 30, "soon"],
      [orders[3]?.orderId, 100, "later"],
    ]);
    expect(list.counts).toEqual({ overdue: 1, urgent: 2, soon: 1, later: 1 });
    const first = list.items[1];
    // 15:00 Pacific daylight time is 06:00 the next day in Beijing.
    expect([first?.deadlineInSheetZone, first?.deadlineInSellerZone]).toEqual(["2025-06-15 15:00", "2025-06-16 06:00"]);
    expect(first?.row).toBe(orders[1]?.rows[0]);
  });

  it("leaves out shipped, cancelled, unpaid and warehouse-shipped orders", () => {
    const list = shipNowList(
      scan([
        { ...awaiting(5), status: "已发货", trackingNumber: "LP00649731204655" },
        { ...awaiting(5), status: "订单关闭" },
        { ...awaiting(5), status: "等待买家付款" },
        { ...awaiting(5), businessMode: "半托管仓发订单" },
      ]),
      settings,
    );
    expect(list.items).toEqual([]);
  });
});

describe("what it saves", () => {
  it("prices missing the urgent and soon orders with the scan's own assessment", () => {
    const result = scan([awaiting(-5), awaiting(3), awaiting(30), awaiting(100)]);
    const answer = whatIf(result, shipNowList(result, settings), ALIEXPRESS_RULEBOOK);
    // One order is already overdue (2 points, 成交不卖); two more would be 2 points each; the one due in 100 h is not counted.
    expect(answer.pointsIfShipped).toBe(2);
    expect(answer.pointsIfMissed).toBe(6);
    expect(answer.orders).toHaveLength(2);
    expect(answer.sentence.en).toMatch(
      /^Ship these 2 orders in time and you stay at 2 points; miss them and you reach 6 points: /,
    );
    expect(answer.sentence.zh).toMatch(/^按时发出这 2 个订单，扣分保持 2 分；错过则达到 6 分：/);
  });

  it("says so when nothing is due inside the window", () => {
    const result = scan([awaiting(100)]);
    expect(whatIf(result, shipNowList(result, settings), ALIEXPRESS_RULEBOOK).sentence.en).toBe(
      "No order is due within 48 hours; you stay at 0 points.",
    );
  });
});

describe("buyer message drafts", () => {
  it("drafts a delay message for overdue and urgent orders in the buyer's language, English when unknown", () => {
    const orders = [
      { ...awaiting(-5), buyerCountry: "BR" },
      { ...awaiting(3), buyerCountry: "俄罗斯" },
      { ...awaiting(10), buyerCountry: "Atlantis" },
      { ...awaiting(30), buyerCountry: "FR" },
    ];
    const result = scan(orders);
    const messages = delayMessages(shipNowList(result, settings), result.asOf);
    expect(messages.map((m) => [m.orderId, m.language])).toEqual([
      [orders[0]?.orderId, "pt-BR"],
      [orders[1]?.orderId, "ru"],
      [orders[2]?.orderId, "en"],
    ]);
    expect(messages[0]?.text).toContain(`pedido ${orders[0]?.orderId}`);
    // The promised date is the day after as-of, in the sheet's zone.
    expect(messages[0]?.text).toContain("2025-06-16");
    expect(messages[2]?.text).toMatch(/^Hello, thank you for your order \d+\. .* by 2025-06-16 /);
  });

  it("drafts a shipped-late apology for each order shipped after its deadline, after the delay drafts", () => {
    const late: Order = {
      orderId: "late-de",
      rows: [row++],
      status: "已发货",
      paidAt: asOf - 10 * 24 * HOUR,
      shipDeadline: asOf - 5 * 24 * HOUR,
      shippedAt: asOf - 4 * 24 * HOUR,
      trackingNumber: "LP00649731204655",
      buyerCountry: "Germany",
    };
    const onTime: Order = {
      ...late,
      orderId: "on-time",
      rows: [row++],
      shippedAt: asOf - 6 * 24 * HOUR,
      trackingNumber: "RB917544615CN",
    };
    const overdue = { ...awaiting(-5), buyerCountry: "ES" };
    const actions = scanActions(scan([late, onTime, overdue]), settings, ALIEXPRESS_RULEBOOK);
    expect(actions.messages.map((m) => [m.orderId, m.kind, m.language])).toEqual([
      [overdue.orderId, "delay", "es"],
      ["late-de", "shippedLate", "de"],
    ]);
    expect(actions.messages[1]?.text).toBe(MESSAGE_TEMPLATES.de.shippedLate.replace("{orderId}", "late-de"));
    expect(actions.messages[1]?.row).toBe(late.rows[0]);
  });

  it("every reviewed template has the three kinds, and the delay one names the order and the date", () => {
    for (const [language, templates] of Object.entries(MESSAGE_TEMPLATES)) {
      expect([language, Object.keys(templates).sort()]).toEqual([
        language,
        ["delay", "shippedLate", "trackingUpdated"],
      ]);
      expect([language, templates.delay.includes("{orderId}") && templates.delay.includes("{shipDate}")]).toEqual([
        language,
        true,
      ]);
    }
    expect(buyerLanguage("Republic of Korea")).toBe("ko");
    expect(buyerLanguage(undefined)).toBe("en");
  });
});

describe("tracking fixes", () => {
  it("names what is wrong and what fixes it, for each tracking finding", () => {
    const bad: Order = {
      orderId: "bad",
      rows: [row++],
      status: "已发货",
      paidAt: asOf - 48 * HOUR,
      shippedAt: asOf - 24 * HOUR,
      trackingNumber: "RB917544616CN",
    };
    const missing: Order = {
      orderId: "none",
      rows: [row++],
      status: "已发货",
      paidAt: asOf - 48 * HOUR,
      shippedAt: asOf - 24 * HOUR,
    };
    const fixes = trackingFixes(scan([bad, missing]));
    expect(fixes.map((fix) => [fix.orderId, fix.code])).toEqual([
      ["bad", "INVALID_TRACKING"],
      ["none", "MISSING_TRACKING"],
    ]);
    expect(fixes[0]?.problem.en).toContain("check digit should be 5, not 6");
    expect(fixes[1]?.fix.en).toMatch(/^Upload the parcel's tracking number/);
  });

  it("drafts a 'tracking updated' message, in the buyer's language, for each order a new number fixes", () => {
    const shipped = { status: "已发货", paidAt: asOf - 48 * HOUR, shippedAt: asOf - 24 * HOUR };
    const bad: Order = {
      orderId: "bad-kr",
      rows: [row++],
      ...shipped,
      trackingNumber: "RB917544616CN",
      buyerCountry: "KR",
    };
    const downgraded: Order = {
      orderId: "slow",
      rows: [row++],
      ...shipped,
      trackingNumber: "LP00649731204655",
      carrier: "AliExpress Saver Shipping",
      buyerCarrier: "AliExpress Standard Shipping",
    };
    const actions = scanActions(scan([bad, downgraded]), settings, ALIEXPRESS_RULEBOOK);
    expect(actions.trackingFixes.map((fix) => [fix.orderId, fix.code])).toEqual([
      ["bad-kr", "INVALID_TRACKING"],
      ["slow", "SERVICE_DOWNGRADE"],
    ]);
    // A cheaper service is not fixed with a new number: nothing to tell that buyer about a number.
    expect(actions.messages.map((m) => [m.orderId, m.kind, m.language])).toEqual([["bad-kr", "trackingUpdated", "ko"]]);
    expect(actions.messages[0]?.text).toBe(MESSAGE_TEMPLATES.ko.trackingUpdated.replace("{orderId}", "bad-kr"));
    // Such orders all have a false-shipment finding, whose record carries the buyer's country.
    for (const code of NEW_NUMBER_FIXES)
      expect([code, ALIEXPRESS_RULEBOOK.violations[code].family]).toEqual([code, "falseShipment"]);
  });
});
