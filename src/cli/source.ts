import * as path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { SUMMARY_SHEET_NAME } from "../core/report/summary";
import { escapeXml, quoteSheetName } from "./xlsxPost";
import type { Lang, SheetGrid } from "../core/model";
import { csvToGrid } from "../core/csv";
import { detectHeader, HEADER_SCAN_ROWS, type ColumnMapping } from "../core/sheet";
import type { HighlightPlan, SummaryModel } from "../core/report/types";
import { CliError } from "./errors";
import type { InputKind } from "./input";
import type { ProgressBar } from "./progress";
import { isSummarySheet, loadWorkbook, usesDate1904, worksheetGrid } from "./xlsxRead";
import { safeSheetName, scannedCopyBytes, workbookFromGrid, writeFileAtomically } from "./xlsxWrite";
import { largestSheetBytes, openStreamingSource, STREAMING_THRESHOLD_BYTES, zipEntries } from "./stream";

export interface CopyRequest {
  out: string;
  plan: HighlightPlan;
  summary: SummaryModel;
  headerRow: number;
  lang: Lang;
  progress: ProgressBar;
}

/** The orders to scan, and how to write the scanned copy of the file they came from. */
export interface OrderSource {
  grid: SheetGrid;
  /** Writes the scanned copy; returns notes for the user about what the copy could not keep. */
  writeCopy(request: CopyRequest): Promise<string[]>;
  /** Drops the cell values once scanned, when writing the copy does not need them (large files). */
  release?(): void;
}

export interface OpenRequest {
  file: string;
  bytes: Uint8Array;
  kind: InputKind;
  sheet?: string;
  mapping?: ColumnMapping;
  progress: ProgressBar;
}

/** A sheet the user or the default rule could pick: its name and its first rows (enough to find a header). */
export interface SheetCandidate {
  name: string;
  head: () => SheetGrid;
}

/**
 * The sheet to scan: the one --sheet names, else the first whose first rows hold an order header. The summary sheet
 * of an earlier scan is never a candidate.
 */
export function chooseSheet(
  candidates: readonly SheetCandidate[],
  requested: string | undefined,
  mapping: ColumnMapping | undefined,
  file: string,
): string {
  const names = candidates.map((candidate) => candidate.name);
  const list = names.map((name) => `"${name}"`).join(", ");
  if (requested !== undefined) {
    const exact =
      names.find((name) => name === requested) ??
      names.find((name) => name.toLowerCase() === requested.trim().toLowerCase());
    if (exact === undefined) throw new CliError(`--sheet: ${file} has no sheet "${requested}" (its sheets: ${list})`);
    return exact;
  }
  for (const candidate of candidates) {
    if (detectHeader(candidate.head(), mapping)) return candidate.name;
  }
  throw new CliError(
    `no order header found in ${file}: no sheet has a row naming order columns such as 订单号 / Order ID and 付款时间 / Payment Time in its first ${HEADER_SCAN_ROWS} rows (sheets: ${list}); use --map FIELD=HEADER or --sheet`,
  );
}

/** Refuses a sheet without a header, and --map headers the sheet does not have, before the scan runs. */
export function checkHeader(grid: SheetGrid, mapping: ColumnMapping | undefined, file: string): void {
  const header = detectHeader(grid, mapping);
  if (!header) {
    throw new CliError(
      `no order header found in sheet "${grid.name}" of ${file}: none of its first ${HEADER_SCAN_ROWS} rows names at least two order columns; use --map FIELD=HEADER`,
    );
  }
  const missing = header.mappingNotFound.map((field) => `${field}="${mapping?.[field] ?? ""}"`);
  if (missing.length > 0) {
    const headers = header.headers
      .filter((text) => text.trim() !== "")
      .map((text) => `"${text}"`)
      .join(", ");
    throw new CliError(
      `--map ${missing.join(", ")}: no such column in row ${header.headerRow} of sheet "${grid.name}" (its headers: ${headers})`,
    );
  }
}

/**
 * Parts of the input workbook that exceljs cannot write back, named for a note to the user. The chart of an earlier
 * scan's summary sheet does not count: the new summary gets a new one.
 */
