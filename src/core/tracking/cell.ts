/**
 * A tracking cell may hold several numbers ("LP001, LP002", one per line, "a; b", "a / b"), a word that means
 * "no number" ("N/A", "无", "-"), or nothing. These functions split and judge such cells.
 */
import { checkTrackingNumber, hasVisibleText } from "./classify";
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

interface Part {
  text: string;
  check: TrackingCheck;
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
function splitOnSpaces(piece: string, whole: TrackingCheck, out: Part[]): void {
  if (whole.formatId === undefined) {
    const tokens = piece.split(WHITESPACE);
    if (tokens.length > 1) {
      const checks = tokens.map(checkTrackingNumber);
      if (checks.every((c) => c.formatId !== undefined)) {
        for (let i = 0; i < tokens.length; i++) out.push({ text: tokens[i], check: checks[i] });
        return;
      }
    }
  }
  out.push({ text: piece, check: whole });
}

function cellParts(cell: unknown): Part[] {
  const text = asText(cell);
  let separated = false;
  let spaced = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSeparator(c)) {
      separated = true;
      break;
    }
    if (isSpace(c)) spaced = true;
  }
  if (!separated) {
    if (!spaced) return hasVisibleText(text) ? [{ text, check: checkTrackingNumber(text) }] : []; // the common case
    const piece = text.trim();
    if (!hasVisibleText(piece)) return [];
    const parts: Part[] = [];
    splitOnSpaces(piece, checkTrackingNumber(piece), parts);
    return parts;
  }
  const trimmed = text.trim();
  if (isPlaceholderTrackingCell(trimmed)) return [{ text: trimmed, check: checkTrackingNumber(trimmed) }];
  const pieces = trimmed.replace(NOT_APPLICABLE, "$1N A").split(SEPARATORS);
  const parts: Part[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (normalizeTrackingNumber(piece).length === 0) continue;
    splitOnSpaces(piece, checkTrackingNumber(piece), parts);
  }
  // Next to real numbers, "N/A" or "无" only says "no further number".
  if (parts.length > 1) {
    const numbers = parts.filter((p) => !isPlaceholderWord(p.check.normalized));
    if (numbers.length > 0) return numbers;
  }
  return parts;
}

/**
 * The numbers in a cell, normalized, in order; empty parts and placeholder words ("N/A", "无", "-") are dropped,
 * so a cell that only says "no number" gives []. Use isPlaceholderTrackingCell to tell such a cell from a blank one.
 */
export function splitTrackingNumbers(cell: string): string[] {
  const out: string[] = [];
  for (const part of cellParts(cell)) {
    const s = part.check.normalized;
    if (s.length > 0 && !isPlaceholderWord(s)) out.push(s);
  }
  return out;
}

/**
 * Every number in a cell, judged ([] for a blank cell). A cell that only says "no number" ("N/A", "-") gives one
 * check with placeholder:true and problem "PLACEHOLDER".
 */
export function checkTrackingCell(cell: string): TrackingCheck[] {
  return cellParts(cell).map((p) => p.check);
}
