/**
 * An in-memory workbook that behaves like Excel where the scan cares, and a `WorkbookPort` over it.
 *
 * Browser-safe (no Node imports): the task pane's browser preview runs the real session over it.
 *
 * Every behaviour follows a Microsoft page or an office-js issue; src/excel/README.md lists them ("The fake and its
 * sources"). In short:
 * - values, formulas (a string starting with "=", "+", "-" or "@" written to a cell not formatted as Text becomes a
 *   formula; a numeric string becomes a number rounded to 15 significant digits; "TRUE"/"FALSE" become booleans),
 *   number formats, fills per cell (No Fill, solid, pattern, gradient, with tintAndShade and patternTintAndShade),
 *   bold/size, hyperlinks, hidden rows, tables (header and totals rows), charts, sheet ids and visibility (a very
 *   hidden sheet cannot be deleted), workbook settings, the 1904 date system;
 * - two hosts: "desktop" and "web" (see `FakeHost`);
 * - RangeFill properties are set one by one: a property a write does not give keeps what each cell had;
 * - Excel's fill reporting: No Fill reads as color "#FFFFFF" with tintAndShade null; a multi-cell range reports null
 *   for any property its cells do not share;
 * - round trips: every port call records each `context.sync()` the Office.js implementation makes, with the request
 *   and response bytes (JSON of what is sent and returned plus a per-call envelope) and the number of API calls;
 * - limits: on the web a request or response over 5 MB throws `RequestPayloadSizeLimitExceeded` /
 *   `ResponsePayloadSizeLimitExceeded`; a `getRanges` address over 8,192 characters throws `InvalidArgument`; a
 *   range read over 5,000,000 cells returns null values;
 * - focus: while another workbook has focus, adding, activating or selecting a sheet throws `GeneralException`;
 *   the operations before it in the same batch stay applied, those after it do not run.
 */
import type { CellValue } from "../../core/model";
import { serialToWallClock } from "../../core/dates/serial";
import { boxAddress, parseAreas, type CellBox } from "../a1";
import { opCalls, opRequestBytes } from "../writePlan";
import { CALL_OVERHEAD_BYTES, EXCEL_MAX_CELLS_PER_READ, EXCEL_PAYLOAD_LIMIT_BYTES, jsonBytes } from "../payload";
import type { Capabilities } from "../requirements";
import { EXCEL_ERROR } from "../port";
import { compactFill, fullFill } from "../fills";
import type {
  AreaFillReading,
  CellFill,
  Fill,
  FillReading,
  Hyperlink,
  ReadBatch,
  ReadResult,
  SheetLayout,
  SheetVisibility,
  TextBlock,
  WorkbookInspection,
  WorkbookPort,
  WriteOp,
  WritePlan,
} from "../port";

/** Excel refuses getRanges addresses somewhere past this length (office-js#5198). */
export const FAKE_GET_RANGES_MAX_CHARS = 8_192;

/**
 * Where the fake workbook runs. The hosts differ where the scan can notice:
 * - a blank cell passed to a custom function arrives as 0 on desktop and null on the web (office-js#4702, #5262,
 *   #1951); `Range.values` gives "" for a blank cell on both;
 * - "No Fill" reads pattern "None" on desktop and null on the web (office-js#4900);
 * - the 5 MB request/response limit is Excel on the web's ("Payload size limit … is online only",
 *   office-js-docs-pr#1423); desktop has none.
 */
export type FakeHost = "desktop" | "web";
export const FAKE_HOSTS: readonly FakeHost[] = ["desktop", "web"];

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** A fill as stored in the fake: what the API can set, or a gradient (only a seller can make one). */
export type StoredFill = CellFill | { gradient: true; color: string };
/** A fill as a cell holds it: every RangeFill property set. */
type CellFillState = Required<Fill> | { gradient: true; color: string } | null;

export interface FakeTable {
  name: string;
  /** The whole table: header row (when shown), data body, totals row (when shown). */
  box: CellBox;
  showHeaders: boolean;
  /** The totals row is shown as the last row of `box` (Table.showTotals). */
  showTotals?: boolean;
  style: string;
  filtered: boolean;
}

export interface FakeChart {
  type: string;
  title: string;
  source: CellBox;
  anchor: CellBox;
}

type Sparse<T> = Map<number, Map<number, T>>;

function sparseGet<T>(map: Sparse<T>, row: number, column: number): T | undefined {
  return map.get(row)?.get(column);
}

