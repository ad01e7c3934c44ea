/**
 * What "no real number" looks like: words a seller types instead of a number, demo numbers copied from carrier
 * documentation, and serials that are all zeros, one repeated digit, or a run like 12345678.
 */

/** Cell contents that say "no number" (compared after normalisation; "-" and similar normalise to ""). */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  "N/A",
  "NA",
  "N.A.",
  "#N/A",
  "NONE",
  "NULL",
  "NIL",
  "TBD",
  "TBA",
  "TBC",
  "PENDING",
  "UNKNOWN",
  "TEST",
  "X",
  "XX",
  "XXX",
  "?",
  "??",
  "???",
  "/",
  "//",
  ".",
  "..",
  "...",
  "0",
  "00",
  "000",
  "无",
  "暂无",
  "没有",
  "无单号",
  "暂无单号",
  "待定",
  "待补",
  "未知",
  "空",
]);

/** The longest placeholder word, so that longer cells skip the set lookup. */
export const LONGEST_PLACEHOLDER_WORD = 8;

export function isPlaceholderWord(normalized: string): boolean {
  return normalized.length <= LONGEST_PLACEHOLDER_WORD && PLACEHOLDER_WORDS.has(normalized);
}

/**
 * Demo numbers from carrier and standards documentation that pass their check digit. Sequential, repeated and
 * all-zero serials are caught by the rules below, so only the others need listing.
 */
const DEMO_NUMBERS: readonly string[] = [
  "RR123456785CN", // UPU S10 examples, everywhere
  "RB123456785GB",
  "RR000000005CN",
  "1Z999AA10123456784", // UPS developer kit samples
  "1Z12345E6605272234",
  "449044304137821", // FedEx web-services sandbox numbers
  "122816215025810",
  "920241085725456",
  "039813852990618",
  "568838414941",
];

/** DEMO_BY_LENGTH[n]: the demo numbers n characters long; comparing a few strings beats hashing every number. */
const DEMO_BY_LENGTH: (readonly string[] | undefined)[] = (() => {
  const table: string[][] = [];
  for (const demo of DEMO_NUMBERS) (table[demo.length] ??= []).push(demo);
  return table;
})();

export function isDemoNumber(normalized: string): boolean {
  const candidates = DEMO_BY_LENGTH[normalized.length];
  if (candidates === undefined) return false;
  for (let i = 0; i < candidates.length; i++) if (candidates[i] === normalized) return true;
  return false;
}

export type SerialPattern = "zeros" | "repeated" | "sequence";

const MIN_REPEATED = 4;
const MIN_SEQUENCE = 6;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Judges the digits of s[from, to) (letters are skipped): all zeros, one digit repeated, or an ascending or
 * descending run (leading zeros aside; ascending may wrap 9→0, as in 1234567890). null when the serial looks real.
 * Real serials are told apart within two or three digits, so this is cheap on the hot path.
 */
export function serialPattern(s: string, from: number, to: number): SerialPattern | null {
  let first = -1;
  let digits = 0;
  let same = true;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigitCode(c)) continue;
    digits++;
    if (first < 0) first = c;
    else if (c !== first) {
      same = false;
      break;
    }
  }
  if (digits === 0) return null;
  if (same) return first === 48 ? "zeros" : digits >= MIN_REPEATED ? "repeated" : null;
  return isSequence(s, from, to) ? "sequence" : null;
}

function isSequence(s: string, from: number, to: number): boolean {
  let length = 0;
  let previous = -1;
  let ascending = true;
  let descending = true;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigitCode(c)) continue;
    const d = c - 48;
    if (length === 0) {
      if (d === 0) continue; // leading zeros
      length = 1;
      previous = d;
      continue;
    }
    if (d !== (previous + 1) % 10) ascending = false;
    if (d !== previous - 1) descending = false;
    if (!ascending && !descending) return false;
    previous = d;
    length++;
  }
  return length >= MIN_SEQUENCE;
}
