import ExcelJS from "exceljs";
import type { CellValue } from "../core/model";
import { sampleCsv, sampleReadme, sampleSheet, type SampleLang, type SampleSheet } from "../samples";

/** A fixed timestamp for the workbook's properties, so regenerating the samples changes as little as possible. */
const SAMPLE_FILE_DATE = new Date(Date.UTC(2025, 5, 15, 19, 0, 0));

/**
 * The sample order export as an .xlsx, with formatting a seller would have: a bold title and header, a grey header
 * fill, a title merged across the first columns, a tinted amount column, date-time number formats, column widths and a
 * frozen header.
 */
export function sampleWorkbook(lang: SampleLang, sheet: SampleSheet = sampleSheet(lang)): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "AE Guard sample generator";
  workbook.created = SAMPLE_FILE_DATE;
  workbook.modified = SAMPLE_FILE_DATE;
  const readme = sampleReadme(lang);
  const notes = workbook.addWorksheet(readme.name);
  notes.getColumn(1).width = 60;
  readme.rows.forEach((row) => notes.addRow(row as ExcelJS.CellValue[]));

  const orders = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: sheet.headerRow }] });
  const formatting = sheet.formatting;
  formatting.columnWidths.forEach((width, i) => {
    orders.getColumn(i + 1).width = width;
  });
  sheet.rows.forEach((cells: CellValue[], r) => {
    const rowNumber = r + 1;
    const row = orders.getRow(rowNumber);
    cells.forEach((value, c) => {
      if (value === null || value === undefined) return;
      row.getCell(c + 1).value = value as ExcelJS.CellValue;
    });
    if (rowNumber > sheet.headerRow) {
      for (const column of formatting.dateColumns) row.getCell(column).numFmt = formatting.dateFormat;
      const amount = row.getCell(formatting.amountColumn);
      amount.numFmt = formatting.amountFormat;
      amount.fill = { type: "pattern", pattern: "solid", fgColor: { argb: formatting.tintedColumn.color } };
    }
  });
  orders.mergeCells(1, 1, 1, 6);
  for (const rowNumber of formatting.boldRows)
    orders.getRow(rowNumber).font = { bold: true, size: rowNumber === sheet.headerRow ? 11 : 14 };
  orders.getRow(sheet.headerRow).eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: formatting.headerFill } };
    cell.font = { bold: true };
    cell.border = { bottom: { style: "thin", color: { argb: "FF808080" } } };
  });
  return workbook;
}

export async function writeSampleWorkbook(lang: SampleLang, file: string): Promise<void> {
  await sampleWorkbook(lang).xlsx.writeFile(file);
}

/** The sample as CSV text (the caller encodes it: UTF-8 for the English file, GB18030 for the Chinese one). */
export function sampleCsvText(lang: SampleLang): string {
  return sampleCsv(sampleSheet(lang));
}