function sparseSet<T>(map: Sparse<T>, row: number, column: number, value: T | undefined): void {
  let columns = map.get(row);
  if (value === undefined) {
    columns?.delete(column);
    return;
  }
  if (!columns) map.set(row, (columns = new Map()));
  columns.set(column, value);
}

let nextSheetId = 1;

export class FakeSheet {
  visibility: SheetVisibility = "Visible";
  /** `Worksheet.id`: unique in the workbook, unchanged by renaming or moving the sheet. */
  readonly id = `{00000000-0001-0000-0000-${String(nextSheetId++).padStart(12, "0")}}`;
  /** row → dense values from column 1. */
  readonly rows = new Map<number, CellValue[]>();
  readonly formulas: Sparse<string> = new Map();
  readonly numberFormats: Sparse<string> = new Map();
  readonly fills: Sparse<CellFillState> = new Map();
  readonly hyperlinks: Sparse<Hyperlink> = new Map();
  readonly fonts: Sparse<{ bold?: boolean; size?: number }> = new Map();
  readonly hiddenRows = new Set<number>();
  readonly tables: FakeTable[] = [];
  readonly charts: FakeChart[] = [];
  readonly columnWidths = new Map<number, number>();
  autoFilterActive = false;

  constructor(public name: string) {}

  value(row: number, column: number): CellValue {
    const value = this.rows.get(row)?.[column - 1];
    return value === undefined || value === null ? "" : value;
  }

  setRawValue(row: number, column: number, value: CellValue): void {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = []));
    while (cells.length < column) cells.push("");
    cells[column - 1] = value;
  }

  numberFormat(row: number, column: number): string {
    return sparseGet(this.numberFormats, row, column) ?? "General";
  }

  fill(row: number, column: number): CellFillState {
    return sparseGet(this.fills, row, column) ?? null;
  }

  formula(row: number, column: number): string | undefined {
    return sparseGet(this.formulas, row, column);
  }

  hyperlink(row: number, column: number): Hyperlink | undefined {
    return sparseGet(this.hyperlinks, row, column);
  }

  font(row: number, column: number): { bold?: boolean; size?: number } {
    return sparseGet(this.fonts, row, column) ?? {};
  }

  /** Cells with a value or formula (what getUsedRange(true) covers), or null when there are none. */
  usedRange(): CellBox | null {
    let minRow = Infinity;
    let maxRow = -Infinity;
    let minColumn = Infinity;
    let maxColumn = -Infinity;
    for (const [row, cells] of this.rows) {
      for (let i = 0; i < cells.length; i++) {
        const value = cells[i];
        if ((value === "" || value === null || value === undefined) && !this.formula(row, i + 1)) continue;
        minRow = Math.min(minRow, row);
        maxRow = Math.max(maxRow, row);
        minColumn = Math.min(minColumn, i + 1);
        maxColumn = Math.max(maxColumn, i + 1);
      }
    }
    if (minRow === Infinity) return null;
    return {
      firstRow: minRow,
      firstColumn: minColumn,
      rowCount: maxRow - minRow + 1,
      columnCount: maxColumn - minColumn + 1,
    };
  }

  /** Writes a value the way Excel interprets typed input, honouring a Text ("@") number format. */
  assign(row: number, column: number, input: CellValue): void {
    if (input === null || input === undefined) return; // Office.js: null leaves the cell unchanged
    sparseSet(this.formulas, row, column, undefined);
    if (typeof input !== "string" || this.numberFormat(row, column) === "@") {
      this.setRawValue(row, column, input instanceof Date ? input.toISOString() : input);
      return;
    }
    const interpreted = interpretInput(input);
    if ("formula" in interpreted) {
      sparseSet(this.formulas, row, column, interpreted.formula);
      this.setRawValue(row, column, "#NAME?");
    } else this.setRawValue(row, column, interpreted.value);
  }
}

/** How Excel reads a string typed into a General cell (the cases that matter for keeping text as text). */
export function interpretInput(text: string): { value: CellValue } | { formula: string } {
  if (text.startsWith("=") && text.length > 1) return { formula: text };
  const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text.trim());
  if (numeric) return { value: Number(Number(text.trim()).toPrecision(15)) };
  if (/^[+\-@]/.test(text) && text.length > 1) return { formula: `=${text.replace(/^@/, "")}` };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  return { value: text };
}

