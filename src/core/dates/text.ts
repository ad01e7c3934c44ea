/**
 * Dates written as text, in the many forms order exports and sellers use:
 *
 *   2025-06-01T10:00:00(.000)(Z|+08:00|+0800)   2025-06-01 10:00:00   2025/06/01 10:00   2025/6/1 10:00:00
 *   2025.06.01   01.06.2025 10:00   2025年6月1日 10:00   2025年6月1日 10时00分(00秒)   2025年6月1日 下午3:00
 *   20250601100000000-0700 (the open API's yyyyMMddHHmmssSSS±zzzz)   20250601   20250601100000
 *   06/01/2025 10:00 AM   25/06/2025   06-01-2025   Jun 1, 2025 10:00   June 1st 2025   1 Jun 2025   01-Jun-25
 *   Sun Jun 01 2025 10:00:00 GMT+0800 (China Standard Time)
 *
 * Full-width digits and punctuation are read as their ASCII forms. A text carrying its own offset (Z, ±hh:mm, GMT+8)
 * is an instant; any other text is a wall-clock reading (encoded as if UTC) that only the sheet's zone turns into an
 * instant. A date without a time is midnight.
 *
 * Day/month order for `a/b/yyyy` and `a-b-yyyy`: a part above 12 settles it (25/06/2025 is 25 June, 06/25/2025 is
 * June 25); when both parts are 12 or less the caller's order decides (US month-first by default, the platform's own
 * convention) and the scan reports the reading as ambiguous so a sheet reader can settle it from the other dates in
 * the sheet. `a.b.yyyy` is day-first (the European dotted form) unless its second part is above 12.
 *
 * The scanner keeps its tokens in preallocated typed arrays and writes its answer into a caller-owned object, so the
 * per-cell path allocates nothing except for month and weekday names.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Longest offset any zone has used (Pacific/Kiritimati is +14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
/** A two-digit year next to a month name means 20yy. */
const TWO_DIGIT_YEAR_BASE = 2000;

export type DayMonthOrder = "mdy" | "dmy";

/** What the last scan found. */
export const TEXT_DATE_NONE = 0;
export const TEXT_DATE_WALL = 1;
export const TEXT_DATE_INSTANT = 2;

/** What a slashed or dashed year-last date says about the sheet's day/month order. */
export const ORDER_EVIDENCE_NONE = 0;
/** The first part is above 12: day-first. */
export const ORDER_EVIDENCE_DAY_FIRST = 1;
/** The second part is above 12: month-first. */
export const ORDER_EVIDENCE_MONTH_FIRST = 2;
/** Both parts are 12 or less and differ: the reading depends on the order. */
export const ORDER_EVIDENCE_EITHER = 3;

export interface TextDateScan {
  /** TEXT_DATE_NONE (not a date), TEXT_DATE_WALL or TEXT_DATE_INSTANT. */
  kind: number;
  /** Wall-clock ms (encoded as if UTC) or the instant, by `kind`. */
  ms: number;
  /** One of the ORDER_EVIDENCE_* values. */
  evidence: number;
  /** With ORDER_EVIDENCE_EITHER: the reading under the other day/month order (same kind), or NaN if that is no date. */
  swappedMs: number;
}

export function newTextDateScan(): TextDateScan {
  return { kind: TEXT_DATE_NONE, ms: Number.NaN, evidence: ORDER_EVIDENCE_NONE, swappedMs: Number.NaN };
}

/**
 * Reads `text` as a date. Returns `{ instant }` when the text carries its own UTC offset, `{ wallMs }` (a wall-clock
 * reading encoded as if UTC) otherwise, and undefined when the text is not a date this parser knows.
 * `order` decides `a/b/yyyy` when both parts are 12 or less (default "mdy").
 */
