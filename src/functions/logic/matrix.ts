import type { Lang } from "../../core/model";
import { invalidValue, notAvailable, type FunctionErrorValue } from "./errors";
import { say } from "./language";

/**
 * Arguments as Excel passes them to a `matrix` parameter: `null` when an optional argument is left out, `[[x]]` for
 * one value, rows × columns for a range. Every AE.* function works cell by cell over the largest argument and
 * broadcasts single values against it, the way Excel lifts its own functions over ranges: a one-row (one-column)
 * argument repeats down (across), and a position outside a smaller argument gives #N/A.
 */
export interface Arg {
  readonly rows: number;
  readonly cols: number;
  /** undefined when the argument was left out. */
  readonly cells: ReadonlyArray<ReadonlyArray<unknown>> | undefined;
}

const OMITTED: Arg = { rows: 1, cols: 1, cells: undefined };

/** Marks a position outside a smaller argument. */
export const OUTSIDE: unique symbol = Symbol("outside the argument");

export function toArg(value: unknown): Arg {
  if (value === null || value === undefined) return OMITTED;
  if (!Array.isArray(value)) return { rows: 1, cols: 1, cells: [[value]] };
  if (value.length === 0) return OMITTED;
  // Excel always passes rows of cells; a flat list (from code, not Excel) is read as one column.
  const grid: ReadonlyArray<ReadonlyArray<unknown>> = value.every(Array.isArray)
    ? (value as unknown[][])
    : value.map((cell) => [cell]);
  let cols = 0;
  for (let r = 0; r < grid.length; r++) cols = Math.max(cols, (grid[r] as ReadonlyArray<unknown>).length);
  if (cols === 0) return OMITTED;
  return { rows: grid.length, cols, cells: grid };
}

/** True when the argument was left out (a blank cell is not "left out"). */
export const isOmitted = (arg: Arg): boolean => arg.cells === undefined;

/** The argument's value at a result position, broadcasting single rows and columns. */
export function cellAt(arg: Arg, row: number, col: number): unknown {
  const cells = arg.cells;
  if (cells === undefined) return undefined;
  const r = arg.rows === 1 ? 0 : row;
  const c = arg.cols === 1 ? 0 : col;
  if (r >= arg.rows || c >= arg.cols) return OUTSIDE;
  return cells[r]?.[c];
}

export interface Shape {
  rows: number;
  cols: number;
}

/** The result's size: the largest extent of any argument in each direction. */
export function resultShape(args: readonly Arg[]): Shape {
  let rows = 1;
  let cols = 1;
  for (const arg of args) {
    if (arg.rows > rows) rows = arg.rows;
    if (arg.cols > cols) cols = arg.cols;
  }
  return { rows, cols };
}

/** Whether any argument lacks this position (it is smaller than the result and not a single row or column). */
export function outsideAny(args: readonly Arg[], row: number, col: number): boolean {
  for (const arg of args) {
    if (arg.cells === undefined) continue;
    if ((arg.rows !== 1 && row >= arg.rows) || (arg.cols !== 1 && col >= arg.cols)) return true;
  }
  return false;
}

export function sizeMismatchError(lang: Lang): FunctionErrorValue {
  return notAvailable(
    say(lang, "The ranges have different sizes: no value at this position", "各区域大小不同：此位置没有对应的值"),
  );
}

/** An exception where none was expected must still become one error cell, never a failed formula. */
export function unexpectedError(error: unknown, lang: Lang): FunctionErrorValue {
  const detail = error instanceof Error ? error.message : String(error);
  return invalidValue(say(lang, `AE Guard could not compute this: ${detail}`, `AE Guard 无法计算：${detail}`));
}

/**
 * Runs `compute` for every result position and returns the spilled rows. An exception in one cell becomes a
 * #VALUE! in that cell; a position outside a smaller argument becomes #N/A.
 */
export function spill(args: readonly Arg[], lang: Lang, compute: (row: number, col: number) => unknown): unknown[][] {
  const { rows, cols } = resultShape(args);
  const out: unknown[][] = new Array(rows);
  let mismatch: FunctionErrorValue | undefined;
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      if (outsideAny(args, r, c)) {
        line[c] = mismatch ??= sizeMismatchError(lang);
        continue;
      }
      try {
        line[c] = compute(r, c);
      } catch (error) {
        line[c] = unexpectedError(error, lang);
      }
    }
    out[r] = line;
  }
  return out;
}

/** Every cell of the result set to one value (a whole-call error). */
export function fill(shape: Shape, value: unknown): unknown[][] {
  const out: unknown[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) out[r] = new Array<unknown>(shape.cols).fill(value);
  return out;
}
