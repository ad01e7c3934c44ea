import { HEADER_SCAN_ROWS } from "../core/sheet";
import type { CellBox } from "./a1";
import type { ReadBatch } from "./port";
import { CALL_OVERHEAD_BYTES, PAYLOAD_BUDGET_BYTES } from "./payload";

/**
 * Row-block sizing for reading a sheet.
 *
 * Rule: one sync carries as many rows as fit the payload budget (4 MB, under Excel on the web's 5 MB) at the current
 * estimate of bytes per row (columns × bytes per value, plus row visibility when the sheet hides rows), split into
 * blocks of at most `maxRowsPerBlock` rows and `maxCellsPerBlock` cells — one `getRangeByIndexes(...).load("values")`
 * each, far below the 5,000,000-cell read cap. The estimate comes from the head block actually read and only ever
 * grows (the largest average seen × a safety factor), so a text-heavy stretch further down shrinks the next syncs
 * instead of overflowing them; a sync refused anyway is retried at half the budget.
 */
export interface ReadPlanLimits {
  budgetBytes: number;
  /** The docs suggest 5k–20k rows per block for large reads. */
  maxRowsPerBlock: number;
  maxCellsPerBlock: number;
  /** Cells in the first (head) read, before any size is known. */
  headCells: number;
  headMaxRows: number;
  /** Set after Excel refused a read: at most this many rows per sync until reads succeed again. */
  maxRowsPerSync?: number;
}

export const DEFAULT_READ_LIMITS: ReadPlanLimits = {
  budgetBytes: PAYLOAD_BUDGET_BYTES,
  maxRowsPerBlock: 5_000,
  maxCellsPerBlock: 250_000,
  headCells: 5_000,
  headMaxRows: 1_000,
};

/** The head holds at least this many rows (the core looks for the header in the first 30). */
export const HEAD_MIN_ROWS = HEADER_SCAN_ROWS;

/** Bytes per row of `getRowProperties({rowHidden:true})`: {"rowIndex":123456,"rowHidden":false}. */
export const ROW_VISIBILITY_BYTES = 40;
/** Multiplier over the largest average seen. */
export const ESTIMATE_SAFETY = 1.3;

export interface ReadCursor {
  region: CellBox;
  /** Next row not read yet. */
  nextRow: number;
  readRowVisibility: boolean;
  /** Current estimate, already including the safety factor. */
  bytesPerCell: number;
}

export interface PlannedRead {
  batch: ReadBatch;
  nextRow: number;
  rows: number;
}

export function lastRowOf(box: CellBox): number {
  return box.firstRow + box.rowCount - 1;
}

export function emptyBatch(): ReadBatch {
  return { values: [], numberFormats: [], rowHidden: [], text: [] };
}

/** The first read: small enough to be safe before anything is known, big enough to hold a header below titles. */
export function planHead(
  region: CellBox,
  readRowVisibility: boolean,
  limits: ReadPlanLimits = DEFAULT_READ_LIMITS,
): PlannedRead {
  const byCells = Math.floor(limits.headCells / region.columnCount);
  const wanted = Math.max(byCells, Math.min(HEAD_MIN_ROWS, limits.headCells));
  const rows = Math.max(1, Math.min(region.rowCount, limits.headMaxRows, limits.maxRowsPerSync ?? Infinity, wanted));
  const batch = emptyBatch();
  batch.values.push({ ...region, rowCount: rows });
  if (readRowVisibility) batch.rowHidden.push({ ...region, rowCount: rows, columnCount: 1 });
  return { batch, nextRow: region.firstRow + rows, rows };
}

/** Plans the next sync, or undefined when every row is read. Pure. */
export function planNextRead(
  cursor: ReadCursor,
  limits: ReadPlanLimits = DEFAULT_READ_LIMITS,
): PlannedRead | undefined {
  const remaining = lastRowOf(cursor.region) - cursor.nextRow + 1;
  if (remaining <= 0) return undefined;
  const columns = cursor.region.columnCount;
  const rowsPerBlock = Math.max(1, Math.min(limits.maxRowsPerBlock, Math.floor(limits.maxCellsPerBlock / columns)));
  const callsPerBlock = 2 + (cursor.readRowVisibility ? 2 : 0);
  const bytesPerRow =
    columns * cursor.bytesPerCell +
    (cursor.readRowVisibility ? ROW_VISIBILITY_BYTES : 0) +
    (callsPerBlock * CALL_OVERHEAD_BYTES) / rowsPerBlock;
  const rows = Math.min(
    remaining,
    limits.maxRowsPerSync ?? Infinity,
    Math.max(1, Math.floor(limits.budgetBytes / bytesPerRow)),
  );
  const batch = emptyBatch();
  for (let first = cursor.nextRow; first < cursor.nextRow + rows; first += rowsPerBlock) {
    const count = Math.min(rowsPerBlock, cursor.nextRow + rows - first);
    batch.values.push({
      firstRow: first,
      firstColumn: cursor.region.firstColumn,
      rowCount: count,
      columnCount: columns,
    });
    if (cursor.readRowVisibility)
      batch.rowHidden.push({
        firstRow: first,
        firstColumn: cursor.region.firstColumn,
        rowCount: count,
        columnCount: 1,
      });
  }
  return { batch, nextRow: cursor.nextRow + rows, rows };
}

/** Rows at the end of a block whose average also feeds the estimate, so a trend towards longer rows is followed. */
export const ESTIMATE_TAIL_ROWS = 500;

/**
 * The new estimate after a sync: the largest of the current one, the block's average and its tail's average (both
 * with the safety margin). `rowBytes` are the JSON sizes of the block's rows in order.
 */
export function updatedEstimate(current: number, rowBytes: readonly number[], columns: number): number {
  if (rowBytes.length === 0 || columns <= 0) return current;
  const average = (list: readonly number[]): number => list.reduce((sum, b) => sum + b, 0) / list.length / columns;
  const tail = rowBytes.slice(-ESTIMATE_TAIL_ROWS);
  return Math.max(current, average(rowBytes) * ESTIMATE_SAFETY, average(tail) * ESTIMATE_SAFETY);
}
