/**
 * Rewrites a worksheet's XML as it streams by, touching only the `s` (cell format) attributes of the cells on the
 * rows it is told to restyle, and adding an empty styled cell where such a row has none in the table's columns.
 * Every other byte passes through as it came: rows not named are not even parsed. Text arrives in chunks cut
 * anywhere; a row is handled once its end tag has arrived.
 */

/** What a restyled cell's new format is, from its current one. */
export type Restyle = (row: number, style: number) => number;

export interface SheetEditPlan {
  firstColumn: number;
  lastColumn: number;
  /** Rows whose cells in [firstColumn, lastColumn] may change format; their new format comes from `restyle`. */
  rows: ReadonlySet<number>;
  restyle: Restyle;
  /** Also pass every other row through `restyle` (a previous scan's highlights are being cleared). */
  everyRow?: boolean;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** "AB12" → 28; undefined for a reference without letters. */
export function columnOf(ref: string): number | undefined {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return i === 0 ? undefined : column;
}

export function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Sets (or adds) `s="…"` on a start tag `<c …>` or `<c …/>`. */
function withStyle(tag: string, style: number): string {
  if (/\ss="[^"]*"/.test(tag)) return tag.replace(/(\ss=")[^"]*(")/, `$1${style}$2`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} s="${style}"${tag.slice(end)}`;
}

interface ColumnStyle {
  min: number;
  max: number;
  style: number;
}

/** Formats named by `<col … style="n"/>`: an empty cell in such a column shows that format. */
function columnStyles(head: string): ColumnStyle[] {
  const styles: ColumnStyle[] = [];
  for (const match of head.matchAll(/<(?:\w+:)?col\s[^>]*>/g)) {
    const style = attribute(match[0], "style");
    const min = Number(attribute(match[0], "min"));
    const max = Number(attribute(match[0], "max"));
    if (style !== undefined && Number.isFinite(min) && Number.isFinite(max))
      styles.push({ min, max, style: Number(style) });
  }
  return styles;
}

const CELL = /<(\w+:)?c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g;

export class SheetRewriter {
  private buffer = "";
  private state: "head" | "rows" | "tail" = "head";
  private previousRow = 0;
  private columns: ColumnStyle[] = [];
  /** Rows seen so far, for the progress bar. */
  rowsSeen = 0;

  constructor(private readonly plan: SheetEditPlan) {}

  /** Takes the next piece of the sheet's text; returns the text that can be written so far. */
  push(text: string): string {
    this.buffer += text;
    let out = "";
    if (this.state === "head") {
      const at = this.buffer.search(/<(?:\w+:)?sheetData[\s/>]/);
      if (at < 0) return "";
      this.columns = columnStyles(this.buffer.slice(0, at));
      const close = this.buffer.indexOf(">", at);
      if (close < 0) return "";
      out = this.buffer.slice(0, close + 1);
      this.buffer = this.buffer.slice(close + 1);
      this.state = out.endsWith("/>") ? "tail" : "rows";
    }
    if (this.state === "rows") out += this.rows();
    if (this.state === "tail") {
      out += this.buffer;
      this.buffer = "";
    }
    return out;
  }

  /** The rest of the text; throws if the sheet ended inside its rows. */
  end(): string {
    if (this.state !== "tail") throw new Error("the worksheet's XML ends before its rows do");
    return this.push("");
  }

  private rows(): string {
    const parts: string[] = [];
    let at = 0;
    const buffer = this.buffer;
    for (;;) {
      const next = buffer.indexOf("<", at);
      if (next < 0) break;
      if (buffer.startsWith("</", next)) {
        // </sheetData>: the rows are over.
        if (/^<\/(?:\w+:)?sheetData>/.test(buffer.slice(next, next + 40))) {
          this.state = "tail";
          break;
        }
        if (buffer.indexOf(">", next) < 0) break;
      }
      const tagEnd = buffer.indexOf(">", next);
      if (tagEnd < 0) break;
      const startTag = buffer.slice(next, tagEnd + 1);
      if (!/^<(?:\w+:)?row[\s/>]/.test(startTag)) {
        // Whitespace or anything else between rows passes through.
        parts.push(buffer.slice(at, tagEnd + 1));
        at = tagEnd + 1;
        continue;
      }
      let rowEnd: number;
      if (startTag.endsWith("/>")) rowEnd = tagEnd + 1;
      else {
        const end = searchRowEnd(buffer, tagEnd);
        if (end < 0) break;
        rowEnd = buffer.indexOf(">", end) + 1;
      }
      const r = attribute(startTag, "r");
      const rowNumber = r !== undefined ? Number(r) : this.previousRow + 1;
      this.previousRow = rowNumber;
      this.rowsSeen++;
      parts.push(buffer.slice(at, next));
      const rowText = buffer.slice(next, rowEnd);
      parts.push(
        this.plan.rows.has(rowNumber) || this.plan.everyRow ? this.restyleRow(rowText, startTag, rowNumber) : rowText,
      );
      at = rowEnd;
    }
    this.buffer = buffer.slice(at);
    return parts.join("");
  }

  private restyleRow(rowText: string, startTag: string, row: number): string {
    const { firstColumn, lastColumn, restyle } = this.plan;
    const fillGaps = this.plan.rows.has(row);
    const rowStyle = attribute(startTag, "customFormat") === "1" ? Number(attribute(startTag, "s") ?? 0) : undefined;
    const baseStyle = (column: number): number =>
      rowStyle ?? this.columns.find((col) => column >= col.min && column <= col.max)?.style ?? 0;
    const missing = (from: number, to: number, prefix: string): string => {
      if (!fillGaps) return "";
      let added = "";
      for (let column = Math.max(from, firstColumn); column <= Math.min(to, lastColumn); column++)
        added += `<${prefix}c r="${columnName(column)}${row}" s="${restyle(row, baseStyle(column))}"/>`;
      return added;
    };
    const rowPrefix = /^<(\w+:)?/.exec(startTag)?.[1] ?? "";
    if (startTag.endsWith("/>")) {
      const gaps = missing(firstColumn, lastColumn, rowPrefix);
      return gaps === "" ? rowText : `${startTag.slice(0, -2)}>${gaps}</${rowPrefix}row>`;
    }
    const cellsStart = startTag.length;
    const closeAt = rowText.lastIndexOf("</");
    const body = rowText.slice(cellsStart, closeAt);
    let out = startTag;
    let column = 0;
    let at = 0;
    let prefix = rowPrefix;
    CELL.lastIndex = 0;
    for (let match = CELL.exec(body); match; match = CELL.exec(body)) {
      const cell = match[0];
      prefix = match[1] ?? "";
      const tagClose = cell.indexOf(">");
      const tag = cell.slice(0, tagClose + 1);
      const ref = attribute(tag, "r");
      const cellColumn = (ref !== undefined ? columnOf(ref) : undefined) ?? column + 1;
      out += body.slice(at, match.index) + missing(column + 1, cellColumn - 1, prefix);
      if (cellColumn >= firstColumn && cellColumn <= lastColumn) {
        const style = Number(attribute(tag, "s") ?? 0);
        const next = restyle(row, style);
        out += next === style ? cell : withStyle(tag, next) + cell.slice(tagClose + 1);
      } else out += cell;
      column = cellColumn;
      at = match.index + cell.length;
    }
    out += body.slice(at) + missing(column + 1, lastColumn, prefix);
    return out + rowText.slice(closeAt);
  }
}

/** The start of `</row>` (any prefix) after `from`; -1 when it has not arrived yet. */
const ROW_END = /<\/(?:\w+:)?row>/g;
function searchRowEnd(buffer: string, from: number): number {
  ROW_END.lastIndex = from;
  const found = ROW_END.exec(buffer);
  return found ? found.index : -1;
}