export function parseDateText(
  text: string,
  order: DayMonthOrder = "mdy",
): { wallMs: number } | { instant: number } | undefined {
  const scan = newTextDateScan();
  scanDateText(text, order, scan);
  if (scan.kind === TEXT_DATE_WALL) return { wallMs: scan.ms };
  if (scan.kind === TEXT_DATE_INSTANT) return { instant: scan.ms };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

const T_NUM = 1;
const T_SEP = 2; // value: the separator's char code; spaces merge into a neighbouring separator
const T_MONTH = 3; // value 1..12
const T_AMPM = 4; // value AM or PM
const T_ZULU = 5; // Z, UTC, GMT
const T_MARK = 6; // value: one of the MARK_* Chinese date/time markers

const AM = 1;
const PM = 2;
const NOON = 3; // 中午: 12 and 1 o'clock belong to the afternoon

const MARK_YEAR = 1; // 年
const MARK_MONTH = 2; // 月
const MARK_DAY = 3; // 日 号
const MARK_HOUR = 4; // 时 時 点 點
const MARK_MINUTE = 5; // 分
const MARK_SECOND = 6; // 秒

const SPACE = 0x20;
const DASH = 0x2d;
const SLASH = 0x2f;
const DOT = 0x2e;
const COLON = 0x3a;
const COMMA = 0x2c;
const PLUS = 0x2b;

const MAX_TOKENS = 32;
const tokType = new Uint8Array(MAX_TOKENS);
const tokValue = new Float64Array(MAX_TOKENS);
const tokLen = new Uint8Array(MAX_TOKENS);
const tokStart = new Uint16Array(MAX_TOKENS);
let tokCount = 0;
let source = "";

/** ASCII form of full-width forms and the ideographic space; other whitespace becomes a plain space. */
function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000 || code === 0xa0 || code === 0x09 || code === 0x0a || code === 0x0d) return SPACE;
  return code;
}

const WORD_IGNORED = -1;
const WORD_SPACE = -2;
const wordMeaning = new Map<number, number>(); // word key -> token type * 100 + value, or WORD_IGNORED / WORD_SPACE

/** A number for a lowercase ASCII word of up to 10 letters (base 27), computed without building the string. */
function wordKeyOf(text: string): number {
  let key = 0;
  for (let i = 0; i < text.length; i++) key = key * 27 + (text.charCodeAt(i) - 0x60);
  return key;
}

(function buildWordTable(): void {
  const months = [
    ["jan", "january"],
    ["feb", "february"],
    ["mar", "march"],
    ["apr", "april"],
    ["may"],
    ["jun", "june"],
    ["jul", "july"],
    ["aug", "august"],
    ["sep", "sept", "september"],
    ["oct", "october"],
    ["nov", "november"],
    ["dec", "december"],
  ];
  months.forEach((names, index) =>
    names.forEach((name) => wordMeaning.set(wordKeyOf(name), T_MONTH * 100 + index + 1)),
  );
  wordMeaning.set(wordKeyOf("am"), T_AMPM * 100 + AM);
  wordMeaning.set(wordKeyOf("pm"), T_AMPM * 100 + PM);
  for (const zulu of ["z", "utc", "gmt"]) wordMeaning.set(wordKeyOf(zulu), T_ZULU * 100);
  for (const space of ["t", "at"]) wordMeaning.set(wordKeyOf(space), WORD_SPACE);
  const ignored = [
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "st",
    "nd",
    "rd",
    "th",
    "of",
  ];
  for (const word of ignored) wordMeaning.set(wordKeyOf(word), WORD_IGNORED);
})();

const MAX_WORD_LETTERS = 10;

function pushToken(type: number, value: number, len: number, start: number): boolean {
  if (tokCount >= MAX_TOKENS) return false;
  tokType[tokCount] = type;
  tokValue[tokCount] = value;
  tokLen[tokCount] = len;
  tokStart[tokCount] = start;
  tokCount++;
  return true;
}

/** Adds a separator; spaces merge with the separator next to them. */
function pushSeparator(code: number, start: number): boolean {
  const last = tokCount - 1;
  if (last >= 0 && tokType[last] === T_SEP) {
    if (code === SPACE) return true;
    if (tokValue[last] === SPACE) {
      tokValue[last] = code;
      return true;
    }
    return false; // two real separators in a row ("2025--06")
  }
  if ((code === SPACE || code === COMMA) && tokCount === 0) return true; // after a weekday: "Sun, Jun 1 2025"
  return pushToken(T_SEP, code, 1, start);
}

