import { parseBox, type CellBox } from "./a1";
import { chunkAddresses } from "./addresses";
import { CellMap } from "./cellMap";
import { areaFill, cellFill, MIXED, UNRESTORABLE } from "./fills";
import type { CellFill, FillReading, WorkbookPort } from "./port";
import { CALL_OVERHEAD_BYTES, PAYLOAD_BUDGET_BYTES } from "./payload";
import { throwIfAborted } from "./abort";
import { halvingOnPayloadError, splitAddressList, splitBoxRows } from "./payloadRetry";

/** Response bytes per area of a fill probe: address plus color/pattern/patternColor/tintAndShade. */
export const PROBE_BYTES_PER_AREA = 140;
/** Response bytes per cell of getCellProperties({format:{fill:{color,pattern,patternColor,tintAndShade}}}). */
export const CELL_FILL_BYTES = 120;

export type CurrentFill = CellFill | typeof UNRESTORABLE;

/** Packs items into groups whose summed size stays within the budget (an item alone may not exceed it). */
export function packBySize<T>(items: readonly T[], size: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const bytes = size(item);
    if (current.length > 0 && used + bytes > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Splits a box into row slices of at most `maxCells` cells. */
export function sliceBox(box: CellBox, maxCells: number): CellBox[] {
  const rowsPerSlice = Math.max(1, Math.floor(maxCells / box.columnCount));
  const out: CellBox[] = [];
  for (let r = box.firstRow; r < box.firstRow + box.rowCount; r += rowsPerSlice) {
    out.push({ ...box, firstRow: r, rowCount: Math.min(rowsPerSlice, box.firstRow + box.rowCount - r) });
  }
  return out;
}

function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** A mixed area this small is read again as single-cell areas (batched in address lists) rather than on its own. */
export const SMALL_MIXED_AREA_CELLS = 256;

/** Probes address lists in payload-sized syncs; each area's reading goes to `take`. */
async function probe(
  port: WorkbookPort,
  sheet: string,
  boxes: readonly CellBox[],
  budget: number,
  signal: AbortSignal | undefined,
  take: (box: CellBox, reading: FillReading) => void,
): Promise<void> {
  const lists = chunkAddresses(boxes);
  const areaCount = (list: string): number => list.split(",").length;
  const groups = packBySize(
    lists,
    (list) => Math.max(list.length + CALL_OVERHEAD_BYTES * 2, areaCount(list) * PROBE_BYTES_PER_AREA),
    budget,
  );
  for (const group of groups) {
    throwIfAborted(signal);
    const readings = await halvingOnPayloadError(
      group,
      (part) => port.probeFills(sheet, part),
      splitAddressList,
      ([first, second]) => [...first, ...second],
    );
    readings.forEach((areas, listIndex) => {
      const expected = group[listIndex]!.split(",");
      areas.forEach((reading, areaIndex) =>
        take(parseBox(stripSheet(reading.address || expected[areaIndex]!)), reading),
      );
    });
  }
}

function cellsOf(box: CellBox): CellBox[] {
  const out: CellBox[] = [];
  for (let r = box.firstRow; r < box.firstRow + box.rowCount; r++) {
    for (let c = box.firstColumn; c < box.firstColumn + box.columnCount; c++) {
      out.push({ firstRow: r, firstColumn: c, rowCount: 1, columnCount: 1 });
    }
  }
  return out;
}

/**
 * The fills the cells in `boxes` have now, with calls that grow with address lists, not rows:
 * 1. one probe per address list (≤ 8,000 characters) tells, per area, the fill the whole area shares;
 * 2. small areas whose cells differ (a row the seller partly coloured) are probed again cell by cell, many cells per
 *    address list;
 * 3. only large differing areas are read with `getCellProperties`, one call each.
 */
export async function readCurrentFills(
  port: WorkbookPort,
  sheet: string,
  boxes: readonly CellBox[],
  signal?: AbortSignal,
  budget = PAYLOAD_BUDGET_BYTES,
): Promise<CellMap<CurrentFill>> {
  const current = new CellMap<CurrentFill>();
  if (boxes.length === 0) return current;

  const small: CellBox[] = [];
  const large: CellBox[] = [];
  await probe(port, sheet, boxes, budget, signal, (box, reading) => {
    const single = box.rowCount * box.columnCount === 1;
    const fill = single ? cellFill(reading) : areaFill(reading);
    if (fill !== MIXED) current.setBox(box, fill);
    else if (box.rowCount * box.columnCount <= SMALL_MIXED_AREA_CELLS) small.push(box);
    else large.push(box);
  });

  await probe(port, sheet, small.flatMap(cellsOf), budget, signal, (box, reading) =>
    current.set(box.firstRow, box.firstColumn, cellFill(reading)),
  );

  const maxCellsPerRead = Math.max(1, Math.floor(budget / CELL_FILL_BYTES) - 1);
  const slices = large.flatMap((box) => sliceBox(box, maxCellsPerRead));
  const cellGroups = packBySize(
    slices,
    (box) => box.rowCount * box.columnCount * CELL_FILL_BYTES + CALL_OVERHEAD_BYTES,
    budget,
  );
  for (const group of cellGroups) {
    throwIfAborted(signal);
    const readings = await halvingOnPayloadError(
      group,
      (part) => port.readCellFills(sheet, part),
      splitBoxRows,
      ([top, bottom]) => [...top, ...bottom],
    );
    readings.forEach((grid, boxIndex) => {
      const box = group[boxIndex]!;
      grid.forEach((row, i) =>
        row.forEach((reading, j) => current.set(box.firstRow + i, box.firstColumn + j, cellFill(reading))),
      );
    });
  }
  return current;
}
