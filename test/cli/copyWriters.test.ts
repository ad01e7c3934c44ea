import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readStoredZip, type StoredZip } from "./storedZip";
import { addLinksAndChart } from "../../src/cli/xlsxPost";
import { AS_OF, runCli, SAMPLES, tempDir } from "./helpers";

/**
 * The scanned copy of workbooks written by real spreadsheet programs: LibreOffice (Debian's soffice, which rewrites
 * the whole package its own way) and exceljs. Every part the scan does not change comes back byte for byte, and the
 * copy opens in LibreOffice and exceljs with the seller's values.
 */

const SOFFICE = "/usr/bin/soffice";
const haveSoffice = fs.existsSync(SOFFICE);
const describeWithSoffice = haveSoffice ? describe : describe.skip;
jest.setTimeout(180_000);
/** LibreOffice's CSV filter options: comma, quote, UTF-8, ..., and (12th token, LibreOffice 7.2+) sheet 2, "Orders". */
const ORDERS_SHEET_AS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2";

/** Runs LibreOffice headless with its own profile, so parallel runs do not share a lock. */
function soffice(dir: string, args: string[]): void {
  const profile = path.join(dir, "lo-profile");
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", ...args, "--outdir", dir], {
    timeout: 120_000,
    stdio: "pipe",
  });
}

/** The seller's sample export with a second sheet holding a chart, a comment, data validation, conditional formats
 * and a defined name — everything exceljs can write, plus a native chart added to its package. */
async function sellerWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(SAMPLES, "orders-en.xlsx"));
  const orders = workbook.getWorksheet("Orders") as ExcelJS.Worksheet;
  orders.getCell("A2").note = "checked by Li";
  const notes = workbook.addWorksheet("Notes");
  notes.addRows([
    ["Month", "Orders"],
    ["April", 120],
    ["May", 164],
    ["June", 98],
  ]);
  notes.getCell("D1").value = "OK";
  notes.getCell("D1").dataValidation = { type: "list", allowBlank: true, formulae: ['"OK,Check"'] };
  notes.addConditionalFormatting({
    ref: "B2:B4",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: [100],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  workbook.definedNames.add("Notes!$B$2:$B$4", "MonthlyOrders");
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  await addLinksAndChart(zip, "Notes", [], {
    title: "Orders by month",
    seriesName: "Orders",
    categoriesRef: "'Notes'!$A$2:$A$4",
    valuesRef: "'Notes'!$B$2:$B$4",
    categories: ["April", "May", "June"],
    values: [120, 164, 98],
    colors: ["4472C4", "4472C4", "4472C4"],
    from: { col: 5, row: 1 },
    to: { col: 12, row: 16 },
  });
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** The parts the copy rewrites: everything else must be byte-identical. */
function changedParts(pkg: StoredZip): Set<string> {
  const workbook = pkg.text("xl/workbook.xml");
  const rels = pkg.text("xl/_rels/workbook.xml.rels");
  const ordersTag = /<sheet\b[^>]*name="Orders"[^>]*>/.exec(workbook)?.[0] as string;
  const ordersId = /\br:id="([^"]*)"/.exec(ordersTag)?.[1] as string;
  const target = new RegExp(`<Relationship\\b[^>]*Id="${ordersId}"[^>]*>`).exec(rels)?.[0] as string;
  const sheet = /Target="([^"]*)"/.exec(target)?.[1] as string;
  return new Set([
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    sheet.startsWith("/") ? sheet.slice(1) : `xl/${sheet}`,
  ]);
}

/** The parts the copy should keep whose stored record (local header and compressed bytes) is not the input's. */
function differingParts(input: StoredZip, output: StoredZip): string[] {
  const changed = changedParts(input);
  return input.entries
    .filter((entry) => !changed.has(entry.name))
    .filter((entry) => !output.record(entry.name)?.equals(input.record(entry.name) as Buffer))
    .map((entry) => entry.name);
}

