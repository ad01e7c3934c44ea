import { tzOffset } from "@date-fns/tz";
import type { Instant } from "../model";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets in use today are multiples of 15 minutes and change on 15-minute UTC boundaries. */
const BUCKET = 15 * MINUTE;

/**
 * The one cache of zone offsets (ZoneClock): offsets by UTC day, per zone, one array read for the common case. A
 * day whose start and end have the same offset has it all day (zones change offset at most once a day); a day with
 * a change is looked up per 15-minute bucket. Days from 1900 to 2199 are kept in the array; others go to the map.
 */
const FIRST_DAY = Math.floor(Date.UTC(1900, 0, 1) / DAY);
const DAY_COUNT = Math.floor(Date.UTC(2200, 0, 1) / DAY) - FIRST_DAY;
/** In the day arrays: the offset changes during (or, for wall-clock days, near) that day. */
const CHANGES = Infinity;

/** A zone's offsets, remembered as they are looked up, and the conversions that read them. */
export class ZoneClock {
  /** By UTC day: the offset of every instant that day, CHANGES, or NaN (not looked up yet). */
  private readonly byDay = new Float64Array(DAY_COUNT).fill(Number.NaN);
  /** By wall-clock day: the offset every reading that day converts with, CHANGES, or NaN (not looked up yet). */
  private readonly byWallDay = new Float64Array(DAY_COUNT).fill(Number.NaN);
  private readonly byBucket = new Map<number, number>();

  constructor(readonly zone: string) {}

  /** The zone's UTC offset in milliseconds at `instant`. */
  offsetAt(instant: Instant): number {
    const known = this.byDay[Math.floor(instant / DAY) - FIRST_DAY];
    return known !== undefined && Number.isFinite(known) ? known : this.lookUpOffset(instant);
  }

  /**
   * The offset a wall-clock reading converts with (wall-clock minus instant): see `toInstant`. The conversions
   * work in offsets, small whole numbers, rather than instants (BENCHMARKS.md, "Plain code").
   */
  wallOffset(wallMs: number): number {
    const known = this.byWallDay[Math.floor(wallMs / DAY) - FIRST_DAY];
    return known !== undefined && Number.isFinite(known) ? known : this.lookUpWallOffset(wallMs);
  }

  /**
   * A wall-clock reading (encoded as if it were UTC: `Date.UTC(y, m, d, h, mi, s)`) as an instant. A time that
   * occurs twice (autumn fall-back) resolves to the first occurrence; a time skipped by a spring-forward gap
   * resolves to the same distance past the gap, as Excel users and the platform's own countdown read it.
   */
  toInstant(wallMs: number): Instant {
    return wallMs - this.wallOffset(wallMs);
  }

  /** The wall-clock reading of `instant`, encoded as if it were UTC. */
  toWallClock(instant: Instant): number {
    return instant + this.offsetAt(instant);
  }

  /** `days` calendar days after `instant`: the same wall-clock time, whatever DST does in between. */
  addCalendarDays(instant: Instant, days: number): Instant {
    const wallMs = instant + this.offsetAt(instant) + days * DAY;
    return wallMs - this.wallOffset(wallMs);
  }

  private lookUpOffset(instant: Instant): number {
    const day = Math.floor(instant / DAY) - FIRST_DAY;
    const bucket = Math.floor(instant / BUCKET);
    if (!(day >= 0 && day < DAY_COUNT)) return this.bucketOffset(bucket); // far, or NaN
    if (this.byDay[day] === CHANGES) return this.bucketOffset(bucket);
    // Offsets change at most once a day, so equal offsets at a day's first and last bucket hold all day.
    const dayStart = (day + FIRST_DAY) * (DAY / BUCKET);
    const atStart = this.bucketOffset(dayStart);
    const atEnd = this.bucketOffset(dayStart + DAY / BUCKET - 1);
    this.byDay[day] = atStart === atEnd ? atStart : CHANGES;
    return atStart === atEnd ? atStart : this.bucketOffset(bucket);
  }

  private lookUpWallOffset(wallMs: number): number {
    const day = Math.floor(wallMs / DAY) - FIRST_DAY;
    if (day >= 0 && day < DAY_COUNT && this.byWallDay[day] !== CHANGES) {
      // One offset from the day before to the day after: every reading that day converts with it.
      const dayStart = (day + FIRST_DAY) * DAY;
      const before = this.offsetAt(dayStart - DAY);
      const after = this.offsetAt(dayStart + 2 * DAY);
      this.byWallDay[day] = before === after ? before : CHANGES;
      if (before === after) return before;
    }
    return this.resolveWallOffset(wallMs);
  }

  /** A reading near an offset change: of the two readings, keep those the zone really shows at that time. */
  private resolveWallOffset(wallMs: number): number {
    const before = this.offsetAt(wallMs - DAY);
    const after = this.offsetAt(wallMs + DAY);
    if (before === after) return before;
    const firstFits = this.offsetAt(wallMs - before) === before;
    const secondFits = this.offsetAt(wallMs - after) === after;
    if (firstFits && secondFits) return Math.max(before, after); // the earlier instant
    if (secondFits && !firstFits) return after;
    return before; // the first fits, or the reading is in the gap
  }

  private bucketOffset(bucket: number): number {
    let offset = this.byBucket.get(bucket);
    if (offset === undefined) {
      const minutes = tzOffset(this.zone, new Date(bucket * BUCKET));
      if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone "${this.zone}"`);
      offset = minutes * MINUTE;
      this.byBucket.set(bucket, offset);
    }
    return offset;
  }
}

const clocks = new Map<string, ZoneClock>();

/** The clock of `zone`, shared: what it remembers is the same for every sheet and formula. */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
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
  return zoneClock(zone).offsetAt(instant);
}

/** A wall-clock reading (encoded as if it were UTC) in `zone`, as an instant (see ZoneClock.toInstant). */
export function wallClockToInstant(wallMs: number, zone: string): Instant {
  return zoneClock(zone).toInstant(wallMs);
}

/** The wall-clock reading of `instant` in `zone`, encoded as if it were UTC. */
export function instantToWallClock(instant: Instant, zone: string): number {
  return zoneClock(zone).toWallClock(instant);
}

/** `days` calendar days after `instant` in `zone`: the same wall-clock time, whatever DST does in between. */
export function addCalendarDays(instant: Instant, days: number, zone: string): Instant {
  return zoneClock(zone).addCalendarDays(instant, days);
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

/** The moment to the minute, as every deadline is shown to a seller: `2025-06-08 10:00` (seconds dropped). */
export function formatMinute(instant: Instant, zone: string): string {
  return formatInstant(instant, zone).slice(0, 16);
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
