import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { AS_OF, runCli, SAMPLES, tempDir } from "./helpers";

/**
 * The scanned copy's AE Actions sheet (AE 待办 in Chinese): read back with exceljs and opened in LibreOffice, it holds
 * the same to-do as the JSON report's `actions`, each row linked to its order row, and it is replaced, never
 * duplicated, when the copy is scanned again.
 */

const SOFFICE = "/usr/bin/soffice";
const itWithSoffice = fs.existsSync(SOFFICE) ? it : it.skip;
jest.setTimeout(180_000);

/** LibreOffice's CSV filter: comma, quote, UTF-8, …, and (12th token, LibreOffice 7.2+) the sheet number to export. */
const sheetAsCsv = (sheetNumber: number): string =>
  `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetNumber}`;

function soffice(dir: string, args: string[]): void {
  const profile = path.join(dir, "lo-profile");
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", ...args, "--outdir", dir], {
    timeout: 120_000,
    stdio: "pipe",
  });
}

/** Splits LibreOffice's CSV (quoted fields may hold commas and doubled quotes). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\n") (row.push(field), rows.push(row), (row = []), (field = ""));
    else if (ch !== "\r") field += ch;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  return rows;
}

interface Report {
  actions: {
    shipNow: { items: Array<{ orderId: string; row: number; hoursLeft: number; deadlineInSellerZone: string }> };
    whatIf: { sentence: string };
    messages: Array<{ orderId: string; text: string }>;
    trackingFixes: Array<{ orderId: string; row: number; problem: string; fix: string }>;
    appealEvidence: Array<{ orderId: string; row: number }>;
  };
}

async function sheetXml(file: string, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) as string;
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) as string;
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].find((m) => m[0].includes(`name="${sheetName}"`))?.[0] ?? "";
  const id = /r:id="([^"]*)"/.exec(tag)?.[1];
  const target = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0];
  const part = /Target="([^"]*)"/.exec(target ?? "")?.[1] ?? "";
  return (await zip.file(part.startsWith("/") ? part.slice(1) : `xl/${part}`)?.async("string")) as string;
}

/** The row whose column A starts with the text. */
function rowStarting(sheet: ExcelJS.Worksheet, prefix: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (!found && String(row.getCell(1).value ?? "").startsWith(prefix)) found = n;
  });
  if (!found) throw new Error(`no row starts with ${prefix}`);
  return found;
}

describe("ae-guard scan --out: the AE Actions sheet of an .xlsx copy", () => {
  const dir = tempDir("ae-guard-actions-");
  const out = path.join(dir, "scanned.xlsx");
  let report: Report;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const run = await runCli([
      "scan",
      path.join(SAMPLES, "orders-en.xlsx"),
      "--as-of",
      AS_OF,
      "--my-tz",
      "Asia/Shanghai",
      "--out",
      out,
      "--json",
    ]);
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout) as Report;
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
  });

  it("follows the summary and leads with the what-if line", () => {
    expect(workbook.worksheets.map((ws) => ws.name).slice(-2)).toEqual(["AE Violations", "AE Actions"]);
    const sheet = workbook.getWorksheet("AE Actions")!;
    expect(sheet.getCell("A1").value).toBe("AE Guard — what to do now");
    expect(sheet.getCell("A3").value).toBe(report.actions.whatIf.sentence);
  });

  it("lists the ship-now orders as the JSON report does, with the seller's zone, hours left and a link to the row", async () => {
    const sheet = workbook.getWorksheet("AE Actions")!;
    const heading = rowStarting(sheet, "Ship now");
    expect(sheet.getCell(heading + 1, 4).value).toBe("Deadline (Asia/Shanghai, yours)");
    const items = report.actions.shipNow.items;
    items.forEach((item, i) => {
      const shown = [1, 2, 4, 5].map((column) => sheet.getCell(heading + 2 + i, column).value);
      expect(shown).toEqual([item.row, item.orderId, item.deadlineInSellerZone, item.hoursLeft]);
    });
    const xml = await sheetXml(out, "AE Actions");
    const first = items[0]!;
    expect(xml).toContain(
      `<hyperlink ref="A${heading + 2}" location="'Orders'!A${first.row}" display="${first.row}"/>`,
    );
    expect(xml).not.toContain("<f>");
    const links = [...xml.matchAll(/<hyperlink /g)].length;
    const { trackingFixes, messages, appealEvidence } = report.actions;
    expect(links).toBe(items.length + trackingFixes.length + messages.length + appealEvidence.length);
  });

  it("gives the tracking fixes and the buyer drafts their rows", () => {
    const sheet = workbook.getWorksheet("AE Actions")!;
    const fixes = rowStarting(sheet, "Fix tracking");
    const fix = report.actions.trackingFixes[0]!;
    expect(sheet.getRow(fixes + 2).values).toEqual([undefined, fix.row, fix.orderId, fix.problem, fix.fix]);
    const drafts = rowStarting(sheet, "Tell the buyer");
    const texts = report.actions.messages.map((_, i) => sheet.getCell(drafts + 2 + i, 5).value);
    expect(texts).toEqual(report.actions.messages.map((message) => message.text));
  });

  it("is replaced, never duplicated, when the copy is scanned again (AE 待办 in Chinese)", async () => {
    const again = path.join(dir, "again.xlsx");
    const run = await runCli(["scan", out, "--as-of", AS_OF, "--out", again, "--lang", "zh-CN", "-q"]);
    expect(run.code).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(again);
    expect(copy.worksheets.map((ws) => ws.name).slice(-2)).toEqual(["AE 违规汇总", "AE 待办"]);
    expect(copy.worksheets.filter((ws) => ws.name.startsWith("AE "))).toHaveLength(2);
    expect(copy.getWorksheet("AE 待办")!.getCell("A1").value).toBe("AE Guard — 待办事项");
    const before = Object.keys((await JSZip.loadAsync(fs.readFileSync(out))).files).sort();
    const after = Object.keys((await JSZip.loadAsync(fs.readFileSync(again))).files).sort();
    expect(after).toEqual(before);
  });

  itWithSoffice("opens in LibreOffice with the same values", () => {
    const lo = path.join(dir, "lo");
    fs.mkdirSync(lo);
    const sheetNumber = workbook.worksheets.findIndex((ws) => ws.name === "AE Actions") + 1;
    soffice(lo, ["--convert-to", sheetAsCsv(sheetNumber), out]);
    const rows = csvRows(fs.readFileSync(path.join(lo, "scanned-AE Actions.csv"), "utf8"));
    expect(rows[0]?.[0]).toBe("AE Guard — what to do now");
    expect(rows[2]?.[0]).toBe(report.actions.whatIf.sentence);
    const first = report.actions.shipNow.items[0]!;
    const shipRow = rows.find((row) => row[1] === first.orderId);
    expect(shipRow?.[0]).toBe(String(first.row));
    expect(shipRow?.[3]).toBe(first.deadlineInSellerZone);
    expect(Number(shipRow?.[4])).toBeCloseTo(first.hoursLeft, 1);
    const draft = report.actions.messages[0]!;
    expect(rows.some((row) => row[4] === draft.text)).toBe(true);
  });
});

