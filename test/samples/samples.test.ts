import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { VIOLATION_CODES, type CellValue } from "../../src/core/model";
import {
  buildSampleOrders,
  sampleCsv,
  sampleReadme,
  sampleSheet,
  SAMPLE_AS_OF,
  type SampleLang,
} from "../../src/samples";
import { toCoreCell } from "./exceljsCells";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the sample order export", () => {
  it("is the same on every build (seeded, no clock)", () => {
    expect(JSON.stringify(buildSampleOrders())).toBe(JSON.stringify(buildSampleOrders()));
    expect(SAMPLE_AS_OF).toBe("2025-06-15T12:00:00-07:00");
  });

  it("has about 200 orders with every report code designed in, next to many clean ones", () => {
    const orders = buildSampleOrders();
    expect(orders.length).toBeGreaterThanOrEqual(180);
    const designed = new Set(orders.flatMap((order) => order.expected));
    for (const code of VIOLATION_CODES) expect(designed).toContain(code);
    expect(orders.filter((order) => order.expected.length === 0).length).toBeGreaterThan(orders.length / 2);
    expect(new Set(orders.map((order) => order.orderId)).size).toBe(orders.length);
  });

  it("carries the bad cells real exports have", () => {
    const sheet = sampleSheet("zh-CN");
    const cells = sheet.rows.flat();
    expect(cells).toContainEqual({ error: "#N/A" });
    expect(cells).toContain("32/13/2025");
    expect(cells).toContain('=HYPERLINK("http://x","y")');
    expect(
      cells.some((cell) => typeof cell === "string" && /^[A-Z_]+:[a-z]{2} \d{4} \d{4} \d[a-z]{2}$/.test(cell)),
    ).toBe(true);
    expect(cells.some((cell) => typeof cell === "string" && /[０-９]{14}/.test(cell))).toBe(true);
    expect(cells.some((cell) => typeof cell === "string" && /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/.test(cell))).toBe(true);
    const continuation = Object.values(sheet.orderRows).filter((rows) => rows.length > 1);
    expect(continuation.length).toBeGreaterThanOrEqual(3);
  });

  it("puts a title row above the header and names the columns like the 2019 seller-centre export", () => {
    const zh = sampleSheet("zh-CN");
    expect(zh.rows[0]?.[0]).toBe("订单导出 2025-06-15");
    expect(zh.rows[zh.headerRow - 1]).toEqual(
      expect.arrayContaining(["订单号", "付款时间", "发货期限", "实际发货物流:运单号", "上网时间", "取消原因"]),
    );
    const en = sampleSheet("en");
    expect(en.rows[en.headerRow - 1]).toEqual(
      expect.arrayContaining(["Order ID", "Payment Time", "Shipping Deadline"]),
    );
    // The same orders in the same rows in both languages.
    expect(en.orderRows).toEqual(zh.orderRows);
  });

  it("is pure: src/samples imports nothing from Node", () => {
    const dir = path.join(ROOT, "src", "samples");
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const imports = [...text.matchAll(/from "([^"]+)"/g)].map((match) => match[1] as string);
      for (const source of imports) expect(source.startsWith(".")).toBe(true);
      expect(text).not.toMatch(/Date\.now\(|new Date\(\)/);
    }
  });
});

function same(actual: CellValue, expected: CellValue): boolean {
  if (expected instanceof Date) return actual instanceof Date && actual.getTime() === expected.getTime();
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  return JSON.stringify(actual) === JSON.stringify(expected);
}

async function committedValues(file: string, sheetName: string): Promise<CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName} in ${file}`);
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: CellValue[] = [];
    // A merged range's other cells report the first cell's value: what the file stores there is nothing.
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cell.isMerged && cell.master !== cell ? null : toCoreCell(cell.value);
    });
    rows[rowNumber - 1] = values;
  });
  return rows;
}

describe.each<[SampleLang, string]>([
  ["zh-CN", "orders-zh"],
  ["en", "orders-en"],
])("the committed sample %s (samples/%s.xlsx)", (lang, base) => {
  it("holds exactly the generator's cell values (regenerate with node scripts/make-samples.js)", async () => {
    const expected = sampleSheet(lang);
    const actual = await committedValues(path.join(ROOT, "samples", `${base}.xlsx`), expected.name);
    const mismatches: string[] = [];
    const rowCount = Math.max(expected.rows.length, actual.length);
    for (let r = 0; r < rowCount; r++) {
      const want = expected.rows[r] ?? [];
      const got = actual[r] ?? [];
      for (let c = 0; c < Math.max(want.length, got.length); c++) {
        if (!same(got[c] ?? null, want[c] ?? null))
          mismatches.push(`R${r + 1}C${c + 1}: ${JSON.stringify(got[c])} != ${JSON.stringify(want[c])}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    const readme = sampleReadme(lang);
    expect((await committedValues(path.join(ROOT, "samples", `${base}.xlsx`), readme.name))[0]?.[0]).toBe(
      readme.rows[0]?.[0],
    );
  });
});

describe("the committed CSV samples", () => {
  it("orders-en.csv is the English sheet in UTF-8 with a BOM", () => {
    const bytes = fs.readFileSync(path.join(ROOT, "samples", "orders-en.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8").decode(bytes)).toBe(sampleCsv(sampleSheet("en")));
  });

  it("orders-zh.csv is the Chinese sheet in GB18030", () => {
    const bytes = fs.readFileSync(path.join(ROOT, "samples", "orders-zh.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder("gb18030").decode(bytes)).toBe(sampleCsv(sampleSheet("zh-CN")));
  });
});
