import { tzOffset } from "@date-fns/tz";
import {
  addCalendarDays,
  formatInstant,
  formatIsoInZone,
  wallClockToInstant,
  zoneOffsetMs,
} from "../../../src/core/dates/zone";
import { serialToWallClock, wallClockToSerial } from "../../../src/core/dates/serial";

const LA = "America/Los_Angeles";

describe("wall clock in a zone", () => {
  it("reads Pacific standard and daylight time with the right offset", () => {
    expect(new Date(wallClockToInstant(Date.UTC(2025, 0, 15, 10), LA)).toISOString()).toBe("2025-01-15T18:00:00.000Z");
    expect(new Date(wallClockToInstant(Date.UTC(2025, 5, 1, 10), LA)).toISOString()).toBe("2025-06-01T17:00:00.000Z");
  });

  it("resolves a time skipped by spring-forward to the hour after the gap", () => {
    // 2025-03-09 02:30 does not exist in Los Angeles; clocks jump from 02:00 PST to 03:00 PDT.
    const instant = wallClockToInstant(Date.UTC(2025, 2, 9, 2, 30), LA);
    expect(formatInstant(instant, LA)).toBe("2025-03-09 03:30");
  });

  it("resolves a time that happens twice at fall-back to its first occurrence", () => {
    const instant = wallClockToInstant(Date.UTC(2025, 10, 2, 1, 30), LA);
    expect(new Date(instant).toISOString()).toBe("2025-11-02T08:30:00.000Z"); // 01:30 PDT, not PST
  });

  it("adds calendar days across a DST change keeping the wall-clock time", () => {
    const paid = wallClockToInstant(Date.UTC(2025, 2, 5, 10), LA); // PST
    const deadline = addCalendarDays(paid, 7, LA);
    expect(formatIsoInZone(deadline, LA)).toBe("2025-03-12T10:00:00-07:00");
    expect(deadline - paid).toBe(7 * 86_400_000 - 3_600_000); // one hour shorter: the night clocks sprang forward
  });
});

describe("Excel serials", () => {
  it("maps the 1900 system including the fictitious 1900-02-29", () => {
    expect(serialToWallClock(1)).toBe(Date.UTC(1900, 0, 1));
    expect(serialToWallClock(59)).toBe(Date.UTC(1900, 1, 28));
    expect(serialToWallClock(60)).toBeUndefined();
    expect(serialToWallClock(61)).toBe(Date.UTC(1900, 2, 1));
    expect(serialToWallClock(36526)).toBe(Date.UTC(2000, 0, 1));
    expect(serialToWallClock(45809.4166666667)).toBe(Date.UTC(2025, 5, 1, 10));
  });

  it("maps the 1904 system, 1462 days apart", () => {
    expect(serialToWallClock(0, true)).toBe(Date.UTC(1904, 0, 1));
    expect(serialToWallClock(45809 - 1462, true)).toBe(Date.UTC(2025, 5, 1));
    expect(wallClockToSerial(Date.UTC(2025, 5, 1), true)).toBe(45809 - 1462);
  });

  it("round-trips wall clocks to serials", () => {
    for (const wall of [Date.UTC(1900, 0, 1), Date.UTC(1900, 2, 1), Date.UTC(2025, 5, 1, 10, 30)]) {
      expect(serialToWallClock(wallClockToSerial(wall))).toBe(wall);
    }
  });
});

describe("zoneOffsetMs", () => {
  it("agrees with the time-zone database every 15 minutes across both DST changes of a year, in three zones", () => {
    for (const zone of ["America/Los_Angeles", "Europe/Berlin", "Australia/Lord_Howe"]) {
      for (const [from, to] of [
        [Date.UTC(2025, 2, 7), Date.UTC(2025, 3, 8)],
        [Date.UTC(2025, 9, 24), Date.UTC(2025, 10, 4)],
      ]) {
        for (let instant = from; instant < to; instant += 15 * 60_000) {
          expect(zoneOffsetMs(zone, instant)).toBe(tzOffset(zone, new Date(instant)) * 60_000);
        }
      }
    }
  });

  it("still answers outside the years it keeps by day", () => {
    expect(zoneOffsetMs("Asia/Shanghai", Date.UTC(2250, 0, 1))).toBe(8 * 3_600_000);
    expect(zoneOffsetMs("UTC", Date.UTC(1850, 0, 1))).toBe(0);
  });
});