function markOf(code: number): number {
  switch (code) {
    case 0x5e74:
      return MARK_YEAR; // 年
    case 0x6708:
      return MARK_MONTH; // 月
    case 0x65e5: // 日
    case 0x53f7:
      return MARK_DAY; // 号
    case 0x65f6: // 时
    case 0x6642: // 時
    case 0x70b9: // 点
    case 0x9ede:
      return MARK_HOUR; // 點
    case 0x5206:
      return MARK_MINUTE; // 分
    case 0x79d2:
      return MARK_SECOND; // 秒
    default:
      return 0;
  }
}

/** 上午 / 下午 / 晚上 / 中午 / 凌晨 / 早上 as AM, PM or NOON; 0 if the two characters are none of them. */
function chineseHalfDay(first: number, second: number): number {
  if (second === 0x5348) {
    if (first === 0x4e0a) return AM; // 上午
    if (first === 0x4e0b) return PM; // 下午
    if (first === 0x4e2d) return NOON; // 中午
    return 0;
  }
  if (first === 0x665a && second === 0x4e0a) return PM; // 晚上
  if (first === 0x65e9 && second === 0x4e0a) return AM; // 早上
  if (first === 0x51cc && second === 0x6668) return AM; // 凌晨
  return 0;
}

function tokenize(text: string): boolean {
  tokCount = 0;
  source = text;
  const n = text.length;
  if (n > 200) return false;
  let i = 0;
  while (i < n) {
    const code = foldCode(text.charCodeAt(i));
    if (code >= 0x30 && code <= 0x39) {
      const start = i;
      let value = 0;
      let len = 0;
      while (i < n) {
        const d = foldCode(text.charCodeAt(i)) - 0x30;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
        len++;
        i++;
      }
      if (len > 20) return false;
      // Two numbers in a row with nothing between them are not a date ("2025 06" has a space token between).
      if (tokCount > 0 && tokType[tokCount - 1] === T_NUM) return false;
      if (!pushToken(T_NUM, value, len, start)) return false;
      continue;
    }
    const lower = code | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) {
      let key = 0;
      let len = 0;
      while (i < n) {
        const letter = foldCode(text.charCodeAt(i)) | 0x20;
        if (letter < 0x61 || letter > 0x7a) break;
        if (len < MAX_WORD_LETTERS) key = key * 27 + (letter - 0x60);
        len++;
        i++;
      }
      if (len > MAX_WORD_LETTERS) return false;
      const meaning = wordMeaning.get(key);
      if (meaning === undefined) return false;
      if (meaning === WORD_IGNORED) continue;
      if (meaning === WORD_SPACE) {
        if (!pushSeparator(SPACE, i - len)) return false;
        continue;
      }
      if (!pushToken(Math.floor(meaning / 100), meaning % 100, len, i - len)) return false;
      continue;
    }
    if (
      code === SPACE ||
      code === DASH ||
      code === SLASH ||
      code === DOT ||
      code === COLON ||
      code === COMMA ||
      code === PLUS
    ) {
      if (!pushSeparator(code, i)) return false;
      i++;
      continue;
    }
    if (code === 0x28 /* ( */) {
      // A trailing comment such as "(China Standard Time)" after a complete date-time.
      break;
    }
    const mark = markOf(code);
    if (mark) {
      // A marker replaces the separator: drop a pending space before it.
      if (tokCount > 0 && tokType[tokCount - 1] === T_SEP && tokValue[tokCount - 1] === SPACE) tokCount--;
      if (!pushToken(T_MARK, mark, 1, i)) return false;
      i++;
      continue;
    }
    if (i + 1 < n) {
      const half = chineseHalfDay(code, text.charCodeAt(i + 1));
      if (half) {
        if (!pushToken(T_AMPM, half, 2, i)) return false;
        i += 2;
        continue;
      }
    }
    return false;
  }
  // A trailing separator ("2025-06-01 ") is not part of the date.
  if (tokCount > 0 && tokType[tokCount - 1] === T_SEP && tokValue[tokCount - 1] === SPACE) tokCount--;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing the tokens

