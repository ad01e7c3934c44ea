import { ORDER_EVIDENCE_DAY_FIRST, ORDER_EVIDENCE_EITHER, ORDER_EVIDENCE_MONTH_FIRST } from "../../core/dates/text";
import { formatInstant } from "../../core/dates/zone";
import { plausibleSerialInstant } from "../../core/sheet/dateCell";
import { invalidValue, type FunctionErrorValue } from "./errors";
import { keepShape } from "../../core/keepShape";
import { toArg, type Arg, type Shape } from "./matrix";
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
}

/** What reading one call's date arguments has seen of `a/b/yyyy` dates, to settle their day/month order. */
interface OrderEvidence {
  dayFirst: number;
  monthFirst: number;
  pending: PendingDate[];
}

/** A date argument before its cells are read. */
export function dateArgOf(arg: Arg): DateArg {
  return { arg, instants: new Float64Array(arg.cells ? arg.rows * arg.cols : 0), errors: new Map() };
}
keepShape(dateArgOf(toArg(null)));

const newOrderEvidence = (): OrderEvidence => ({ dayFirst: 0, monthFirst: 0, pending: [] });
keepShape(newOrderEvidence());

/**
 * Reads one date argument into instants. A plain function, not a callback made per call: V8 optimises it once for
 * every call, and its load of a cell sees only date columns.
 */
function readDateArg(arg: Arg, parameter: string, reader: CellReader, evidence: OrderEvidence): DateArg {
  const cells = arg.cells;
  const date = dateArgOf(arg);
  if (cells === undefined) return date;
  const { instants, errors } = date;
  const out = reader.out;
  const dates = reader.dates;
  let index = 0;
  for (let r = 0; r < arg.rows; r++) {
    const row = cells[r] as ReadonlyArray<unknown>;
    // Parsed from JSON, a row of numbers keeps them as raw doubles and a row with a blank keeps values. One read
    // that met both kinds would box every double (an allocation and about 60 ns a cell), so a row holding a blank
    // is read only by the general path below, and the serial path's read meets rows of numbers.
    const mayBeNumbers = !row.includes(null);
    for (let c = 0; c < arg.cols; c++, index++) {
      if (mayBeNumbers) {
        const serial = row[c];
        // A serial in a plausible year (0 is Excel's blank, read below) needs none of the general reader.
        if (typeof serial === "number" && serial !== 0) {
          const instant = plausibleSerialInstant(serial, dates);
          instants[index] = instant;
          if (instant === instant) continue;
        }
      }
      const raw = row[c];
      const problem = readInstantInto(raw, parameter, reader);
      instants[index] = out.instant;
      if (problem !== undefined) errors.set(index, problem);
      if (problem !== undefined || out.instant !== out.instant) continue;
      if (typeof raw !== "string") continue;
      const order = out.evidence;
      if (order === ORDER_EVIDENCE_DAY_FIRST) evidence.dayFirst++;
      else if (order === ORDER_EVIDENCE_MONTH_FIRST) evidence.monthFirst++;
      else if (order === ORDER_EVIDENCE_EITHER && out.swappedInstant === out.swappedInstant) {
        evidence.pending.push({ date, index, parameter, text: raw.trim(), swapped: out.swappedInstant });
      }
    }
  }
  return date;
}

/**
 * Reads every date argument of one formula call the way the sheet reader reads a sheet's date columns: `03/04/2025`
 * is read month-first unless the call's other dates are day-first (a first part above 12 and none with a second
 * part above 12), in which case it is re-read day-first; when the dates are written both ways it is ambiguous
 * and its cell shows #VALUE!. So a formula over a range reads the same dates the scan reads.
 */
export function readDateArgs(
  dateArgs: ReadonlyArray<{ arg: Arg; parameter: string }>,
  reader: CellReader,
  timeZone: string,
): DateArg[] {
  const evidence = newOrderEvidence();
  const read: DateArg[] = [];
  for (const { arg, parameter } of dateArgs) read.push(readDateArg(arg, parameter, reader, evidence));
  const { dayFirst, monthFirst, pending } = evidence;
  if (pending.length > 0 && dayFirst > 0) {
    for (const { date, index, parameter, text, swapped } of pending) {
      if (monthFirst === 0) {
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
            `${parameter}: "${text}" can be ${monthDay} (month/day) or ${dayMonth} (day/month), and the other dates are written both ways; write it as yyyy-mm-dd`,
            `${parameter}：“${text}”可理解为 ${monthDay}（月/日）或 ${dayMonth}（日/月），其他日期两种写法都有；请写成 年-月-日`,
          ),
        ),
      );
    }
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

/**
 * The argument's instants by row-major result position (`instantAt` for every position), so a loop over the
 * result reads them from an array rather than through a call per cell. An argument the size of the result is its
 * own array.
 */
export function instantsByPosition(date: DateArg, shape: Shape): Float64Array {
  const { rows, cols } = shape;
  const arg = date.arg;
  if (arg.cells !== undefined && arg.rows === rows && arg.cols === cols) return date.instants;
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
  return instant === instant ? instant : dateErrorAt(date, row, col);
}
