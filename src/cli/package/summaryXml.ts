import type ExcelJS from "exceljs";
import type { HighlightPlan, SummaryModel } from "../../core/report/types";
import type { Lang } from "../../core/model";
import { renderSummarySheet, type RenderedSummary } from "../summarySheet";
import { escapeXml, type InternalLink } from "../xlsxPost";
import { columnName } from "./sheetEdit";
import type { StylesEditor, SummaryStyle } from "./stylesEdit";

/**
 * The summary sheet as worksheet XML: the same renderer the exceljs copy used draws onto a recorder, whose cells are
 * then written with inline strings (the workbook's shared strings stay as they are) and formats appended to
 * styles.xml. Links and the chart's drawing go in as xlsxPost describes them.
 */

interface RecordedCell {
  value: ExcelJS.CellValue;
  style?: Partial<ExcelJS.Style>;
}

export class SheetRecorder {
  readonly cells = new Map<number, Map<number, RecordedCell>>();
  readonly widths = new Map<number, number>();
  readonly pageSetup: Record<string, unknown> = {};

  getCell(row: number, column: number): RecordedCell {
    let cells = this.cells.get(row);
    if (!cells) this.cells.set(row, (cells = new Map()));
    let cell = cells.get(column);
    if (!cell) cells.set(column, (cell = { value: null }));
    return cell;
  }

  getColumn(column: number): { width?: number } {
    const widths = this.widths;
    return {
      set width(width: number) {
        widths.set(column, width);
      },
    } as { width?: number };
  }
}

/** Characters XML 1.0 cannot hold at all (C0 controls other than tab, newline and carriage return). */
// eslint-disable-next-line no-control-regex -- these are the characters to remove
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const argbToHex = (argb: string | undefined): string | undefined => (argb ? argb.slice(-6) : undefined);

function summaryStyleOf(style: Partial<ExcelJS.Style> | undefined): SummaryStyle | undefined {
  if (!style) return undefined;
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  const result: SummaryStyle = {
    bold: style.font?.bold || undefined,
    size: style.font?.size,
    color: argbToHex(style.font?.color?.argb),
    underline: style.font?.underline ? true : undefined,
    fill: fill?.type === "pattern" ? argbToHex(fill.fgColor?.argb) : undefined,
    numFmt: style.numFmt,
    horizontal: style.alignment?.horizontal,
  };
  return Object.values(result).some((value) => value !== undefined) ? result : undefined;
}

export interface SummaryParts extends RenderedSummary {
  xml: string;
}

/** The summary sheet's XML; `drawingRelId` is the relationship id its chart's drawing will have, if it has one. */
export function summarySheetXml(
  model: SummaryModel,
  plan: HighlightPlan,
  lang: Lang,
  styles: StylesEditor,
  drawingRelId: string,
): SummaryParts {
  const recorder = new SheetRecorder();
  const rendered = renderSummarySheet(
    recorder as unknown as Parameters<typeof renderSummarySheet>[0],
    model,
    plan.sheet,
    lang,
    plan.legend,
  );
  const xml = recordedSheetXml(recorder, styles, rendered.links, {
    tabColor: "FFC00000",
    drawingRelId: rendered.chart ? drawingRelId : undefined,
  });
  return { ...rendered, xml };
}

/** The worksheet XML of what a renderer drew onto a recorder: inline strings, formats appended to styles.xml. */
export function recordedSheetXml(
  recorder: SheetRecorder,
  styles: StylesEditor,
  links: readonly InternalLink[],
  options: { tabColor: string; drawingRelId?: string },
): string {
  const rows: string[] = [];
  for (const row of [...recorder.cells.keys()].sort((a, b) => a - b)) {
    const cells = recorder.cells.get(row) as Map<number, RecordedCell>;
    let xml = `<row r="${row}">`;
    for (const column of [...cells.keys()].sort((a, b) => a - b)) {
      const { value, style } = cells.get(column) as RecordedCell;
      const summaryStyle = summaryStyleOf(style);
      const s = summaryStyle ? ` s="${styles.summary(summaryStyle)}"` : "";
      const ref = `${columnName(column)}${row}`;
      if (typeof value === "number" && Number.isFinite(value)) xml += `<c r="${ref}"${s}><v>${value}</v></c>`;
      else if (value === null || value === undefined || value === "") xml += s ? `<c r="${ref}"${s}/>` : "";
      else {
        // An inline string is text whatever it looks like: "=1+1", "+86…" or a 16-digit id stay as typed.
        const text = escapeXml(String(value).replace(NOT_XML, ""));
        xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
      }
    }
    rows.push(`${xml}</row>`);
  }
  const cols = [...recorder.widths.entries()]
    .sort(([a], [b]) => a - b)
    .map(([column, width]) => `<col min="${column}" max="${column}" width="${width}" customWidth="1"/>`)
    .join("");
  const hyperlinks = links
    .map(
      (link) =>
        `<hyperlink ref="${link.ref}" location="${escapeXml(link.location)}"${link.display ? ` display="${escapeXml(link.display)}"` : ""}/>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><tabColor rgb="${options.tabColor}"/><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    (hyperlinks ? `<hyperlinks>${hyperlinks}</hyperlinks>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    (options.drawingRelId ? `<drawing r:id="${options.drawingRelId}"/>` : "") +
    `</worksheet>`
  );
}
