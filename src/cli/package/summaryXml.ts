import type ExcelJS from "exceljs";
import type { HighlightPlan, SummaryModel } from "../../core/report/types";
import type { Lang } from "../../core/model";
import { summaryHasChart, summarySheetRows, type RenderedSummary } from "../summarySheet";
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

/** Text is handed out in pieces of about this many characters: small enough to die young (never reach V8's old space). */
const CHUNK_CHARS = 1 << 16;
/** Hyperlink XML is gathered into strings of about this many characters (one per link would cost more). */
const LINK_TEXT_CHARS = 1 << 16;

/**
 * The summary sheet's XML, in pieces as it is drawn; `drawingRelId` is the relationship id its chart's drawing will
 * have, if it has one (summaryHasChart). `done` gets the links and chart once the last piece was handed out.
 */
export function summarySheetChunks(
  model: SummaryModel,
  plan: HighlightPlan,
  lang: Lang,
  styles: StylesEditor,
  drawingRelId: string,
  done: (rendered: RenderedSummary) => void = () => undefined,
): Generator<string | Buffer, void> {
  const recorder = new SheetRecorder();
  const links: InternalLink[] = [];
  const rows = summarySheetRows(
    recorder as unknown as Parameters<typeof summarySheetRows>[0],
    model,
    plan.sheet,
    lang,
    plan.legend,
    links,
  );
  return recordedSheetChunks(recorder, rows, links, styles, {
    tabColor: "FFC00000",
    drawingRelId: summaryHasChart(model) ? drawingRelId : undefined,
    done,
  });
}

function cellsXml(row: number, cells: Map<number, RecordedCell>, styles: StylesEditor): string {
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
  return `${xml}</row>`;
}

/** The recorded rows above `below` as XML, forgotten once written. */
function takeRows(recorder: SheetRecorder, styles: StylesEditor, below: number): string {
  const rows = [...recorder.cells.keys()].filter((row) => row < below).sort((a, b) => a - b);
  let xml = "";
  for (const row of rows) {
    xml += cellsXml(row, recorder.cells.get(row) as Map<number, RecordedCell>, styles);
    recorder.cells.delete(row);
  }
  return xml;
}

const linkXml = (link: InternalLink): string =>
  `<hyperlink ref="${link.ref}" location="${escapeXml(link.location)}"${link.display ? ` display="${escapeXml(link.display)}"` : ""}/>`;

/**
 * The worksheet XML of what a row-by-row renderer draws onto a recorder, in pieces: the rows above each row the
 * renderer yields are written and forgotten, so memory holds a piece, not the sheet. Inline strings; formats
 * appended to styles.xml. `done` gets the renderer's result after the last piece.
 */
export function* recordedSheetChunks<T>(
  recorder: SheetRecorder,
  rows: Generator<number, T>,
  links: InternalLink[],
  styles: StylesEditor,
  options: { tabColor: string; drawingRelId?: string; done?: (result: T) => void },
): Generator<string | Buffer, void> {
  // Held until the sheet's end (hyperlinks follow the cells), as UTF-8 outside V8's heap: a million links are
  // 100 MB or more as strings (two bytes a character once a sheet name is Chinese).
  const linkBytes: Buffer[] = [];
  let linkText = "";
  let pending = "";
  let started = false;
  for (;;) {
    const step = rows.next();
    if (!started) {
      // The column widths are set before the first row is drawn.
      started = true;
      const cols = [...recorder.widths.entries()]
        .sort(([a], [b]) => a - b)
        .map(([column, width]) => `<col min="${column}" max="${column}" width="${width}" customWidth="1"/>`)
        .join("");
      pending +=
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<sheetPr><tabColor rgb="${options.tabColor}"/><pageSetUpPr fitToPage="1"/></sheetPr>` +
        `<sheetFormatPr defaultRowHeight="15"/>` +
        (cols ? `<cols>${cols}</cols>` : "") +
        `<sheetData>`;
    }
    pending += takeRows(recorder, styles, step.done ? Number.POSITIVE_INFINITY : step.value);
    for (const link of links) linkText += linkXml(link);
    links.length = 0;
    if (linkText.length >= LINK_TEXT_CHARS) {
      linkBytes.push(Buffer.from(linkText, "utf8"));
      linkText = "";
    }
    if (step.done) {
      linkBytes.push(Buffer.from(linkText, "utf8"));
      const hasLinks = linkBytes.some((bytes) => bytes.length > 0);
      yield pending + `</sheetData>` + (hasLinks ? "<hyperlinks>" : "");
      pending = "";
      for (const bytes of linkBytes.splice(0)) yield bytes;
      yield (
        (hasLinks ? "</hyperlinks>" : "") +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
        `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
        (options.drawingRelId ? `<drawing r:id="${options.drawingRelId}"/>` : "") +
        `</worksheet>`
      );
      options.done?.(step.value);
      return;
    }
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = "";
    }
  }
}
