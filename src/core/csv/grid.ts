import type { SheetGrid } from "../model";
import { decodeText } from "./decode";
import { parseCsv } from "./parse";

/**
 * `="8012345678901234"`: the way ERPs write ids into CSV so Excel keeps them as text. Excel shows the quoted text,
 * so that is the cell's value.
 */
const EXCEL_TEXT_FORMULA = /^="(.*)"$/s;

function unwrapTextFormula(cell: string): string {
  const match = EXCEL_TEXT_FORMULA.exec(cell);
  return match && !match[1].includes('"') ? match[1] : cell;
}

/** A CSV file as a grid of text cells (dates and numbers are read by the sheet reader's text parsers). */
export function csvToGrid(name: string, bytes: Uint8Array): SheetGrid & { encoding: string } {
  const { text, encoding } = decodeText(bytes);
  const rows = parseCsv(text);
  for (const row of rows) {
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell.charCodeAt(0) === 0x3d /* = */ && cell.charCodeAt(1) === 0x22) row[j] = unwrapTextFormula(cell);
    }
  }
  return { name, rows, encoding };
}
