import type { CellValue } from "../../core/model";
import { wallClockToSerial } from "../../core/dates/serial";
import { cellAddress } from "../../excel/a1";
import { FakeWorkbook } from "../../excel/fake/fakeWorkbook";
import { sampleReadme, sampleSheet, type SampleLang } from "../../samples";

/** `FFD9D9D9` (ARGB, as the sample states its formatting) → `#D9D9D9`. */
function argbToHex(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/**
 * The bundled sample export as Excel would hold it after opening the file: dates as serial numbers with a date
 * format, the seller's own header fill, tinted column and bold rows, and the orders sheet active.
 */
export function buildSampleWorkbook(lang: SampleLang): FakeWorkbook {
  const workbook = new FakeWorkbook();
  const readme = sampleReadme(lang);
  workbook.addSheet(readme.name, readme.rows);

  const sample = sampleSheet(lang);
  const rows: CellValue[][] = sample.rows.map((cells) =>
    cells.map((value) => (value instanceof Date ? wallClockToSerial(value.getTime()) : value)),
  );
  const sheet = workbook.addSheet(sample.name, rows);
  const { formatting } = sample;
  const width = Math.max(...rows.map((cells) => cells.length));
  const lastRow = rows.length;

  const setFormat = (row: number, column: number, format: string) => {
    let columns = sheet.numberFormats.get(row);
    if (!columns) sheet.numberFormats.set(row, (columns = new Map()));
    columns.set(column, format);
  };
  for (let row = sample.headerRow + 1; row <= lastRow; row++) {
    for (const column of formatting.dateColumns) setFormat(row, column, formatting.dateFormat);
    setFormat(row, formatting.amountColumn, formatting.amountFormat);
  }
  for (const row of formatting.boldRows) {
    const fonts = new Map<number, { bold?: boolean }>();
    for (let column = 1; column <= width; column++) fonts.set(column, { bold: true });
    sheet.fonts.set(row, fonts);
  }
  for (let column = 1; column <= width; column++) {
    workbook.paint(sample.name, cellAddress(sample.headerRow, column), { color: argbToHex(formatting.headerFill) });
  }
  const tint = { color: argbToHex(formatting.tintedColumn.color) };
  for (const orderRows of Object.values(sample.orderRows)) {
    for (const row of orderRows) workbook.paint(sample.name, cellAddress(row, formatting.tintedColumn.column), tint);
  }
  workbook.activeSheet = sample.name;
  return workbook;
}
