import type { CellValue, Lang, Localized } from "../core/model";
import type { HighlightPlan, SummaryModel } from "../core/report/types";
import { documentReference, type CellBox } from "./a1";
import type { Hyperlink, WriteOp } from "./port";

/**
 * The summary sheet as write ops: every cell a plain value (no formulas), every text cell formatted as Text ("@")
 * BEFORE its value is written.
 *
 * Why "@" rather than a leading apostrophe: with the Text format Excel stores the string exactly as given, so the
 * visible text, the value other tools read (exceljs, CSV export) and the text a colleague copies are identical to the
 * order sheet's — a buyer name "=HYPERLINK(...)", "+123" or "@x" stays that text, and a 16-digit order id keeps all
 * its digits instead of becoming 8.01234567890123E+15. An apostrophe prefix would also keep the text, but it is a
 * per-cell edit of the content (it shows in the formula bar, and a value that itself starts with an apostrophe would
 * need a second one). Number formats go in one 2-D array per block, set before the values, so it costs no per-row call.
 */

export const SUMMARY_TABLE_NAME = "AEGuardFlagged";
export const SUMMARY_TABLE_STYLE = "TableStyleMedium2";
/** Excel shows "####" for a Text-formatted cell holding more than 255 characters. */
const TEXT_FORMAT_MAX_CHARS = 255;
const TEXT = "@";
const GENERAL = "General";
const INTEGER = "0";
const PERCENT = "0.0%";

function t(lang: Lang, text: Localized): string {
  return lang === "zh-CN" ? text.zh : text.en;
}

/** Could Excel read this string as anything but text (formula, number, date, boolean, error)? */
export function looksLikeInput(text: string): boolean {
  return (
    /^[=+\-@]/.test(text) || /^\s*[\d.,$€¥%()/:\-\s]+\s*$/.test(text) || /^(true|false)$/i.test(text) || /^#/.test(text)
  );
}

/** The number format a text cell gets so Excel keeps it as text. */
export function textFormat(text: string): string {
  return text.length > TEXT_FORMAT_MAX_CHARS && !looksLikeInput(text) ? GENERAL : TEXT;
}

interface Cell {
  value: CellValue;
  format?: string;
}

function formatOf(cell: Cell): string {
  if (cell.format) return cell.format;
  if (typeof cell.value === "string") return textFormat(cell.value);
  return GENERAL;
}

function text(value: string): Cell {
  return { value };
}

function num(value: number, format = GENERAL): Cell {
  return { value, format };
}

function cellsOp(
  sheet: string,
  firstRow: number,
  rows: Cell[][],
  extra: Partial<Extract<WriteOp, { op: "cells" }>> = {},
  firstColumn = 1,
): WriteOp {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, (): Cell => ({ value: "" }))]);
  return {
    op: "cells",
    sheet,
    box: { firstRow, firstColumn, rowCount: rows.length, columnCount: width },
    numberFormat: padded.map((r) => r.map(formatOf)),
    values: padded.map((r) => r.map((c) => c.value ?? "")),
    ...extra,
  };
}

export interface SummaryLayoutInput {
  model: SummaryModel;
  plan: HighlightPlan;
  /** The order sheet the links point to. */
  orderSheet: string;
  /** Column the links land on (the first scanned column). */
  linkColumn: number;
  /** Sheets to delete first: an earlier summary under this or another language's name. */
  replaces: string[];
  /** Where the new sheet goes (0-based tab position). */
  position?: number;
}

export interface SummaryLayout {
  ops: WriteOp[];
  /** Where the flagged table sits, for tests and for selecting it. */
  flaggedBox: CellBox | undefined;
  chartSource: CellBox | undefined;
}