export interface FakeWorkbookOptions {
  host?: FakeHost;
  date1904?: boolean;
  /** Whether the host exposes `Workbook.use1904DateSystem` (preview API); false on today's GA hosts. */
  exposesDateSystem?: boolean;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, string>();
  activeSheet = "";
  selection: { sheet: string; address: string } | undefined;
  readonly host: FakeHost;
  date1904: boolean;
  exposesDateSystem: boolean;
  /**
   * Another workbook has focus: adding, activating or selecting a sheet throws GeneralException (office-js#771:
   * worksheets.add, worksheet.activate and friends fail while a second workbook is in front).
   */
  focusElsewhere = false;

  constructor(options: FakeWorkbookOptions = {}) {
    this.host = options.host ?? "web";
    this.date1904 = options.date1904 ?? false;
    this.exposesDateSystem = options.exposesDateSystem ?? false;
  }

  requireFocus(action: string): void {
    if (this.focusElsewhere)
      throw new FakeExcelError(
        EXCEL_ERROR.general,
        `There was an internal error while processing the request (${action} while another workbook has focus).`,
      );
  }

  /** A user renaming a sheet: its id stays (Worksheet.id). */
  renameSheet(from: string, to: string): void {
    const sheet = this.requireSheet(from);
    if (this.activeSheet === sheet.name) this.activeSheet = to;
    sheet.name = to;
  }

