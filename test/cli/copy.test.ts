import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildSampleOrders, sampleSheet } from "../../src/samples";
import { readStoredZip } from "./storedZip";
import { AS_OF, runCli, SAMPLES, tempDir } from "./helpers";

const LATE = "FFFFC7CE";
const UNTRACKED = "FFFFEB9C";
const AT_RISK = "FFBDD7EE";
const OUR_FILLS = [LATE, UNTRACKED, AT_RISK];

const orders = buildSampleOrders();
const sheet = sampleSheet("zh-CN");
const fillOf = (cell: ExcelJS.Cell): string | undefined => {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill && fill.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
};
const sha256 = (file: string): string => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Every sheet row of the orders designed to raise a code, with the colour its worst category gets. */
function expectedFills(): Map<number, string> {
  const late = new Set(["OVERDUE_UNSHIPPED", "SHIPPED_LATE", "SELLER_CANCELLED"]);
  const untracked = new Set([
    "MISSING_TRACKING",
    "INVALID_TRACKING",
    "DUPLICATE_TRACKING",
    "NOT_ONLINE",
    "SCAN_BEFORE_PAYMENT",
    "CARRIER_MISMATCH",
    "SERVICE_DOWNGRADE",
  ]);
  const fills = new Map<number, string>();
  for (const order of orders) {
    if (order.expected.length === 0) continue;
    const colour = order.expected.some((code) => late.has(code))
      ? LATE
      : order.expected.some((code) => untracked.has(code))
        ? UNTRACKED
        : AT_RISK;
    for (const row of sheet.orderRows[order.orderId] ?? []) fills.set(row, colour);
  }
  return fills;
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

async function relsTargets(zip: JSZip, relsPath: string): Promise<Array<{ type: string; target: string }>> {
  const xml = await zip.file(relsPath)?.async("string");
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((match) => ({
    type: /Type="([^"]*)"/.exec(match[0])?.[1] ?? "",
    target: /Target="([^"]*)"/.exec(match[0])?.[1] ?? "",
  }));
}

