import { WorkbookError } from "./errors";
import { isPayloadError, type WorkbookPort } from "./port";
import { CALL_OVERHEAD_BYTES } from "./payload";
import { STATE_CHUNK_CHARS, STATE_SHEET, STATE_SLOTS } from "./state";

/** Columns read from the state sheet: the banner/pointer column and both slots. */
const STATE_COLUMNS = Math.max(...STATE_SLOTS);
/** Response bytes of one full state row: every column a full chunk, JSON-quoted. */
const STATE_ROW_BYTES = STATE_COLUMNS * (STATE_CHUNK_CHARS + 8);

/**
 * The state sheet's rows (A1 to its last used row, columns A:C, as text) in row blocks sized to the budget, like
 * the order sheet: a large state (many scattered highlights) never asks for more than one request can carry. A
 * block Excel refuses anyway is read again with half the rows. Undefined when there is no state sheet.
 */
export async function readStateRows(port: WorkbookPort, budget: number): Promise<string[][] | undefined> {
  let rowsPerBlock = Math.max(1, Math.floor((budget - 4 * CALL_OVERHEAD_BYTES) / STATE_ROW_BYTES));
  const rows: string[][] = [];
  let next = 1;
  let lastRow = Infinity;
  while (next <= lastRow) {
    const box = { firstRow: next, firstColumn: 1, rowCount: rowsPerBlock, columnCount: STATE_COLUMNS };
    let block;
    try {
      block = await port.readTextBlock(STATE_SHEET, box);
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      if (rowsPerBlock === 1)
        throw new WorkbookError("PayloadTooLarge", "A row of AE Guard's state sheet is too large for Excel to send.");
      rowsPerBlock = Math.ceil(rowsPerBlock / 2);
      continue;
    }
    if (!block) return undefined;
    lastRow = block.lastRow;
    rows.push(...block.values.slice(0, Math.max(0, Math.min(rowsPerBlock, lastRow - next + 1))));
    next += rowsPerBlock;
  }
  return rows;
}
