import type { CellValue, SheetGrid } from "../../../src/core/model";
import { feedOrderSheet, HEADER_SCAN_ROWS, readOrderSheet } from "../../../src/core/sheet";
import { sampleSheet } from "../../../src/samples";

/**
 * A host that streams a sheet (the CLI reading an .xlsx) gives the reader its rows one at a time, in one array it
 * reuses, after only the first rows: the orders and the diagnostics must be those of reading the whole grid.
 */
describe("feedOrderSheet: the sheet given row by row", () => {
  it.each(["zh-CN", "en"] as const)("reads the %s sample as readOrderSheet does", (lang) => {
    const sheet = sampleSheet(lang);
    const grid: SheetGrid = { name: sheet.name, rows: sheet.rows, firstRow: 1, firstColumn: 1 };
    const whole = readOrderSheet(grid, { timeZone: "America/Los_Angeles" });

    const head: SheetGrid = {
      name: sheet.name,
      rows: sheet.rows.slice(0, HEADER_SCAN_ROWS),
      firstRow: 1,
      firstColumn: 1,
    };
    const feed = feedOrderSheet(head, { timeZone: "America/Los_Angeles" });
    const reused: CellValue[] = [];
    sheet.rows.forEach((row, i) => {
      reused.length = 0;
      reused.push(...row);
      feed.row(i + 1, reused);
    });
    const streamed = feed.finish();

    expect(streamed.orders).toEqual(whole.orders);
    expect(streamed.diagnostics).toEqual(whole.diagnostics);
    expect({ ...streamed, table: undefined, orders: undefined }).toEqual({
      ...whole,
      table: undefined,
      orders: undefined,
    });
    expect(streamed.orders.length).toBeGreaterThan(100);
  });
});
