import type { CellValue } from "../../core/model";
import { columnOf } from "./sheetEdit";
import { XmlReader } from "./xmlTokens";

/**
 * A worksheet's cells as the core takes them, row by row as the XML streams (ECMA-376 Part 1, 18.3.1.4 c,
 * 18.18.11 ST_CellType): shared strings resolved, inline strings and rich text as their plain text, booleans,
 * numbers as they are stored (dates stay serials: the core reads them with the cell's number format), a formula as
 * its cached value, an error cell as {error}. One row's array is reused for the next: nothing per cell is kept.
 */

/**
 * Called at each row's end. `cells[j]` is column j + 1 (null where the row has no cell), `styles[j]` its cell
 * format index; only the first `width` entries belong to this row. Both arrays are reused once the call returns.
 */
export type RowHandler = (row: number, cells: readonly CellValue[], styles: Int32Array, width: number) => void;

const IN_NONE = 0;
const IN_ROW = 1;
const IN_CELL = 2;

/** Excel's last column (XFD): cells past it are not Excel's and are not read. */
const MAX_COLUMNS = 16_384;

export class SheetCells extends XmlReader {
  private readonly cells: CellValue[] = [];
  private styles = new Int32Array(64);
  private width = 0;
  private where = IN_NONE;
  private row = 0;
  private column = 0;
  private type = "";
  private style = 0;
  private value: string | undefined;
  private inline: string | undefined;
  private inInline = false;
  private inPhonetic = false;
  /** The element whose attributes are being read: "row", "c" or another. */
  private tag = "";
  /** Set by stop(): the rows after the current one are not handed out. */
  stopped = false;

  constructor(
    private readonly shared: readonly string[],
    private readonly onRow: RowHandler,
  ) {
    super();
  }

  /** No more rows are wanted (the sheet's head was enough). */
  stop(): void {
    this.stopped = true;
  }

  protected openTag(name: string): void {
    this.tag = name;
    switch (name) {
      case "row":
        this.where = IN_ROW;
        this.row++;
        this.column = 0;
        break;
      case "c":
        if (this.where === IN_NONE) return;
        this.where = IN_CELL;
        this.column++;
        this.type = "n";
        this.style = 0;
        this.value = undefined;
        this.inline = undefined;
        break;
      case "v":
        if (this.where !== IN_CELL) return;
        this.collecting = true;
        this.text = "";
        break;
      case "is":
        this.inInline = this.where === IN_CELL;
        this.inline = "";
        break;
      case "rPh":
        this.inPhonetic = true;
        break;
      case "t":
        if (!this.inInline || this.inPhonetic) return;
        this.collecting = true;
        this.text = "";
        break;
    }
  }

  protected attribute(name: string, value: string): void {
    if (this.tag === "c") {
      if (name === "r") this.column = columnOf(value) ?? this.column;
      else if (name === "t") this.type = value;
      else if (name === "s") this.style = Number(value) | 0;
    } else if (this.tag === "row" && name === "r") {
      const row = Number(value);
      if (Number.isInteger(row) && row > 0) this.row = row;
    }
  }

  protected openTagEnd(): void {
    this.tag = "";
  }

  protected closeTag(name: string): void {
    switch (name) {
      case "v":
        if (!this.collecting) return;
        this.collecting = false;
        this.value = this.text;
        this.text = "";
        break;
      case "t":
        if (!this.collecting) return;
        this.collecting = false;
        this.inline += this.text;
        this.text = "";
        break;
      case "rPh":
        this.inPhonetic = false;
        break;
      case "is":
        this.inInline = false;
        break;
      case "c":
        if (this.where !== IN_CELL) return;
        this.where = IN_ROW;
        this.keepCell();
        break;
      case "row":
        this.where = IN_NONE;
        if (!this.stopped) this.onRow(this.row, this.cells, this.styles, this.width);
        for (let j = 0; j < this.width; j++) this.cells[j] = null;
        this.styles.fill(0, 0, this.width);
        this.width = 0;
        break;
    }
  }

  private keepCell(): void {
    const index = this.column - 1;
    if (index < 0 || index >= MAX_COLUMNS) return;
    while (this.width < index) this.cells[this.width++] = null;
    if (index >= this.styles.length) {
      const wider = new Int32Array(Math.min(MAX_COLUMNS, this.styles.length * 2 + index));
      wider.set(this.styles);
      this.styles = wider;
    }
    this.cells[index] = this.cellValue();
    this.styles[index] = this.style;
    if (index >= this.width) this.width = index + 1;
  }

  private cellValue(): CellValue {
    const value = this.value;
    switch (this.type) {
      case "s":
        return value === undefined ? null : (this.shared[Number(value)] ?? null);
      case "inlineStr":
        return this.inline ?? value ?? null;
      case "str":
        return value ?? null;
      case "b":
        return value === undefined ? null : value === "1" || value === "true";
      case "e":
        return value === undefined ? null : { error: value };
      case "d":
        return value === undefined ? null : isoDate(value);
      default: {
        if (value === undefined || value === "") return this.inline ?? null;
        const number = Number(value);
        return Number.isNaN(number) ? value : number;
      }
    }
  }
}

/** An ISO 8601 date cell (t="d") as the wall clock in a Date's UTC fields, as exceljs and the core take dates. */
function isoDate(text: string): CellValue {
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/.test(text);
  const date = new Date(zoned || !text.includes("T") ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? text : date;
}

/** The shared-string table (ECMA-376 Part 1, 18.4.8 si): each item's text, rich-text runs joined, phonetic guides left out. */
export class SharedStrings extends XmlReader {
  readonly strings: string[] = [];
  private current = "";
  private inPhonetic = false;

  protected openTag(name: string): void {
    if (name === "si") this.current = "";
    else if (name === "rPh") this.inPhonetic = true;
    else if (name === "t" && !this.inPhonetic) {
      this.collecting = true;
      this.text = "";
    }
  }

  protected attribute(): void {}
  protected openTagEnd(): void {}

  protected closeTag(name: string): void {
    if (name === "t" && this.collecting) {
      this.collecting = false;
      this.current += this.text;
      this.text = "";
    } else if (name === "rPh") this.inPhonetic = false;
    else if (name === "si") this.strings.push(this.current);
  }
}