async function scanCopy(input: string, out: string): Promise<void> {
  const run = await runCli(["scan", input, "--as-of", AS_OF, "--out", out]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}

function filledRows(sheet: ExcelJS.Worksheet): number {
  let count = 0;
  sheet.eachRow((row) => {
    const fill = row.getCell(1).fill as ExcelJS.FillPattern | undefined;
    if (fill?.type === "pattern" && fill.pattern === "solid") count++;
  });
  return count;
}

describeWithSoffice(
  "a workbook LibreOffice wrote, with a chart, comment, validation, conditional format and name",
  () => {
    const dir = tempDir();
    const made = path.join(dir, "made.xlsx");
    const lo = path.join(dir, "lo");
    const input = path.join(lo, "made.xlsx");
    const out = path.join(dir, "scanned.xlsx");
    let inputPkg: StoredZip;
    let outputPkg: StoredZip;

    beforeAll(async () => {
      await sellerWorkbook(made);
      fs.mkdirSync(lo);
      soffice(lo, ["--convert-to", "xlsx", made]);
      await scanCopy(input, out);
      inputPkg = await readStoredZip(input);
      outputPkg = await readStoredZip(out);
    });

    it("is a LibreOffice package holding all of them", () => {
      expect(inputPkg.text("docProps/app.xml")).toContain("LibreOffice");
      const names = inputPkg.entries.map((entry) => entry.name);
      expect(names.some((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toBe(true);
      expect(names.some((name) => /^xl\/comments\d*\.xml$/.test(name))).toBe(true);
      const sheets = names.filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).map((n) => inputPkg.text(n));
      expect(sheets.some((xml) => xml.includes("<dataValidation"))).toBe(true);
      expect(sheets.some((xml) => xml.includes("<conditionalFormatting"))).toBe(true);
      expect(inputPkg.text("xl/workbook.xml")).toContain("MonthlyOrders");
    });

    it("comes back with every part the scan does not change byte for byte", () => {
      expect(differingParts(inputPkg, outputPkg)).toEqual([]);
      expect(outputPkg.text("xl/workbook.xml")).toContain("MonthlyOrders");
    });

    it("opens in exceljs with the highlights and the summary", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        "Read me",
        "Orders",
        "Notes",
        "AE Violations",
        "AE Actions",
      ]);
      expect(filledRows(workbook.getWorksheet("Orders") as ExcelJS.Worksheet)).toBeGreaterThan(0);
      expect(workbook.getWorksheet("Notes")?.getCell("B3").value).toBe(164);
    });

    it("opens in LibreOffice with the same order values as the input", () => {
      const csvIn = path.join(dir, "csv-in");
      const csvOut = path.join(dir, "csv-out");
      fs.mkdirSync(csvIn);
      fs.mkdirSync(csvOut);
      soffice(csvIn, ["--convert-to", ORDERS_SHEET_AS_CSV, input]);
      soffice(csvOut, ["--convert-to", ORDERS_SHEET_AS_CSV, out]);
      const before = fs.readFileSync(path.join(csvIn, "made-Orders.csv"), "utf8");
      const after = fs.readFileSync(path.join(csvOut, "scanned-Orders.csv"), "utf8");
      expect(before.split("\n").length).toBeGreaterThan(100);
      expect(after).toBe(before);
    });
  },
);

describe("a workbook exceljs wrote, with a chart, comment, validation, conditional format and name", () => {
  it("comes back with every part the scan does not change byte for byte, readable by exceljs", async () => {
    const dir = tempDir();
    const input = path.join(dir, "made.xlsx");
    const out = path.join(dir, "scanned.xlsx");
    await sellerWorkbook(input);
    await scanCopy(input, out);
    const inputPkg = await readStoredZip(input);
    const outputPkg = await readStoredZip(out);
    expect(differingParts(inputPkg, outputPkg)).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const notes = workbook.getWorksheet("Notes") as ExcelJS.Worksheet;
    expect(notes.getCell("D1").dataValidation?.formulae).toEqual(['"OK,Check"']);
    const comments = outputPkg.entries.filter((entry) => /^xl\/comments\d*\.xml$/.test(entry.name));
    expect(comments.map((entry) => outputPkg.text(entry.name)).join("")).toContain("checked by Li");
    expect(filledRows(workbook.getWorksheet("Orders") as ExcelJS.Worksheet)).toBeGreaterThan(0);
  });
});

/**
 * openpyxl, the library most Python ERP scripts export with: Debian's python3-openpyxl (PyPI is not reachable here;
 * .ci/run installs it). exceljs refused such a workbook holding a comment or a chart as "damaged"; the scan reads
 * only the parts it needs, so it scans, and the copy keeps both.
 */
