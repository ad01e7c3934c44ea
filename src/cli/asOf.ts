import type { Instant } from "../core/model";
import { readAsOf } from "../core/dates/asOf";
import { CliError } from "./errors";

/** `--as-of`, read by the core's one as-of reader; an impossible or malformed date is refused with one line. */
export function parseAsOf(text: string, zone: string): Instant {
  const reading = readAsOf(text, zone);
  if (!reading.ok) throw new CliError(`--as-of ${reading.problem}`);
  return reading.instant;
}