let pos = 0;
let year = 0;
let month = 0;
let day = 0;
let hour = 0;
let minute = 0;
let second = 0;
let millis = 0;
let halfDay = 0;
let hasOffset = false;
let offsetMinutes = 0;
/** For ambiguous a/b/yyyy: the other reading's month and day. */
let swappedMonth = 0;
let swappedDay = 0;
let evidence = ORDER_EVIDENCE_NONE;

const isNum = (p: number): boolean => p < tokCount && tokType[p] === T_NUM;
const isSep = (p: number, code: number): boolean => p < tokCount && tokType[p] === T_SEP && tokValue[p] === code;
const isType = (p: number, type: number): boolean => p < tokCount && tokType[p] === type;
const isMark = (p: number, mark: number): boolean => p < tokCount && tokType[p] === T_MARK && tokValue[p] === mark;
const numOf = (p: number, minLen: number, maxLen: number): boolean =>
  isNum(p) && tokLen[p] >= minLen && tokLen[p] <= maxLen;

/** `count` digits of the source starting at `start`, as a number (for long digit runs the token value is imprecise). */
function digitsAt(start: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) value = value * 10 + (foldCode(source.charCodeAt(start + i)) - 0x30);
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** yyyyMMdd[HHmm[ss[SSS]]] as one run of digits, optionally followed by ±hhmm. */
function parseCompact(): boolean {
  const len = tokLen[0];
  if (len !== 8 && len !== 12 && len !== 14 && len !== 17) return false;
  const start = tokStart[0];
  year = digitsAt(start, 4);
  month = digitsAt(start + 4, 2);
  day = digitsAt(start + 6, 2);
  if (len >= 12) {
    hour = digitsAt(start + 8, 2);
    minute = digitsAt(start + 10, 2);
  }
  if (len >= 14) second = digitsAt(start + 12, 2);
  if (len === 17) millis = digitsAt(start + 14, 3);
  pos = 1;
  if (len >= 12) parseOffset();
  return true;
}

function parseYearFirst(): boolean {
  // yyyy-m-d, yyyy/m/d, yyyy.m.d, yyyy年m月d日, yyyy-Jun-01
  year = tokValue[0];
  let p = 1;
  let separator = 0;
  if (isMark(p, MARK_YEAR)) separator = -1;
  else if (isSep(p, DASH) || isSep(p, SLASH) || isSep(p, DOT) || isSep(p, SPACE)) separator = tokValue[p];
  else return false;
  p++;
  if (numOf(p, 1, 2)) month = tokValue[p];
  else if (isType(p, T_MONTH) && separator !== -1) month = tokValue[p];
  else return false;
  p++;
  if (separator === -1) {
    if (!isMark(p, MARK_MONTH)) return false;
  } else if (!isSep(p, separator)) return false;
  p++;
  if (!numOf(p, 1, 2)) return false;
  day = tokValue[p];
  p++;
  if (isMark(p, MARK_DAY)) p++;
  pos = p;
  return true;
}

/** a/b/yyyy, a-b-yyyy, a.b.yyyy with the day/month rule in the file comment. */
function parseYearLast(order: DayMonthOrder): boolean {
  const separator = tokValue[1];
  if (separator !== SLASH && separator !== DASH && separator !== DOT) return false;
  if (!numOf(2, 1, 2) || !isSep(3, separator) || !numOf(4, 4, 4)) return false;
  const first = tokValue[0];
  const secondPart = tokValue[2];
  year = tokValue[4];
  pos = 5;
  const dotted = separator === DOT;
  let dayFirst: boolean;
  if (first > 12 && secondPart > 12) return false;
  if (first > 12) {
    dayFirst = true;
    if (!dotted) evidence = ORDER_EVIDENCE_DAY_FIRST;
  } else if (secondPart > 12) {
    dayFirst = false;
    if (!dotted) evidence = ORDER_EVIDENCE_MONTH_FIRST;
  } else {
    dayFirst = dotted || order === "dmy";
    if (!dotted && first !== secondPart) evidence = ORDER_EVIDENCE_EITHER;
  }
  day = dayFirst ? first : secondPart;
  month = dayFirst ? secondPart : first;
  swappedDay = month;
  swappedMonth = day;
  return true;
}

