import type { SheetGrid } from "../core/model";
import { chooseOrderSheet, type SheetChoice, type SheetFit } from "../core/sheetChoice/chooseSheet";
import { detectHeader, HEADER_SCAN_ROWS, type ColumnMapping } from "../core/sheet";
import { CliError } from "./errors";

export type ChosenSheet = Extract<SheetChoice, { ok: true }>;

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");

/** The core's choice among the sheets' fits, or the one line that says why there is none. */
export function chooseSheet(fits: readonly SheetFit[], requested: string | undefined, file: string): ChosenSheet {
  const choice = chooseOrderSheet(fits, requested);
  if (choice.ok) return choice;
  if (choice.problem === "no-such-sheet")
    throw new CliError(`--sheet: ${file} has no sheet "${choice.requested}" (its sheets: ${quoted(choice.sheets)})`);
  const nearest = choice.fits.filter((fit) => fit.fields.length > 0).sort((a, b) => b.score - a.score)[0];
  const near = nearest
    ? `; the nearest, "${nearest.sheet}", names ${nearest.fields.join(", ")} but not both an order id and a date`
    : "";
  throw new CliError(
    `no order header found in ${file}: no sheet has a row naming an order-id column such as 订单号 / Order ID and a date column such as 付款时间 / Payment Time in its first ${HEADER_SCAN_ROWS} rows (sheets: ${quoted(choice.fits.map((fit) => fit.sheet))})${near}; use --map FIELD=HEADER or --sheet`,
  );
}

/** Refuses a sheet without a header, and --map headers the sheet does not have, before the scan runs. */
export function checkHeader(grid: SheetGrid, mapping: ColumnMapping | undefined, file: string): void {
  const header = detectHeader(grid, mapping);
  if (!header) {
    throw new CliError(
      `no order header found in sheet "${grid.name}" of ${file}: none of its first ${HEADER_SCAN_ROWS} rows names at least two order columns; use --map FIELD=HEADER`,
    );
  }
  const missing = header.mappingNotFound.map((field) => `${field}="${mapping?.[field] ?? ""}"`);
  if (missing.length > 0) {
    const headers = header.headers
      .filter((text) => text.trim() !== "")
      .map((text) => `"${text}"`)
      .join(", ");
    throw new CliError(
      `--map ${missing.join(", ")}: no such column in row ${header.headerRow} of sheet "${grid.name}" (its headers: ${headers})`,
    );
  }
}

/** One line for the seller when another sheet also looked like orders: which was scanned, and why not the other. */
export function choiceNote(choice: ChosenSheet): string | undefined {
  const { chosen, runnerUp } = choice;
  if (!runnerUp) return undefined;
  const describe = (fit: SheetFit): string =>
    `${fit.fields.length} order column${fit.fields.length === 1 ? "" : "s"}${fit.orderTable ? "" : ", no order id and date"}`;
  const how = choice.by === "requested" ? "named by --sheet" : `its header names ${describe(chosen)}`;
  return `scanned sheet "${chosen.sheet}" (${how}); next best: "${runnerUp.sheet}" (${describe(runnerUp)})`;
}
