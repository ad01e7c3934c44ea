import type { CellValue } from "../core/model";
import type { CellBox } from "./a1";
import type { Capabilities } from "./requirements";

/**
 * The narrow port between the Excel scan and a workbook. Two implementations: `office/officePort.ts` (Office.js) and
 * `fake/fakeWorkbook.ts` (in memory, for tests and the browser preview).
 *
 * Contract for every method: ONE `Excel.run` (one batch), with the number of `context.sync()` calls stated on the
 * method and never depending on the number of rows. Everything that decides how much goes into one call (block
 * sizes, address chunks, payload budgets, state keeping) lives above the port, in pure code.
 */
export interface WorkbookPort {
  /** What the host supports; decided without a round trip. */
  readonly capabilities: Capabilities;

  /**
   * Sheets (with the active one) and, for `sheet` or the active sheet, its layout. ≤ 4 syncs: sheets; used range,
   * tables, filter; table ranges (only with tables); the date system (only where the host exposes it).
   */
  inspect(sheet?: string): Promise<WorkbookInspection>;

  /**
   * Reads blocks of values, number formats and row visibility. 1 sync: every range in the batch is queued, then
   * synced once. A value block comes back null when Excel refused to read it (more than 5,000,000 cells).
   */
  read(sheet: string, batch: ReadBatch): Promise<ReadResult>;

  /**
   * For each address list (a `RangeAreas` from `worksheet.getRanges`, ≤ 8,000 characters), the fill of each area as
   * Excel reports it for a multi-cell range (null where not uniform). 1 sync.
   */
  probeFills(sheet: string, addressLists: string[]): Promise<AreaFillReading[][]>;

  /** Per-cell fills of each box (`range.getCellProperties`). 1 sync. */
  readCellFills(sheet: string, boxes: CellBox[]): Promise<FillReading[][][]>;

  /**
   * One block of a (very hidden) sheet, as text, with the sheet's last used row (0 when empty); undefined when the
   * sheet does not exist. 2 syncs (1 when the sheet does not exist).
   */
  readTextBlock(sheet: string, box: CellBox): Promise<TextBlock | undefined>;

  /**
   * Applies a write plan in one `Excel.run` (merged into one undo step when the host supports it): 1 sync to learn
   * which sheets exist, then 1 sync per batch. Screen updating is suspended once, for the first batch. On failure
   * the error carries `completedBatches`: how many batches Excel had applied.
   */
  write(plan: WritePlan): Promise<void>;

  /** Activates the sheet and selects the box. 1 sync. */
  select(sheet: string, box?: CellBox): Promise<void>;