/** Lays the summary out top to bottom: title, facts, KPIs, legend, by code (chart data), tracks, carriers, notes, flagged table. */
export function layoutSummary(input: SummaryLayoutInput): SummaryLayout {
  const { model, plan, orderSheet, linkColumn } = input;
  const lang = model.lang;
  const sheet = model.sheetName;
  const ops: WriteOp[] = [];
  for (const name of new Set([...input.replaces, sheet])) ops.push({ op: "deleteSheet", sheet: name });
  ops.push({ op: "ensureSheet", sheet, visibility: "Visible", position: input.position });
  ops.push({ op: "columnWidths", sheet, firstColumn: 1, widths: [16, 28, 34, 12, 60] });

  let row = 1;
  ops.push(cellsOp(sheet, row, [[text(model.title)]], { bold: true, fontSize: 14 }));
  row += 2;

  const heading = (label: string): void => {
    ops.push(cellsOp(sheet, row, [[text(label)]], { bold: true }));
    row++;
  };
  const block = (rows: Cell[][], boldHeader = false): CellBox => {
    const first = row;
    ops.push(cellsOp(sheet, row, rows));
    if (boldHeader) ops.push(cellsOp(sheet, row, [rows[0]!], { bold: true }));
    row += rows.length + 1;
    return {
      firstRow: first,
      firstColumn: 1,
      rowCount: rows.length,
      columnCount: Math.max(...rows.map((r) => r.length)),
    };
  };

  block(model.facts.map((fact) => [text(fact.label), text(fact.value)]));
  block(
    model.kpis.map((kpi) => {
      const value =
        typeof kpi.value === "number"
          ? num(kpi.value, kpi.format === "percent" ? PERCENT : kpi.format === "integer" ? INTEGER : GENERAL)
          : text(kpi.value);
      return [text(kpi.label), value];
    }),
  );

  heading(model.headings.legend);
  for (const entry of plan.legend) {
    ops.push(cellsOp(sheet, row, [[text(t(lang, entry.label))]], { fill: entry.color }));
    ops.push(cellsOp(sheet, row, [[num(entry.rows, INTEGER), text(model.headings.rows)]], {}, 2));
    row++;
  }
  row++;

  let chartSource: CellBox | undefined;
  if (model.chart.categories.length > 0) {
    const byCode = new Map(model.byCode.map((entry) => [entry.code as string, entry]));
    const rows: Cell[][] = [
      [text(model.headings.code), text(model.chart.title), text(model.headings.points), text(model.headings.violation)],
    ];
    model.chart.categories.forEach((category, i) => {
      const entry = byCode.get(category);
      rows.push([
        text(category),
        num(model.chart.values[i] ?? 0, INTEGER),
        num(entry?.points ?? 0, INTEGER),
        text(entry?.label ?? ""),
      ]);
    });
    const box = block(rows, true);
    chartSource = { firstRow: box.firstRow, firstColumn: 1, rowCount: box.rowCount, columnCount: 2 };
  }

  if (model.pointsByTrack.length > 0) {
    block(
      [
        [text(model.headings.track), text(model.headings.points), text(model.headings.consequence)],
        ...model.pointsByTrack.map((track) => [text(track.label), num(track.points, INTEGER), text(track.consequence)]),
      ],
      true,
    );
  }

  if (model.byCarrier.rows.length > 0) {
    heading(model.headings.carriers);
    block(
      [
        model.byCarrier.headers.map(text),
        ...model.byCarrier.rows.map((carrier) => [
          text(carrier.carrier),
          num(carrier.orders, INTEGER),
          num(carrier.flagged, INTEGER),
          num(carrier.untracked, INTEGER),
          num(carrier.untrackedRate, PERCENT),
        ]),
      ],
      true,
    );
  }

  if (model.notes.length > 0) {
    heading(model.headings.notes);
    block(model.notes.map((note) => [text(note)]));
  }

  heading(model.headings.flagged);
  let flaggedBox: CellBox | undefined;
  if (model.flagged.rows.length === 0) {
    block([[text(model.headings.none)]]);
  } else {
    const first = row;
    const rows: Cell[][] = [
      model.flagged.headers.map(text),
      ...model.flagged.rows.map((entry) => [
        num(entry.row, INTEGER),
        text(entry.orderId),
        text(entry.codes),
        num(entry.points, INTEGER),
        text(entry.message),
      ]),
    ];
    ops.push(cellsOp(sheet, first, rows));
    const links: Array<Array<Hyperlink | null>> = model.flagged.rows.map((entry) => [
      { documentReference: documentReference(orderSheet, entry.row, linkColumn), textToDisplay: String(entry.row) },
    ]);
    ops.push({
      op: "cells",
      sheet,
      box: { firstRow: first + 1, firstColumn: 1, rowCount: links.length, columnCount: 1 },
      hyperlinks: links,
    });
    flaggedBox = { firstRow: first, firstColumn: 1, rowCount: rows.length, columnCount: rows[0]!.length };
    ops.push({ op: "table", sheet, box: flaggedBox, name: SUMMARY_TABLE_NAME, style: SUMMARY_TABLE_STYLE });
    row += rows.length + 1;
  }

  if (chartSource) {
    ops.push({
      op: "chart",
      sheet,
      source: chartSource,
      title: model.chart.title,
      anchor: { firstRow: 3, firstColumn: 7, rowCount: 16, columnCount: 8 },
    });
  }
  return { ops, flaggedBox, chartSource };
}