  /**
   * Worksheet.delete(): Excel refuses a very hidden sheet (office-js#365, "by design"; the worksheets article says it
   * must be made visible or hidden first). The error reported there is GeneralException.
   */
  deleteSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (index < 0) return;
    if (this.sheets[index]!.visibility === "VeryHidden")
      throw new FakeExcelError(EXCEL_ERROR.general, `A very hidden sheet cannot be deleted: ${name}.`);
    this.sheets.splice(index, 1);
    if (this.activeSheet.toLowerCase() === name.toLowerCase())
      this.activeSheet = this.sheets.find((s) => s.visibility === "Visible")?.name ?? "";
  }

  /**
   * What a custom function receives for a range argument (`any`, matrix): a blank cell is 0 on desktop and null on
   * the web (office-js#4702, #5262, #1951).
   */
  functionArgument(sheet: string, address: string): CellValue[][] {
    const target = this.requireSheet(sheet);
    const box = parseAreas(address)[0]!;
    const blank = this.host === "desktop" ? 0 : null;
    return Array.from({ length: box.rowCount }, (_, i) =>
      Array.from({ length: box.columnCount }, (_, j) => {
        const row = box.firstRow + i;
        const column = box.firstColumn + j;
        const value = target.value(row, column);
        return value === "" && !target.formula(row, column) ? blank : value;
      }),
    );
  }

  /** Adds a sheet with raw values (no input interpretation: as if opened from a file). */
  addSheet(name: string, rows: CellValue[][] = [], at: { firstRow?: number; firstColumn?: number } = {}): FakeSheet {
    if (this.sheet(name)) throw new FakeExcelError(EXCEL_ERROR.invalidArgument, `A sheet named ${name} exists.`);
    const sheet = new FakeSheet(name);
    const firstRow = at.firstRow ?? 1;
    const firstColumn = at.firstColumn ?? 1;
    rows.forEach((cells, i) =>
      cells.forEach((value, j) => {
        if (value !== null && value !== undefined && value !== "")
          sheet.setRawValue(firstRow + i, firstColumn + j, value);
      }),
    );
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  requireSheet(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet)
      throw new FakeExcelError(EXCEL_ERROR.itemNotFound, `The requested resource doesn't exist: sheet ${name}.`);
    return sheet;
  }

  /** Test helper: sets a whole fill the way a seller would (gradients and tints included). */
  paint(sheet: string, address: string, fill: StoredFill): void {
    const target = this.requireSheet(sheet);
    const state: CellFillState = fill === null ? null : "gradient" in fill ? fill : fullFill(fill);
    for (const box of parseAreas(address))
      forEachCell(box, (r, c) => sparseSet(target.fills, r, c, state ?? undefined));
  }

  /**
   * RangeFill property sets, as Excel applies them: each property given replaces that property on every cell, the
   * others keep what the cell had (a No Fill cell starts from a solid fill, tint 0); null is `clear()`.
   */
  private setFill(sheet: FakeSheet, box: CellBox, fill: CellFill): void {
    if (fill === null) return forEachCell(box, (r, c) => sparseSet(sheet.fills, r, c, undefined));
    const given = Object.fromEntries(Object.entries(fill).filter(([, v]) => v !== undefined)) as Partial<Fill>;
    const fromNoFill = fullFill({ color: "#FFFFFF", ...given });
    // Cells that had the same fill before get the same (never mutated) result.
    const results = new Map<CellFillState, Required<Fill>>();
    forEachCell(box, (r, c) => {
      const before = sheet.fill(r, c);
      if (!before || "gradient" in before) return sparseSet(sheet.fills, r, c, fromNoFill);
      let after = results.get(before);
      if (!after) results.set(before, (after = fullFill({ ...before, ...given })));
      sparseSet(sheet.fills, r, c, after);
    });
  }

  /** Applies one write op the way Excel would (used by the port after each simulated sync, and by test mocks). */
  apply(op: WriteOp): void {
    const wb = this;
    switch (op.op) {
      case "fill": {
        const sheet = wb.requireSheet(op.sheet);
        for (const box of parseAreas(op.addresses)) this.setFill(sheet, box, op.fill);
        return;
      }
      case "deleteSheet": {
        // As the port does it: a very hidden sheet is made hidden first, since Excel will not delete it.
        const sheet = wb.sheet(op.sheet);
        if (!sheet) return;
        if (sheet.visibility === "VeryHidden") sheet.visibility = "Hidden";
        wb.deleteSheet(sheet.name);
        return;
      }
      case "ensureSheet": {
        let sheet = wb.sheet(op.sheet);
        if (!sheet) {
          wb.requireFocus(`adding sheet ${op.sheet}`);
          sheet = new FakeSheet(op.sheet);
          wb.sheets.push(sheet);
        }
        sheet.visibility = op.visibility;
        if (op.position !== undefined) {
          wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
          wb.sheets.splice(Math.min(op.position, wb.sheets.length), 0, sheet);
        }
        return;
      }
      case "clear": {
        const sheet = wb.requireSheet(op.sheet);
        const box = op.box ?? sheet.usedRange();
        if (!box) return;
        const inBox = (r: number, c: number): boolean =>
          r >= box.firstRow &&
          r < box.firstRow + box.rowCount &&
          c >= box.firstColumn &&
          c < box.firstColumn + box.columnCount;
        // Visit stored cells only: a cleared box may be a whole column.
        for (const [r, cells] of sheet.rows)
          cells.forEach((_, i) => inBox(r, i + 1) && sheet.setRawValue(r, i + 1, ""));
        for (const map of [
          sheet.formulas,
          sheet.numberFormats,
          sheet.fills,
          sheet.hyperlinks,
          sheet.fonts,
        ] as Sparse<unknown>[]) {
          for (const [r, columns] of map) for (const c of [...columns.keys()]) if (inBox(r, c)) columns.delete(c);
        }
        return;
      }
      case "cells": {
        const sheet = wb.requireSheet(op.sheet);
        const { box } = op;
        forEachCell(box, (r, c) => {
          const i = r - box.firstRow;
          const j = c - box.firstColumn;
          const format = op.numberFormat?.[i]?.[j];
          if (format !== undefined) sparseSet(sheet.numberFormats, r, c, format === "General" ? undefined : format);
          if (op.values) sheet.assign(r, c, op.values[i]?.[j]);
          const link = op.hyperlinks?.[i]?.[j];
          if (link) {
            sparseSet(sheet.hyperlinks, r, c, link);
            sparseSet(sheet.formulas, r, c, undefined);
            sheet.setRawValue(r, c, link.textToDisplay);
          }
          if (op.bold !== undefined || op.fontSize !== undefined) {
            sparseSet(sheet.fonts, r, c, {
              ...sheet.font(r, c),
              ...(op.bold !== undefined ? { bold: op.bold } : {}),
              ...(op.fontSize !== undefined ? { size: op.fontSize } : {}),
            });
          }
          if (op.fill !== undefined) sparseSet(sheet.fills, r, c, fullFill({ color: op.fill }));
        });
        return;
      }
      case "table": {
        const sheet = wb.requireSheet(op.sheet);
        if (wb.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === op.name.toLowerCase()))) {
          throw new FakeExcelError(EXCEL_ERROR.invalidArgument, `A table named ${op.name} already exists.`);
        }
        sheet.tables.push({ name: op.name, box: { ...op.box }, showHeaders: true, style: op.style, filtered: false });
        return;
      }
      case "chart":
        wb.requireSheet(op.sheet).charts.push({
          type: "ColumnClustered",
          title: op.title,
          source: { ...op.source },
          anchor: { ...op.anchor },
        });
        return;
      case "columnWidths": {
        const sheet = wb.requireSheet(op.sheet);
        op.widths.forEach((width, i) => sheet.columnWidths.set(op.firstColumn + i, width));
        return;
      }
      case "activate":
        wb.requireFocus(`activating sheet ${op.sheet}`);
        wb.activeSheet = wb.requireSheet(op.sheet).name;
        return;
    }
  }

  /**
   * Every stored fill of a sheet, as "A1" → the fill in compact JSON (color, then pattern and patternColor when not
   * solid, then tints when not 0), for comparing whole-sheet formatting before and after.
   */
  fillSnapshot(sheet: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [row, columns] of this.requireSheet(sheet).fills) {
      for (const [column, fill] of columns)
        out[boxAddress({ firstRow: row, firstColumn: column, rowCount: 1, columnCount: 1 })] = JSON.stringify(
          fill && !("gradient" in fill) ? compactFill(fill) : fill,
        );
    }
    return out;
  }
}

