import { serialToWallClock } from "../core/dates/serial";

/**
 * Excel's API has no generally available flag for the 1904 date system (`Workbook.use1904DateSystem` is preview
 * only), yet reading a 1904 workbook as 1900 shifts every date by four years and a day. When the host does not say,
 * the adapter compares a few date cells' serials with the text Excel displays for them: the displayed year tells the
 * systems apart (they differ by four years). No evidence → the 1900 system, Excel's default.
 */
export interface DateSample {
  serial: number;
  text: string;
}

function yearOf(serial: number, date1904: boolean): number | undefined {
  const wall = serialToWallClock(serial, date1904);
  return wall === undefined ? undefined : new Date(wall).getUTCFullYear();
}

function mentions(text: string, year: number): boolean {
  return new RegExp(`(^|\\D)${year}(\\D|$)`).test(text);
}

function mentionsShort(text: string, year: number): boolean {
  const yy = String(year % 100).padStart(2, "0");
  return new RegExp(`(^|\\D)${yy}(\\D|$)`).test(text);
}

/** true / false when the displayed years agree on a system, undefined when they say nothing. */
export function inferDate1904(samples: readonly DateSample[]): boolean | undefined {
  let votes1900 = 0;
  let votes1904 = 0;
  for (const { serial, text } of samples) {
    const y1900 = yearOf(serial, false);
    const y1904 = yearOf(serial, true);
    if (y1900 === undefined || y1904 === undefined || y1900 === y1904) continue;
    const long1900 = mentions(text, y1900);
    const long1904 = mentions(text, y1904);
    if (long1900 !== long1904) {
      if (long1904) votes1904++;
      else votes1900++;
      continue;
    }
    if (long1900 || long1904) continue;
    const short1900 = mentionsShort(text, y1900);
    const short1904 = mentionsShort(text, y1904);
    if (short1904 && !short1900) votes1904++;
    else if (short1900 && !short1904) votes1900++;
  }
  if (votes1900 === votes1904) return undefined;
  return votes1904 > votes1900;
}
