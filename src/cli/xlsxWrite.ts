/* eslint-disable office-addins/call-sync-before-read -- exceljs cells, not Office.js proxies */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, Lang, SheetGrid } from "../core/model";
import type { HighlightPlan, SummaryModel } from "../core/report/types";
import { CATEGORY_STYLE, CATEGORIES } from "../core/report/colors";
import { columnLetters } from "../core/csv/diagnostics";
import { SUMMARY_SHEET_NAME } from "../core/report/summary";
import { ACTIONS_SHEET_NAME, type ActionsSheetModel } from "../core/report/actionsSheet";
import { renderActionsSheet } from "./actionsSheet";
import { renderSummarySheet } from "./summarySheet";
import { addLinksAndChart, type ChartSpec, type InternalLink } from "./xlsxPost";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
export const CATEGORY_ARGB = new Map(CATEGORIES.map((category) => [category, argb(CATEGORY_STYLE[category].color)]));
const OUR_FILLS = new Set(CATEGORY_ARGB.values());

const isOurFill = (fill: ExcelJS.Fill | undefined): boolean =>
  fill?.type === "pattern" && fill.pattern === "solid" && OUR_FILLS.has(fill.fgColor?.argb ?? "");

/**
 * Removes the highlights a previous scan left on the order table, so rows that are no longer flagged do not stay
 * coloured. Only fills in exactly one of AE Guard's three colours are removed, and only in a workbook that carries
 * AE Guard's summary sheet.
 */
function clearPreviousHighlights(sheet: ExcelJS.Worksheet, plan: HighlightPlan, headerRow: number): void {
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    for (let c = plan.firstColumn; c <= plan.lastColumn; c++) {
      const cell = row.findCell(c);
      if (cell && isOurFill(cell.fill)) {
        const { fill: _old, ...rest } = cell.style;
        cell.style = rest;
      }
    }
  });
}

/**
 * Fills every planned row across the table. exceljs shares one style object between cells with the same style, so
 * each cell gets a copy with the new fill: its font, borders, alignment and number format stay the seller's.
 */
export function applyHighlights(sheet: ExcelJS.Worksheet, plan: HighlightPlan): void {
  for (const { row, category } of plan.rows) {
    const fill: ExcelJS.Fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: CATEGORY_ARGB.get(category) as string },
    };
    const sheetRow = sheet.getRow(row);
    for (let c = plan.firstColumn; c <= plan.lastColumn; c++) {
      const cell = sheetRow.getCell(c);
      cell.style = { ...cell.style, fill };
    }
  }
}

/** Removes the sheets a previous scan added (summary and to-do, either language); true when there was a summary. */
export function removeSummarySheets(workbook: ExcelJS.Workbook): boolean {
  let removed = false;
  for (const sheet of [...workbook.worksheets]) {
    if (sheet.name === ACTIONS_SHEET_NAME.en || sheet.name === ACTIONS_SHEET_NAME.zh)
      workbook.removeWorksheet(sheet.id);
    if (sheet.name === SUMMARY_SHEET_NAME.en || sheet.name === SUMMARY_SHEET_NAME.zh) {
      workbook.removeWorksheet(sheet.id);
      removed = true;
    }
  }
  return removed;
}

/** Post-processes exceljs output with what it cannot write: each sheet's internal links, the summary's chart. */
export async function finishWorkbookBytes(
  bytes: Uint8Array,
  summarySheetName: string,
  links: readonly InternalLink[],
  chart: ChartSpec | undefined,
  more: ReadonlyArray<{ sheetName: string; links: readonly InternalLink[] }> = [],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await addLinksAndChart(zip, summarySheetName, links, chart);
  for (const sheet of more)
    if (sheet.links.length > 0) await addLinksAndChart(zip, sheet.sheetName, sheet.links, undefined);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

export interface ScannedCopyInput {
  workbook: ExcelJS.Workbook;
  plan: HighlightPlan;
  summary: SummaryModel;
  actions?: ActionsSheetModel;
  headerRow: number;
  lang: Lang;
}

/** The scanned copy's bytes: highlights on the order sheet, a fresh summary sheet with links and chart, the to-do. */
export async function scannedCopyBytes({
  workbook,
  plan,
  summary,
  actions,
  headerRow,
  lang,
}: ScannedCopyInput): Promise<Buffer> {
  const orders = workbook.getWorksheet(plan.sheet);
  if (!orders) throw new Error(`sheet "${plan.sheet}" vanished from the workbook`);
  if (removeSummarySheets(workbook)) clearPreviousHighlights(orders, plan, headerRow);
  applyHighlights(orders, plan);
  const summarySheet = workbook.addWorksheet(summary.sheetName, {
    properties: { tabColor: { argb: argb("#C00000") } },
  });
  const rendered = renderSummarySheet(summarySheet, summary, plan.sheet, lang, plan.legend);
  const more: Array<{ sheetName: string; links: InternalLink[] }> = [];
  if (actions) {
    const actionsSheet = workbook.addWorksheet(actions.sheetName, {
      properties: { tabColor: { argb: argb("#2F75B5") } },
    });
    more.push({ sheetName: actions.sheetName, links: renderActionsSheet(actionsSheet, actions).links });
  }
  giveTablesAStyle(workbook);
  const written = await workbook.xlsx.writeBuffer();
  return finishWorkbookBytes(
    new Uint8Array(written as ArrayBuffer),
    summary.sheetName,
    rendered.links,
    rendered.chart,
    more,
  );
}

/**
 * A table without `<tableStyleInfo>` (LibreOffice writes none) loads into exceljs with no style, and exceljs then
 * fails writing it (it reads the style's theme). Such a table gets a plain style: no theme name, no stripes, which is
 * how Excel shows a table that names no style.
 */
function giveTablesAStyle(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    for (const table of Object.values(
      (sheet as unknown as { tables: Record<string, { table?: ExcelJS.TableProperties }> }).tables,
    )) {
      if (table.table && !table.table.style) table.table.style = { showRowStripes: false };
    }
  }
}

/** Excel's last column, XFD. */
export const EXCEL_MAX_COLUMNS = 16_384;

/** The most characters an Excel cell holds; a longer text makes Excel repair the file on opening. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/**
 * A CSV's cells as a new workbook (text stays text: nothing is converted), for --out on a CSV input. Columns past XFD
 * are left out; text longer than a cell holds is cut to fit and its cell named in `cut` (A1 style).
 */
export function workbookFromGrid(grid: SheetGrid, sheetName: string): { workbook: ExcelJS.Workbook; cut: string[] } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  const cut: string[] = [];
  grid.rows.forEach((cells: CellValue[], r) => {
    if (cells.length === 0) return;
    const row = sheet.getRow(firstRow + r);
    cells.forEach((value, c) => {
      if (value === null || value === undefined || value === "" || firstColumn + c > EXCEL_MAX_COLUMNS) return;
      const cell = row.getCell(firstColumn + c);
      if (typeof value === "string" && value.length > EXCEL_MAX_CELL_CHARS) {
        cell.value = value.slice(0, EXCEL_MAX_CELL_CHARS);
        cut.push(`${columnLetters(firstColumn + c)}${firstRow + r}`);
      } else cell.value = value as ExcelJS.CellValue;
    });
  });
  return { workbook, cut };
}

/** A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\ . */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31)
    .trim();
  return cleaned === "" ? "Orders" : cleaned;
}
