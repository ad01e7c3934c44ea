import ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../core/model";
import { SUMMARY_SHEET_NAME } from "../core/report/summary";
import { ACTIONS_SHEET_NAME } from "../core/report/actionsSheet";
import { toCoreCell } from "./cells";
import { CliError } from "./errors";

/** Loads an .xlsx into memory, or says in one line why it cannot. */
export async function loadWorkbook(name: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw new CliError(`${name} could not be read as an .xlsx workbook; it may be damaged (${reason})`);
  }
  if (workbook.worksheets.length === 0) throw new CliError(`${name} has no worksheets`);
  return workbook;
}

/** True for the summary sheet a previous scan added (either language). */
export function isSummarySheet(name: string): boolean {
  return name === SUMMARY_SHEET_NAME.en || name === SUMMARY_SHEET_NAME.zh;
}

/** True for the AE Actions sheet a previous scan added (either language). */
export function isActionsSheet(name: string): boolean {
  return name === ACTIONS_SHEET_NAME.en || name === ACTIONS_SHEET_NAME.zh;
}

/** A sheet a previous scan added (summary or to-do): never scanned as orders. */
export function isScanReportSheet(name: string): boolean {
  return isSummarySheet(name) || isActionsSheet(name);
}

/** The workbook uses the 1904 date system (old Mac workbooks). exceljs already applies it to date cells. */
export function usesDate1904(workbook: ExcelJS.Workbook): boolean {
  return Boolean((workbook.properties as { date1904?: boolean }).date1904);
}

function rowCells(row: ExcelJS.Row): CellValue[] {
  const values = row.values as unknown[];
  const cells: CellValue[] = new Array<CellValue>(Math.max(0, values.length - 1));
  for (let c = 1; c < values.length; c++) cells[c - 1] = toCoreCell(values[c]);
  return cells;
}

/** A worksheet's first `count` rows as the core reads them: enough to find its header without reading it all. */
export function worksheetHead(worksheet: ExcelJS.Worksheet, count: number): SheetGrid {
  const rows: CellValue[][] = [];
  const last = Math.min(worksheet.rowCount, count);
  for (let r = 1; r <= last; r++) {
    const row = worksheet.findRow(r); // getRow would add the missing rows to the workbook that is written back
    rows.push(row ? rowCells(row) : []);
  }
  return { name: worksheet.name, rows, firstRow: 1, firstColumn: 1 };
}

/** A worksheet's cells as the core reads them: rows from row 1, columns from A. */
export function worksheetGrid(worksheet: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const rows: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(rowCells(row));
  });
  return {
    name: worksheet.name,
    rows,
    firstRow: 1,
    firstColumn: 1,
    date1904,
    numberFormat: (r, c) => worksheet.findCell(r + 1, c + 1)?.numFmt,
    totalsRows: tableTotalsRows(worksheet),
  };
}

/** The last row of each table whose definition shows a totals row (`totalsRowCount="1"`). */
function tableTotalsRows(worksheet: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  for (const table of worksheet.getTables()) {
    const model = (table as unknown as { table?: { totalsRow?: boolean; tableRef?: string } }).table;
    const lastRow = model?.totalsRow ? /(\d+)$/.exec(model.tableRef ?? "")?.[1] : undefined;
    if (lastRow !== undefined) rows.push(Number(lastRow));
  }
  return rows;
}
