import * as path from "node:path";
import ExcelJS from "exceljs";
import { AS_OF, runCli, tempDir } from "./helpers";

interface Report {
  source: {
    sheet: string;
    sheetChoice?: { by: string; fields: string[]; runnerUp?: { sheet: string; fields: string[]; orderTable: boolean } };
  };
  totals: { orders: number };
}

/** A workbook shaped like a seller's: a read-me, a pool of unused tracking numbers, then the orders. */
async function workbookWithTrackingPool(file: string, activeTab = 0): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Read me").addRow(["Paste the seller-centre export into the Orders sheet"]);
  const pool = workbook.addWorksheet("Tracking pool");
  pool.addRow(["Tracking Number", "Carrier"]);
  for (let i = 0; i < 5; i++) pool.addRow([`LP0012345678901${i}`, "Cainiao"]);
  const orders = workbook.addWorksheet("Orders");
  orders.addRow(["Order ID", "Order Status", "Payment Time", "Shipping Deadline", "Tracking Number", "Carrier"]);
  orders.addRow(["8100000000000001", "Awaiting shipment", "2025-06-01 10:00", "2025-06-08 10:00", "", ""]);
  orders.addRow(["8100000000000002", "Shipped", "2025-06-02 10:00", "2025-06-09 10:00", "LP00123456789010", "Cainiao"]);
  workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab, visibility: "visible" }];
  await workbook.xlsx.writeFile(file);
}

/** Scans `file` for its JSON report. */
async function scanReport(file: string): Promise<{ report: Report; stderr: string }> {
  const run = await runCli(["scan", file, "--as-of", AS_OF, "--json", "--quiet"]);
  expect(run.code).toBe(0);
  return { report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

describe("choosing the order sheet of a workbook", () => {
  const dir = tempDir();

  it("scans the orders, not the tracking pool before them, and names both", async () => {
    const file = path.join(dir, "pool.xlsx");
    await workbookWithTrackingPool(file, 1);
    const { report, stderr } = await scanReport(file);
    expect(report.source.sheet).toBe("Orders");
    expect(report.totals.orders).toBe(2);
    expect(report.source.sheetChoice).toEqual({
      by: "header",
      fields: ["orderId", "status", "paidAt", "shipDeadline", "trackingNumber", "carrier"],
      runnerUp: { sheet: "Tracking pool", fields: ["trackingNumber", "carrier"], orderTable: false },
    });
    expect(stderr).toContain(
      'ae-guard: note: scanned sheet "Orders" (its header names 6 order columns); next best: "Tracking pool" (2 order columns, no order id and date)',
    );
  });

  it("takes the active sheet when two order sheets match equally", async () => {
    const file = path.join(dir, "twins.xlsx");
    const workbook = new ExcelJS.Workbook();
    for (const name of ["May", "June"]) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(["Order ID", "Payment Time"]);
      sheet.addRow([name === "May" ? "8100000000000001" : "8100000000000002", "2025-06-01 10:00"]);
    }
    workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
    await workbook.xlsx.writeFile(file);
    const { report } = await scanReport(file);
    expect(report.source.sheet).toBe("June");
    expect(report.source.sheetChoice?.runnerUp?.sheet).toBe("May");
  });

  it("refuses a workbook with only a tracking pool in one line naming it", async () => {
    const file = path.join(dir, "pool-only.xlsx");
    const workbook = new ExcelJS.Workbook();
    const pool = workbook.addWorksheet("Tracking pool");
    pool.addRow(["Tracking Number", "Carrier"]);
    pool.addRow(["LP00123456789010", "Cainiao"]);
    await workbook.xlsx.writeFile(file);
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--quiet"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /no order header found in pool-only\.xlsx.*the nearest, "Tracking pool", names trackingNumber, carrier/,
    );
  });
});
