import type { CellBox } from "./a1";
import { cellsToBoxes } from "./addresses";

/** A sparse map of cells (row → column → value), with grouping back into rectangles. */
export class CellMap<T> {
  private readonly rows = new Map<number, Map<number, T>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(row: number, column: number): T | undefined {
    return this.rows.get(row)?.get(column);
  }

  has(row: number, column: number): boolean {
    return this.rows.get(row)?.has(column) ?? false;
  }

  set(row: number, column: number, value: T): void {
    let columns = this.rows.get(row);
    if (!columns) this.rows.set(row, (columns = new Map()));
    if (!columns.has(column)) this.count++;
    columns.set(column, value);
  }

  setBox(box: CellBox, value: T): void {
    for (let r = box.firstRow; r < box.firstRow + box.rowCount; r++) {
      for (let c = box.firstColumn; c < box.firstColumn + box.columnCount; c++) this.set(r, c, value);
    }
  }

  *entries(): IterableIterator<[number, number, T]> {
    for (const [row, columns] of this.rows) for (const [column, value] of columns) yield [row, column, value];
  }

  rowNumbers(): number[] {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }

  /** Rectangles covering the cells, one list per key of the value. */
  boxesBy(key: (value: T) => string): Map<string, { sample: T; boxes: CellBox[] }> {
    const cellsByKey = new Map<string, { sample: T; cells: Map<number, number[]> }>();
    for (const row of this.rowNumbers()) {
      const columns = this.rows.get(row)!;
      for (const column of [...columns.keys()].sort((a, b) => a - b)) {
        const value = columns.get(column) as T;
        const k = key(value);
        let group = cellsByKey.get(k);
        if (!group) cellsByKey.set(k, (group = { sample: value, cells: new Map() }));
        let list = group.cells.get(row);
        if (!list) group.cells.set(row, (list = []));
        list.push(column);
      }
    }
    return new Map(
      [...cellsByKey].map(([k, group]) => [k, { sample: group.sample, boxes: cellsToBoxes(group.cells) }]),
    );
  }
}
