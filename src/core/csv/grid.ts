import type { Diagnostic, SheetGrid } from "../model";
import { decodeText } from "./decode";
import { undecodableBytes, unclosedQuote } from "./diagnostics";
import { parseCsv, type UnclosedQuote } from "./parse";

/**
 * `="8012345678901234"`: the way ERPs write ids into CSV so Excel keeps them as text. Excel shows the quoted text,
 * so that is the cell's value.
 */
const EXCEL_TEXT_FORMULA = /^="(.*)"$/s;

function unwrapTextFormula(cell: string): string {
  const match = EXCEL_TEXT_FORMULA.exec(cell);
  return match && !match[1].includes('"') ? match[1] : cell;
}

/**
 * A CSV file as a grid of text cells (dates and numbers are read by the sheet reader's text parsers), with the
 * problems of the file itself: cells holding bytes that are not UTF-8, quotes that never close.
 */
export function csvToGrid(
  name: string,
  bytes: Uint8Array,
): SheetGrid & { encoding: string; diagnostics: Diagnostic[] } {
  const { text, encoding, undecodable } = decodeText(bytes);
  const unclosed: UnclosedQuote[] = [];
  const rows = parseCsv(text, undefined, unclosed);
  const diagnostics: Diagnostic[] = [];
  for (const problem of unclosed)
    diagnostics.push(unclosedQuote(name, problem, rows[problem.row - 1]?.[problem.column - 1] ?? ""));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let damaged = -1;
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell.charCodeAt(0) === 0x3d /* = */ && cell.charCodeAt(1) === 0x22) row[j] = unwrapTextFormula(cell);
      if (undecodable && damaged < 0 && cell.includes("\uFFFD")) damaged = j;
    }
    // One per row: the seller needs the row, not every damaged byte.
    if (damaged >= 0) diagnostics.push(undecodableBytes(name, r + 1, damaged + 1, row[damaged]));
  }
  diagnostics.sort((a, b) => a.row - b.row);
  return { name, rows, encoding, diagnostics };
}
