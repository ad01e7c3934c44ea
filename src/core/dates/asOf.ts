/**
 * The "as of" moment a scan judges as now, as every host takes it from the seller: ISO 8601 (`2025-06-15`,
 * `2025-06-15T12:00`, `2025-06-15 12:00:30`, `2025-06-15T12:00:00-07:00`, `...Z`, `...+0530`). Without an offset
 * the text is a wall clock in the sheet's zone, as the sheet's own times are. A date the calendar does not have
 * (2025-02-30, hour 24) is refused, never rolled into the next month.
 */
import type { Instant } from "../model";
import { wallClockToInstant } from "./zone";

export type AsOfReading = { ok: true; instant: Instant } | { ok: false; problem: string };

const ISO =
  /^(\d+)-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** The largest offset any zone has used (Kiribati, UTC+14). */
const MAX_OFFSET_MINUTES = 14 * 60;
/** Excel's calendar starts on 1900-01-01. */
const FIRST_YEAR = 1900;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const EXAMPLE = "such as 2025-06-15T12:00 or 2025-06-15T12:00:00-07:00";

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads `text` (see the module comment); `problem` names the part that is wrong, e.g. "February 2025 has no day 30". */
export function readAsOf(text: string, zone: string): AsOfReading {
  const trimmed = text.trim();
  const refuse = (why: string): AsOfReading => ({
    ok: false,
    problem: `"${text}": ${why}`,
  });
  const match = ISO.exec(trimmed);
  if (!match) return refuse(`not an ISO-8601 date-time ${EXAMPLE}`);
  const [, y, mo, d, h = "00", mi = "0", s = "0", ms = "0", offset] = match;
  if (y.length !== 4) return refuse(`the year must have four digits (got ${y})`);
  const year = Number(y);
  if (year < FIRST_YEAR) return refuse(`Excel's dates start in ${FIRST_YEAR}`);
  const month = Number(mo);
  const day = Number(d);
  if (mo.length !== 2 || d.length !== 2) return refuse(`write the month and day with two digits ${EXAMPLE}`);
  if (month < 1 || month > 12) return refuse(`there is no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) return refuse(`${MONTHS[month - 1]} ${year} has no day ${day}`);
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (h.length !== 2) return refuse(`write the hour with two digits ${EXAMPLE}`);
  if (hour > 23) return refuse(`there is no hour ${hour} (hours run 00-23)`);
  if (minute > 59) return refuse(`there is no minute ${minute}`);
  if (second > 59) return refuse(`there is no second ${second}`);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, "0")));
  if (offset === undefined) return { ok: true, instant: wallClockToInstant(wall, zone) };
  if (offset.toUpperCase() === "Z") return { ok: true, instant: wall };
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  if (minutes > MAX_OFFSET_MINUTES || Number(digits.slice(2) || "0") > 59)
    return refuse(`no time zone is ${offset} from UTC`);
  return { ok: true, instant: wall - sign * minutes * 60_000 };
}
