import { DATE_FIELDS, type CellValue, type SheetGrid } from "../core/model";
import { detectHeader, type ColumnMapping, type HeaderDetection } from "../core/sheet";
import type { CellBox } from "./a1";
import { throwIfAborted } from "./abort";
import { inferDate1904, type DateSample } from "./dateSystem";
import { WorkbookError } from "./errors";
import {
  isPayloadError,
  type ReadBatch,
  type ReadResult,
  type SheetLayout,
  type WorkbookInspection,
  type WorkbookPort,
} from "./port";
import { jsonBytes } from "./payload";
import {
  DEFAULT_READ_LIMITS,
  planHead,
  planNextRead,
  updatedEstimate,
  type PlannedRead,
  type ReadPlanLimits,
} from "./readPlan";

/** Numeric date cells whose displayed text is read to tell the 1904 date system. */
export const DATE_SYSTEM_SAMPLES = 12;
/** Halving the rows this many times reaches a single row from any block; past that the sheet cannot be read. */
const MAX_RETRIES = 24;

export interface ReadSheetOptions {
  mapping?: ColumnMapping;
  signal?: AbortSignal;
  /** Fraction (0..1) of the sheet's rows read. */
  onProgress?: (fraction: number) => void;
  limits?: ReadPlanLimits;
  /** Inspection already made by the caller (saves a round trip). */
  inspection?: WorkbookInspection;
}

export interface SheetRead {
  sheet: string;
  inspection: WorkbookInspection;
  layout: SheetLayout;
  /** The block read: the main table when the sheet has one, else the used range. */
  region: CellBox;
  grid: SheetGrid;
  header: HeaderDetection;
  /** Excel rows hidden by a filter or by hand. */
  hiddenRows: Set<number>;
  date1904: boolean;
  dateSystemSource: "host" | "displayed-text" | "default";
}

/**
 * Where the orders may be: the largest table with a header row first (its totals row included: the core leaves it
 * out with a note, see `totalsRowsOf`), then the used range.
 */
export function candidateRegions(layout: SheetLayout): CellBox[] {
  const regions: CellBox[] = [];
  const tables = layout.tables
    .filter((t) => t.showHeaders)
    .map((t) => t.box)
    .sort((a, b) => b.rowCount * b.columnCount - a.rowCount * a.columnCount);
  if (tables[0]) regions.push(tables[0]);
  if (layout.used) regions.push(layout.used);
  return regions;
}

/** The Excel rows that are a shown totals row of a table on the sheet (a sum, not an order). */
export function totalsRowsOf(layout: SheetLayout): number[] {
  return layout.tables
    .filter((t) => t.showTotals && t.box.rowCount > 1)
    .map((t) => t.box.firstRow + t.box.rowCount - 1);
}

/** After a refused read the row cap doubles back on each success, then goes away. */
function recover(limits: ReadPlanLimits, full: ReadPlanLimits): ReadPlanLimits {
  if (limits.maxRowsPerSync === undefined) return limits;
  const doubled = limits.maxRowsPerSync * 2;
  return doubled >= full.maxRowsPerBlock * 20
    ? { ...limits, maxRowsPerSync: undefined }
    : { ...limits, maxRowsPerSync: doubled };
}

/** After a refused read: half the rows of the refused attempt (and a smaller head). */
function halve(limits: ReadPlanLimits, attemptedRows: number): ReadPlanLimits {
  return {
    ...limits,
    maxRowsPerSync: Math.max(1, Math.floor(attemptedRows / 2)),
    headCells: Math.max(1, Math.floor(limits.headCells / 2)),
  };
}

/** Runs one planned read; a refused or null answer is retried with half the budget. */
async function readAdaptive(
  port: WorkbookPort,
  sheet: string,
  plan: (limits: ReadPlanLimits) => PlannedRead,
  limits: ReadPlanLimits,
  extra?: (batch: ReadBatch) => void,
): Promise<{ planned: PlannedRead; result: ReadResult; limits: ReadPlanLimits }> {
  let current = limits;
  for (let attempt = 0; ; attempt++) {
    const planned = plan(current);
    extra?.(planned.batch);
    try {
      const result = await port.read(sheet, planned.batch);
      if (result.values.every((block) => block !== null)) return { planned, result, limits: current };
      if (planned.rows <= 1 || attempt >= MAX_RETRIES)
        throw new WorkbookError("PayloadTooLarge", "Excel refused to read a block of the sheet.");
    } catch (error) {
      if (!isPayloadError(error) || planned.rows <= 1 || attempt >= MAX_RETRIES) {
        if (isPayloadError(error))
          throw new WorkbookError(
            "PayloadTooLarge",
            "A single row of this sheet is too large for Excel to send in one request.",
          );
        throw error;
      }
    }
    current = halve(current, planned.rows);
  }
}

/** JSON size of every row read, in order. */
function rowSizes(result: ReadResult): number[] {
  const sizes: number[] = [];
  for (const block of result.values) for (const row of block ?? []) sizes.push(jsonBytes(row));
  return sizes;
}

