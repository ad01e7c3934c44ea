import { scanOrders } from "../../../src/core/scan";
import type { CanonicalField, Order } from "../../../src/core/model";
import { wallClockToInstant } from "../../../src/core/dates/zone";

const ZONE = "America/Los_Angeles";
const at = (y: number, m: number, d: number, h = 0): number => wallClockToInstant(Date.UTC(y, m - 1, d, h), ZONE);

function scan(orders: Order[]) {
  const present = new Set<CanonicalField>(["paidAt", "shipDeadline", "shippedAt", "trackingNumber"]);
  const source = {
    sheet: "S",
    headerRow: 1,
    firstColumn: 1,
    lastColumn: 4,
    lastRow: 9,
    rows: orders.length,
    columns: {},
  };
  return scanOrders(orders, present, { asOf: at(2025, 6, 20, 12), timeZone: ZONE }, source);
}

describe("finding messages", () => {
  const orders: Order[] = [
    {
      orderId: "LATE",
      rows: [2, 3],
      paidAt: at(2025, 6, 1, 10),
      shipDeadline: at(2025, 6, 8, 10),
      shippedAt: at(2025, 6, 9, 22),
      trackingNumber: "RR473124829CN",
    },
    {
      orderId: "BAD",
      rows: [4],
      paidAt: at(2025, 6, 1),
      shippedAt: at(2025, 6, 2),
      trackingNumber: "RR192837461CN, zz",
    },
  ];

  it("say what happened, in English and Chinese, with the deadline in the sheet's zone", () => {
    const [late, invalid] = scan(orders).findings;
    expect(late.code).toBe("SHIPPED_LATE");
    expect(late.message).toBe("Shipped 1 d 12 h after the deadline 2025-06-08 10:00");
    expect(late.messageZh).toBe("比发货期限 2025-06-08 10:00 晚 1 天 12 小时发货");
    expect(invalid.code).toBe("INVALID_TRACKING");
    expect(invalid.message).toMatch(/^Tracking number zz: /);
    expect(invalid.messageZh).toMatch(/^运单号 zz：/);
  });

  it("are in the JSON of a finding, with its rows", () => {
    const [late] = scan(orders).findings;
    const json = JSON.parse(JSON.stringify(late)) as Record<string, unknown>;
    expect(json).toMatchObject({ row: 2, rows: [2, 3], orderId: "LATE", code: "SHIPPED_LATE", message: late.message });
    expect(json.messageZh).toBe(late.messageZh);
  });
});
