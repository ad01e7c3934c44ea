import { parseBox, type CellBox } from "./a1";
import { chunkAddresses } from "./addresses";
import { CellMap } from "./cellMap";
import { areaFill, cellFill, MIXED, UNRESTORABLE } from "./fills";
import type { CellFill, WorkbookPort } from "./port";
import { CALL_OVERHEAD_BYTES, PAYLOAD_BUDGET_BYTES } from "./payload";
import { throwIfAborted } from "./abort";

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

/**
 * The fills the cells in `boxes` have now. One probe per address list (≤ 8,000 characters) tells, per area, the fill
 * the whole area shares; only areas where Excel reports no single fill are read cell by cell. Syncs grow with the
 * payload, not with rows.
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
  const lists = chunkAddresses(boxes);
  const areaCount = (list: string): number => list.split(",").length;
  const probeGroups = packBySize(
    lists,
    (list) => Math.max(list.length + CALL_OVERHEAD_BYTES * 2, areaCount(list) * PROBE_BYTES_PER_AREA),
    budget,
  );

  const mixed: CellBox[] = [];
  for (const group of probeGroups) {
    throwIfAborted(signal);
    const readings = await port.probeFills(sheet, group);
    readings.forEach((areas, listIndex) => {
      const expected = group[listIndex]!.split(",");
      areas.forEach((reading, areaIndex) => {
        const box = parseBox(stripSheet(reading.address || expected[areaIndex]!));
        const fill = areaFill(reading);
        if (fill === MIXED) mixed.push(box);
        else current.setBox(box, fill);
      });
    });
  }

  const maxCellsPerRead = Math.max(1, Math.floor(budget / CELL_FILL_BYTES) - 1);
  const slices = mixed.flatMap((box) => sliceBox(box, maxCellsPerRead));
  const cellGroups = packBySize(
    slices,
    (box) => box.rowCount * box.columnCount * CELL_FILL_BYTES + CALL_OVERHEAD_BYTES,
    budget,
  );
  for (const group of cellGroups) {
    throwIfAborted(signal);
    const readings = await port.readCellFills(sheet, group);
    readings.forEach((grid, boxIndex) => {
      const box = group[boxIndex]!;
      grid.forEach((row, i) =>
        row.forEach((reading, j) => current.set(box.firstRow + i, box.firstColumn + j, cellFill(reading))),
      );
    });
  }
  return current;
}
