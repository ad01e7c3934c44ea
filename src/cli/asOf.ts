import type { Instant } from "../core/model";
import { wallClockToInstant } from "../core/dates/zone";
import { CliError } from "./errors";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * `--as-of`: ISO 8601 (`2025-06-15`, `2025-06-15T12:00`, `2025-06-15T12:00:00-07:00`, `...Z`). Without an offset
 * the reading is a wall clock in `zone`, as the sheet's own times are.
 */
export function parseAsOf(text: string, zone: string): Instant {
  const match = ISO.exec(text.trim());
  const fail = (): never => {
    throw new CliError(`--as-of must be an ISO-8601 date-time such as 2025-06-15T12:00:00-07:00 (got "${text}")`);
  };
  if (!match) return fail();
  const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0", offset] = match;
  const parts = [
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(ms.padEnd(3, "0")),
  ] as const;
  const wall = Date.UTC(...parts);
  const check = new Date(wall);
  if (
    check.getUTCMonth() !== parts[1] ||
    check.getUTCDate() !== parts[2] ||
    parts[3] > 23 ||
    parts[4] > 59 ||
    parts[5] > 59
  ) {
    return fail();
  }
  if (offset === undefined) return wallClockToInstant(wall, zone);
  if (offset.toUpperCase() === "Z") return wall;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  if (minutes > 14 * 60) return fail();
  return wall - sign * minutes * 60_000;
}