/** The worksheet part of a sheet, by its name. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
  const tag = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${name}"`)) as string;
  const id = /r:id="([^"]*)"/.exec(tag)?.[1];
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) as string;
  const rel = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0] as string;
  return `xl/${/Target="([^"]*)"/.exec(rel)?.[1]}`;
}

describe("ae-guard scan --out", () => {
  const dir = tempDir();
  const input = path.join(dir, "orders-zh.xlsx");
  const out = path.join(dir, "orders-zh-scanned.xlsx");
  let before: string;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    fs.copyFileSync(path.join(SAMPLES, "orders-zh.xlsx"), input);
    before = sha256(input);
    const run = await runCli(["scan", input, "--as-of", AS_OF, "--out", out, "--lang", "zh-CN"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    workbook = await readBack(out);
  });

  it("never touches the input file", () => {
    expect(sha256(input)).toBe(before);
  });

  it("fills exactly the flagged orders' rows (continuation rows too) across the whole table", () => {
    const orders = workbook.getWorksheet("订单") as ExcelJS.Worksheet;
    const want = expectedFills();
    const lastRow = sheet.rows.length;
    const width = sheet.rows[sheet.headerRow - 1]?.length as number;
    const wrong: string[] = [];
    for (let row = sheet.headerRow + 1; row <= lastRow; row++) {
      for (let column = 1; column <= width; column++) {
        const fill = fillOf(orders.getCell(row, column));
        const expected = want.get(row);
        if (expected !== undefined ? fill !== expected : fill !== undefined && OUR_FILLS.includes(fill))
          wrong.push(`R${row}C${column} ${fill} want ${expected}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(
      [...want.keys()].some((row) =>
        Object.values(sheet.orderRows).some((rows) => rows.length > 1 && rows.slice(1).includes(row)),
      ),
    ).toBe(true);
  });

  it("keeps the seller's formatting on every other cell", () => {
    const orders = workbook.getWorksheet("订单") as ExcelJS.Worksheet;
    const formatting = sheet.formatting;
    const header = orders.getRow(sheet.headerRow);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(fillOf(header.getCell(1))).toBe(formatting.headerFill);
    expect(orders.getCell(1, 1).font?.bold).toBe(true);
    expect(orders.getColumn(formatting.amountColumn).width).toBe(formatting.columnWidths[formatting.amountColumn - 1]);
    expect(orders.views[0]).toMatchObject({ state: "frozen", ySplit: sheet.headerRow });
    expect(orders.getCell("F1").isMerged).toBe(true);
    const flagged = expectedFills();
    for (let row = sheet.headerRow + 1; row <= sheet.rows.length; row++) {
      const amount = orders.getCell(row, formatting.amountColumn);
      const orderRow = Object.values(sheet.orderRows).some((rows) => rows[0] === row);
      if (!orderRow) continue;
      // The tint stays on unflagged rows; the number format everywhere, highlighted or not.
      if (!flagged.has(row)) expect(fillOf(amount)).toBe(formatting.tintedColumn.color);
      expect(amount.numFmt).toBe(formatting.amountFormat);
      for (const column of formatting.dateColumns)
        expect(orders.getCell(row, column).numFmt).toBe(formatting.dateFormat);
    }
  });

  it("keeps every cell value (dates included) as it was", async () => {
    const original = await readBack(input);
    const a = original.getWorksheet("订单") as ExcelJS.Worksheet;
    const b = workbook.getWorksheet("订单") as ExcelJS.Worksheet;
    for (let row = 1; row <= sheet.rows.length; row++) {
      expect(JSON.stringify(b.getRow(row).values)).toBe(JSON.stringify(a.getRow(row).values));
    }
  });

  it("keeps text from the orders as text, never a formula", async () => {
    const orders = workbook.getWorksheet("订单") as ExcelJS.Worksheet;
    const odd = buildSampleOrders().find((order) => order.odd?.buyerName !== undefined);
    const row = sheet.orderRows[odd?.orderId as string]?.[0] as number;
    const cell = orders.getCell(row, 3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = (await zip.file(await sheetPart(zip, "订单"))?.async("string")) as string;
    expect(xml).not.toContain("<f>");
    const cellXml = new RegExp(`<c r="C${row}"[^>]*>`).exec(xml)?.[0];
    expect(cellXml).toMatch(/t="s"/);
  });

  it("adds the summary sheet with the facts, key figures and the tables", () => {
    const summary = workbook.getWorksheet("AE 违规汇总") as ExcelJS.Worksheet;
    expect(summary).toBeDefined();
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toEqual(
      expect.arrayContaining([
        "AE Guard — 违规汇总",
        "订单",
        "orders-zh.xlsx",
        "OVERDUE_UNSHIPPED",
        "SELLER_CANCELLED",
      ]),
    );
    const codeRow = (code: string): ExcelJS.Row => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === code) found = row;
      });
      return found as ExcelJS.Row;
    };
    expect(codeRow("OVERDUE_UNSHIPPED").getCell(4).value).toBe(8);
    expect(codeRow("DUE_SOON").getCell(4).value).toBe(6);
    // Every flagged order is listed once, by its sheet row.
    const flaggedIds = orders.filter((order) => order.expected.length > 0).map((order) => order.orderId);
    for (const id of flaggedIds) expect(texts.filter((text) => text === id)).toHaveLength(1);
  });

  it("links each flagged order's row number to that row of the orders sheet", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = (await zip.file(await sheetPart(zip, "AE 违规汇总"))?.async("string")) as string;
    const links = [...xml.matchAll(/<hyperlink ref="A(\d+)" location="([^"]*)"/g)].map((match) => match[2]);
    const flaggedRows = orders
      .filter((order) => order.expected.length > 0)
      .map((order) => sheet.orderRows[order.orderId]?.[0]);
    expect(links.sort()).toEqual(flaggedRows.map((row) => `'订单'!A${row}`).sort());
    // Internal links need no relationship: no external target may point into the workbook.
    const rels = await relsTargets(
      zip,
      (await sheetPart(zip, "AE 违规汇总")).replace("worksheets/", "worksheets/_rels/") + ".rels",
    );
    expect(rels.filter((rel) => rel.type.endsWith("/hyperlink"))).toEqual([]);
  });

  it("draws a native bar chart of violations by code from the summary sheet's cells", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const summaryPart = await sheetPart(zip, "AE 违规汇总");
    const sheetRels = await relsTargets(zip, summaryPart.replace("worksheets/", "worksheets/_rels/") + ".rels");
    const drawing = sheetRels.find((rel) => rel.type.endsWith("/drawing"));
    expect(drawing?.target).toMatch(/^\.\.\/drawings\/drawing\d+\.xml$/);
    const drawingPart = `xl/drawings/${path.basename(drawing?.target as string)}`;
    const drawingRels = await relsTargets(zip, `xl/drawings/_rels/${path.basename(drawingPart)}.rels`);
    expect(drawingRels[0]?.target).toBe("../charts/chart1.xml");
    const chart = (await zip.file("xl/charts/chart1.xml")?.async("string")) as string;
    expect(chart).toContain("<c:barChart>");
    const refs = [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((match) => match[1]);
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(ref).toMatch(/^'AE 违规汇总'!\$[A-Z]\$\d+:\$[A-Z]\$\d+$/);
    // The referenced cells hold the codes and their counts.
    const summary = workbook.getWorksheet("AE 违规汇总") as ExcelJS.Worksheet;
    const [, catCol, catFrom, catTo] = /\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)/.exec(refs[0] as string) as RegExpExecArray;
    const [, valCol] = /\$([A-Z])\$/.exec(refs[1] as string) as RegExpExecArray;
    const codes: unknown[] = [];
    const counts: unknown[] = [];
    for (let row = Number(catFrom); row <= Number(catTo); row++) {
      codes.push(summary.getCell(`${catCol}${row}`).value);
      counts.push(summary.getCell(`${valCol}${row}`).value);
    }
    expect(codes).toContain("NOT_ONLINE");
    expect(counts.reduce((a, b) => (a as number) + (b as number), 0)).toBe(
      orders.reduce((sum, order) => sum + order.expected.length, 0),
    );
    const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain(`PartName="/${drawingPart}"`);
  });

  it("replaces the summary sheet when the scanned copy is scanned again, and clears highlights that no longer apply", async () => {
    const again = path.join(dir, "rescanned.xlsx");
    // A week earlier fewer orders are late: rows flagged only now must lose their highlight.
    const run = await runCli([
      "scan",
      out,
      "--as-of",
      "2025-06-08T12:00:00-07:00",
      "--out",
      again,
      "--lang",
      "en",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: Array<{ rows: number[] }> };
    const flaggedNow = new Set(report.findings.flatMap((finding) => finding.rows));
    const workbookAgain = await readBack(again);
    const summaries = workbookAgain.worksheets.filter((ws) => ws.name === "AE Violations" || ws.name === "AE 违规汇总");
    expect(summaries.map((ws) => ws.name)).toEqual(["AE Violations"]);
    const ordersSheet = workbookAgain.getWorksheet("订单") as ExcelJS.Worksheet;
    for (let row = sheet.headerRow + 1; row <= sheet.rows.length; row++) {
      const fill = fillOf(ordersSheet.getCell(row, 1));
      expect(fill !== undefined && OUR_FILLS.includes(fill)).toBe(flaggedNow.has(row));
    }
    const zip = await JSZip.loadAsync(fs.readFileSync(again));
    expect(Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toEqual([
      "xl/charts/chart1.xml",
    ]);
  });
});

describe("ae-guard scan --out on a CSV", () => {
  it("writes a new workbook with the CSV's cells as text, the highlights and the summary", async () => {
    const dir = tempDir();
    const out = path.join(dir, "from-csv.xlsx");
    const run = await runCli(["scan", path.join(SAMPLES, "orders-en.csv"), "--as-of", AS_OF, "--out", out]);
    expect(run.code).toBe(0);
    const workbook = await readBack(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["orders-en", "AE Violations", "AE Actions"]);
    const orders = workbook.getWorksheet("orders-en") as ExcelJS.Worksheet;
    const overdue = buildSampleOrders().find((order) => order.scenario === "overdue") as { orderId: string };
    const row = sheet.orderRows[overdue.orderId]?.[0] as number;
    expect(fillOf(orders.getCell(row, 1))).toBe(LATE);
    expect(orders.getCell(row, 1).value).toBe(overdue.orderId);
  });
});

describe("parts of the input the copy does not change", () => {
  it("are copied byte for byte (a seller's chart and macros too); a rescan replaces the summary and its chart", async () => {
    const dir = tempDir();
    const scanned = path.join(dir, "scanned.xlsx");
    expect(
      (await runCli(["scan", path.join(SAMPLES, "orders-en.xlsx"), "--as-of", AS_OF, "--out", scanned])).stderr,
    ).toBe("");
    const again = path.join(dir, "again.xlsx");
    expect((await runCli(["scan", scanned, "--as-of", AS_OF, "--out", again])).stderr).toBe("");
    const rescanned = await JSZip.loadAsync(fs.readFileSync(again));
    expect(Object.keys(rescanned.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toHaveLength(1);
    expect(((await rescanned.file("xl/workbook.xml")?.async("string")) ?? "").match(/AE Violations/g)).toHaveLength(1);

    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(SAMPLES, "orders-en.xlsx")));
    zip.file("xl/charts/chart7.xml", "<c:chartSpace/>");
    zip.file("xl/vbaProject.bin", "macros");
    const withChart = path.join(dir, "with-chart.xlsx");
    fs.writeFileSync(withChart, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const copy = path.join(dir, "with-chart-scanned.xlsx");
    const run = await runCli(["scan", withChart, "--as-of", AS_OF, "--out", copy]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const input = await readStoredZip(withChart);
    const output = await readStoredZip(copy);
    const changed = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
    changed.add(await sheetPart(zip, "Orders"));
    const unchanged = input.entries.filter((entry) => !changed.has(entry.name));
    expect(unchanged.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(["xl/charts/chart7.xml", "xl/vbaProject.bin"]),
    );
    const differing = unchanged.filter(
      (entry) => !output.record(entry.name)?.equals(input.record(entry.name) as Buffer),
    );
    expect(differing.map((entry) => entry.name)).toEqual([]);
  });
});

describe("a workbook without violations", () => {
  it("gets a summary sheet that says so, with no chart", async () => {
    const dir = tempDir();
    const file = path.join(dir, "clean.xlsx");
    const workbook = new ExcelJS.Workbook();
    const orders = workbook.addWorksheet("Orders");
    orders.addRow(["Order ID", "Order Status", "Payment Time", "Shipping Deadline"]);
    orders.addRow(["7001", "Awaiting shipment", "2025-06-14 10:00", "2025-06-21 10:00"]);
    await workbook.xlsx.writeFile(file);
    const out = path.join(dir, "clean-scanned.xlsx");
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No flagged orders.");
    const copy = await readBack(out);
    const texts: string[] = [];
    (copy.getWorksheet("AE Violations") as ExcelJS.Worksheet).eachRow((row) =>
      row.eachCell((cell) => texts.push(String(cell.value))),
    );
    expect(texts).toContain("No flagged orders.");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files).some((name) => name.startsWith("xl/charts/"))).toBe(false);
    expect(fillOf((copy.getWorksheet("Orders") as ExcelJS.Worksheet).getCell("A2"))).toBeUndefined();
  });
});