function forEachCell(box: CellBox, visit: (row: number, column: number) => void): void {
  for (let r = box.firstRow; r < box.firstRow + box.rowCount; r++) {
    for (let c = box.firstColumn; c < box.firstColumn + box.columnCount; c++) visit(r, c);
  }
}

/**
 * Excel's reading of one cell's fill (RangeFill). No Fill: color "#FFFFFF", tintAndShade null (office-js#4900,
 * #6218), pattern "None" on desktop and null on the web (office-js#4900).
 */
export function readingOf(fill: StoredFill | CellFillState, host: FakeHost = "desktop"): FillReading {
  if (fill === null)
    return {
      color: "#FFFFFF",
      pattern: host === "web" ? null : "None",
      patternColor: "#000000",
      tintAndShade: null,
      patternTintAndShade: null,
    };
  if ("gradient" in fill)
    return {
      color: fill.color,
      pattern: "LinearGradient",
      patternColor: "#000000",
      tintAndShade: 0,
      patternTintAndShade: 0,
    };
  return {
    color: fill.color,
    pattern: fill.pattern ?? "Solid",
    patternColor: fill.patternColor ?? "#000000",
    tintAndShade: fill.tintAndShade ?? 0,
    patternTintAndShade: fill.patternTintAndShade ?? 0,
  };
}

/** Excel's reading of a multi-cell range: each property only where every cell agrees. */
export function areaReading(fills: Array<StoredFill | CellFillState>, host: FakeHost = "desktop"): FillReading {
  const readings = fills.map((fill) => readingOf(fill, host));
  const shared = <K extends keyof FillReading>(key: K): FillReading[K] | null => {
    const first = readings[0]![key];
    return readings.every((r) => r[key] === first) ? first : null;
  };
  return {
    color: shared("color"),
    pattern: shared("pattern"),
    patternColor: shared("patternColor"),
    tintAndShade: shared("tintAndShade"),
    patternTintAndShade: shared("patternTintAndShade"),
  };
}

/** One recorded `context.sync()`. */
export interface SyncRecord {
  call: string;
  /** Which port call (one Excel.run) the sync belongs to. */
  callId?: number;
  requestBytes: number;
  responseBytes: number;
  apiCalls: number;
}

export interface FakePortOptions {
  capabilities?: Capabilities;
  payloadLimitBytes?: number;
  /** Simulates Excel failing: called before each sync is applied; return an error to throw it. */
  failSync?: (record: SyncRecord, index: number) => Error | undefined;
  /** Delay per sync, for the browser preview's progress bar. */
  latencyMs?: number;
}

export class FakeWorkbookPort implements WorkbookPort {
  readonly capabilities: Capabilities;
  readonly ledger: SyncRecord[] = [];
  private readonly limit: number;

  constructor(
    readonly workbook: FakeWorkbook,
    private readonly options: FakePortOptions = {},
  ) {
    this.capabilities = options.capabilities ?? { scan: true, mergeUndoGroup: true };
    this.limit = options.payloadLimitBytes ?? (workbook.host === "web" ? EXCEL_PAYLOAD_LIMIT_BYTES : Infinity);
  }

  get host(): FakeHost {
    return this.workbook.host;
  }

  get syncs(): number {
    return this.ledger.length;
  }

  get apiCalls(): number {
    return this.ledger.reduce((sum, r) => sum + r.apiCalls, 0);
  }

