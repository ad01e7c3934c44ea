import type { FakeSheet } from "../../src/excel/fake/fakeWorkbook";
import { SUMMARY_TABLE_NAME } from "../../src/excel/summaryLayout";
import { HEADERS, orderRow, orderSheet, settings, setup, type Kind } from "./fixtures";

const KINDS: Kind[] = ["ok", "late", "untracked", "shippedOk", "dueSoon", "late", "ok"];

function allCells(sheet: FakeSheet): Array<{ row: number; column: number; value: unknown }> {
  const out: Array<{ row: number; column: number; value: unknown }> = [];
  for (const [row, cells] of sheet.rows) cells.forEach((value, i) => out.push({ row, column: i + 1, value }));
  return out;
}

function rowWithLabel(sheet: FakeSheet, label: string): number {
  const hit = allCells(sheet).find((c) => c.column === 1 && c.value === label);
  if (!hit) throw new Error(`no row labelled ${label}`);
  return hit.row;
}

test("the summary holds the scan's figures as plain values: no cell is a formula", async () => {
  const { session, workbook } = setup(orderSheet(KINDS));
  const { result, summary } = await session.scan(settings());
  const sheet = workbook.sheet("AE Violations")!;
  expect(sheet.visibility).toBe("Visible");
  for (const { row, column } of allCells(sheet)) expect(sheet.formula(row, column)).toBeUndefined();
  expect(sheet.value(rowWithLabel(sheet, "Orders"), 2)).toBe(result.totals.orders);
  expect(sheet.value(rowWithLabel(sheet, "Flagged orders"), 2)).toBe(result.totals.flaggedOrders);
  expect(sheet.value(rowWithLabel(sheet, "Penalty points"), 2)).toBe(result.assessment.totalPoints);
  expect(sheet.numberFormat(rowWithLabel(sheet, "Late rate"), 2)).toBe("0.0%");
  expect(sheet.value(1, 1)).toBe(summary.title);
});

test("order text that looks like a formula or a number is written so Excel keeps exactly that text", async () => {
  const tricky = ['=HYPERLINK("http://evil.example","x")', "+8612345", "@x", "8012345678901234", "-5"];
  const rows = [HEADERS, ...tricky.map((id, i) => [id, ...orderRow(i, "late").slice(1)])];
  const { session, workbook } = setup(rows);
  const { summary } = await session.scan(settings());
  expect(summary.flagged.rows.map((r) => r.orderId)).toEqual(tricky);
  const sheet = workbook.sheet("AE Violations")!;
  const table = sheet.tables.find((t) => t.name === SUMMARY_TABLE_NAME)!;
  const ids = Array.from({ length: table.box.rowCount - 1 }, (_, i) => table.box.firstRow + 1 + i).map((r) => ({
    value: sheet.value(r, 2),
    formula: sheet.formula(r, 2),
    format: sheet.numberFormat(r, 2),
  }));
  expect(ids.map((c) => c.value)).toEqual(tricky);
  for (const cell of ids) {
    expect(cell.formula).toBeUndefined();
    expect(cell.format).toBe("@");
  }
  // Without the Text format the fake (like Excel) would have made formulas and numbers of them.
  const control = workbook.addSheet("Control");
  tricky.forEach((id, i) => control.assign(i + 1, 1, id));
  expect(control.formula(1, 1)).toBe(tricky[0]);
  expect(control.value(4, 1)).toBe(8012345678901230);
});

test("links in the flagged table point at each order's row", async () => {
  const { session, workbook } = setup(orderSheet(KINDS), { sheet: "Bob's orders" });
  const { summary } = await session.scan(settings());
  const sheet = workbook.sheet("AE Violations")!;
  const orders = workbook.sheet("Bob's orders")!;
  const table = sheet.tables.find((t) => t.name === SUMMARY_TABLE_NAME)!;
  expect(table.box.rowCount - 1).toBe(summary.flagged.rows.length);
  for (let i = 1; i < table.box.rowCount; i++) {
    const r = table.box.firstRow + i;
    const link = sheet.hyperlink(r, 1)!;
    const target = /^'((?:[^']|'')+)'!A(\d+)$/.exec(link.documentReference)!;
    expect(target[1]!.replace(/''/g, "'")).toBe("Bob's orders");
    const orderRowNumber = Number(target[2]);
    expect(link.textToDisplay).toBe(String(orderRowNumber));
    expect(orders.value(orderRowNumber, 1)).toBe(sheet.value(r, 2)); // same order id
  }
});

test("the chart shows violations by code from the summary model", async () => {
  const { session, workbook } = setup(orderSheet(KINDS));
  const { summary } = await session.scan(settings());
  const sheet = workbook.sheet("AE Violations")!;
  expect(sheet.charts).toHaveLength(1);
  const chart = sheet.charts[0]!;
  expect(chart.title).toBe(summary.chart.title);
  const { firstRow, firstColumn, rowCount } = chart.source;
  const categories = Array.from({ length: rowCount - 1 }, (_, i) => sheet.value(firstRow + 1 + i, firstColumn));
  const values = Array.from({ length: rowCount - 1 }, (_, i) => sheet.value(firstRow + 1 + i, firstColumn + 1));
  expect(categories).toEqual(summary.chart.categories);
  expect(values).toEqual(summary.chart.values);
});

test("scanning again replaces the summary sheet (also across languages), never duplicates it", async () => {
  const { session, workbook } = setup(orderSheet(KINDS));
  await session.scan(settings());
  await session.scan(settings());
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Orders", "AE Violations", "AE Actions", "AEGuardState"]);
  expect(workbook.sheets.flatMap((s) => s.tables).filter((t) => t.name === SUMMARY_TABLE_NAME)).toHaveLength(1);
  await session.scan(settings({ lang: "zh-CN" }));
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Orders", "AE 违规汇总", "AE 待办", "AEGuardState"]);
  const sheet = workbook.sheet("AE 违规汇总")!;
  expect(sheet.charts).toHaveLength(1);
  expect(allCells(sheet).some((c) => c.value === "订单数")).toBe(true);
  await session.openSummary();
  expect(workbook.activeSheet).toBe("AE 违规汇总");
});

test("a sheet with nothing flagged gets a summary that says so, without an empty table or chart", async () => {
  const { session, workbook } = setup(orderSheet(["ok", "shippedOk"]));
  await session.scan(settings());
  const sheet = workbook.sheet("AE Violations")!;
  expect(sheet.tables).toHaveLength(0);
  expect(sheet.charts).toHaveLength(0);
  expect(allCells(sheet).some((c) => c.value === "No flagged orders.")).toBe(true);
  expect(workbook.fillSnapshot("Orders")).toEqual({});
});