function yearAfterMonthName(p: number): boolean {
  if (numOf(p, 4, 4)) year = tokValue[p];
  else if (numOf(p, 2, 2)) year = TWO_DIGIT_YEAR_BASE + tokValue[p];
  else return false;
  return true;
}

/** 1 Jun 2025, 1-Jun-2025, 01-Jun-25, 1. Jun. 2025 */
function parseDayMonthName(): boolean {
  day = tokValue[0];
  let p = 1;
  if (isSep(p, SPACE) || isSep(p, DASH) || isSep(p, DOT)) p++;
  if (!isType(p, T_MONTH)) return false;
  month = tokValue[p];
  p++;
  if (isSep(p, SPACE) || isSep(p, DASH) || isSep(p, DOT) || isSep(p, COMMA)) p++;
  else return false;
  if (!yearAfterMonthName(p)) return false;
  pos = p + 1;
  return true;
}

/** Jun 1, 2025 · June 1st 2025 · Sun Jun 01 2025 */
function parseMonthNameFirst(): boolean {
  month = tokValue[0];
  let p = 1;
  if (isSep(p, SPACE) || isSep(p, DOT) || isSep(p, DASH)) p++;
  else return false;
  if (!numOf(p, 1, 2)) return false;
  day = tokValue[p];
  p++;
  if (isSep(p, SPACE) || isSep(p, COMMA) || isSep(p, DASH)) p++;
  else return false;
  if (!yearAfterMonthName(p)) return false;
  pos = p + 1;
  return true;
}

function parseHalfDay(): void {
  if (isType(pos, T_AMPM)) {
    halfDay = tokValue[pos];
    pos++;
  } else if (isSep(pos, SPACE) && isType(pos + 1, T_AMPM)) {
    halfDay = tokValue[pos + 1];
    pos += 2;
  }
}

/** Optional time after the date: [sep] [上午] h:mm[:ss[.fff]] [AM|PM] [Z|±hh:mm], or h时mm分[ss秒]. */
function parseTime(): boolean {
  if (pos >= tokCount) return true;
  const afterMark = pos > 0 && tokType[pos - 1] === T_MARK;
  if (isSep(pos, SPACE) || isSep(pos, COMMA)) pos++;
  else if (!afterMark && !isType(pos, T_AMPM)) return false;
  parseHalfDay();
  if (!numOf(pos, 1, 2)) return false;
  hour = tokValue[pos];
  pos++;
  if (isMark(pos, MARK_HOUR)) {
    pos++;
    if (numOf(pos, 1, 2) && isMark(pos + 1, MARK_MINUTE)) {
      minute = tokValue[pos];
      pos += 2;
      if (numOf(pos, 1, 2) && isMark(pos + 1, MARK_SECOND)) {
        second = tokValue[pos];
        pos += 2;
      }
    } else if (numOf(pos, 1, 2) && pos + 1 === tokCount) {
      minute = tokValue[pos]; // 10点30
      pos++;
    } else if (isNum(pos)) return false;
  } else if (isSep(pos, COLON) && numOf(pos + 1, 2, 2)) {
    minute = tokValue[pos + 1];
    pos += 2;
    if (isSep(pos, COLON) && numOf(pos + 1, 2, 2)) {
      second = tokValue[pos + 1];
      pos += 2;
      if (isSep(pos, DOT) && numOf(pos + 1, 1, 9)) {
        const len = tokLen[pos + 1];
        millis = len >= 3 ? digitsAt(tokStart[pos + 1], 3) : tokValue[pos + 1] * (len === 1 ? 100 : 10);
        pos += 2;
      }
    }
  } else {
    // An hour alone needs AM/PM ("3 PM") to be a time.
    if (halfDay === 0 && !(isSep(pos, SPACE) && isType(pos + 1, T_AMPM)) && !isType(pos, T_AMPM)) return false;
  }
  if (halfDay === 0) parseHalfDay();
  if (halfDay !== 0) {
    if (hour < 1 || hour > 12) return false;
    if (halfDay === AM && hour === 12) hour = 0;
    else if (halfDay === PM && hour !== 12) hour += 12;
    else if (halfDay === NOON && hour < 11) hour += 12;
  }
  parseOffset();
  return true;
}