  get largestRequest(): number {
    return this.ledger.reduce((max, r) => Math.max(max, r.requestBytes), 0);
  }

  get largestResponse(): number {
    return this.ledger.reduce((max, r) => Math.max(max, r.responseBytes), 0);
  }

  private calls = 0;
  private currentCall = 0;

  /** Every port method starts a new call (an Excel.run in officePort). */
  private begin(): void {
    this.currentCall = ++this.calls;
  }

  /** Syncs per port call, in order: comparable with what officePort does over a mock Excel. */
  syncsPerCall(): Array<{ call: string; syncs: number }> {
    const out: Array<{ call: string; syncs: number }> = [];
    let last: number | undefined;
    for (const record of this.ledger) {
      if (record.callId !== last) out.push({ call: record.call, syncs: 0 });
      out[out.length - 1]!.syncs++;
      last = record.callId;
    }
    return out;
  }

  private async sync(record: SyncRecord): Promise<void> {
    record.callId = this.currentCall;
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    const index = this.ledger.length;
    this.ledger.push(record);
    const injected = this.options.failSync?.(record, index);
    if (injected) throw injected;
    if (record.requestBytes > this.limit) {
      throw new FakeExcelError(
        EXCEL_ERROR.requestTooLarge,
        `Request payload ${record.requestBytes} bytes exceeds the limit.`,
      );
    }
    if (record.responseBytes > this.limit) {
      throw new FakeExcelError(
        EXCEL_ERROR.responseTooLarge,
        `Response payload ${record.responseBytes} bytes exceeds the limit.`,
      );
    }
  }

  private layout(sheet: FakeSheet): SheetLayout {
    const used = sheet.usedRange();
    let hasHiddenRows = false;
    if (used)
      for (const row of sheet.hiddenRows)
        if (row >= used.firstRow && row < used.firstRow + used.rowCount) hasHiddenRows = true;
    return {
      name: sheet.name,
      used,
      tables: sheet.tables.map((t) => ({
        name: t.name,
        box: { ...t.box },
        showHeaders: t.showHeaders,
        showTotals: t.showTotals === true,
        filtered: t.filtered,
      })),
      filtered: sheet.autoFilterActive || sheet.tables.some((t) => t.filtered),
      hasHiddenRows,
    };
  }

  async inspect(sheetName?: string): Promise<WorkbookInspection> {
    this.begin();
    const wb = this.workbook;
    const sheets = wb.sheets.map((s, position) => ({ id: s.id, name: s.name, visibility: s.visibility, position }));
    const target = wb.sheet(sheetName ?? wb.activeSheet);
    const layout = target ? this.layout(target) : null;
    // As officePort: sync 1 sheets and the named sheet; sync 2 its used range, tables and filter; sync 3 table ranges
    // (only with tables); sync 4 the date system (only where the host exposes it).
    await this.sync({
      call: "inspect",
      requestBytes: 4 * CALL_OVERHEAD_BYTES,
      responseBytes: jsonBytes(sheets),
      apiCalls: 4,
    });
    if (layout) {
      await this.sync({
        call: "inspect",
        requestBytes: 6 * CALL_OVERHEAD_BYTES,
        responseBytes: jsonBytes({ used: layout.used, tables: layout.tables.map((t) => t.name) }),
        apiCalls: 6,
      });
    }
    if (layout && layout.tables.length > 0) {
      await this.sync({
        call: "inspect",
        requestBytes: layout.tables.length * 3 * CALL_OVERHEAD_BYTES,
        responseBytes: jsonBytes(layout.tables),
        apiCalls: layout.tables.length * 3,
      });
    }
    let date1904: boolean | undefined;
    if (wb.exposesDateSystem) {
      await this.sync({ call: "inspect", requestBytes: CALL_OVERHEAD_BYTES, responseBytes: 40, apiCalls: 1 });
      date1904 = wb.date1904;
    }
    return { sheets, activeSheet: wb.activeSheet, layout, date1904 };
  }

