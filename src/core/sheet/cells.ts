import type { CellError, CellValue } from "../model";

/**
 * Reading single cells as text and numbers. Nothing here changes what the user typed: text is trimmed, never folded,
 * unless it is being read as a number.
 */

const EXCEL_ERROR_TEXTS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#GETTING_DATA",
  "#EXTERNAL!",
  "#PYTHON!",
  "#TIMEOUT!",
]);

const HASH = 0x23;
const FULLWIDTH_HASH = 0xff03;

function isCellError(value: object): value is CellError {
  return typeof (value as Partial<CellError>).error === "string";
}

/** Whitespace as it turns up in pasted cells: ASCII, no-break, ideographic, zero-width and BOM. */
function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x200b ||
    code === 0x202f ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Empty, null, undefined or only whitespace. `false` and 0 are values. */
export function isBlankCell(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && isBlankText(value);
}

/** The Excel error a cell shows ({error:"#N/A"}, or the same as text), or undefined. */
export function excelErrorOf(value: CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    let start = 0;
    while (start < value.length && isSpaceCode(value.charCodeAt(start))) start++;
    const first = value.charCodeAt(start);
    if (first !== HASH && first !== FULLWIDTH_HASH) return undefined;
    const folded = value.normalize("NFKC").trim().toUpperCase();
    return EXCEL_ERROR_TEXTS.has(folded) ? folded : undefined;
  }
  if (typeof value === "object" && !(value instanceof Date) && isCellError(value)) return value.error || "#N/A";
  return undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** A wall-clock Date (UTC fields = what the cell shows) as `2025-06-01 10:00` (seconds when not zero). */
