/**
 * A tracking cell may hold several numbers ("LP001, LP002", one per line, "a; b", "a / b"), a word that means
 * "no number" ("N/A", "无", "-"), or nothing. These functions split and judge such cells.
 */
import { checkTrackingNumber, hasVisibleText, judgeByFormats, plainS10, type TrackingVerdict } from "./classify";
import { checkIssuer } from "./issuer";
import { normalizeTrackingNumber } from "./normalize";
import { isPlaceholderWord } from "./placeholders";
import type { TrackingCheck } from "./types";

/** Characters that separate numbers inside one cell (full-width forms included). */
const SEPARATORS = /[\n\r\t\v\f,;|/\u2028\u2029\uff0c\uff1b\uff5c\uff0f\u3001]+/;
/** "N/A" must survive splitting on "/". */
const NOT_APPLICABLE =
  /(^|[^A-Za-z\uff21-\uff3a\uff41-\uff5a])[Nn\uff2e\uff4e]\s*[/\uff0f]\s*[Aa\uff21\uff41](?![A-Za-z\uff21-\uff3a\uff41-\uff5a])/g;
const WHITESPACE = /\s+/;
const ALL_ZEROS = /^0+$/;

function asText(cell: unknown): string {
  return typeof cell === "string" ? cell : cell === null || cell === undefined ? "" : String(cell);
}

/** A cell whose whole content says "no number": "N/A", "无", "暂无", "-", "none", "null", "TBD", "000"… (false for a blank cell). */
export function isPlaceholderTrackingCell(cell: string): boolean {
  const text = asText(cell);
  const s = normalizeTrackingNumber(text);
  if (s.length === 0) return hasVisibleText(text);
  return isPlaceholderWord(s) || ALL_ZEROS.test(s);
}

function isSeparator(c: number): boolean {
  switch (c) {
    case 10: // \n
    case 13: // \r
    case 9: // tab
    case 11:
    case 12:
    case 44: // ,
    case 59: // ;
    case 124: // |
    case 47: // /
    case 0x2028:
    case 0x2029:
    case 0xff0c: // ，
    case 0xff1b: // ；
    case 0xff5c: // ｜
    case 0xff0f: // ／
    case 0x3001: // 、
      return true;
  }
  return false;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** A piece with inner spaces is one spaced-out number, unless it reads as several recognisable numbers. */
function splitOnSpaces(piece: string, whole: TrackingCheck, out: TrackingCheck[]): void {
  if (whole.formatId === undefined) {
    const tokens = piece.split(WHITESPACE);
    if (tokens.length > 1) {
      const checks = tokens.map(checkTrackingNumber);
      if (checks.every((c) => c.formatId !== undefined)) {
        for (const check of checks) out.push(check);
        return;
      }
    }
  }
  out.push(whole);
}

/** Letters, digits and the punctuation of one number: neither a separator nor a space. */
function isPlainAscii(c: number): boolean {
  return c > 32 && c < 127 && c !== 44 && c !== 47 && c !== 59 && c !== 124;
}

/** How many leading characters need no splitting; the whole length for a cell holding one plain number. */
function plainPrefix(text: string): number {
  let i = 0;
  while (i < text.length && isPlainAscii(text.charCodeAt(i))) i++;
  return i;
}

function cellChecks(cell: unknown): TrackingCheck[] {
  const text = asText(cell);
  const n = text.length;
  let i = plainPrefix(text);
  if (i === n) return n === 0 ? [] : [checkTrackingNumber(text)]; // the common case: one number, nothing around it
  let separated = false;
  let spaced = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSeparator(c)) {
      separated = true;
      break;
    }
    if (isSpace(c)) spaced = true;
  }
  if (!separated) {
    if (!spaced) return hasVisibleText(text) ? [checkTrackingNumber(text)] : [];
    const piece = text.trim();
    if (!hasVisibleText(piece)) return [];
    const checks: TrackingCheck[] = [];
    splitOnSpaces(piece, checkTrackingNumber(piece), checks);
    return checks;
  }
  const trimmed = text.trim();
  if (isPlaceholderTrackingCell(trimmed)) return [checkTrackingNumber(trimmed)];
  const pieces = trimmed.replace(NOT_APPLICABLE, "$1N A").split(SEPARATORS);
  const checks: TrackingCheck[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (normalizeTrackingNumber(piece).length === 0) continue;
    splitOnSpaces(piece, checkTrackingNumber(piece), checks);
  }
  // Next to real numbers, "N/A" or "无" only says "no further number".
  if (checks.length > 1) {
    const numbers = checks.filter((check) => !isPlaceholderWord(check.normalized));
    if (numbers.length > 0) return numbers;
  }
  return checks;
}

