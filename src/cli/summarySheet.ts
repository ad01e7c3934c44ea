import type ExcelJS from "exceljs";
import type { Category, Lang, Localized } from "../core/model";
import type { HighlightPlan, SummaryModel } from "../core/report/types";
import { CATEGORY_STYLE } from "../core/report/colors";
import { quoteSheetName, type ChartSpec, type InternalLink } from "./xlsxPost";

const COLUMN_WIDTHS = [22, 30, 34, 10, 70];
/** The chart sits below the key figures, over columns A..C, CHART_ROWS rows high. */
const CHART_COLUMNS = { from: 0, to: 3 };
const CHART_ROWS = 16;

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } });
const BOLD: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL = solid("#D9D9D9");
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

/** The parts of an exceljs worksheet the renderer uses: in-memory and streaming worksheets both have them. */
type SheetLike = Pick<ExcelJS.Worksheet, "getCell" | "getColumn" | "pageSetup">;

export interface RenderedSummary {
  links: InternalLink[];
  chart?: ChartSpec;
}

/**
 * Draws the summary model onto an empty worksheet, top to bottom (so a streaming writer can take it), and returns
 * what exceljs cannot write: the links to the order rows and the chart, for xlsxPost.
 */
export function renderSummarySheet(
  sheet: SheetLike,
  model: SummaryModel,
  ordersSheet: string,
  lang: Lang,
  legend: HighlightPlan["legend"] = [],
): RenderedSummary {
  return drawnToTheEnd(summarySheetRows(sheet, model, ordersSheet, lang, legend));
}

/** Runs a row-by-row renderer to its end and returns what it returns. */
export function drawnToTheEnd<T>(rows: Generator<number, T>): T {
  for (;;) {
    const step = rows.next();
    if (step.done) return step.value;
  }
}

/** Whether the summary has a chart (of the flagged orders by code). */
export const summaryHasChart = (model: SummaryModel): boolean => model.byCode.length > 0;

/**
 * renderSummarySheet as it goes: yields the next row to draw whenever the rows above it are final (in the long
 * flagged list), so a writer can write them and forget them. Links are added to `links` as their rows are drawn.
 */
export function* summarySheetRows(
  sheet: SheetLike,
  model: SummaryModel,
  ordersSheet: string,
  lang: Lang,
  legend: HighlightPlan["legend"] = [],
  links: InternalLink[] = [],
): Generator<number, RenderedSummary> {
  const t = (text: Localized): string => (lang === "zh-CN" ? text.zh : text.en);
  const h = model.headings;
  const categoryLabel = (category: Category): string => t(CATEGORY_STYLE[category].label);
  // Printed, the summary fits the page width (landscape), however long the flagged list runs.
  Object.assign(sheet.pageSetup, { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  COLUMN_WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  let row = 1;
  const put = (r: number, c: number, value: ExcelJS.CellValue, style?: Partial<ExcelJS.Style>): ExcelJS.Cell => {
    const cell = sheet.getCell(r, c);
    cell.value = value;
    if (style) cell.style = style;
    return cell;
  };
  const heading = (text: string): void => {
    put(row, 1, text, { font: { bold: true, size: 12 } });
    row++;
  };
  const tableHeader = (headers: string[]): void => {
    headers.forEach((header, i) => put(row, i + 1, header, { font: BOLD, fill: HEADER_FILL }));
    row++;
  };

  put(row, 1, model.title, { font: { bold: true, size: 14 } });
  row += 2;
  heading(h.facts);
  for (const fact of model.facts) {
    put(row, 1, fact.label, { font: BOLD });
    put(row, 2, fact.value);
    row++;
  }
  row++;
  heading(h.kpis);
  for (const kpi of model.kpis) {
    put(row, 1, kpi.label, { font: BOLD });
    const numFmt = kpi.format === "percent" ? "0.0%" : kpi.format === "integer" ? "#,##0" : undefined;
    put(row, 2, kpi.value, numFmt ? { numFmt, alignment: { horizontal: "left" } } : { alignment: { wrapText: false } });
    row++;
  }
  row++;
  if (legend.length > 0) {
    heading(h.legend);
    for (const entry of legend) {
      put(row, 1, t(entry.label), { fill: solid(entry.color) });
      put(row, 2, entry.rows, { numFmt: "#,##0", alignment: { horizontal: "left" } });
      put(row, 3, h.rows);
      row++;
    }
    row++;
  }
  /** Excel row where the chart's top edge sits. */
  const chartTop = row;
  if (summaryHasChart(model)) row += CHART_ROWS + 1;

  heading(h.byCode);
  let chart: ChartSpec | undefined;
  if (!summaryHasChart(model)) {
    put(row, 1, h.none);
    row++;
  } else {
    tableHeader([h.code, h.violation, h.category, h.orders, h.points]);
    const first = row;
    for (const entry of model.byCode) {
      put(row, 1, entry.code);
      put(row, 2, entry.label);
      put(row, 3, categoryLabel(entry.category), { fill: solid(entry.color) });
      put(row, 4, entry.orders);
      put(row, 5, entry.points);
      row++;
    }
    const last = row - 1;
    const quoted = quoteSheetName(model.sheetName);
    chart = {
      title: model.chart.title,
      seriesName: h.orders,
      categoriesRef: `${quoted}!$A$${first}:$A$${last}`,
      valuesRef: `${quoted}!$D$${first}:$D$${last}`,
      categories: model.chart.categories,
      values: model.chart.values,
      colors: model.byCode.map((entry) => entry.color.replace("#", "").toUpperCase()),
      from: { col: CHART_COLUMNS.from, row: chartTop - 1 },
      to: { col: CHART_COLUMNS.to, row: chartTop - 1 + CHART_ROWS },
    };
  }
  row++;

  heading(h.tracks);
  tableHeader([h.track, h.points, h.consequence]);
  for (const track of model.pointsByTrack) {
    put(row, 1, track.label);
    put(row, 2, track.points);
    put(row, 3, track.consequence);
    row++;
  }
  row++;

  heading(h.flagged);
  tableHeader(model.flagged.headers);
  const sheetRef = quoteSheetName(ordersSheet);
  for (const flagged of model.flagged.rows) {
    put(row, 1, flagged.row, { font: LINK_FONT, fill: solid(CATEGORY_STYLE[flagged.category].color) });
    links.push({ ref: `A${row}`, location: `${sheetRef}!A${flagged.row}`, display: String(flagged.row) });
    // Order ids and messages came from the sheet: always plain text cells, never formulas.
    put(row, 2, flagged.orderId);
    put(row, 3, flagged.codes);
    put(row, 4, flagged.points);
    put(row, 5, flagged.message);
    row++;
    yield row;
  }
  row++;

  heading(h.carriers);
  tableHeader(model.byCarrier.headers);
  for (const carrier of model.byCarrier.rows) {
    put(row, 1, carrier.carrier);
    put(row, 2, carrier.orders);
    put(row, 3, carrier.flagged);
    put(row, 4, carrier.untracked);
    put(row, 5, carrier.untrackedRate, { numFmt: "0.0%" });
    row++;
  }
  if (model.notes.length > 0) {
    row++;
    heading(h.notes);
    for (const note of model.notes) {
      put(row, 1, note);
      row++;
    }
  }
  return { links, chart };
}
