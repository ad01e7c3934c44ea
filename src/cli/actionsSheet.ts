import type ExcelJS from "exceljs";
import type { ActionsSheetModel } from "../core/report/actionsSheet";
import { columnLetters } from "../core/csv/diagnostics";
import { quoteSheetName, type InternalLink } from "./xlsxPost";
import { drawnToTheEnd } from "./summarySheet";

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };
const HOURS_FORMAT = "0.0";

/** The parts of an exceljs worksheet the renderer uses (the package writer's recorder has them too). */
type SheetLike = Pick<ExcelJS.Worksheet, "getCell" | "getColumn">;

/**
 * Draws the Actions sheet model top to bottom: title, what-if line, notes, then each section's heading, column
 * labels and rows. Values are plain (text as text, numbers as numbers); the order-row cell of each row becomes an
 * internal link, returned for the writer to add (exceljs cannot write a link without a relationship).
 */
export function renderActionsSheet(sheet: SheetLike, model: ActionsSheetModel): { links: InternalLink[] } {
  return drawnToTheEnd(actionsSheetRows(sheet, model));
}

/**
 * renderActionsSheet as it goes: yields the next row to draw whenever the rows above it are final. Links are added
 * to `links` as their rows are drawn.
 */
export function* actionsSheetRows(
  sheet: SheetLike,
  model: ActionsSheetModel,
  links: InternalLink[] = [],
): Generator<number, { links: InternalLink[] }> {
  const widths: number[] = [];
  for (const section of model.sections)
    section.columns.forEach((column, j) => (widths[j] = Math.max(widths[j] ?? 0, column.width)));
  widths.forEach((width, j) => {
    sheet.getColumn(j + 1).width = width;
  });
  const put = (r: number, c: number, value: string | number, style?: Partial<ExcelJS.Style>): void => {
    const cell = sheet.getCell(r, c);
    cell.value = value;
    if (style) cell.style = style;
  };
  let row = 1;
  put(row, 1, model.title, { font: { bold: true, size: 14 } });
  row += 2;
  put(row, 1, model.whatIf, { font: BOLD });
  row++;
  for (const note of model.notes) put(row++, 1, note);
  row++;
  for (const section of model.sections) {
    put(row++, 1, section.heading, { font: { bold: true, size: 12 } });
    if (section.rows.length === 0) {
      put(row, 1, section.empty);
      row += 2;
      continue;
    }
    section.columns.forEach((column, j) => put(row, j + 1, column.label, { font: BOLD, fill: HEADER_FILL }));
    row++;
    for (const entry of section.rows) {
      entry.cells.forEach((value, j) => {
        const kind = section.columns[j]?.kind;
        if (kind === "row") {
          put(row, j + 1, value, { font: LINK_FONT });
          links.push({
            ref: `${columnLetters(j + 1)}${row}`,
            location: `${quoteSheetName(entry.link.sheet)}!${columnLetters(entry.link.column)}${entry.link.row}`,
            display: String(value),
          });
        } else put(row, j + 1, value, kind === "number" ? { numFmt: HOURS_FORMAT } : undefined);
      });
      row++;
      yield row;
    }
    row++;
  }
  return { links };
}
