import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, SheetGrid } from "../core/model";
import { detectHeader, HEADER_SCAN_ROWS } from "../core/sheet";
import { toCoreCell } from "./cells";
import { CliError } from "./errors";
import type { CopyRequest, OpenRequest, OrderSource } from "./source";
import { chooseSheetStreaming } from "./streamChoice";
import { renderSummarySheet } from "./summarySheet";
import { isSummarySheet } from "./xlsxRead";
import { CATEGORY_ARGB } from "./xlsxWrite";
import { addLinksAndChart } from "./xlsxPost";

/**
 * The path for very large workbooks (hundreds of thousands of rows): exceljs's streaming reader and writer, so memory
 * holds the cell values the scan needs but never a full cell model of the workbook.
 *
 * The streamed copy keeps every sheet's cell values and formulas (with their cached results), each cell's own style
 * (number format, font, fill, borders, alignment, protection), column widths and styles, row heights, and sheet
 * order, names and visibility. It does not keep what exceljs's streaming reader does not read: merged cells,
 * conditional formatting, data validation, frozen panes, filters, comments, images and charts, defined names,
 * hyperlinks (their text stays) and print settings.
 */

const MIB = 1024 * 1024;
/** Default: stream when one worksheet's XML is larger than this (about 150,000 rows of 15 columns). */
const DEFAULT_THRESHOLD_MIB = 120;

/** Uncompressed size above which a worksheet is streamed; AE_GUARD_STREAM_THRESHOLD_MB overrides it (0 = always). */
export function STREAMING_THRESHOLD_BYTES(): number {
  const configured = Number(process.env.AE_GUARD_STREAM_THRESHOLD_MB);
  return (Number.isFinite(configured) && process.env.AE_GUARD_STREAM_THRESHOLD_MB !== "" && process.env.AE_GUARD_STREAM_THRESHOLD_MB !== undefined
    ? configured
    : DEFAULT_THRESHOLD_MIB) * MIB - 1;
}

/**
 * The largest uncompressed size among the zip's xl/worksheets/*.xml entries, from the central directory (nothing is
 * inflated); 0 when the zip cannot be read this way (the in-memory reader then reports the problem).
 */
