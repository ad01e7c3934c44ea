import { isKnown } from "../numbers";
import type { CellValue } from "../model";
import { serialToWallClock, serialWallClock } from "../dates/serial";
import {
  newTextDateScan,
  ORDER_EVIDENCE_EITHER,
  ORDER_EVIDENCE_NONE,
  scanDateText,
  TEXT_DATE_INSTANT,
  TEXT_DATE_WALL,
  type DayMonthOrder,
  type TextDateScan,
} from "../dates/text";
import { zoneClock, type ZoneClock } from "../dates/zone";
import { excelErrorOf, isBlankCell, plainNumber } from "./cells";

/**
 * Reading a cell of a date column: Excel serials (1900 and 1904 systems), wall-clock Dates (exceljs), text dates,
 * serials stored as text, and a few machine forms (yyyymmdd numbers, epoch seconds/milliseconds).
 */

/** A bare number in a date column is a serial when it lands in these years, whatever its number format says. */
export const PLAUSIBLE_SERIAL_FROM = Date.UTC(1990, 0, 1);
export const PLAUSIBLE_SERIAL_UNTIL = Date.UTC(2100, 0, 1);
/** The wall clocks a Date cell may hold: Excel's own range of years. */
const MIN_WALL = Date.UTC(1900, 0, 1);
const MAX_WALL = Date.UTC(10000, 0, 1);
/** Epoch timestamps (API dumps) are accepted for the same years. */
const EPOCH_SECONDS_FROM = PLAUSIBLE_SERIAL_FROM / 1000;
const EPOCH_SECONDS_UNTIL = PLAUSIBLE_SERIAL_UNTIL / 1000;
/** yyyymmdd written as a whole number (20250601). */
const YYYYMMDD_FROM = 19_000_101;
const YYYYMMDD_UNTIL = 99_991_231;
/** yyyymmddHHmmss written as a whole number. */
const YYYYMMDDHHMMSS_FROM = 19_000_101_000_000;
const YYYYMMDDHHMMSS_UNTIL = 99_991_231_235_959;

export const DATE_OK = 0;
export const DATE_UNPARSEABLE = 1;
export const DATE_ERROR = 2;
export const DATE_AMBIGUOUS = 3;

const dateFormatCache = new Map<string, boolean>();

/** Whether an Excel number format shows a date or time (`yyyy-mm-dd`, `m/d/yy h:mm`, `[$-804]yyyy"年"m"月"d"日"`). */
export function isDateNumberFormat(format: string | undefined): boolean {
  if (!format) return false;
  let known = dateFormatCache.get(format);
  if (known === undefined) {
    const bare = format
      .replace(/"[^"]*"/g, "") // quoted literals
      .replace(/\\./g, "") // escaped characters
      .replace(/\[[^\]]*\]/g, "") // [$-409], [Red], [h]
      .replace(/_.|\*./g, ""); // padding
    known = (!/^general$/i.test(bare.trim()) && /[ymdhs]/i.test(bare)) || /上午|下午|AM\/PM|A\/P/i.test(format);
    dateFormatCache.set(format, known);
  }
  return known;
}

export interface DateCellContext {
  clock: ZoneClock;
  date1904: boolean;
  order: DayMonthOrder;
  scan: TextDateScan;
}

/** Where readDateCell writes its answer, so the per-cell path allocates nothing. */
export interface DateCellOut {
  /** The instant, NaN when the cell gave none. */
  instant: number;
  /** DATE_OK, DATE_UNPARSEABLE, DATE_ERROR. */
  problem: number;
  /** ORDER_EVIDENCE_* of a slashed text date. */
  evidence: number;
  /** With ORDER_EVIDENCE_EITHER, the instant under the other day/month order (NaN if none). */
  swappedInstant: number;
}

export function newDateCellOut(): DateCellOut {
  return { instant: Number.NaN, problem: DATE_OK, evidence: ORDER_EVIDENCE_NONE, swappedInstant: Number.NaN };
}

/**
 * The common date cell, an Excel serial in a plausible year, as an instant; NaN for anything else (then use
 * `readDateCell`).
 */
export function plausibleSerialInstant(serial: number, ctx: DateCellContext): number {
  const wall = serialWallClock(serial, ctx.date1904);
  return wall >= PLAUSIBLE_SERIAL_FROM && wall < PLAUSIBLE_SERIAL_UNTIL ? ctx.clock.toInstant(wall) : Number.NaN;
}