  async read(sheetName: string, batch: ReadBatch): Promise<ReadResult> {
    this.begin();
    const sheet = this.workbook.requireSheet(sheetName);
    const values = batch.values.map((box) => {
      if (box.rowCount * box.columnCount > EXCEL_MAX_CELLS_PER_READ) return null;
      const out: CellValue[][] = [];
      for (let r = 0; r < box.rowCount; r++) {
        const row: CellValue[] = [];
        for (let c = 0; c < box.columnCount; c++) row.push(sheet.value(box.firstRow + r, box.firstColumn + c));
        out.push(row);
      }
      return out;
    });
    const numberFormats = batch.numberFormats.map((box) => {
      const out: string[][] = [];
      for (let r = 0; r < box.rowCount; r++) {
        const row: string[] = [];
        for (let c = 0; c < box.columnCount; c++) row.push(sheet.numberFormat(box.firstRow + r, box.firstColumn + c));
        out.push(row);
      }
      return out;
    });
    const rowHidden = batch.rowHidden.map((box) =>
      Array.from({ length: box.rowCount }, (_, i) => sheet.hiddenRows.has(box.firstRow + i)),
    );
    const text = batch.text.map((box) => {
      const out: string[][] = [];
      for (let r = 0; r < box.rowCount; r++) {
        const row: string[] = [];
        for (let c = 0; c < box.columnCount; c++)
          row.push(this.displayText(sheet, box.firstRow + r, box.firstColumn + c));
        out.push(row);
      }
      return out;
    });
    const calls = 2 * (batch.values.length + batch.numberFormats.length + batch.rowHidden.length + batch.text.length);
    const boxes = [...batch.values, ...batch.numberFormats, ...batch.rowHidden, ...batch.text];
    const rowProps = rowHidden.map((rows, i) =>
      rows.map((hidden, j) => ({ rowIndex: batch.rowHidden[i]!.firstRow + j - 1, rowHidden: hidden })),
    );
    await this.sync({
      call: "read",
      requestBytes: jsonBytes(boxes) + calls * CALL_OVERHEAD_BYTES,
      responseBytes: jsonBytes(values) + jsonBytes(numberFormats) + jsonBytes(rowProps) + jsonBytes(text),
      apiCalls: calls,
    });
    return { values, numberFormats, rowHidden, text };
  }

  /** What Excel displays: dates (a number under a date format) as yyyy-mm-dd hh:mm in the workbook's date system. */
  private displayText(sheet: FakeSheet, row: number, column: number): string {
    const value = sheet.value(row, column);
    if (typeof value === "number" && /[dy]/i.test(sheet.numberFormat(row, column))) {
      const wall = serialToWallClock(value, this.workbook.date1904);
      if (wall !== undefined) return new Date(wall).toISOString().slice(0, 16).replace("T", " ");
    }
    return typeof value === "object" && value !== null && "error" in value ? value.error : String(value);
  }

  private checkAddress(addresses: string): CellBox[] {
    if (addresses.length > FAKE_GET_RANGES_MAX_CHARS) {
      throw new FakeExcelError(
        EXCEL_ERROR.invalidArgument,
        `The argument is invalid or missing: address of ${addresses.length} characters.`,
      );
    }
    return parseAreas(addresses);
  }

  async probeFills(sheetName: string, addressLists: string[]): Promise<AreaFillReading[][]> {
    this.begin();
    const sheet = this.workbook.requireSheet(sheetName);
    const result = addressLists.map((list) =>
      this.checkAddress(list).map((box) => {
        const fills: CellFillState[] = [];
        forEachCell(box, (r, c) => fills.push(sheet.fill(r, c)));
        const reading =
          box.rowCount * box.columnCount === 1 ? readingOf(fills[0]!, this.host) : areaReading(fills, this.host);
        return { address: `${sheet.name}!${boxAddress(box)}`, ...reading };
      }),
    );
    const calls = addressLists.length * 3;
    await this.sync({
      call: "probeFills",
      requestBytes: addressLists.reduce((sum, list) => sum + list.length, 0) + calls * CALL_OVERHEAD_BYTES,
      responseBytes: jsonBytes(result),
      apiCalls: calls,
    });
    return result;
  }

  async readCellFills(sheetName: string, boxes: CellBox[]): Promise<FillReading[][][]> {
    this.begin();
    const sheet = this.workbook.requireSheet(sheetName);
    const result = boxes.map((box) => {
      const rows: FillReading[][] = [];
      for (let r = 0; r < box.rowCount; r++) {
        const row: FillReading[] = [];
        for (let c = 0; c < box.columnCount; c++) {
          row.push(readingOf(sheet.fill(box.firstRow + r, box.firstColumn + c), this.host));
        }
        rows.push(row);
      }
      return rows;
    });
    const wire = result.map((rows) => rows.map((row) => row.map((fill) => ({ format: { fill } }))));
    await this.sync({
      call: "readCellFills",
      requestBytes: jsonBytes(boxes) + boxes.length * 2 * CALL_OVERHEAD_BYTES,
      responseBytes: jsonBytes(wire),
      apiCalls: boxes.length * 2,
    });
    return result;
  }