export function largestSheetBytes(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END_OF_DIRECTORY = 0x06054b50;
  const ENTRY = 0x02014b50;
  const searchFrom = Math.max(0, view.length - 22 - 0xffff);
  let end = -1;
  for (let i = view.length - 22; i >= searchFrom; i--) {
    if (view.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return 0;
  const entries = view.readUInt16LE(end + 10);
  let offset = view.readUInt32LE(end + 16);
  let largest = 0;
  for (let n = 0; n < entries && offset + 46 <= view.length; n++) {
    if (view.readUInt32LE(offset) !== ENTRY) return largest;
    const size = view.readUInt32LE(offset + 24);
    const nameLength = view.readUInt16LE(offset + 28);
    const extraLength = view.readUInt16LE(offset + 30);
    const commentLength = view.readUInt16LE(offset + 32);
    const name = view.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) largest = Math.max(largest, size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size);
    offset += 46 + nameLength + extraLength + commentLength;
  }
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

/** Pass one: the chosen sheet's values, read row by row. */
async function readChosenSheet(request: OpenRequest): Promise<SheetGrid> {
  const name = path.basename(request.file);
  const reader = openReader(request.file);
  const seen: string[] = [];
  let grid: SheetGrid | undefined;
  try {
    for await (const worksheet of reader as AsyncIterable<StreamedSheet>) {
      const sheetName = worksheet.name;
      const skip = grid !== undefined || isSummarySheet(sheetName) || !chooseSheetStreaming(sheetName, request.sheet);
      if (!isSummarySheet(sheetName)) seen.push(sheetName);
      const rows: CellValue[][] = [];
      let wanted = !skip;
      let decided = request.sheet !== undefined;
      let count = 0;
      for await (const row of worksheet) {
        if (!wanted) continue;
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(rowCells(row));
        if (!decided && rows.length >= HEADER_SCAN_ROWS) {
          decided = true;
          wanted = detectHeader({ name: sheetName, rows }, request.mapping) !== undefined;
        }
        if (++count % 4096 === 0) request.progress.update(`Reading ${sheetName}`, undefined);
      }
      if (wanted && !decided) wanted = detectHeader({ name: sheetName, rows }, request.mapping) !== undefined;
      if (wanted && grid === undefined) {
        grid = { name: sheetName, rows, firstRow: 1, firstColumn: 1 };
      }
    }
  } catch (error) {
    throw new CliError(`${name} could not be read as an .xlsx workbook; it may be damaged (${(error as Error).message.split("\n")[0]})`);
  }
  const list = seen.map((sheet) => `"${sheet}"`).join(", ");
  if (!grid) {
    if (request.sheet !== undefined) throw new CliError(`--sheet: ${name} has no sheet "${request.sheet}" with an order header (its sheets: ${list})`);
    throw new CliError(`no order header found in ${name}: no sheet has a row naming order columns (sheets: ${list}); use --map FIELD=HEADER or --sheet`);
  }
  grid.date1904 = Boolean(reader.properties?.model?.date1904);
  return grid;
}

/** Pass two: every sheet copied cell by cell with its styles, the planned rows filled, the summary sheet added. */
async function writeStreamedCopy(file: string, { out, plan, summary, lang, progress }: CopyRequest): Promise<void> {
  const categoryByRow = new Map(plan.rows.map(({ row, category }) => [row, category]));
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.stream.tmp`);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temporary, useStyles: true, useSharedStrings: true });
  const reader = openReader(file);
  let copied = 0;
  try {
    for await (const source of reader as AsyncIterable<StreamedSheet>) {
      const isOrders = source.name === plan.sheet;
      if (isSummarySheet(source.name)) {
        for await (const _row of source) void _row;
        continue;
      }
      const target = writer.addWorksheet(source.name, source.state ? { state: source.state as ExcelJS.WorksheetState } : {});
      let columnsSet = false;
      for await (const row of source) {
        if (!columnsSet) {
          columnsSet = true;
          const columns = source.columns ?? [];
          columns.forEach((column, i) => {
            const out = target.getColumn(i + 1);
            if (column.width !== undefined) out.width = column.width;
            if (column.hidden) out.hidden = true;
          });
        }
        const copy = target.getRow(row.number);
        if (row.height !== undefined) copy.height = row.height;
        const category = isOrders ? categoryByRow.get(row.number) : undefined;
        const fill: ExcelJS.Fill | undefined = category
          ? { type: "pattern", pattern: "solid", fgColor: { argb: CATEGORY_ARGB.get(category) as string } }
          : undefined;
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const targetCell = copy.getCell(column);
          targetCell.value = cell.value;
          const inTable = column >= plan.firstColumn && column <= plan.lastColumn;
          targetCell.style = fill && inTable ? { ...cell.style, fill } : cell.style;
        });
        if (fill) {
          for (let column = plan.firstColumn; column <= plan.lastColumn; column++) {
            const targetCell = copy.getCell(column);
            if (targetCell.value === null || targetCell.value === undefined) targetCell.style = { ...row.getCell(column).style, fill };
          }
        }
        copy.commit();
        if (++copied % 4096 === 0) progress.update("Writing the scanned copy", undefined);
      }
      target.commit();
    }
    const sheet = writer.addWorksheet(summary.sheetName);
    const rendered = renderSummarySheet(sheet as unknown as ExcelJS.Worksheet, summary, plan.sheet, lang);
    sheet.commit();
    await writer.commit();
    // Post-process: unchanged entries keep their compressed bytes, only the summary's parts are rewritten.
    const zip = await JSZip.loadAsync(fs.readFileSync(temporary));
    await addLinksAndChart(zip, summary.sheetName, rendered.links, rendered.chart);
    await new Promise<void>((resolve, reject) => {
      zip
        .generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE", compressionOptions: { level: 6 } })
        .pipe(fs.createWriteStream(out))
        .on("finish", () => resolve())
        .on("error", reject);
    });
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

export async function openStreamingSource(request: OpenRequest): Promise<OrderSource> {
  const grid = await readChosenSheet(request);
  return {
    grid,
    writeCopy: (copy) => writeStreamedCopy(request.file, copy),
  };
}
