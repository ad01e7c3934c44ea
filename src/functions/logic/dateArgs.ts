import { isKnown } from "../../core/numbers";
import { ORDER_EVIDENCE_EITHER } from "../../core/dates/text";
import { DayMonthEvidence } from "../../core/dates/dayMonthOrder";
import { formatInstant } from "../../core/dates/zone";
import { plausibleSerialInstant } from "../../core/sheet/dateCell";
import { invalidValue, type FunctionErrorValue } from "./errors";
import type { Arg } from "./matrix";
import { readInstantInto, type CellReader } from "./inputs";
import { say } from "./language";

export type DateValue = number | undefined | FunctionErrorValue;

/** One date argument, read in full before any result is computed. */
export interface DateArg {
  arg: Arg;
  /** Row-major over the argument's own cells (not the broadcast result): the instant, NaN when blank or bad. */
  instants: Float64Array;
  /** The error a cell shows, by its row-major index (few cells have one). */
  errors: Map<number, FunctionErrorValue>;
}

interface PendingDate {
  date: DateArg;
  index: number;
  parameter: string;
  text: string;
  swapped: number;
  /** The argument's evidence, which settles this date once every cell of it was read. */
  evidence: DayMonthEvidence;
}

/** A date argument before its cells are read. */
export function dateArgOf(arg: Arg): DateArg {
  return { arg, instants: new Float64Array(arg.cells ? arg.rows * arg.cols : 0), errors: new Map() };
}

/** Reads one date argument into instants, noting its `a/b/yyyy` dates' evidence of day/month order. */
function readDateArg(
  arg: Arg,
  parameter: string,
  reader: CellReader,
  evidence: DayMonthEvidence,
  pending: PendingDate[],
): DateArg {
  const cells = arg.cells;
  const date = dateArgOf(arg);
  if (cells === undefined) return date;
  const { instants, errors } = date;
  const out = reader.out;
  let index = 0;
  for (let r = 0; r < arg.rows; r++) {
    const row = cells[r] as ReadonlyArray<unknown>;
    // Rows holding a blank go straight to the general reader (why: BENCHMARKS.md, "Plain code").
    const mayBeSerials = !row.includes(null);
    for (let c = 0; c < arg.cols; c++, index++) {
      if (mayBeSerials) {
        // A serial in a plausible year (0 is Excel's blank, read below) needs none of the general reader.
        const serial = row[c];
        if (typeof serial === "number" && serial !== 0) {
          const instant = plausibleSerialInstant(serial, reader.dates);
          instants[index] = instant;
          if (isKnown(instant)) continue;
        }
      }
      const raw = row[c];
      const problem = readInstantInto(raw, parameter, reader);
      instants[index] = out.instant;
      if (problem !== undefined) errors.set(index, problem);
      if (problem !== undefined || !isKnown(out.instant) || typeof raw !== "string") continue;
      const order = out.evidence;
      if (order === ORDER_EVIDENCE_EITHER && isKnown(out.swappedInstant)) {
        pending.push({ date, index, parameter, text: raw.trim(), swapped: out.swappedInstant, evidence });
      } else evidence.note(raw, order);
    }
  }
  return date;
}

/**
 * Reads every date argument of one formula call the way the sheet reader reads a sheet's date columns, each
 * argument being a column: `03/04/2025` is settled by its argument's other dates (DayMonthEvidence), read
 * day-first, month-first, or shown as #VALUE! when they do not tell. So a formula over a range reads the same dates
 * the scan reads.
 */
export function readDateArgs(
  dateArgs: ReadonlyArray<{ arg: Arg; parameter: string }>,
  reader: CellReader,
  timeZone: string,
): DateArg[] {
  const pending: PendingDate[] = [];
  const read: DateArg[] = [];
  for (const { arg, parameter } of dateArgs) {
    read.push(readDateArg(arg, parameter, reader, new DayMonthEvidence(), pending));
  }
  for (const { date, index, parameter, text, swapped, evidence } of pending) {
    const reading = evidence.settle(text);
    if (reading === "asRead") continue;
    if (reading === "swapped") {
      date.instants[index] = swapped;
      continue;
    }
    const monthDay = formatInstant(date.instants[index], timeZone).slice(0, 10);
    const dayMonth = formatInstant(swapped, timeZone).slice(0, 10);
    date.instants[index] = Number.NaN;
    date.errors.set(
      index,
      invalidValue(
        say(
          reader.lang,
          `${parameter}: "${text}" can be ${monthDay} (month/day) or ${dayMonth} (day/month), and the argument's other dates do not tell which; write it as yyyy-mm-dd`,
          `${parameter}：“${text}”可理解为 ${monthDay}（月/日）或 ${dayMonth}（日/月），该参数其他日期无法说明；请写成 年-月-日`,
        ),
      ),
    );
  }
  return read;
}

/** Where a result position falls in a date argument's own cells (broadcasting like `cellAt`), or -1. */
function indexAt(date: DateArg, row: number, col: number): number {
  const arg = date.arg;
  if (arg.cells === undefined) return -1;
  const r = arg.rows === 1 ? 0 : row;
  const c = arg.cols === 1 ? 0 : col;
  if (r >= arg.rows || c >= arg.cols) return -1;
  return r * arg.cols + c;
}

/** A date argument's instant at a result position: NaN when blank, bad or outside (then see `dateErrorAt`). */
export function instantAt(date: DateArg, row: number, col: number): number {
  const index = indexAt(date, row, col);
  return index < 0 ? Number.NaN : (date.instants[index] as number);
}

/** The argument's instants by row-major result position (`instantAt` for every position). */
export function instantsByPosition(date: DateArg, rows: number, cols: number): Float64Array {
  const arg = date.arg;
  if (arg.cells === undefined) return new Float64Array(rows * cols).fill(Number.NaN);
  if (arg.rows === rows && arg.cols === cols) return date.instants;
  const instants = new Float64Array(rows * cols);
  for (let r = 0, position = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, position++) instants[position] = instantAt(date, r, c);
  }
  return instants;
}

/** The error a date argument's cell shows at a result position, if any. */
export function dateErrorAt(date: DateArg, row: number, col: number): FunctionErrorValue | undefined {
  if (date.errors.size === 0) return undefined;
  const index = indexAt(date, row, col);
  return index < 0 ? undefined : date.errors.get(index);
}

/** A date argument's value at a result position, broadcasting single rows and columns like `cellAt`. */
export function dateAt(date: DateArg, row: number, col: number): DateValue {
  const instant = instantAt(date, row, col);
  return isKnown(instant) ? instant : dateErrorAt(date, row, col);
}
