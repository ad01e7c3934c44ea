import type { CellValue } from "../../core/model";
import { serialToWallClock } from "../../core/dates/serial";
import { parseBox } from "../../excel/a1";
import type { FakeSheet, FakeWorkbook } from "../../excel/fake/fakeWorkbook";
import type { GridCell, GridSnapshot, GridSource } from "../components/SheetPreviewGrid";

const DATE_FORMAT = /[dy]/i;
const pad = (n: number) => String(n).padStart(2, "0");

/** A cell's text roughly as Excel displays it: dates by their format, fixed decimals, TRUE/FALSE, error codes. */
export function displayText(value: CellValue, numberFormat: string, date1904: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().replace("T", " ").slice(0, 19);
  if (typeof value === "object") return value.error;
  if (typeof value === "number") {
    if (numberFormat !== "General" && DATE_FORMAT.test(numberFormat)) {
      const wall = serialToWallClock(value, date1904);
      if (wall !== undefined) {
        const d = new Date(wall);
        const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
        return /h/i.test(numberFormat)
          ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
          : date;
      }
    }
    const decimals = /^0\.(0+)$/.exec(numberFormat)?.[1]?.length;
    return decimals !== undefined ? value.toFixed(decimals) : String(value);
  }
  return value;
}

function fillColor(sheet: FakeSheet, row: number, column: number): string | undefined {
  const fill = sheet.fill(row, column);
  return fill ? fill.color : undefined;
}

/** The browser preview's view of the in-memory workbook: visible sheets, cells from A1 with their fills. */
export function fakeGridSource(workbook: FakeWorkbook): GridSource {
  return {
    sheetNames: () => workbook.sheets.filter((sheet) => sheet.visibility === "Visible").map((sheet) => sheet.name),

    read(name: string, maxRows: number): GridSnapshot {
      const sheet = workbook.sheet(name);
      const used = sheet?.usedRange();
      if (!sheet || !used) return { firstRow: 1, firstColumn: 1, rows: [], totalRows: 0 };
      const lastRow = used.firstRow + used.rowCount - 1;
      const lastColumn = used.firstColumn + used.columnCount - 1;
      const shownRows = Math.min(lastRow, maxRows);
      const rows: GridCell[][] = [];
      for (let row = 1; row <= shownRows; row++) {
        const cells: GridCell[] = [];
        for (let column = 1; column <= lastColumn; column++) {
          const text = displayText(sheet.value(row, column), sheet.numberFormat(row, column), workbook.date1904);
          cells.push({ text, fill: fillColor(sheet, row, column) });
        }
        rows.push(cells);
      }
      return { firstRow: 1, firstColumn: 1, rows, totalRows: lastRow };
    },

    selection() {
      const selection = workbook.selection;
      if (!selection) return undefined;
      try {
        return { sheet: selection.sheet, row: parseBox(selection.address).firstRow };
      } catch {
        return undefined;
      }
    },
  };
}
