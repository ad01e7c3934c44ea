import { readOrderSheet } from "../../../src/core/sheet";
import type { CellValue } from "../../../src/core/model";

/** Issue 20, item 7: an Excel table's totals row is not an order. */
const LA = "America/Los_Angeles";
const header = ["Order ID", "Payment Time", "Order Amount"];
const orders: CellValue[][] = [
  ["8100000000000001", "2025-06-01 10:00", 5],
  ["8100000000000002", "2025-06-02 10:00", 7],
];

describe("a table's totals row", () => {
  it.each(["Total", "合计", "Grand Total", "总计："])(
    "%s with a sum beneath the amounts is left out, with a note",
    (label) => {
      const read = readOrderSheet({ name: "Orders", rows: [header, ...orders, [label, null, 12]] }, { timeZone: LA });
      expect(read.table.count).toBe(2);
      expect(read.dataRows).toBe(2);
      expect(read.diagnostics).toEqual([
        expect.objectContaining({ problem: "TOTALS_ROW", row: 4, column: "Order ID", value: label }),
      ]);
    },
  );

  it("is left out where the table's definition says so, whatever its first cell holds", () => {
    const read = readOrderSheet(
      {
        name: "Orders",
        rows: [header, ...orders, ["", null, 12], [null, null, null], ["Σ", null, 12]],
        totalsRows: [6],
      },
      { timeZone: LA },
    );
    expect(read.table.count).toBe(2);
    expect(read.diagnostics.map((d) => [d.row, d.problem])).toEqual([[6, "TOTALS_ROW"]]);
    expect(read.diagnostics[0]?.message).toBe("Row 6 is the Excel table's totals row; it is not counted as an order.");
  });

  it("is an order when a row labelled Total has a payment date (a real order id, however odd)", () => {
    const read = readOrderSheet(
      { name: "Orders", rows: [header, ...orders, ["Total", "2025-06-03 10:00", 12]] },
      { timeZone: LA },
    );
    expect(read.table.count).toBe(3);
    expect(read.diagnostics).toEqual([]);
  });
});
