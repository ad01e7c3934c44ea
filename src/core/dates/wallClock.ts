import { isKnown } from "../numbers";
import type { Instant } from "../model";
import { instantToWallClock, wallClockToInstant, zoneOffsetMs } from "./zone";

const DAY = 86_400_000;
/** Days whose offsets are kept in flat arrays (the years orders are paid in); other days go to a Map. */
const CACHED_FROM_DAY = Math.floor(Date.UTC(1990, 0, 1) / DAY);
const CACHED_DAYS = Math.ceil((Date.UTC(2100, 0, 1) - Date.UTC(1990, 0, 1)) / DAY);
const NOT_LOOKED_UP = Infinity;
/**
 * Offsets are multiples of 15 minutes and change on 15-minute boundaries (as zone.ts assumes), so within one
 * 15-minute bucket of readings, even on the day of a change, every reading converts with the same offset.
 */
const BUCKET = 15 * 60_000;

/**
 * Conversions between instants and wall-clock readings in one zone, giving the same answers as zone.ts's functions
 * while remembering each day's offset. A class, not closures, and small methods: V8 inlines them into the loops that
 * read a date column or work out a million deadlines, and a number passed across a call that is not inlined is
 * boxed (an allocation per date).
 */
export class WallClockConverter {
  /** By wall-clock day: the offset of every reading that day, or NaN when the offset changes near it. */
  private readonly wallOffsets = new Float64Array(CACHED_DAYS).fill(NOT_LOOKED_UP);
  /** By UTC day: the offset of every instant that day, or NaN when it changes during the day. */
  private readonly instantOffsets = new Float64Array(CACHED_DAYS).fill(NOT_LOOKED_UP);
  private readonly otherDays = new Map<number, number>();
  /** Days near a change, by 15-minute bucket of wall-clock readings: wall-clock minus instant. */
  private readonly wallBuckets = new Map<number, number>();
  /** Days with a change, by 15-minute bucket of instants: wall-clock minus instant. */
  private readonly instantBuckets = new Map<number, number>();

  constructor(readonly zone: string) {}

  /** wallClockToInstant(wallMs, zone). */
  toInstant(wallMs: number): Instant {
    const cached = Math.floor(wallMs / DAY) - CACHED_FROM_DAY;
    if (cached >= 0 && cached < CACHED_DAYS) {
      const offsets = this.wallOffsets;
      if (offsets[cached] === NOT_LOOKED_UP) offsets[cached] = this.offsetOfWallDay(cached + CACHED_FROM_DAY);
      const offset = offsets[cached] as number;
      // NaN: the offset changes near this day, so the reading is resolved by its bucket.
      return isKnown(offset) ? wallMs - offset : wallMs - this.wallBucketOffset(wallMs);
    }
    return +this.farToInstant(wallMs);
  }

  /** instantToWallClock(instant, zone). */
  toWallClock(instant: Instant): number {
    const cached = Math.floor(instant / DAY) - CACHED_FROM_DAY;
    if (cached >= 0 && cached < CACHED_DAYS) {
      const offsets = this.instantOffsets;
      if (offsets[cached] === NOT_LOOKED_UP) offsets[cached] = this.offsetOfUtcDay(cached + CACHED_FROM_DAY);
      const offset = offsets[cached] as number;
      return isKnown(offset) ? instant + offset : instant + this.instantBucketOffset(instant);
    }
    return +instantToWallClock(instant, this.zone);
  }

  // Small, so it is inlined and the offset (a small integer) reaches the caller unboxed.
  private wallBucketOffset(wallMs: number): number {
    const bucket = Math.floor(wallMs / BUCKET);
    let offset = this.wallBuckets.get(bucket);
    if (offset === undefined) {
      offset = bucket * BUCKET - wallClockToInstant(bucket * BUCKET, this.zone);
      this.wallBuckets.set(bucket, offset);
    }
    return offset;
  }

  private instantBucketOffset(instant: Instant): number {
    const bucket = Math.floor(instant / BUCKET);
    let offset = this.instantBuckets.get(bucket);
    if (offset === undefined) {
      offset = instantToWallClock(bucket * BUCKET, this.zone) - bucket * BUCKET;
      this.instantBuckets.set(bucket, offset);
    }
    return offset;
  }

  /** A reading outside the days kept in the array. */
  private farToInstant(wallMs: number): Instant {
    const dayIndex = Math.floor(wallMs / DAY);
    let offset = this.otherDays.get(dayIndex);
    if (offset === undefined) {
      offset = this.offsetOfWallDay(dayIndex);
      this.otherDays.set(dayIndex, offset);
    }
    return isKnown(offset) ? wallMs - offset : wallClockToInstant(wallMs, this.zone);
  }

  /** addCalendarDays(instant, days, zone): the same wall-clock time `days` later, whatever DST does between. */
  addCalendarDays(instant: Instant, days: number): Instant {
    return this.toInstant(this.toWallClock(instant) + days * DAY);
  }

  // wallClockToInstant compares the offsets a day either side of the reading; one value for the whole span from the
  // day before to the day after means every reading on this day converts with it.
  private offsetOfWallDay(dayIndex: number): number {
    const dayStart = dayIndex * DAY;
    const before = zoneOffsetMs(this.zone, dayStart - DAY);
    const after = zoneOffsetMs(this.zone, dayStart + 2 * DAY);
    return before === after ? before : Number.NaN;
  }

  // Offsets change at most once a day, so equal offsets at a day's first and last millisecond hold all day.
  private offsetOfUtcDay(dayIndex: number): number {
    const dayStart = dayIndex * DAY;
    const first = zoneOffsetMs(this.zone, dayStart);
    const last = zoneOffsetMs(this.zone, dayStart + DAY - 1);
    return first === last ? first : Number.NaN;
  }
}

const convertersByZone = new Map<string, WallClockConverter>();

/** The converter for `zone`, shared: what it remembers is the same for every sheet and formula. */
export function wallClockConverter(zone: string): WallClockConverter {
  let converter = convertersByZone.get(zone);
  if (!converter) {
    converter = new WallClockConverter(zone);
    convertersByZone.set(zone, converter);
  }
  return converter;
}
