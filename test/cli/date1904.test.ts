import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { wallClockToSerial } from "../../src/core/dates/serial";
import { AS_OF, runCli, tempDir } from "./helpers";

/**
 * Old Mac workbooks count dates from 1904. exceljs turns date-formatted cells into Dates on the workbook's own system;
 * the core gets the flag for plain numbers; the copy keeps the system and every date.
 */
describe("a workbook on the 1904 date system", () => {
  const dir = tempDir();
  const file = path.join(dir, "mac-1904.xlsx");
  const deadline = Date.UTC(2025, 5, 8, 10, 0); // 2025-06-08 10:00 wall clock
  const soon = Date.UTC(2025, 5, 16, 10, 0);

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("Orders");
    sheet.addRow(["Order ID", "Order Status", "Payment Time", "Shipping Deadline"]);
    const rows: Array<[string, Date | number, Date | number]> = [
      ["1001", new Date(deadline - 7 * 86_400_000), new Date(deadline)],
      // The same deadline as a bare 1904 serial in a General cell: only the 1904 flag makes it 2025.
      ["1002", new Date(deadline - 7 * 86_400_000), wallClockToSerial(deadline, true)],
      ["1003", new Date(soon - 7 * 86_400_000), new Date(soon)],
    ];
    for (const [id, paid, due] of rows) {
      const row = sheet.addRow([id, "Awaiting shipment", paid, due]);
      row.getCell(3).numFmt = "yyyy-mm-dd hh:mm";
      if (due instanceof Date) row.getCell(4).numFmt = "yyyy-mm-dd hh:mm";
    }
    await workbook.xlsx.writeFile(file);
  });

  it("is written as a 1904 workbook with 1904 serials (the test's own premise)", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(await zip.file("xl/workbook.xml")?.async("string")).toMatch(/date1904="1"/);
    const sheetXml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    const serial1904 = wallClockToSerial(deadline, true);
    expect(sheetXml).toContain(`<v>${serial1904}</v>`);
    expect(serial1904).toBe(wallClockToSerial(deadline, false) - 1462);
  });

  it("reads date cells and bare serials as the same 2025 moments", async () => {
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: Array<{ orderId: string; code: string; message: string }> };
    const byOrder = new Map(report.findings.map((finding) => [finding.orderId, finding]));
    expect(byOrder.get("1001")?.code).toBe("OVERDUE_UNSHIPPED");
    expect(byOrder.get("1001")?.message).toContain("2025-06-08 10:00");
    expect(byOrder.get("1002")?.code).toBe("OVERDUE_UNSHIPPED");
    expect(byOrder.get("1002")?.message).toContain("2025-06-08 10:00");
    expect(byOrder.get("1003")?.code).toBe("DUE_SOON");
    expect(byOrder.get("1003")?.message).toContain("2025-06-16 10:00");
  });

  it("writes a copy that is still 1904 with every date unchanged", async () => {
    const out = path.join(dir, "mac-1904-scanned.xlsx");
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", out]);
    expect(run.code).toBe(0);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(file);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(copy.properties.date1904).toBe(true);
    const a = original.getWorksheet("Orders") as ExcelJS.Worksheet;
    const b = copy.getWorksheet("Orders") as ExcelJS.Worksheet;
    for (let row = 2; row <= 4; row++) {
      for (let column = 3; column <= 4; column++) {
        expect(b.getCell(row, column).value).toEqual(a.getCell(row, column).value);
      }
    }
    expect((b.getCell(2, 4).value as Date).toISOString()).toBe("2025-06-08T10:00:00.000Z");
  });
});
