import { readOrderSheet } from "../../../src/core/sheet";
import { scanGrid } from "../../../src/core/scan";
import type { CellValue } from "../../../src/core/model";

/**
 * Issue 20, item 1: a CSV opened and saved in Excel keeps 15 significant digits, so the 16-digit AliExpress ids
 * 8100000000000001…8100000000000004 all become 8100000000000000 (or 8.1E+15). Four orders must stay four.
 */
const LA = "America/Los_Angeles";
const header = ["订单号", "订单状态", "买家名称", "付款时间", "发货时间", "运单号"];

function grid(ids: CellValue[]) {
  return {
    name: "orders",
    rows: [
      header,
      [ids[0], "等待您发货", "Olivia Martin", "2025-06-01 10:00", "", ""],
      [ids[1], "等待买家收货", "Liam Johnson", "2025-06-02 11:00", "2025-06-03 09:00", "LX123"],
      [ids[2], "等待您发货", "Sofia Rossi", "2025-06-03 12:00", "", ""],
      [ids[3], "等待您发货", "Lucas Silva", "2025-06-04 13:00", "", ""],
    ],
  };
}

describe("order ids cut short by Excel", () => {
  it.each([
    ["numbers of 16 digits Excel kept to 15", [8100000000000000, 8100000000000000, 8100000000000000, 8100000000000000]],
    ["scientific notation saved as text", ["8.1E+15", "8.1E+15", "8.1E+15", "8.1E+15"]],
  ])("%s: every row stays its own order, with one note for the sheet", (_, ids) => {
    const read = readOrderSheet(grid(ids), { timeZone: LA });
    expect(read.table.count).toBe(4);
    const orderIds = read.orders.map((order) => order.orderId);
    expect(orderIds[0]).toBe(String(ids[0]));
    expect(orderIds.slice(1)).toEqual([3, 4, 5].map((row) => `${String(ids[0])} (row ${row})`));
    expect(read.diagnostics).toHaveLength(1);
    expect(read.diagnostics[0]).toMatchObject({ problem: "CUT_ORDER_ID", row: 2, column: "订单号", sheet: "orders" });
    expect(read.diagnostics[0]?.message).toContain(
      "4 rows of 订单号 hold an order number Excel may have cut to 15 digits",
    );
    expect(read.diagnostics[0]?.message).toContain("format the order-number column as Text");
  });

  it("judges each of them: three overdue orders, not one", () => {
    const result = scanGrid({
      grid: grid([8100000000000000, 8100000000000000, 8100000000000000, 8100000000000000]),
      options: { asOf: Date.parse("2025-06-20T12:00:00-07:00"), timeZone: LA },
    });
    expect(result.totals.orders).toBe(4);
    expect(result.totals.byCode.OVERDUE_UNSHIPPED).toBe(3);
  });

  it("still folds the lines of one order that repeat its number with the same payment, status and buyer", () => {
    const rows = grid(["8100000000000001", "x", "y", "z"]).rows;
    const line = [...(rows[1] as CellValue[])];
    const read = readOrderSheet({ name: "orders", rows: [header, rows[1] as CellValue[], line] }, { timeZone: LA });
    expect(read.table.count).toBe(1);
    expect(read.orders[0]?.rows).toEqual([2, 3]);
    expect(read.diagnostics).toEqual([]);
  });

  it("keeps text ids that repeat with another buyer apart, and says so", () => {
    const read = readOrderSheet(
      grid(["8100000000000001", "8100000000000001", "8100000000000003", "8100000000000004"]),
      {
        timeZone: LA,
      },
    );
    expect(read.table.count).toBe(4);
    expect(read.diagnostics).toEqual([expect.objectContaining({ problem: "CUT_ORDER_ID", row: 0 })]);
    expect(read.diagnostics[0]?.message).toContain("1 row repeats an order number");
  });
});