describe("order ids that look like formulas or numbers", () => {
  const tricky = ['=HYPERLINK("http://evil.example","x")', "+8612345", "@sum", "-5", "8012345678901234"];
  const dir = tempDir("ae-guard-actions-odd-");

  async function trickyWorkbook(file: string): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Orders");
    sheet.addRow(["订单号", "订单状态", "付款时间", "发货期限"]);
    tricky.forEach((id, i) =>
      sheet.addRow([id, "等待您发货", "2025-06-01 10:00", `2025-06-${String(10 + i).padStart(2, "0")} 10:00`]),
    );
    await workbook.xlsx.writeFile(file);
  }

  it.each([
    ["an .xlsx copy", "xlsx"],
    ["a CSV's new workbook", "csv"],
  ])("stay that very text in %s, in exceljs and in LibreOffice", async (_, kind) => {
    const input = path.join(dir, `odd-${kind}.${kind}`);
    if (kind === "xlsx") await trickyWorkbook(input);
    else
      fs.writeFileSync(
        input,
        ["订单号,订单状态,付款时间,发货期限"]
          .concat(tricky.map((id, i) => `"${id.replace(/"/g, '""')}",等待您发货,2025-06-01 10:00,2025-06-1${i} 10:00`))
          .join("\n"),
      );
    const out = path.join(dir, `odd-${kind}-scanned.xlsx`);
    const run = await runCli(["scan", input, "--as-of", AS_OF, "--out", out, "-q"]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("AE Actions")!;
    const heading = rowStarting(sheet, "Ship now");
    const ids = tricky.map((_, i) => sheet.getCell(heading + 2 + i, 2));
    expect(ids.map((cell) => cell.value).sort()).toEqual([...tricky].sort());
    for (const cell of ids) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(await sheetXml(out, "AE Actions")).not.toContain("<f>");
    if (!fs.existsSync(SOFFICE)) return;
    const lo = path.join(dir, `lo-${kind}`);
    fs.mkdirSync(lo);
    soffice(lo, ["--convert-to", sheetAsCsv(workbook.worksheets.length), out]);
    const rows = csvRows(fs.readFileSync(path.join(lo, `odd-${kind}-scanned-AE Actions.csv`), "utf8"));
    const shown = rows.slice(heading + 1, heading + 1 + tricky.length).map((row) => row[1]);
    expect(shown.sort()).toEqual([...tricky].sort());
  });
});
