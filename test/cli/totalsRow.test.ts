import * as path from "node:path";
import ExcelJS from "exceljs";
import { AS_OF, runCli, tempDir } from "./helpers";

/** Issue 20, item 7, through the CLI: the table's own definition marks its totals row (exceljs writes totalsRowCount). */
describe("an order table with a totals row", () => {
  it("scans the orders only and says on stderr which row was left out", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Orders");
    sheet.addTable({
      name: "Orders",
      ref: "A1",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "Order ID", totalsRowLabel: "Σ" },
        { name: "Payment Time", totalsRowFunction: "none" },
        { name: "Order Status", totalsRowFunction: "none" },
        { name: "Order Amount", totalsRowFunction: "sum" },
      ],
      rows: [
        ["8100000000000001", "2025-06-01 10:00", "Awaiting shipment", 5],
        ["8100000000000002", "2025-06-02 10:00", "Awaiting shipment", 7],
      ],
    });
    const file = path.join(tempDir(), "table.xlsx");
    await workbook.xlsx.writeFile(file);
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--json", "--quiet"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      totals: { orders: number };
      diagnostics: Array<{ row: number; problem: string }>;
    };
    expect(report.totals.orders).toBe(2);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ row: 4, problem: "TOTALS_ROW" }));
    expect(run.stderr).toContain(
      "ae-guard: note: table.xlsx: Row 4 is the Excel table's totals row; it is not counted as an order.",
    );
  });
});