function fromNumber(serial: number, ctx: DateCellContext, numberFormat: string | undefined, out: DateCellOut): void {
  const plausible = plausibleSerialInstant(serial, ctx);
  if (isKnown(plausible)) {
    out.instant = plausible;
    return;
  }
  // Outside the plausible years, a serial is still a date when the cell is formatted as one.
  const wall = serialToWallClock(serial, ctx.date1904);
  if (wall !== undefined && isDateNumberFormat(numberFormat)) {
    out.instant = ctx.clock.toInstant(wall);
    return;
  }
  if (Number.isInteger(serial)) {
    if (
      (serial >= YYYYMMDD_FROM && serial <= YYYYMMDD_UNTIL) ||
      (serial >= YYYYMMDDHHMMSS_FROM && serial <= YYYYMMDDHHMMSS_UNTIL)
    ) {
      scanDateText(String(serial), ctx.order, ctx.scan);
      if (ctx.scan.kind === TEXT_DATE_WALL) {
        out.instant = ctx.clock.toInstant(ctx.scan.ms);
        return;
      }
    }
    if (serial >= EPOCH_SECONDS_FROM && serial < EPOCH_SECONDS_UNTIL) {
      out.instant = serial * 1000;
      return;
    }
    if (serial >= PLAUSIBLE_SERIAL_FROM && serial < PLAUSIBLE_SERIAL_UNTIL) {
      out.instant = serial;
      return;
    }
  }
  out.problem = DATE_UNPARSEABLE;
}

/**
 * Reads one date cell into `out`. Blank cells give NaN with no problem. `numberFormat` is the cell's Excel format
 * when the host knows it: a number outside 1990..2100 is still a serial when its format is a date format.
 */
export function readDateCell(
  value: CellValue,
  ctx: DateCellContext,
  numberFormat: string | undefined,
  out: DateCellOut,
): void {
  out.instant = Number.NaN;
  out.problem = DATE_OK;
  out.evidence = ORDER_EVIDENCE_NONE;
  out.swappedInstant = Number.NaN;
  if (value === null || value === undefined) return;
  switch (typeof value) {
    case "number":
      fromNumber(value, ctx, numberFormat, out);
      return;
    case "string": {
      if (isBlankCell(value)) return;
      const number = plainNumber(value);
      if (!Number.isNaN(number)) {
        fromNumber(number, ctx, undefined, out);
        return;
      }
      const scan = ctx.scan;
      scanDateText(value, ctx.order, scan);
      if (scan.kind === TEXT_DATE_WALL) {
        out.instant = ctx.clock.toInstant(scan.ms);
        if (scan.evidence === ORDER_EVIDENCE_EITHER && scan.swappedMs === scan.swappedMs) {
          out.swappedInstant = ctx.clock.toInstant(scan.swappedMs);
        }
      } else if (scan.kind === TEXT_DATE_INSTANT) {
        out.instant = scan.ms;
        out.swappedInstant = scan.swappedMs;
      } else {
        out.problem = excelErrorOf(value) !== undefined ? DATE_ERROR : DATE_UNPARSEABLE;
        return;
      }
      out.evidence = scan.evidence;
      return;
    }
    case "object": {
      if (value instanceof Date) {
        const wall = value.getTime();
        if (!(wall >= MIN_WALL && wall < MAX_WALL)) out.problem = DATE_UNPARSEABLE;
        else out.instant = ctx.clock.toInstant(wall);
        return;
      }
      out.problem = excelErrorOf(value) !== undefined ? DATE_ERROR : DATE_UNPARSEABLE;
      return;
    }
    default:
      out.problem = DATE_UNPARSEABLE;
  }
}

/**
 * One date cell as an instant. `dateOrder` settles `a/b/yyyy` when both parts are 12 or less: "mdy" (default, the
 * platform's US convention), "dmy", or "ambiguous" to report such a date as AMBIGUOUS_DATE instead of guessing.
 * A blank cell gives `{}`.
 */
export function parseDateCell(
  value: CellValue,
  ctx: { timeZone: string; date1904?: boolean; numberFormat?: string; dateOrder?: DayMonthOrder | "ambiguous" },
): { instant?: number; problem?: "UNPARSEABLE_DATE" | "EXCEL_ERROR" | "AMBIGUOUS_DATE" } {
  const context: DateCellContext = {
    clock: zoneClock(ctx.timeZone),
    date1904: ctx.date1904 ?? false,
    order: ctx.dateOrder === "dmy" ? "dmy" : "mdy",
    scan: newTextDateScan(),
  };
  const out = newDateCellOut();
  readDateCell(value, context, ctx.numberFormat, out);
  if (out.problem === DATE_ERROR) return { problem: "EXCEL_ERROR" };
  if (out.problem === DATE_UNPARSEABLE) return { problem: "UNPARSEABLE_DATE" };
  if (ctx.dateOrder === "ambiguous" && out.evidence === ORDER_EVIDENCE_EITHER) return { problem: "AMBIGUOUS_DATE" };
  return Number.isNaN(out.instant) ? {} : { instant: out.instant };
}