function wallDateText(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return "Invalid Date";
  const seconds = date.getUTCSeconds();
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` +
    (seconds ? `:${pad(seconds)}` : "")
  );
}

/**
 * A cell as text: strings trimmed (otherwise verbatim, formula-like text included), whole numbers without exponent
 * or decimals, TRUE/FALSE, errors as their code, dates as their wall clock.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "string":
      return value.trim();
    case "number":
      return String(value);
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "object":
      if (value instanceof Date) return wallDateText(value);
      return isCellError(value) ? value.error : "";
    default:
      return String(value);
  }
}

/**
 * Text that is exactly a plain decimal number ("12", "-3.5", " 45809.4166 "), or NaN. The fast path for numbers
 * stored as text; anything else (currency, grouping, full-width) goes through parseNumberText.
 */
export function plainNumber(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (start === end) return Number.NaN;
  let i = start;
  const first = text.charCodeAt(i);
  if (first === 0x2d || first === 0x2b) i++;
  let digits = 0;
  let dots = 0;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits++;
    else if (code === 0x2e && dots === 0) dots++;
    else return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
  return Number(start === 0 && end === text.length ? text : text.slice(start, end));
}

const CURRENCY_OR_LETTER = /[\p{L}\p{M}\p{Sc}]/u;

/** Full-width forms as ASCII (the same folding NFKC does for them). */
function foldWidth(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Letters, marks and currency signs that may surround a number ("US $", "€", "元", "руб.", "天", "days"). */
function isWordOrCurrency(code: number): boolean {
  if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return true;
  if (code === 0x24) return true; // $
  if (code < 0x80) return false;
  if (code >= 0x4e00 && code <= 0x9fff) return true; // CJK ideographs
  if (code >= 0x20a0 && code <= 0x20cf) return true; // currency symbols block (€, ₽, ₩, ₹ ...)
  if (code >= 0xffe0 && code <= 0xffe6) return true; // full-width ￠ ￡ ￥ ￦
  if ((code >= 0xa2 && code <= 0xa5) || (code >= 0xc0 && code <= 0x24f) || (code >= 0x370 && code <= 0x52f))
    return true;
  return CURRENCY_OR_LETTER.test(String.fromCharCode(code));
}

const isMinusCode = (code: number): boolean => code === 0x2d || code === 0x2212 || code === 0x2012 || code === 0x2013;
const isSeparatorCode = (code: number): boolean => code === 0x2e || code === 0x2c || code === 0x27;

/** A space between digit groups ("1 234,56"): followed by exactly three digits. */
function isGroupSpace(text: string, at: number): boolean {
  if (!isSpaceCode(text.charCodeAt(at))) return false;
  for (let k = 1; k <= 3; k++) if (!isDigitCode(foldWidth(text.charCodeAt(at + k)))) return false;
  return !isDigitCode(foldWidth(text.charCodeAt(at + 4)));
}

/** Digits of an exactly representable integer part plus fraction; longer numbers go through Number(). */
const MAX_EXACT_DIGITS = 15;

/**
 * Number text as sellers and exports write it: `US $12.50`, `$12.50`, `12,50 €`, `¥88`, `CN￥1,234.00`,
 * `1.234,56 EUR`, `1 234,56`, `(5.00)`, `-$5`, `７天`, `7 days`. Currency signs and words around the number are
 * ignored; the last of `.`/`,` is the decimal mark when both occur, a lone `,` followed by exactly three digits
 * groups thousands, groups after the first have three digits. More than one number, or any other symbol: NaN.
 * Scans character codes without building strings.
 */
export function parseNumberText(text: string): number {
  const fast = plainNumber(text);
  if (!Number.isNaN(fast)) return fast;
  const n = text.length;
  let tokenStart = -1;
  let tokenEnd = -1;
  let negative = false;
  let openParen = false;
  let closeParen = false;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = 0; i < n; i++) {
    const code = foldWidth(text.charCodeAt(i));
    const next = foldWidth(text.charCodeAt(i + 1));
    const startsNumber = isDigitCode(code) || ((code === 0x2e || code === 0x2c) && isDigitCode(next));
    if (startsNumber) {
      if (tokenStart >= 0) return Number.NaN; // a second number
      tokenStart = i;
      let j = i;
      for (; j < n; j++) {
        const c = foldWidth(text.charCodeAt(j));
        if (isDigitCode(c)) continue;
        if (isSeparatorCode(c) && isDigitCode(foldWidth(text.charCodeAt(j + 1)))) {
          if (c === 0x2e) {
            dots++;
            lastDot = j;
          } else if (c === 0x2c) {
            commas++;
            lastComma = j;
          }
          continue;
        }
        if (isGroupSpace(text, j)) continue;
        break;
      }
      tokenEnd = j;
      i = j - 1;
      continue;
    }
    if (isMinusCode(code)) {
      if (tokenStart >= 0) return Number.NaN;
      negative = true;
    } else if (code === 0x28) {
      if (tokenStart >= 0) return Number.NaN;
      openParen = true;
    } else if (code === 0x29) {
      if (tokenStart < 0 || !openParen) return Number.NaN;
      closeParen = true;
    } else if (code === 0x2b || code === 0x2e || code === 0x27) {
      // a plus sign, an abbreviation's dot ("Rs."), a leading quote
    } else if (!isSpaceCode(code) && !isWordOrCurrency(code)) {
      return Number.NaN;
    }
  }
  if (tokenStart < 0 || openParen !== closeParen) return Number.NaN;

  let decimalAt = -1;
  if (dots > 0 && commas > 0) decimalAt = lastDot > lastComma ? lastDot : lastComma;
  else if (commas === 1 && tokenEnd - lastComma - 1 !== 3) decimalAt = lastComma;
  else if (dots === 1) decimalAt = lastDot;

  let integer = 0;
  let fraction = 0;
  let fractionDigits = 0;
  let digits = 0;
  let group = 0; // digits since the last grouping separator
  let grouped = false;
  for (let i = tokenStart; i < tokenEnd; i++) {
    const c = foldWidth(text.charCodeAt(i));
    if (isDigitCode(c)) {
      digits++;
      if (decimalAt >= 0 && i > decimalAt) {
        fraction = fraction * 10 + (c - 0x30);
        fractionDigits++;
      } else {
        integer = integer * 10 + (c - 0x30);
        group++;
      }
      continue;
    }
    if (i === decimalAt) {
      if (grouped && group !== 3) return Number.NaN;
      continue;
    }
    if (decimalAt >= 0 && i > decimalAt) return Number.NaN; // a separator inside the fraction
    if (grouped && group !== 3) return Number.NaN;
    grouped = true;
    group = 0;
  }
  if (grouped && decimalAt < 0 && group !== 3) return Number.NaN;
  if (digits === 0) return Number.NaN;
  // Both integers are exact below MAX_EXACT_DIGITS, so one division rounds correctly, as Number("1234.56") does.
  const scale = 10 ** fractionDigits;
  const value =
    digits <= MAX_EXACT_DIGITS
      ? (integer * scale + fraction) / scale
      : longNumber(text, tokenStart, tokenEnd, decimalAt);
  return negative || openParen ? -value : value;
}

function longNumber(text: string, start: number, end: number, decimalAt: number): number {
  let integer = "";
  let fraction = "";
  for (let i = start; i < end; i++) {
    const c = foldWidth(text.charCodeAt(i));
    if (!isDigitCode(c)) continue;
    if (decimalAt >= 0 && i > decimalAt) fraction += String.fromCharCode(c);
    else integer += String.fromCharCode(c);
  }
  return Number(`${integer || "0"}.${fraction || "0"}`);
}

/** A number cell's value: numbers as they are, text through parseNumberText. */
export const NUMBER_OK = 0;
export const NUMBER_UNPARSEABLE = 1;
export const NUMBER_ERROR = 2;

export function numberProblemOf(value: CellValue): number {
  return excelErrorOf(value) !== undefined ? NUMBER_ERROR : NUMBER_UNPARSEABLE;
}

/** NaN when the cell is blank, an error or not a number (numberProblemOf tells which). */
export function readNumber(value: CellValue): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === "string") {
    const fast = plainNumber(value);
    if (!Number.isNaN(fast)) return fast;
    if (excelErrorOf(value) !== undefined) return Number.NaN;
    return parseNumberText(value);
  }
  return Number.NaN;
}

export function parseNumberCell(value: CellValue): { value?: number; problem?: "UNPARSEABLE_NUMBER" | "EXCEL_ERROR" } {
  if (isBlankCell(value)) return {};
  const number = readNumber(value);
  if (!Number.isNaN(number)) return { value: number };
  return { problem: numberProblemOf(value) === NUMBER_ERROR ? "EXCEL_ERROR" : "UNPARSEABLE_NUMBER" };
}