  async readTextBlock(sheetName: string, box: CellBox): Promise<TextBlock | undefined> {
    this.begin();
    const sheet = this.workbook.sheet(sheetName);
    // As officePort: sync 1 finds the sheet, sync 2 (only when it exists) its used range and the block.
    await this.sync({ call: "readTextBlock", requestBytes: 2 * CALL_OVERHEAD_BYTES, responseBytes: 30, apiCalls: 2 });
    if (!sheet) return undefined;
    const used = sheet.usedRange();
    const values: string[][] = [];
    for (let r = 0; r < box.rowCount; r++) {
      values.push(
        Array.from({ length: box.columnCount }, (_, c) => String(sheet.value(box.firstRow + r, box.firstColumn + c))),
      );
    }
    const lastRow = used ? used.firstRow + used.rowCount - 1 : 0;
    await this.sync({
      call: "readTextBlock",
      requestBytes: jsonBytes(box) + 4 * CALL_OVERHEAD_BYTES,
      responseBytes: jsonBytes(values) + 40,
      apiCalls: 4,
    });
    return { values, lastRow };
  }

  async write(plan: WritePlan): Promise<void> {
    this.begin();
    await this.sync({
      call: "write",
      requestBytes: 2 * CALL_OVERHEAD_BYTES,
      responseBytes: jsonBytes(this.workbook.sheets.map((s) => s.name)),
      apiCalls: 2,
    });
    let completedBatches = 0;
    try {
      for (const batch of plan.batches) {
        const requestBytes = batch.reduce((sum, op) => sum + opRequestBytes(op), 0);
        const apiCalls = batch.reduce((sum, op) => sum + opCalls(op), 0);
        for (const op of batch) if (op.op === "fill") this.checkAddress(op.addresses);
        await this.sync({ call: "write", requestBytes, responseBytes: 0, apiCalls });
        // As Excel runs a batch: the operations before a failing one stay applied, those after it do not run.
        for (const op of batch) {
          if (op.op === "cells" && op.hyperlinks) this.checkHyperlinks();
          this.workbook.apply(op);
        }
        completedBatches++;
      }
    } catch (error) {
      if (error && typeof error === "object") Object.assign(error, { completedBatches });
      throw error;
    }
  }

  /**
   * A host without ExcelApi 1.7 has no RangeHyperlink: the sync that sets one fails with `ApiNotFound` ("The method or
   * property … is part of the … requirement set, which is not available in your version", office.js
   * L_ApiNotFoundDetails; Excel.ErrorCodes.apiNotFound in the error-handling article,
   * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling). Hyperlinks need
   * the port's capabilities to say so (`hyperlinks !== false`), as on every host with the scan's ExcelApi 1.9.
   */
  private checkHyperlinks(): void {
    if (this.capabilities.hyperlinks === false)
      throw new FakeExcelError("ApiNotFound", "Range.hyperlink is part of ExcelApi 1.7, not available in this Excel.");
  }

  async select(sheetName: string, box?: CellBox): Promise<void> {
    this.begin();
    const sheet = this.workbook.requireSheet(sheetName);
    await this.sync({ call: "select", requestBytes: 3 * CALL_OVERHEAD_BYTES, responseBytes: 0, apiCalls: 3 });
    this.workbook.requireFocus(`selecting on sheet ${sheet.name}`);
    this.workbook.activeSheet = sheet.name;
    this.workbook.selection = { sheet: sheet.name, address: box ? boxAddress(box) : "A1" };
  }

  async getSetting(key: string): Promise<string | undefined> {
    this.begin();
    await this.sync({
      call: "getSetting",
      requestBytes: 2 * CALL_OVERHEAD_BYTES + key.length,
      responseBytes: jsonBytes(this.workbook.settings.get(key) ?? null),
      apiCalls: 2,
    });
    return this.workbook.settings.get(key);
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.begin();
    await this.sync({
      call: "setSetting",
      requestBytes: 2 * CALL_OVERHEAD_BYTES + jsonBytes(value),
      responseBytes: 0,
      apiCalls: 2,
    });
    this.workbook.settings.set(key, value);
  }
}
