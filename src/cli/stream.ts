import { zipParts } from "./zipLimits";
import { tableTotalsRowsInPackage } from "./tableTotals";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../core/model";
import { HEADER_SCAN_ROWS } from "../core/sheet";
import { compareFits, findSheet, sheetFit, type SheetFit } from "../core/sheetChoice/chooseSheet";
import { toCoreCell } from "./cells";
import { CliError } from "./errors";
import type { OpenRequest, OrderSource } from "./orderSource";
import { checkHeader, chooseSheet, workbookSheets, type ChosenSheet } from "./sheetChoice";
import { isScanReportSheet } from "./xlsxRead";
import { writeSurgicalCopy } from "./package/scannedCopy";

/**
 * The path for very large workbooks (hundreds of thousands of rows): exceljs's streaming reader, so memory
 * holds the cell values the scan needs but never a full cell model of the workbook.
 * The scanned copy is the same surgical edit of the package as for any workbook (package/scannedCopy).
 */

const MIB = 1024 * 1024;
/**
 * Default: every workbook is read as a stream. It is faster than exceljs's full load even at 100,000 rows
 * (BENCHMARKS.md) and needs about a quarter of its memory; a positive AE_GUARD_STREAM_THRESHOLD_MB brings the full load back below it.
 */
const DEFAULT_THRESHOLD_MIB = 0;

/** Uncompressed size above which a worksheet is streamed; AE_GUARD_STREAM_THRESHOLD_MB overrides it (0 = always). */
export function STREAMING_THRESHOLD_BYTES(): number {
  const configured = Number(process.env.AE_GUARD_STREAM_THRESHOLD_MB);
  return (
    (Number.isFinite(configured) &&
    process.env.AE_GUARD_STREAM_THRESHOLD_MB !== "" &&
    process.env.AE_GUARD_STREAM_THRESHOLD_MB !== undefined
      ? configured
      : DEFAULT_THRESHOLD_MIB) *
      MIB -
    1
  );
}

/** Names and uncompressed sizes of a zip's entries, from its central directory (nothing is inflated); [] if unreadable. */
export function zipEntries(bytes: Uint8Array): Array<{ name: string; size: number }> {
  return zipParts(bytes).map(({ name, size }) => ({ name, size }));
}

/** The largest uncompressed xl/worksheets/*.xml entry; 0 when the zip cannot be read this way. */
export function largestSheetBytes(bytes: Uint8Array): number {
  let largest = 0;
  for (const entry of zipEntries(bytes))
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) largest = Math.max(largest, entry.size);
  return largest;
}

type StreamingReader = ExcelJS.stream.xlsx.WorkbookReader & {
  properties?: { model?: { date1904?: boolean } };
};
type StreamedRow = ExcelJS.Row;
type StreamedSheet = AsyncIterable<StreamedRow> & { name: string; state?: string; columns?: ExcelJS.Column[] | null };

function openReader(file: string): StreamingReader {
  return new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles are needed even for the scan: they tell exceljs which numbers are dates.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as StreamingReader;
}

function rowCells(row: StreamedRow): CellValue[] {
  const values = row.values as unknown[];
  const cells: CellValue[] = new Array<CellValue>(Math.max(0, values.length - 1));
  for (let c = 1; c < values.length; c++) cells[c - 1] = toCoreCell(values[c]);
  return cells;
}

/**
 * Pass one: every sheet's first rows are scored as the in-memory path scores them; only the best sheet so far keeps
 * its rows (with --sheet, only the named one), so memory holds one sheet.
 */
async function readChosenSheet(request: OpenRequest): Promise<{ grid: SheetGrid; choice: ChosenSheet }> {
  const name = path.basename(request.file);
  const listed = await workbookSheets(request.bytes);
  const wanted =
    request.sheet === undefined
      ? undefined
      : findSheet(
          listed.names.filter((sheet) => !isScanReportSheet(sheet)),
          request.sheet,
        );
  const reader = openReader(request.file);
  const fits: SheetFit[] = [];
  let kept: { fit: SheetFit; rows: CellValue[][] } | undefined;
  try {
    for await (const worksheet of reader as AsyncIterable<StreamedSheet>) {
      const sheetName = worksheet.name;
      if (isScanReportSheet(sheetName)) {
        for await (const _row of worksheet) void _row;
        continue;
      }
      const position = fits.length;
      const score = (rows: CellValue[][]): SheetFit =>
        sheetFit(
          { name: sheetName, rows: rows.slice(0, HEADER_SCAN_ROWS) },
          position,
          sheetName === listed.active,
          request.mapping,
        );
      const keeps = (fit: SheetFit): boolean =>
        request.sheet !== undefined ? sheetName === wanted : kept === undefined || compareFits(fit, kept.fit) < 0;
      let rows: CellValue[][] | undefined = [];
      let fit: SheetFit | undefined;
      let count = 0;
      for await (const row of worksheet) {
        if (rows === undefined) continue;
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(rowCells(row));
        if (fit === undefined && rows.length >= HEADER_SCAN_ROWS) {
          fit = score(rows);
          if (!keeps(fit)) rows = undefined;
        }
        if (++count % 4096 === 0) request.progress.update(`Reading ${sheetName}`, undefined);
      }
      if (fit === undefined) {
        fit = score(rows ?? []);
        if (!keeps(fit)) rows = undefined;
      }
      fits.push(fit);
      if (rows !== undefined) kept = { fit, rows };
    }
  } catch (error) {
    throw new CliError(
      `${name} could not be read as an .xlsx workbook; it may be damaged (${(error as Error).message.split("\n")[0]})`,
    );
  }
  if (fits.length === 0 && listed.names.length === 0) throw new CliError(`${name} has no worksheets`);
  let choice: ChosenSheet;
  try {
    choice = chooseSheet(fits, request.sheet, name);
  } catch (error) {
    // A sheet the workbook lists but the package lacks is the likelier cause than a missing header.
    const read = new Set(fits.map((fit) => fit.sheet));
    const lost = listed.names.find((sheet) => !read.has(sheet) && !isScanReportSheet(sheet));
    if (lost === undefined) throw error;
    throw new CliError(`${name}: the sheet "${lost}" points at a part the package does not hold; it may be damaged`);
  }
  if (kept === undefined || kept.fit.sheet !== choice.chosen.sheet)
    throw new Error(`the streamed read kept sheet "${kept?.fit.sheet}", not the chosen "${choice.chosen.sheet}"`);
  const grid: SheetGrid = {
    name: kept.fit.sheet,
    rows: kept.rows,
    firstRow: 1,
    firstColumn: 1,
    totalsRows: tableTotalsRowsInPackage(request.bytes, kept.fit.sheet, name),
  };
  grid.date1904 = Boolean(reader.properties?.model?.date1904);
  checkHeader(grid, request.mapping, name);
  return { grid, choice };
}

export async function openStreamingSource(request: OpenRequest): Promise<OrderSource> {
  const { grid, choice } = await readChosenSheet(request);
  return {
    grid,
    choice,
    writeCopy: (copy) => writeSurgicalCopy(request.file, request.bytes, copy),
    release() {
      grid.rows = [];
    },
  };
}
