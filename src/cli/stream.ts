/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs cells, not Office.js proxies */
import { zipParts } from "./zipLimits";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, SheetGrid } from "../core/model";
import { HEADER_SCAN_ROWS } from "../core/sheet";
import { compareFits, findSheet, sheetFit, type SheetFit } from "../core/sheetChoice/chooseSheet";
import { toCoreCell } from "./cells";
import { CliError } from "./errors";
import type { CopyRequest, OpenRequest, OrderSource } from "./orderSource";
import { checkHeader, chooseSheet, workbookSheets, type ChosenSheet } from "./sheetChoice";
import { renderSummarySheet } from "./summarySheet";
import { isSummarySheet } from "./xlsxRead";
import { CATEGORY_ARGB } from "./xlsxWrite";
import { addLinksAndChart, unescapeXml } from "./xlsxPost";

/**
 * The path for very large workbooks (hundreds of thousands of rows): exceljs's streaming reader and writer, so memory
 * holds the cell values the scan needs but never a full cell model of the workbook.
 *
 * The streamed copy keeps every sheet's cell values and formulas (with their cached results), each cell's own style
 * (number format, font, fill, borders, alignment, protection), column widths, row heights, merged cells, frozen
 * panes, and sheet order, names and visibility. It does not keep conditional formatting, data validation, filters,
 * comments, images and charts, defined names, hyperlinks (their text stays) and print settings.
 */

