/**
 * Excel date serial numbers <-> wall-clock readings (encoded as if UTC). A serial carries no zone: turning it into
 * an instant needs the sheet's zone (see zone.ts).
 *
 * 1900 system: serial 1 = 1900-01-01 and serial 60 is the fictitious 1900-02-29 that Excel keeps for Lotus 1-2-3
 * compatibility, so serials from 61 on count from 1899-12-30 and serials below 60 from 1899-12-31.
 * 1904 system (old Mac workbooks): serial 0 = 1904-01-01.
 */

const DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
export const FICTITIOUS_LEAP_DAY_SERIAL = 60;
/** Excel's last date, 9999-12-31, in the 1900 system. */
export const MAX_SERIAL_1900 = 2_958_465;
export const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1462;

/** The wall-clock reading of a serial, or undefined for 1900-02-29, negatives and serials past 9999-12-31. */
export function serialToWallClock(serial: number, date1904 = false): number | undefined {
  const wall = serialWallClock(serial, date1904);
  return isKnown(wall) ? wall : undefined;
}

/** serialToWallClock with NaN for "no date". */
export function serialWallClock(serial: number, date1904: boolean): number {
  if (!(serial >= 0)) return Number.NaN; // negatives and NaN; Infinity fails the next test
  if (date1904) {
    if (serial > MAX_SERIAL_1904 + 1) return Number.NaN;
    return Math.round(EPOCH_1904 + serial * DAY);
  }
  if (serial > MAX_SERIAL_1900 + 1) return Number.NaN;
  if (serial >= FICTITIOUS_LEAP_DAY_SERIAL + 1) return Math.round(EPOCH_1900 + serial * DAY);
  if (serial >= FICTITIOUS_LEAP_DAY_SERIAL) return Number.NaN;
  return Math.round(EPOCH_1900_EARLY + serial * DAY);
}

/** The serial Excel shows for a wall-clock reading. */
export function wallClockToSerial(wallMs: number, date1904 = false): number {
  if (date1904) return (wallMs - EPOCH_1904) / DAY;
  const serial = (wallMs - EPOCH_1900) / DAY;
  return serial >= FICTITIOUS_LEAP_DAY_SERIAL + 1 ? serial : (wallMs - EPOCH_1900_EARLY) / DAY;
}
import { isKnown } from "../numbers";