/** [space] Z | UTC | GMT | ±hh:mm | ±hhmm | ±h, combinable as GMT+0800. */
function parseOffset(): void {
  const start = pos;
  let p = pos;
  if (isSep(p, SPACE)) p++;
  let zulu = false;
  if (isType(p, T_ZULU)) {
    zulu = true;
    p++;
  }
  if ((isSep(p, PLUS) || isSep(p, DASH)) && isNum(p + 1)) {
    const sign = tokValue[p] === DASH ? -1 : 1;
    const len = tokLen[p + 1];
    let minutes: number;
    let next = p + 2;
    if (len === 4) minutes = Math.floor(tokValue[p + 1] / 100) * 60 + (tokValue[p + 1] % 100);
    else if (len <= 2) {
      minutes = tokValue[p + 1] * 60;
      if (isSep(next, COLON) && numOf(next + 1, 2, 2)) {
        minutes += tokValue[next + 1];
        next += 2;
      }
    } else {
      pos = start;
      return;
    }
    hasOffset = true;
    offsetMinutes = sign * minutes;
    pos = next;
    return;
  }
  if (zulu) {
    hasOffset = true;
    offsetMinutes = 0;
    pos = p;
    return;
  }
  pos = start;
}

function resetFields(): void {
  pos = 0;
  year = month = day = hour = minute = second = millis = 0;
  halfDay = 0;
  hasOffset = false;
  offsetMinutes = 0;
  swappedMonth = swappedDay = 0;
  evidence = ORDER_EVIDENCE_NONE;
}

function fail(out: TextDateScan): void {
  out.kind = TEXT_DATE_NONE;
  out.ms = Number.NaN;
  out.evidence = ORDER_EVIDENCE_NONE;
  out.swappedMs = Number.NaN;
}

/**
 * Scans `text` into `out` without allocating (beyond names of months and weekdays). `order` decides `a/b/yyyy` when
 * both parts are 12 or less; `out.evidence` tells the caller what the text said about the order.
 */
export function scanDateText(text: string, order: DayMonthOrder, out: TextDateScan): void {
  resetFields();
  if (!tokenize(text) || tokCount === 0 || tokType[0] === T_SEP) return fail(out);
  let dateRead: boolean;
  if (tokType[0] === T_NUM) {
    const len = tokLen[0];
    if (len > 4) dateRead = parseCompact();
    else if (len === 4) dateRead = parseYearFirst();
    else if (isType(1, T_SEP) && isNum(2)) dateRead = parseYearLast(order);
    else dateRead = parseDayMonthName();
  } else if (tokType[0] === T_MONTH) {
    dateRead = parseMonthNameFirst();
  } else return fail(out);
  if (!dateRead || !validDate(year, month, day)) return fail(out);
  if (tokLen[0] <= 4 && !parseTime()) return fail(out);
  if (pos !== tokCount) return fail(out);
  if (hour > 23 || minute > 59 || second > 59) return fail(out);
  if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return fail(out);

  const timeOfDay = hour * HOUR + minute * MINUTE + second * 1000 + millis;
  const shift = hasOffset ? offsetMinutes * MINUTE : 0;
  out.kind = hasOffset ? TEXT_DATE_INSTANT : TEXT_DATE_WALL;
  out.ms = Date.UTC(year, month - 1, day) + timeOfDay - shift;
  out.evidence = evidence;
  out.swappedMs =
    evidence === ORDER_EVIDENCE_EITHER && validDate(year, swappedMonth, swappedDay)
      ? Date.UTC(year, swappedMonth - 1, swappedDay) + timeOfDay - shift
      : Number.NaN;
}