export async function partsNotKept(bytes: Uint8Array): Promise<string[]> {
  const names = zipEntries(bytes).map((entry) => entry.name);
  const lost: string[] = [];
  const chartParts = names.filter((name) => /^xl\/charts\/chart[^/]*\.xml$/.test(name));
  if (chartParts.length > 0) {
    const zip = await JSZip.loadAsync(bytes);
    const summaryRefs = [SUMMARY_SHEET_NAME.en, SUMMARY_SHEET_NAME.zh].map(
      (name) => `<c:f>${escapeXml(quoteSheetName(name))}!`,
    );
    let charts = 0;
    for (const part of chartParts) {
      const xml = (await zip.file(part)?.async("string")) ?? "";
      if (!summaryRefs.some((ref) => xml.includes(ref))) charts++;
    }
    if (charts > 0) lost.push(`${charts} chart${charts > 1 ? "s" : ""}`);
  }
  if (names.some((name) => name.startsWith("xl/pivotTables/"))) lost.push("pivot tables");
  if (names.includes("xl/vbaProject.bin")) lost.push("macros");
  if (names.some((name) => name.startsWith("xl/slicers/") || name.startsWith("xl/timelines/"))) lost.push("slicers");
  return lost.length === 0
    ? []
    : [
        `the copy does not have the input's ${lost.join(", ")} (the xlsx library cannot write them); the input file is unchanged`,
      ];
}

function headOf(grid: SheetGrid): SheetGrid {
  return { ...grid, rows: grid.rows.slice(0, HEADER_SCAN_ROWS) };
}

async function openWorkbookSource(request: OpenRequest): Promise<OrderSource> {
  const name = path.basename(request.file);
  const workbook = await loadWorkbook(name, request.bytes);
  const date1904 = usesDate1904(workbook);
  const sheets = workbook.worksheets.filter((sheet) => !isSummarySheet(sheet.name));
  const grids = new Map<string, SheetGrid>();
  const gridOf = (sheet: ExcelJS.Worksheet): SheetGrid => {
    let grid = grids.get(sheet.name);
    if (!grid) {
      grid = worksheetGrid(sheet, date1904);
      grids.set(sheet.name, grid);
    }
    return grid;
  };
  const chosen = chooseSheet(
    sheets.map((sheet) => ({ name: sheet.name, head: () => headOf(gridOf(sheet)) })),
    request.sheet,
    request.mapping,
    name,
  );
  const grid = gridOf(sheets.find((sheet) => sheet.name === chosen) as ExcelJS.Worksheet);
  checkHeader(grid, request.mapping, name);
  return {
    grid,
    async writeCopy({ out, plan, summary, headerRow, lang }) {
      writeFileAtomically(out, await scannedCopyBytes({ workbook, plan, summary, headerRow, lang }));
      return partsNotKept(request.bytes);
    },
    release() {
      grid.rows = [];
      grids.clear();
    },
  };
}

function openCsvSource(request: OpenRequest): OrderSource {
  const name = path.basename(request.file);
  const sheetName = safeSheetName(path.basename(request.file, path.extname(request.file)));
  let grid: SheetGrid;
  try {
    grid = csvToGrid(sheetName, request.bytes);
  } catch (error) {
    throw new CliError(`${name} could not be read as CSV: ${(error as Error).message}`);
  }
  if (grid.rows.every((row) => row.every((cell) => cell === null || cell === undefined || cell === ""))) {
    throw new CliError(`${name} has no data`);
  }
  checkHeader(grid, request.mapping, name);
  return {
    grid,
    async writeCopy({ out, plan, summary, headerRow, lang }) {
      const workbook = workbookFromGrid(grid, grid.name);
      writeFileAtomically(out, await scannedCopyBytes({ workbook, plan, summary, headerRow, lang }));
      return [];
    },
  };
}

/** Opens the file for scanning: CSV decoded by the core, .xlsx read with exceljs (streamed when it is very large). */
export async function openOrderSource(request: OpenRequest): Promise<OrderSource> {
  if (request.kind === "csv") return openCsvSource(request);
  if (largestSheetBytes(request.bytes) > STREAMING_THRESHOLD_BYTES()) return openStreamingSource(request);
  return openWorkbookSource(request);
}
