import { boxAddress, type CellBox } from "./a1";

/**
 * `worksheet.getRanges(address)` fails somewhere past ~8,190 characters (office-js#5198): every address list we
 * send stays at or under this length.
 */
export const MAX_ADDRESS_CHARS = 8_000;

/** Runs of consecutive numbers in a sorted, duplicate-free list: [5,6,7,9] → [{first:5,count:3},{first:9,count:1}]. */
export function runs(sorted: readonly number[]): Array<{ first: number; count: number }> {
  const out: Array<{ first: number; count: number }> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last.first + last.count) last.count++;
    else if (!last || n > last.first + last.count - 1) out.push({ first: n, count: 1 });
  }
  return out;
}

/** Coalesces consecutive rows sharing a key into full-width boxes (A5:T9), one list per key. */
export function rowBlocksByKey<K>(
  rows: ReadonlyArray<{ row: number; key: K }>,
  firstColumn: number,
  lastColumn: number,
): Map<K, CellBox[]> {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const out = new Map<K, CellBox[]>();
  let open: { key: K; box: CellBox } | undefined;
  for (const { row, key } of sorted) {
    if (open && open.key === key && row === open.box.firstRow + open.box.rowCount) {
      open.box.rowCount++;
      continue;
    }
    if (open && row <= open.box.firstRow + open.box.rowCount - 1) continue; // duplicate row: first key wins
    open = { key, box: { firstRow: row, firstColumn, rowCount: 1, columnCount: lastColumn - firstColumn + 1 } };
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(open.box);
  }
  return out;
}

/**
 * Turns a set of cells (row → sorted columns) into few rectangles: each row's columns become runs, and a run repeated
 * on consecutive rows grows downwards. A row fully covered gives one box however many rows follow.
 */
export function cellsToBoxes(cellsByRow: ReadonlyMap<number, readonly number[]>): CellBox[] {
  const rowsInOrder = [...cellsByRow.keys()].sort((a, b) => a - b);
  const done: CellBox[] = [];
  let open = new Map<string, CellBox>();
  for (const row of rowsInOrder) {
    const next = new Map<string, CellBox>();
    for (const run of runs(cellsByRow.get(row) ?? [])) {
      const key = `${run.first}:${run.count}`;
      const previous = open.get(key);
      if (previous && previous.firstRow + previous.rowCount === row) {
        previous.rowCount++;
        next.set(key, previous);
        open.delete(key);
      } else {
        next.set(key, { firstRow: row, firstColumn: run.first, rowCount: 1, columnCount: run.count });
      }
    }
    for (const box of open.values()) done.push(box);
    open = next;
  }
  for (const box of open.values()) done.push(box);
  return done.sort((a, b) => a.firstRow - b.firstRow || a.firstColumn - b.firstColumn);
}

/** Joins box addresses with commas into strings no longer than `maxChars` each. */
export function chunkAddresses(boxes: readonly CellBox[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const box of boxes) {
    const address = boxAddress(box);
    if (address.length > maxChars) throw new RangeError(`address longer than ${maxChars} characters: ${address}`);
    if (current && current.length + 1 + address.length > maxChars) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Every cell of the boxes as row → sorted columns. */
export function boxesToCells(boxes: readonly CellBox[]): Map<number, number[]> {
  const out = new Map<number, Set<number>>();
  for (const box of boxes) {
    for (let r = box.firstRow; r < box.firstRow + box.rowCount; r++) {
      let cols = out.get(r);
      if (!cols) out.set(r, (cols = new Set()));
      for (let c = box.firstColumn; c < box.firstColumn + box.columnCount; c++) cols.add(c);
    }
  }
  return new Map([...out].map(([row, cols]) => [row, [...cols].sort((a, b) => a - b)]));
}