function dateSamples(rows: CellValue[][], region: CellBox, header: HeaderDetection, limit: number): CellBox[] {
  const columns = DATE_FIELDS.map((field) => header.columns[field]?.column).filter((c): c is number => c !== undefined);
  const boxes: CellBox[] = [];
  const start = header.headerRow + 1 - region.firstRow;
  for (let i = Math.max(0, start); i < rows.length && boxes.length < limit; i++) {
    for (const column of columns) {
      if (typeof rows[i]?.[column - region.firstColumn] === "number" && boxes.length < limit) {
        boxes.push({ firstRow: region.firstRow + i, firstColumn: column, rowCount: 1, columnCount: 1 });
      }
    }
  }
  return boxes;
}

/** Reads the order sheet's values in row blocks (bounded payload per sync) and finds its header. */
export async function readSheet(
  port: WorkbookPort,
  sheetName: string | undefined,
  options: ReadSheetOptions = {},
): Promise<SheetRead> {
  const { signal } = options;
  throwIfAborted(signal);
  const inspection = options.inspection ?? (await port.inspect(sheetName));
  const layout = inspection.layout;
  if (!layout) throw new WorkbookError("SheetNotFound", `There is no sheet named "${sheetName ?? ""}".`);
  const regions = candidateRegions(layout);
  if (regions.length === 0)
    throw new WorkbookError("EmptySheet", `Sheet "${layout.name}" is empty: no orders to scan.`);

  const fullLimits = options.limits ?? DEFAULT_READ_LIMITS;
  let limits = fullLimits;
  for (const region of regions) {
    throwIfAborted(signal);
    const head = await readAdaptive(port, layout.name, (l) => planHead(region, layout.hasHiddenRows, l), limits);
    limits = recover(head.limits, fullLimits);
    const rows: CellValue[][] = [];
    const hiddenRows = new Set<number>();
    const take = (batch: ReadBatch, result: ReadResult): void => {
      batch.values.forEach((box, b) => result.values[b]!.forEach((row) => rows.push(row)));
      batch.rowHidden.forEach((box, b) =>
        result.rowHidden[b]?.forEach((hidden, i) => hidden && hiddenRows.add(box.firstRow + i)),
      );
    };
    take(head.planned.batch, head.result);
    const headGrid: SheetGrid = { name: layout.name, rows, firstRow: region.firstRow, firstColumn: region.firstColumn };
    const header = detectHeader(headGrid, options.mapping);
    if (!header) continue;

    let bytesPerCell = updatedEstimate(0, rowSizes(head.result), region.columnCount) || 16;
    let nextRow = head.planned.nextRow;
    const total = region.rowCount;
    options.onProgress?.((nextRow - region.firstRow) / total);

    const wantDateSystem = inspection.date1904 === undefined;
    let sampleBoxes = wantDateSystem ? dateSamples(rows, region, header, DATE_SYSTEM_SAMPLES) : [];
    const samples: DateSample[] = [];
    const collectSamples = (batch: ReadBatch, result: ReadResult): void => {
      batch.text.forEach((box, b) => {
        const text = result.text[b]?.[0]?.[0];
        const serial = rows[box.firstRow - region.firstRow]?.[box.firstColumn - region.firstColumn];
        if (typeof text === "string" && typeof serial === "number") samples.push({ serial, text });
      });
    };

    for (;;) {
      throwIfAborted(signal);
      const cursor = { region, nextRow, readRowVisibility: layout.hasHiddenRows, bytesPerCell };
      if (!planNextRead(cursor, limits)) break;
      const pending = sampleBoxes;
      const step = await readAdaptive(
        port,
        layout.name,
        (l) => planNextRead(cursor, l)!,
        limits,
        (batch) => batch.text.push(...pending),
      );
      sampleBoxes = [];
      limits = recover(step.limits, fullLimits);
      take(step.planned.batch, step.result);
      collectSamples(step.planned.batch, step.result);
      bytesPerCell = updatedEstimate(bytesPerCell, rowSizes(step.result), region.columnCount);
      nextRow = step.planned.nextRow;
      options.onProgress?.((nextRow - region.firstRow) / total);
    }
    if (sampleBoxes.length > 0) {
      throwIfAborted(signal);
      const batch: ReadBatch = { values: [], numberFormats: [], rowHidden: [], text: sampleBoxes };
      collectSamples(batch, await port.read(layout.name, batch));
    }

    let date1904 = inspection.date1904 ?? false;
    let dateSystemSource: SheetRead["dateSystemSource"] = inspection.date1904 === undefined ? "default" : "host";
    if (wantDateSystem) {
      const inferred = inferDate1904(samples);
      if (inferred !== undefined) {
        date1904 = inferred;
        dateSystemSource = "displayed-text";
      }
    }
    return {
      sheet: layout.name,
      inspection,
      layout,
      region,
      grid: {
        name: layout.name,
        rows,
        firstRow: region.firstRow,
        firstColumn: region.firstColumn,
        date1904,
        totalsRows: totalsRowsOf(layout),
      },
      header,
      hiddenRows,
      date1904,
      dateSystemSource,
    };
  }
  throw new WorkbookError(
    "NoHeader",
    `No header row found in sheet "${layout.name}": none of its first rows names at least two order columns (such as 订单号 / Order ID and 付款时间 / Payment Time).`,
  );
}