const MIB = 1024 * 1024;
/** Default: stream when one worksheet's XML is larger than this (about 150,000 rows of 15 columns). */
const DEFAULT_THRESHOLD_MIB = 120;

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
          listed.names.filter((sheet) => !isSummarySheet(sheet)),
          request.sheet,
        );
  const reader = openReader(request.file);
  const fits: SheetFit[] = [];
  let kept: { fit: SheetFit; rows: CellValue[][] } | undefined;
  try {
    for await (const worksheet of reader as AsyncIterable<StreamedSheet>) {
      const sheetName = worksheet.name;
      if (isSummarySheet(sheetName)) {
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
  const choice = chooseSheet(fits, request.sheet, name);
  if (kept === undefined || kept.fit.sheet !== choice.chosen.sheet)
    throw new Error(`the streamed read kept sheet "${kept?.fit.sheet}", not the chosen "${choice.chosen.sheet}"`);
  const grid: SheetGrid = { name: kept.fit.sheet, rows: kept.rows, firstRow: 1, firstColumn: 1 };
  grid.date1904 = Boolean(reader.properties?.model?.date1904);
  checkHeader(grid, request.mapping, name);
  return { grid, choice };
}

interface ChunkStream {
  on(event: "data", listener: (chunk: string) => void): ChunkStream;
  on(event: "error", listener: (error: Error) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

interface ColumnWidth {
  min: number;
  max: number;
  width?: number;
  hidden: boolean;
}

/** What exceljs's streaming reader drops and a streamed copy can still carry over. */
interface SheetLayout {
  columns: ColumnWidth[];
  frozen?: { xSplit: number; ySplit: number };
  merges: string[];
}

const attributeOf = (tag: string, key: string): string | undefined => new RegExp(`\\b${key}="([^"]*)"`).exec(tag)?.[1];

/** A worksheet part's XML before <sheetData> and after </sheetData>, inflated chunk by chunk (the rows are skipped). */
function headAndTail(entry: JSZip.JSZipObject): Promise<{ head: string; tail: string }> {
  return new Promise((resolve, reject) => {
    let head = "";
    let tail = "";
    let carry = "";
    let state: "head" | "rows" | "tail" = "head";
    // JSZip's chunked reader (untyped): the rows stream past without being kept.
    const stream = (entry as unknown as { internalStream(type: "string"): ChunkStream }).internalStream("string");
    stream
      .on("data", (chunk: string) => {
        if (state === "head") {
          head += chunk;
          const at = head.indexOf("<sheetData");
          if (at < 0) return;
          carry = head.slice(at);
          head = head.slice(0, at);
          state = "rows";
          chunk = "";
        }
        if (state === "rows") {
          const text = carry + chunk;
          const at = text.indexOf("</sheetData>");
          if (at < 0) {
            carry = text.slice(-16);
            return;
          }
          tail = text.slice(at);
          state = "tail";
          return;
        }
        tail += chunk;
      })
      .on("error", reject)
      .on("end", () => resolve({ head, tail }))
      .resume();
  });
}

/** Column widths, frozen panes and merged cells of every sheet, by sheet name. */
async function sheetLayouts(bytes: Uint8Array): Promise<Map<string, SheetLayout>> {
  const layouts = new Map<string, SheetLayout>();
  const zip = await JSZip.loadAsync(bytes);
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attributeOf(match[0], "name");
    const id = attributeOf(match[0], "r:id");
    const rel = id ? new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(rels)?.[0] : undefined;
    const target = rel ? attributeOf(rel, "Target") : undefined;
    const entry = target ? zip.file(target.startsWith("/") ? target.slice(1) : `xl/${target}`) : null;
    if (!name || !entry) continue;
    const { head, tail } = await headAndTail(entry);
    const columns: ColumnWidth[] = [];
    for (const col of (/<cols>([\s\S]*?)<\/cols>/.exec(head)?.[1] ?? "").matchAll(/<col\b[^>]*>/g)) {
      const width = Number(attributeOf(col[0], "width"));
      columns.push({
        min: Number(attributeOf(col[0], "min")),
        max: Number(attributeOf(col[0], "max")),
        width: Number.isFinite(width) && attributeOf(col[0], "customWidth") !== "0" ? width : undefined,
        hidden: attributeOf(col[0], "hidden") === "1" || attributeOf(col[0], "hidden") === "true",
      });
    }
    const pane = /<pane\b[^>]*>/.exec(head)?.[0];
    const frozen =
      pane && /state="frozen(Split)?"/.test(pane)
        ? { xSplit: Number(attributeOf(pane, "xSplit") ?? 0), ySplit: Number(attributeOf(pane, "ySplit") ?? 0) }
        : undefined;
    const merges = [...tail.matchAll(/<mergeCell\b[^>]*>/g)]
      .map((m) => attributeOf(m[0], "ref"))
      .filter((ref): ref is string => !!ref);
    layouts.set(unescapeXml(name), { columns, frozen, merges });
  }
  return layouts;
}

/** Pass two: every sheet copied cell by cell with its styles, the planned rows filled, the summary sheet added. */
async function writeStreamedCopy(
  file: string,
  bytes: Uint8Array,
  { out, plan, summary, lang, progress }: CopyRequest,
): Promise<string[]> {
  const layouts = await sheetLayouts(bytes);
  const categoryByRow = new Map(plan.rows.map(({ row, category }) => [row, category]));
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.stream.tmp`);
  // Made here so a folder that takes no files fails now, as a thrown error: the streaming writer would only emit it on
  // a stream nobody listens to, and the scan would end without a word.
  fs.writeFileSync(temporary, "");
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temporary,
    useStyles: true,
    useSharedStrings: true,
  });
  const reader = openReader(file);
  let copied = 0;
  try {
    for await (const source of reader as AsyncIterable<StreamedSheet>) {
      const isOrders = source.name === plan.sheet;
      if (isSummarySheet(source.name)) {
        for await (const _row of source) void _row;
        continue;
      }
      const layout = layouts.get(source.name);
      const target = writer.addWorksheet(source.name, {
        ...(source.state ? { state: source.state as ExcelJS.WorksheetState } : {}),
        ...(layout?.frozen
          ? { views: [{ state: "frozen" as const, xSplit: layout.frozen.xSplit, ySplit: layout.frozen.ySplit }] }
          : {}),
      });
      for (const column of layout?.columns ?? []) {
        for (let n = column.min; n <= Math.min(column.max, column.min + 1024); n++) {
          const out = target.getColumn(n);
          if (column.width !== undefined) out.width = column.width;
          if (column.hidden) out.hidden = true;
        }
      }
      for (const range of layout?.merges ?? []) target.mergeCells(range);
      for await (const row of source) {
        const copy = target.getRow(row.number);
        if (row.height !== undefined) copy.height = row.height;
        const category = isOrders ? categoryByRow.get(row.number) : undefined;
        const fill: ExcelJS.Fill | undefined = category
          ? { type: "pattern", pattern: "solid", fgColor: { argb: CATEGORY_ARGB.get(category) as string } }
          : undefined;
        // Empty cells too: a blank cell may still carry the seller's number format or fill.
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          const hasValue = cell.value !== null && cell.value !== undefined;
          const style = cell.style;
          if (!hasValue && (!style || Object.keys(style).length === 0)) return;
          const targetCell = copy.getCell(column);
          if (hasValue) targetCell.value = cell.value;
          const inTable = column >= plan.firstColumn && column <= plan.lastColumn;
          targetCell.style = fill && inTable ? { ...style, fill } : style;
        });
        if (fill) {
          for (let column = plan.firstColumn; column <= plan.lastColumn; column++) {
            const targetCell = copy.getCell(column);
            if (targetCell.value === null || targetCell.value === undefined)
              targetCell.style = { ...row.getCell(column).style, fill };
          }
        }
        copy.commit();
        if (++copied % 4096 === 0) progress.update("Writing the scanned copy", undefined);
      }
      target.commit();
    }
    const sheet = writer.addWorksheet(summary.sheetName);
    const rendered = renderSummarySheet(sheet as unknown as ExcelJS.Worksheet, summary, plan.sheet, lang, plan.legend);
    sheet.commit();
    await writer.commit();
    // Post-process: unchanged entries keep their compressed bytes, only the summary's parts are rewritten.
    const zip = await JSZip.loadAsync(fs.readFileSync(temporary));
    await addLinksAndChart(zip, summary.sheetName, rendered.links, rendered.chart);
    await new Promise<void>((resolve, reject) => {
      zip
        .generateNodeStream({
          type: "nodebuffer",
          streamFiles: true,
          compression: "DEFLATE",
          compressionOptions: { level: 6 },
        })
        .pipe(fs.createWriteStream(out))
        .on("finish", () => resolve())
        .on("error", reject);
    });
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return [
    "the workbook is very large, so the copy was streamed: it keeps values, formulas, cell styles, column widths, row heights, " +
      "merged cells and frozen panes, not conditional formats, data validation, comments, images, charts or filters",
  ];
}

export async function openStreamingSource(request: OpenRequest): Promise<OrderSource> {
  const { grid, choice } = await readChosenSheet(request);
  return {
    grid,
    choice,
    writeCopy: (copy) => writeStreamedCopy(request.file, request.bytes, copy),
    release() {
      grid.rows = [];
    },
  };
}
