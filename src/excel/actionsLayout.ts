import type { ActionsColumn, ActionsSheetModel } from "../core/report/actionsSheet";
import { documentReference, type CellBox } from "./a1";
import type { Hyperlink, WriteOp } from "./port";
import { textFormat } from "./summaryLayout";

/**
 * The AE Actions sheet as write ops, drawn like the summary: the sheet is deleted (under either language's name) and
 * added again, every value plain, every text cell formatted as Text ("@") before its value so order text such as
 * "=HYPERLINK(...)" or a 16-digit id stays that text, the order-row cells linked with `setCellProperties` where the
 * host has hyperlinks (ExcelApi 1.7) and written as "row N" text where it has not.
 */

const NUMBER_FORMAT: Record<Exclude<ActionsColumn["kind"], "text">, string> = { row: "0", number: "0.0" };
const ROW_TEXT = { en: (row: number) => `row ${row}`, "zh-CN": (row: number) => `第 ${row} 行` };

export interface ActionsLayoutInput {
  model: ActionsSheetModel;
  /** Sheets to delete first: the Actions sheet under either language's name. */
  replaces: string[];
  /** 0-based tab position. */
  position?: number;
  /** The host can write hyperlinks (ExcelApi 1.7); false → "row N" as text. */
  hyperlinks: boolean;
}

export interface ActionsLayout {
  ops: WriteOp[];
  /** Where each section's rows sit (header row excluded), by section id, for tests and selection. */
  sections: Record<string, CellBox | undefined>;
}

type Value = string | number;
type CellsOp = Extract<WriteOp, { op: "cells" }>;

function cells(sheet: string, firstRow: number, rows: Value[][], kinds?: ActionsColumn["kind"][]): CellsOp {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
  return {
    op: "cells",
    sheet,
    box: { firstRow, firstColumn: 1, rowCount: rows.length, columnCount: width },
    numberFormat: padded.map((r) =>
      r.map((value, j) => {
        const kind = kinds?.[j];
        if (typeof value === "number" && kind && kind !== "text") return NUMBER_FORMAT[kind];
        return typeof value === "string" ? textFormat(value) : "General";
      }),
    ),
    values: padded,
  };
}

/** Title, what-if line, notes, then each section: heading, column labels, rows (or the empty sentence). */
export function layoutActions(input: ActionsLayoutInput): ActionsLayout {
  const { model } = input;
  const sheet = model.sheetName;
  const ops: WriteOp[] = [];
  for (const name of new Set([...input.replaces, sheet])) ops.push({ op: "deleteSheet", sheet: name });
  ops.push({ op: "ensureSheet", sheet, visibility: "Visible", position: input.position });
  const widths: number[] = [];
  for (const section of model.sections)
    section.columns.forEach((column, j) => (widths[j] = Math.max(widths[j] ?? 0, column.width)));
  ops.push({ op: "columnWidths", sheet, firstColumn: 1, widths });

  let row = 1;
  ops.push({ ...cells(sheet, row, [[model.title]]), bold: true, fontSize: 14 });
  row += 2;
  ops.push({ ...cells(sheet, row, [[model.whatIf]]), bold: true });
  row++;
  if (model.notes.length > 0) {
    ops.push(
      cells(
        sheet,
        row,
        model.notes.map((note) => [note]),
      ),
    );
    row += model.notes.length;
  }
  row++;

  const sections: ActionsLayout["sections"] = {};
  for (const section of model.sections) {
    ops.push({ ...cells(sheet, row, [[section.heading]]), bold: true, fontSize: 12 });
    row++;
    if (section.rows.length === 0) {
      ops.push(cells(sheet, row, [[section.empty]]));
      sections[section.id] = undefined;
      row += 2;
      continue;
    }
    ops.push({ ...cells(sheet, row, [section.columns.map((column) => column.label)]), bold: true });
    row++;
    const kinds = section.columns.map((column) => column.kind);
    const linkColumn = kinds.indexOf("row");
    const values: Value[][] = section.rows.map((r) =>
      r.cells.map((value, j) =>
        j === linkColumn && !input.hyperlinks && typeof value === "number" ? ROW_TEXT[model.lang](value) : value,
      ),
    );
    ops.push(cells(sheet, row, values, kinds));
    const box: CellBox = { firstRow: row, firstColumn: 1, rowCount: values.length, columnCount: kinds.length };
    if (input.hyperlinks && linkColumn >= 0) {
      const links: Array<Array<Hyperlink | null>> = section.rows.map((r) => [
        {
          documentReference: documentReference(r.link.sheet, r.link.row, r.link.column),
          textToDisplay: String(r.cells[linkColumn]),
        },
      ]);
      ops.push({
        op: "cells",
        sheet,
        box: { firstRow: row, firstColumn: linkColumn + 1, rowCount: links.length, columnCount: 1 },
        hyperlinks: links,
      });
    }
    sections[section.id] = box;
    row += values.length + 1;
  }
  return { ops, sections };
}