  /** Per-workbook settings (`workbook.settings`), saved in the file. 1 sync each. */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetInfo {
  /** `Worksheet.id`: stays the same when the sheet is renamed or moved (ExcelApi 1.1). */
  id: string;
  name: string;
  visibility: SheetVisibility;
  position: number;
}

export interface TableInfo {
  name: string;
  /** The whole table, header row and totals row included when shown. */
  box: CellBox;
  showHeaders: boolean;
  /** The totals row is shown: it is the last row of `box` and holds no order. */
  showTotals: boolean;
  filtered: boolean;
}

export interface SheetLayout {
  name: string;
  /** `getUsedRangeOrNullObject(true)`: cells with values, formatting ignored; null for an empty sheet. */
  used: CellBox | null;
  tables: TableInfo[];
  /** A worksheet auto filter or a table filter currently hides rows. */
  filtered: boolean;
  /** Some row of the used range is hidden (filter or by hand). */
  hasHiddenRows: boolean;
}

export interface WorkbookInspection {
  sheets: SheetInfo[];
  activeSheet: string;
  /** Layout of the requested sheet (or the active one); null when no such sheet. */
  layout: SheetLayout | null;
  /** The workbook's date system when the host exposes it (`Workbook.use1904DateSystem` is preview-only); else undefined. */
  date1904?: boolean;
}

export interface ReadBatch {
  /** Each box: one `getRangeByIndexes(...).load("values")`. */
  values: CellBox[];
  /** Each box: one `getRangeByIndexes(...).load("numberFormat")` (only date cells the core cannot judge by value). */
  numberFormats: CellBox[];
  /** Each box: one `getRowProperties({ rowHidden: true })`. */
  rowHidden: CellBox[];
  /** Each box: one `load("text")` (a few date cells, to tell the 1904 date system when the host hides it). */
  text: CellBox[];
}

export interface TextBlock {
  values: string[][];
  /** The sheet's last used row (1-based), 0 when the sheet is empty. */
  lastRow: number;
}

export interface ReadResult {
  values: Array<CellValue[][] | null>;
  numberFormats: Array<string[][] | null>;
  rowHidden: Array<boolean[] | null>;
  text: Array<string[][] | null>;
}

/**
 * A fill as Excel reports it (RangeFill or getCellProperties). For a multi-cell range every property is null where
 * the cells differ. Excel reports "No Fill" as color "#FFFFFF" with tintAndShade null (office-js#4900, #6218).
 * A theme colour with a tint ("Accent 1, Lighter 80%") is its base colour plus `tintAndShade` (-1 darkest … 1
 * lightest), so the colour alone is not the fill a seller sees.
 */
export interface FillReading {
  color: string | null;
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

/** A fill probe's answer for one area of a RangeAreas; `address` as Excel gives it (may be sheet-qualified). */
export interface AreaFillReading extends FillReading {
  address: string;
}

/**
 * A fill the add-in can set back exactly. Stored compactly (defaults omitted); `fullFill` spells every property out
 * for a write, because Excel sets RangeFill properties one by one and keeps those it is not given.
 */
export interface Fill {
  color: string;
  /** Omitted for a solid fill. */
  pattern?: string;
  patternColor?: string;
  /** Omitted when 0. */
  tintAndShade?: number;
  /** Omitted when 0 (only meaningful with a pattern). */
  patternTintAndShade?: number;
}

/** null = No Fill (what `format.fill.clear()` gives back). */
export type CellFill = Fill | null;

export interface Hyperlink {
  documentReference: string;
  textToDisplay: string;
}

export type WriteOp =
  /**
   * `worksheet.getRanges(addresses)`: set each fill property given (the others keep what each cell has, as Excel
   * does), or clear the fill for null. Planners write every property (`fullFill`).
   */
  | { op: "fill"; sheet: string; addresses: string; fill: CellFill }
  /** Deletes a sheet of that name if there is one (unhiding a very hidden sheet first, as Excel requires). */
  | { op: "deleteSheet"; sheet: string }
  /** Adds the sheet unless it exists; sets its visibility either way; optionally puts it at a position. */
  | { op: "ensureSheet"; sheet: string; visibility: SheetVisibility; position?: number }
  /** Clears contents and formats of a box (or the whole used range). */
  | { op: "clear"; sheet: string; box?: CellBox }
  /**
   * Writes a box: number formats first (so text stays text), then values, then hyperlinks
   * (`setCellProperties`), then font/fill. Arrays are box-shaped.
   */
  | {
      op: "cells";
      sheet: string;
      box: CellBox;
      numberFormat?: string[][];
      values?: CellValue[][];
      hyperlinks?: Array<Array<Hyperlink | null>>;
      bold?: boolean;
      fontSize?: number;
      fill?: string;
    }
  | { op: "table"; sheet: string; box: CellBox; name: string; style: string }
  | { op: "chart"; sheet: string; source: CellBox; title: string; anchor: CellBox }
  | { op: "columnWidths"; sheet: string; firstColumn: number; widths: number[] }
  | { op: "activate"; sheet: string };

export interface WritePlan {
  /** Each batch is queued and synced once, in order. */
  batches: WriteOp[][];
}

/** The names an Excel error carries (`OfficeExtension.Error.code`) that the adapter reacts to. */
export const EXCEL_ERROR = {
  requestTooLarge: "RequestPayloadSizeLimitExceeded",
  responseTooLarge: "ResponsePayloadSizeLimitExceeded",
  invalidArgument: "InvalidArgument",
  itemNotFound: "ItemNotFound",
  /** Also what Excel throws on sheet add / activate / select when another workbook has focus (office-js#771). */
  general: "GeneralException",
} as const;

export function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === EXCEL_ERROR.requestTooLarge || code === EXCEL_ERROR.responseTooLarge;
}
