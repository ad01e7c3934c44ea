/**
 * RFC 4180 CSV: quoted fields with doubled quotes and embedded line breaks, CRLF/LF/CR line ends, and the delimiter
 * sniffed from the first lines (comma, semicolon as European Excel writes, or tab). Excel's `sep=;` first line is
 * honoured and dropped. Lenient where files are not: a quote inside an unquoted field is kept as text, text after a
 * closing quote is kept. A quoted field that is never closed, or that runs across more than MAX_FIELD_LINE_BREAKS
 * lines or past Excel's MAX_FIELD_CHARS, is taken to be a stray quote: the quote is kept as text, the field ends at
 * the next delimiter or line end like an unquoted one, and the problem is reported with the row it started on, so the
 * rows after it are not swallowed into one cell.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const CANDIDATES = [",", ";", "\t"] as const;
/** More line breaks than this inside one quoted field: an address or a note has a few, not dozens. */
export const MAX_FIELD_LINE_BREAKS = 20;
/** Excel's limit on the characters of one cell. */
export const MAX_FIELD_CHARS = 32_767;

/** A quoted field that did not close where a field plausibly closes. Row and column are 1-based, as the grid's. */
export interface UnclosedQuote {
  row: number;
  column: number;
  /** Why it was not taken as one field. */
  reason: "never-closed" | "too-many-lines" | "too-long";
}

/** Lines looked at to choose the delimiter. */
const SNIFF_LINES = 20;

export type CsvDelimiter = (typeof CANDIDATES)[number] | string;

/** Counts of each candidate delimiter outside quotes, line by line, for the first SNIFF_LINES lines. */
function delimiterCounts(text: string, start: number): number[][] {
  const counts: number[][] = [];
  let line = [0, 0, 0];
  let inQuotes = false;
  for (let i = start; i < text.length && counts.length < SNIFF_LINES; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (code === LF || code === CR) {
      if (code === CR && text.charCodeAt(i + 1) === LF) i++;
      counts.push(line);
      line = [0, 0, 0];
    } else if (code === 0x2c) line[0]++;
    else if (code === 0x3b) line[1]++;
    else if (code === 0x09) line[2]++;
  }
  if (counts.length < SNIFF_LINES && line.some((n) => n > 0)) counts.push(line);
  return counts;
}

/**
 * The candidate the header line uses that the most following lines use the same number of times; on a tie the one
 * used more often in the header. Comma when nothing separates anything.
 */
export function sniffDelimiter(text: string, start = 0): CsvDelimiter {
  const lines = delimiterCounts(text, start).filter((line) => line.some((n) => n > 0));
  if (lines.length === 0) return ",";
  let best = 0;
  let bestAgreeing = -1;
  for (let c = 0; c < CANDIDATES.length; c++) {
    const inHeader = lines[0][c];
    if (inHeader === 0) continue;
    const agreeing = lines.filter((line) => line[c] === inHeader).length;
    if (agreeing > bestAgreeing || (agreeing === bestAgreeing && inHeader > lines[0][best])) {
      best = c;
      bestAgreeing = agreeing;
    }
  }
  return CANDIDATES[best];
}

/**
 * Where a quoted field opening at `from` (just after the quote) closes, or why it is not taken as one field. Looks at
 * no more than MAX_FIELD_CHARS characters, so stray quotes cost little however many there are.
 */
function quotedEnd(input: string, from: number): number | UnclosedQuote["reason"] {
  let lineBreaks = 0;
  const limit = Math.min(input.length, from + MAX_FIELD_CHARS + 1);
  for (let j = from; j < limit; j++) {
    const code = input.charCodeAt(j);
    if (code === QUOTE) {
      if (input.charCodeAt(j + 1) !== QUOTE) return j;
      j++;
    } else if (
      (code === LF || (code === CR && input.charCodeAt(j + 1) !== LF)) &&
      ++lineBreaks > MAX_FIELD_LINE_BREAKS
    ) {
      return "too-many-lines";
    }
  }
  return limit < input.length ? "too-long" : "never-closed";
}

/** Parses `input` into rows of fields; stray quotes are reported into `unclosed` when it is given. */
export function parseCsv(input: string, delimiter?: CsvDelimiter, unclosed?: UnclosedQuote[]): string[][] {
  let start = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const directive = /^sep=(.)\r?\n?/i.exec(input.slice(start, start + 7));
  let separator = delimiter;
  if (directive) {
    separator ??= directive[1];
    start += directive[0].length;
  }
  separator ??= sniffDelimiter(input, start);
  const sep = separator.charCodeAt(0);

  const rows: string[][] = [];
  let row: string[] = [];
  const n = input.length;
  let i = start;
  if (i >= n) return rows;
  for (;;) {
    // One field starts at i.
    let field: string;
    const closes = input.charCodeAt(i) === QUOTE ? quotedEnd(input, i + 1) : -1;
    if (typeof closes === "string") unclosed?.push({ row: rows.length + 1, column: row.length + 1, reason: closes });
    if (typeof closes === "number" && closes >= 0) {
      let text = "";
      let from = i + 1;
      for (;;) {
        const close = input.indexOf('"', from);
        if (close < 0) {
          text += input.slice(from);
          i = n;
          break;
        }
        text += input.slice(from, close);
        if (input.charCodeAt(close + 1) === QUOTE) {
          text += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept.
      let end = i;
      while (end < n) {
        const code = input.charCodeAt(end);
        if (code === sep || code === LF || code === CR) break;
        end++;
      }
      field = end > i ? text + input.slice(i, end) : text;
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const code = input.charCodeAt(end);
        if (code === sep || code === LF || code === CR) break;
        end++;
      }
      field = input.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const code = input.charCodeAt(i);
    if (code === sep) {
      i++;
      if (i >= n) {
        row.push("");
        rows.push(row);
        break;
      }
      continue;
    }
    // A line end.
    i += code === CR && input.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}
