import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildSampleOrders, sampleSheet } from "../../src/samples";
import { AS_OF, codesByOrder, runCli, SAMPLES, tempDir, type JsonFinding } from "./helpers";

/** Every workbook is read as a stream (one path for every size): the sample's findings and copy through it. */
describe("scanning a workbook read as a stream", () => {
  const dir = tempDir();
  const out = path.join(dir, "streamed.xlsx");
  let report: { findings: JsonFinding[]; source: { sheet: string; headerRow: number } };

  beforeAll(async () => {
    const run = await runCli(["scan", path.join(SAMPLES, "orders-zh.xlsx"), "--as-of", AS_OF, "--out", out, "--json"]);
    // The copy is the same surgical edit as for any workbook: nothing is lost, so there is nothing to tell.
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout);
  });

  it("finds the sheet and the sample's designed findings", () => {
    expect(report.source).toMatchObject({ sheet: "订单", headerRow: 3 });
    const found = codesByOrder(report.findings);
    for (const order of buildSampleOrders()) expect(found.get(order.orderId) ?? []).toEqual([...order.expected].sort());
  });

  it("writes a copy with the fills, the cell styles, the summary sheet and its chart", async () => {
    const sheet = sampleSheet("zh-CN");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["说明", "订单", "AE Violations", "AE Actions"]);
    const orders = workbook.getWorksheet("订单") as ExcelJS.Worksheet;
    const flaggedRows = new Set(report.findings.flatMap((finding) => finding.rows));
    for (let row = sheet.headerRow + 1; row <= sheet.rows.length; row++) {
      const fill = (orders.getCell(row, 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      expect(["FFFFC7CE", "FFFFEB9C", "FFBDD7EE"].includes(fill ?? "")).toBe(flaggedRows.has(row));
      expect(orders.getCell(row, sheet.formatting.dateColumns[0] as number).numFmt).toBe(sheet.formatting.dateFormat);
    }
    expect(orders.getCell(sheet.headerRow, 1).font?.bold).toBe(true);
    expect(orders.getColumn(1).width).toBe(sheet.formatting.columnWidths[0]);
    expect(orders.getCell("D1").isMerged).toBe(true);
    expect(orders.getCell("D1").master.address).toBe("A1");
    expect(orders.views[0]).toMatchObject({ state: "frozen", ySplit: sheet.headerRow });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
  });
});
