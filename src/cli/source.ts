import * as fs from "node:fs";
import * as path from "node:path";
import { csvToGrid } from "../core/csv";
import { readOrderSheet } from "../core/sheet";
import { CliError } from "./errors";
import type { OpenRequest, OrderSource } from "./orderSource";
import { checkHeader } from "./sheetChoice";
import {
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLUMNS,
  safeSheetName,
  scannedCopyBytes,
  workbookFromGrid,
} from "./xlsxWrite";
import { openXlsxSource } from "./xlsxSource";

function openCsvSource(request: OpenRequest): OrderSource {
  const name = path.basename(request.file);
  const sheetName = safeSheetName(path.basename(request.file, path.extname(request.file)));
  let grid: ReturnType<typeof csvToGrid>;
  try {
    grid = csvToGrid(sheetName, request.bytes);
  } catch (error) {
    throw new CliError(`${name} could not be read as CSV: ${(error as Error).message}`);
  }
  if (grid.rows.every((row) => row.every((cell) => cell === null || cell === undefined || cell === ""))) {
    throw new CliError(`${name} has no data`);
  }
  checkHeader(grid, request.mapping, name);
  return {
    readOrders: async (options) => readOrderSheet(grid, options),
    readNotes: grid.diagnostics,
    async writeCopy({ out, plan, summary, actions, headerRow, lang }) {
      const { workbook, cut } = workbookFromGrid(grid, grid.name);
      const width = grid.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
      const fitting = { ...plan, lastColumn: Math.min(plan.lastColumn, EXCEL_MAX_COLUMNS) };
      fs.writeFileSync(out, await scannedCopyBytes({ workbook, plan: fitting, summary, actions, headerRow, lang }));
      const count = (n: number): string => n.toLocaleString("en-US");
      const notes: string[] = [];
      if (width > EXCEL_MAX_COLUMNS)
        notes.push(
          `${name} has ${count(width)} columns; Excel holds ${count(EXCEL_MAX_COLUMNS)}, so the copy has columns A to XFD and leaves out the last ${count(width - EXCEL_MAX_COLUMNS)} (the scan read them all)`,
        );
      if (cut.length > 0)
        notes.push(
          `${count(cut.length)} cell${cut.length === 1 ? "" : "s"} of ${name} (${cut.slice(0, 5).join(", ")}${cut.length > 5 ? ", ..." : ""}) ${cut.length === 1 ? "holds" : "hold"} more than the ${count(EXCEL_MAX_CELL_CHARS)} characters an Excel cell can; the copy has the first ${count(EXCEL_MAX_CELL_CHARS)} (the scan read the whole text)`,
        );
      return notes;
    },
  };
}

/** Opens the file for scanning: CSV decoded by the core, .xlsx streamed from its package (xlsxSource). */
export async function openOrderSource(request: OpenRequest): Promise<OrderSource> {
  if (request.kind === "csv") return openCsvSource(request);
  return openXlsxSource(request);
}