/**
 * The numbers in a cell, normalized, in order; empty parts and placeholder words ("N/A", "无", "-") are dropped,
 * so a cell that only says "no number" gives []. Use isPlaceholderTrackingCell to tell such a cell from a blank one.
 */
export function splitTrackingNumbers(cell: string): string[] {
  const out: string[] = [];
  for (const check of cellChecks(cell)) {
    const s = check.normalized;
    if (s.length > 0 && !isPlaceholderWord(s)) out.push(s);
  }
  return out;
}

/**
 * Every number in a cell, judged ([] for a blank cell). A cell that only says "no number" ("N/A", "-") gives one
 * check with placeholder:true and problem "PLACEHOLDER".
 */
export function checkTrackingCell(cell: string): TrackingCheck[] {
  return cellChecks(cell);
}

/** What the scan needs from a whole tracking cell: `TrackingCellVerdict` is filled in place, once per order. */
export interface TrackingCellVerdict {
  /** Every number in the cell is valid (true for a cell with no number). */
  valid: boolean;
  /** The carrier of the first number that has one. */
  carrier: string | undefined;
  /** The normalised numbers that are not placeholders (the first `count` entries): what another order could share. */
  numbers: string[];
  /** Who issued each of `numbers` (`issuerOf`; undefined when no format recognises it), for the carrier checks. */
  issuers: Array<string | undefined>;
  count: number;
}

export function newTrackingCellVerdict(): TrackingCellVerdict {
  return { valid: true, carrier: undefined, numbers: [], issuers: [], count: 0 };
}

function note(verdict: TrackingCellVerdict, number: TrackingVerdict | TrackingCheck): void {
  if (!number.valid) verdict.valid = false;
  if (verdict.carrier === undefined && number.carrier) verdict.carrier = number.carrier;
  if (number.placeholder || !number.normalized) return;
  verdict.numbers[verdict.count] = number.normalized;
  verdict.issuers[verdict.count++] = "issuer" in number ? number.issuer : checkIssuer(number);
}

/**
 * The verdicts of cells that hold no number ("N/A", "无", "-", "暂无单号") by their text. A sheet repeats the same
 * few, and judging one the long way builds its checks (about 500 bytes a cell). Bounded in count and key length,
 * so a sheet of distinct junk neither grows it nor keeps its text alive.
 */
const numberlessCells = new Map<string, { valid: boolean; carrier: string | undefined }>();
const NUMBERLESS_CELLS_KEPT = 1024;
const NUMBERLESS_CELL_LONGEST = 32;

/**
 * Judges a cell the way `checkTrackingCell` does, into `verdict`: a cell holding one plain number (nearly every
 * cell) is judged without building its TrackingCheck; others go through `checkTrackingCell`.
 */
export function judgeTrackingCell(cell: string, verdict: TrackingCellVerdict): TrackingCellVerdict {
  verdict.valid = true;
  verdict.carrier = undefined;
  verdict.count = 0; // the array is reused: emptying it would free its storage on every cell
  const plain = plainS10(cell);
  if (plain !== undefined) {
    if (!plain.valid) verdict.valid = false;
    verdict.carrier = plain.carrier || undefined;
    if (!plain.placeholder) {
      verdict.numbers[verdict.count] = cell;
      verdict.issuers[verdict.count++] = plain.issuer;
    }
    return verdict;
  }
  const n = cell.length;
  if (plainPrefix(cell) === n) {
    if (n > 0) note(verdict, judgeByFormats(cell));
    return verdict;
  }
  const known = n <= NUMBERLESS_CELL_LONGEST ? numberlessCells.get(cell) : undefined;
  if (known !== undefined) {
    verdict.valid = known.valid;
    verdict.carrier = known.carrier;
    return verdict;
  }
  for (const check of cellChecks(cell)) note(verdict, check);
  if (verdict.count === 0 && n <= NUMBERLESS_CELL_LONGEST && numberlessCells.size < NUMBERLESS_CELLS_KEPT) {
    numberlessCells.set(cell, { valid: verdict.valid, carrier: verdict.carrier });
  }
  return verdict;
}
