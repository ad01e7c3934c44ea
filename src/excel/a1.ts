/** A1-style addresses: column letters, boxes, sheet-qualified references. Pure, 1-based like Excel shows them. */

/** A rectangle of cells, 1-based (row 1 = Excel row 1, column 1 = column A). */
export interface CellBox {
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMNS)
    throw new RangeError(`column ${column} out of range`);
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0) - 64;
    if (code < 1 || code > 26) throw new RangeError(`not a column: ${letters}`);
    n = n * 26 + code;
  }
  if (n < 1 || n > MAX_COLUMNS) throw new RangeError(`not a column: ${letters}`);
  return n;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "A5:T9", or "A5" for a single cell. */
export function boxAddress(box: CellBox): string {
  const topLeft = cellAddress(box.firstRow, box.firstColumn);
  if (box.rowCount === 1 && box.columnCount === 1) return topLeft;
  return `${topLeft}:${cellAddress(box.firstRow + box.rowCount - 1, box.firstColumn + box.columnCount - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "A5", "A5:T9" (optionally with $) into a box; throws on anything else. */
export function parseBox(address: string): CellBox {
  const [from, to = from] = address.trim().split(":");
  const a = CELL.exec(from ?? "");
  const b = CELL.exec(to);
  if (!a || !b) throw new RangeError(`not an A1 range: ${address}`);
  const r1 = Number(a[2]);
  const r2 = Number(b[2]);
  const c1 = columnNumber(a[1]!);
  const c2 = columnNumber(b[1]!);
  if (r1 < 1 || r2 < 1 || r1 > MAX_ROWS || r2 > MAX_ROWS) throw new RangeError(`row out of range: ${address}`);
  return {
    firstRow: Math.min(r1, r2),
    firstColumn: Math.min(c1, c2),
    rowCount: Math.abs(r2 - r1) + 1,
    columnCount: Math.abs(c2 - c1) + 1,
  };
}

/** Parses a comma-separated list of areas, as `worksheet.getRanges` accepts. */
export function parseAreas(addresses: string): CellBox[] {
  return addresses
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parseBox);
}

/** Sheet names are always quoted in references, with embedded quotes doubled: 'Bob''s orders'!A5. */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A document reference for a hyperlink inside the workbook, e.g. 'Orders'!A5. */
export function documentReference(sheet: string, row: number, column: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, column)}`;
}

export function boxCells(box: CellBox): number {
  return box.rowCount * box.columnCount;
}
