import * as path from "node:path";
import ExcelJS from "exceljs";
import { toCoreCell } from "./exceljsCells";
import { AS_OF, runCli, tempDir } from "../cli/helpers";

describe("toCoreCell: exceljs values as the core reads them", () => {
  const wallClock = new Date(Date.UTC(2025, 5, 8, 10, 0));

  it("passes plain values and Dates through unchanged", () => {
    expect(toCoreCell("x")).toBe("x");
    expect(toCoreCell(12.5)).toBe(12.5);
    expect(toCoreCell(true)).toBe(true);
    expect(toCoreCell(wallClock)).toBe(wallClock);
    expect(toCoreCell(null)).toBeNull();
    expect(toCoreCell(undefined)).toBeNull();
    expect(toCoreCell(new Date(NaN))).toBeNull();
  });

  it("gives a formula's cached result, or nothing when it has none", () => {
    expect(toCoreCell({ formula: "C2+7", result: wallClock })).toBe(wallClock);
    expect(toCoreCell({ sharedFormula: "D2", result: 3 })).toBe(3);
    expect(toCoreCell({ formula: "VLOOKUP(A2,X!A:B,2,0)", result: { error: "#N/A" } })).toEqual({ error: "#N/A" });
    expect(toCoreCell({ formula: "NOW()" })).toBeNull();
  });

  it("flattens rich text and takes a hyperlink's text", () => {
    expect(toCoreCell({ richText: [{ text: "等待" }, { font: { bold: true }, text: "您发货" }] })).toBe("等待您发货");
    expect(toCoreCell({ text: "8012345678901234", hyperlink: "https://example.com/order" })).toBe("8012345678901234");
    expect(toCoreCell({ text: { richText: [{ text: "LP" }, { text: "00123" }] }, hyperlink: "x" })).toBe("LP00123");
  });

  it("keeps Excel errors as errors", () => {
    expect(toCoreCell({ error: "#VALUE!" })).toEqual({ error: "#VALUE!" });
  });
});

describe("formulas, rich text and links in a real workbook", () => {
  it("are judged by what the cells show, and the copy keeps the formulas", async () => {
    const dir = tempDir();
    const file = path.join(dir, "formulas.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Orders");
    sheet.addRow(["Order ID", "Order Status", "Payment Time", "Shipping Deadline"]);
    const paid = new Date(Date.UTC(2025, 5, 1, 10, 0));
    const row = sheet.addRow([
      { text: "9001", hyperlink: "https://example.com/9001" },
      { richText: [{ text: "Awaiting " }, { font: { italic: true }, text: "shipment" }] },
      paid,
      { formula: "C2+7", result: new Date(Date.UTC(2025, 5, 8, 10, 0)) },
    ]);
    row.getCell(3).numFmt = "yyyy-mm-dd hh:mm";
    row.getCell(4).numFmt = "yyyy-mm-dd hh:mm";
    await workbook.xlsx.writeFile(file);

    const out = path.join(dir, "formulas-scanned.xlsx");
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", out, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: Array<{ orderId: string; code: string; message: string }> };
    expect(report.findings).toEqual([expect.objectContaining({ orderId: "9001", code: "OVERDUE_UNSHIPPED" })]);
    expect(report.findings[0]?.message).toContain("2025-06-08 10:00");

    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const copied = copy.getWorksheet("Orders") as ExcelJS.Worksheet;
    expect(copied.getCell("D2").formula).toBe("C2+7");
    expect(copied.getCell("A2").hyperlink).toBe("https://example.com/9001");
  });
});