const PYTHON = "/usr/bin/python3";
const openpyxlVersion = ((): string | undefined => {
  try {
    return execFileSync(PYTHON, ["-c", "import openpyxl; print(openpyxl.__version__)"], { stdio: "pipe" })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
})();
if (openpyxlVersion === undefined)
  process.stdout.write(
    `skipped: the openpyxl workbook tests need ${PYTHON} with openpyxl (apt-get install python3-openpyxl)\n`,
  );
const describeWithOpenpyxl = openpyxlVersion !== undefined ? describe : describe.skip;

const OPENPYXL_WORKBOOK = `
import datetime, sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment

wb = Workbook()
orders = wb.active
orders.title = "Orders"
orders.append(["Order ID", "Order Status", "Payment Time", "Shipping Deadline", "Tracking Number", "Carrier"])
orders.append(["8100000000000001", "Awaiting shipment", datetime.datetime(2025, 6, 1, 10), datetime.datetime(2025, 6, 8, 10), None, None])
orders.append(["8100000000000002", "Shipped", datetime.datetime(2025, 6, 2, 10), datetime.datetime(2025, 6, 9, 10), "LP00123456789010", "Cainiao"])
for row in orders.iter_rows(min_row=2, min_col=3, max_col=4):
    for cell in row:
        cell.number_format = "yyyy-mm-dd hh:mm"
orders["A2"].comment = Comment("checked by Li", "Li")
notes = wb.create_sheet("Notes")
for row in [["Month", "Orders"], ["April", 120], ["May", 164], ["June", 98]]:
    notes.append(row)
chart = BarChart()
chart.title = "Orders by month"
chart.add_data(Reference(notes, min_col=2, min_row=1, max_row=4), titles_from_data=True)
chart.set_categories(Reference(notes, min_col=1, min_row=2, max_row=4))
notes.add_chart(chart, "D2")
wb.save(sys.argv[1])
`;

const OPENPYXL_READ_BACK = `
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
orders = wb["Orders"]
print(json.dumps({
    "sheets": wb.sheetnames,
    "comment": orders["A2"].comment.text if orders["A2"].comment else None,
    "charts": len(wb["Notes"]._charts),
    "fill": orders["A2"].fill.fgColor.rgb if orders["A2"].fill and orders["A2"].fill.fill_type == "solid" else None,
    "paid": orders["C2"].value.isoformat(),
}))
`;

describeWithOpenpyxl("a workbook openpyxl wrote, with a comment and a chart", () => {
  const dir = tempDir();
  const input = path.join(dir, "erp-export.xlsx");
  const out = path.join(dir, "scanned.xlsx");
  let report: { source: { sheet: string }; findings: Array<{ orderId: string; code: string }> };

  beforeAll(async () => {
    execFileSync(PYTHON, ["-c", OPENPYXL_WORKBOOK, input], { stdio: "pipe" });
    const run = await runCli(["scan", input, "--as-of", AS_OF, "--out", out, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout);
  });

  it("scans: the overdue order is found on the order sheet", () => {
    expect(report.source.sheet).toBe("Orders");
    expect(report.findings.filter((f) => f.orderId === "8100000000000001").map((f) => f.code)).toContain(
      "OVERDUE_UNSHIPPED",
    );
  });

  it("comes back with the comment and the chart byte for byte, and openpyxl reads the copy", async () => {
    const inputPkg = await readStoredZip(input);
    const outputPkg = await readStoredZip(out);
    const names = inputPkg.entries.map((entry) => entry.name);
    expect(names.some((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toBe(true);
    expect(names.some((name) => /comments/.test(name))).toBe(true);
    expect(differingParts(inputPkg, outputPkg)).toEqual([]);
    const back = JSON.parse(execFileSync(PYTHON, ["-c", OPENPYXL_READ_BACK, out], { stdio: "pipe" }).toString());
    expect(back).toMatchObject({
      sheets: ["Orders", "Notes", "AE Violations", "AE Actions"],
      comment: expect.stringContaining("checked by Li"),
      charts: 1,
      paid: "2025-06-01T10:00:00",
    });
    expect(back.fill).toMatch(/^00FF|^FFFF/);
  });
});
