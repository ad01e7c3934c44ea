import { isKnown } from "../numbers";
import { tzOffset } from "@date-fns/tz";
import type { Instant } from "../model";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets in use today are multiples of 15 minutes and change on 15-minute UTC boundaries. */
const BUCKET = 15 * MINUTE;

/**
 * Offsets by UTC day, per zone: one array read for the common case. A day whose start and end have the same offset
 * has it all day (zones change offset at most once a day); a day with a change is looked up per 15-minute bucket.
 * Days from 1900 to 2199 are kept in the array; other instants go to the bucket map.
 */
const FIRST_DAY = Math.floor(Date.UTC(1900, 0, 1) / DAY);
const DAY_COUNT = Math.floor(Date.UTC(2200, 0, 1) / DAY) - FIRST_DAY;
/** In `byDay`: the offset changes during that day (NaN: not looked up yet). */
const CHANGES = Infinity;

interface ZoneOffsets {
  /** The day's offset in ms, CHANGES, or NaN (not looked up yet). */
  byDay: Float64Array;
  byBucket: Map<number, number>;
}

const offsetsByZone = new Map<string, ZoneOffsets>();
let lastZone = "";
let lastOffsets: ZoneOffsets | undefined;

function offsetsOf(zone: string): ZoneOffsets {
  if (zone === lastZone && lastOffsets !== undefined) return lastOffsets;
  let offsets = offsetsByZone.get(zone);
  if (!offsets) {
    offsets = {
      byDay: new Float64Array(DAY_COUNT).fill(Number.NaN),
      byBucket: new Map(),
    };
    offsetsByZone.set(zone, offsets);
  }
  lastZone = zone;
  lastOffsets = offsets;
  return offsets;
}

function bucketOffset(zone: string, offsets: ZoneOffsets, bucket: number): number {
  let offset = offsets.byBucket.get(bucket);
  if (offset === undefined) {
    const minutes = tzOffset(zone, new Date(bucket * BUCKET));
    if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone "${zone}"`);
    offset = minutes * MINUTE;
    offsets.byBucket.set(bucket, offset);
  }
  return offset;
}

/** Whether `zone` is an IANA zone name (or offset) this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in milliseconds at `instant` (e.g. -7 h for Pacific daylight time). */
export function zoneOffsetMs(zone: string, instant: Instant): number {
  const offsets = offsetsOf(zone);
  const bucket = Math.floor(instant / BUCKET);
  const day = Math.floor(instant / DAY) - FIRST_DAY;
  if (!(day >= 0 && day < DAY_COUNT)) return bucketOffset(zone, offsets, bucket); // outside the array, or NaN
  const known = offsets.byDay[day] as number;
  if (isKnown(known)) return known === CHANGES ? bucketOffset(zone, offsets, bucket) : known;
  const dayStart = (day + FIRST_DAY) * (DAY / BUCKET);
  const atStart = bucketOffset(zone, offsets, dayStart);
  const atEnd = bucketOffset(zone, offsets, dayStart + DAY / BUCKET - 1);
  offsets.byDay[day] = atStart === atEnd ? atStart : CHANGES;
  return atStart === atEnd ? atStart : bucketOffset(zone, offsets, bucket);
}

/**
 * A wall-clock reading (encoded as if it were UTC: `Date.UTC(y, m, d, h, mi, s)`) in `zone`, as an instant.
 * A time that occurs twice (autumn fall-back) resolves to the first occurrence; a time skipped by a spring-forward
 * gap resolves to the same distance past the gap, as Excel users and the platform's own countdown read it.
 */
export function wallClockToInstant(wallMs: number, zone: string): Instant {
  const before = zoneOffsetMs(zone, wallMs - DAY);
  const after = zoneOffsetMs(zone, wallMs + DAY);
  if (before === after) return wallMs - before;
  // Near a change: of the two readings, keep those the zone really shows at that wall-clock time (no array, as
  // every order paid in the weeks around a DST change comes here).
  const first = wallMs - before;
  const second = wallMs - after;
  const firstFits = zoneOffsetMs(zone, first) === wallMs - first;
  const secondFits = zoneOffsetMs(zone, second) === wallMs - second;
  if (firstFits && secondFits) return Math.min(first, second);
  if (firstFits) return first;
  if (secondFits) return second;
  return wallMs - before; // in the gap
}

/** The wall-clock reading of `instant` in `zone`, encoded as if it were UTC. */
export function instantToWallClock(instant: Instant, zone: string): number {
  return instant + zoneOffsetMs(zone, instant);
}

/** `days` calendar days after `instant` in `zone`: the same wall-clock time, whatever DST does in between. */
export function addCalendarDays(instant: Instant, days: number, zone: string): Instant {
  return wallClockToInstant(instantToWallClock(instant, zone) + days * DAY, zone);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** `2025-06-01 10:00` in `zone` (seconds only when they are not zero). */
export function formatInstant(instant: Instant, zone: string): string {
  const wall = new Date(instantToWallClock(instant, zone));
  const seconds = wall.getUTCSeconds();
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ` +
    `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}` +
    (seconds ? `:${pad(seconds)}` : "")
  );
}

/** ISO 8601 with the zone's offset at that moment, e.g. `2025-06-15T12:00:00-07:00`. */
export function formatIsoInZone(instant: Instant, zone: string): string {
  const offsetMinutes = Math.round(zoneOffsetMs(zone, instant) / MINUTE);
  const wall = new Date(instant + offsetMinutes * MINUTE);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T` +
    `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
