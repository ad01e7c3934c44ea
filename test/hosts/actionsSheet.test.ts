/**
 * The AE Actions sheet is the same to-do in every host: the Excel scan (over the fake workbook holding the bundled
 * sample) and the CLI's --out copy of the committed sample write the same cells and the same links.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { tempDir } from "../cli/helpers";
import { FakeWorkbookPort } from "../../src/excel/fake/fakeWorkbook";
import { createWorkbookSession } from "../../src/excel/scanService";
import { buildSampleWorkbook } from "../../src/taskpane/preview/sampleWorkbook";
import type { Lang } from "../../src/core/model";

const SAMPLE_AS_OF = "2025-06-15T12:00:00-07:00";
const SELLER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

type Grid = Map<string, string>;

async function excelSheet(lang: Lang): Promise<{ cells: Grid; links: Grid; name: string }> {
  const workbook = buildSampleWorkbook(lang);
  const session = createWorkbookSession(new FakeWorkbookPort(workbook), { now: () => Date.parse(SAMPLE_AS_OF) });
  const { actionsSheet } = await session.scan({
    timeZone: "America/Los_Angeles",
    handlingDays: 7,
    dueSoonHours: 24,
    lang,
    asOf: SAMPLE_AS_OF,
  });
  const sheet = workbook.sheet(actionsSheet!.sheetName)!;
  const cells: Grid = new Map();
  const links: Grid = new Map();
  for (const [row, values] of sheet.rows)
    values.forEach((value, i) => {
      if (value !== "" && value !== null && value !== undefined) cells.set(`${row}:${i + 1}`, String(value));
      const link = sheet.hyperlink(row, i + 1);
      if (link) links.set(`${row}:${i + 1}`, link.documentReference);
    });
  return { cells, links, name: sheet.name };
}

async function cliSheet(file: string, lang: Lang, name: string): Promise<{ cells: Grid; links: Grid }> {
  const out = path.join(tempDir("ae-guard-actions-agree-"), "scanned.xlsx");
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  const code = await main(
    ["scan", file, "--as-of", SAMPLE_AS_OF, "--my-tz", SELLER_ZONE, "--out", out, "--lang", lang, "-q"],
    { stdout: sink, stderr: sink } as never,
  );
  expect(code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const cells: Grid = new Map();
  workbook
    .getWorksheet(name)!
    .eachRow((row, r) => row.eachCell((cell, c) => void cells.set(`${r}:${c}`, String(cell.value))));
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const parts = Object.keys(zip.files).filter((part) => /^xl\/worksheets\/sheet\d+\.xml$/.test(part));
  const links: Grid = new Map();
  for (const part of parts) {
    const xml = (await zip.file(part)!.async("string")) as string;
    if (
      !xml.includes(`<t xml:space="preserve">${lang === "zh-CN" ? "AE Guard — 待办事项" : "AE Guard — what to do now"}`)
    )
      continue;
    for (const match of xml.matchAll(/<hyperlink ref="([A-Z]+)(\d+)" location="([^"]*)"/g)) {
      const column = match[1]!.charCodeAt(0) - 64;
      links.set(`${match[2]}:${column}`, match[3]!.replace(/&apos;/g, "'"));
    }
  }
  return { cells, links };
}

describe.each([
  ["en", "samples/orders-en.xlsx"],
  ["zh-CN", "samples/orders-zh.xlsx"],
] as const)("the %s sample's Actions sheet", (lang, file) => {
  it("holds the same cells and links in the Excel scan as in the ae-guard scan --out copy", async () => {
    const excel = await excelSheet(lang);
    const cli = await cliSheet(path.resolve(__dirname, "../..", file), lang, excel.name);
    expect(excel.cells.size).toBeGreaterThan(100);
    expect([...cli.cells.entries()].sort()).toEqual([...excel.cells.entries()].sort());
    expect(excel.links.size).toBeGreaterThan(30);
    expect([...cli.links.entries()].sort()).toEqual([...excel.links.entries()].sort());
  }, 60_000);
});
