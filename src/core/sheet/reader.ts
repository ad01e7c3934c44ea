import { isKnown } from "../numbers";
import {
  DATE_FIELDS,
  type CanonicalField,
  type CellValue,
  type Diagnostic,
  type Order,
  type SheetGrid,
} from "../model";
import { zoneClock } from "../dates/zone";
import { newTextDateScan, ORDER_EVIDENCE_EITHER } from "../dates/text";
import { DayMonthEvidence } from "../dates/dayMonthOrder";
import { formatInstant, isValidTimeZone } from "../dates/zone";
import { cellText, excelErrorOf, isBlankCell, isBlankText, readNumber } from "./cells";
import { splitCarrierTracking } from "./combined";
import {
  DATE_ERROR,
  DATE_OK,
  newDateCellOut,
  plausibleSerialInstant,
  readDateCell,
  type DateCellContext,
  type DateCellOut,
} from "./dateCell";
import * as diagnose from "./diagnostics";
import { TextIndex } from "../base/textIndex";
import { NUMBER, OrderTable, TEXT, isNumberField, type NumberColumn, type TextColumn } from "../orders/orderTable";
import { detectHeader, HEADER_SCAN_ROWS, isCombinedHeader } from "./header";
import type { ColumnMatch, HeaderDetection, ReadOptions, SheetReadResult } from "./types";

const KIND_TEXT = 0;
const KIND_DATE = 1;
const KIND_AMOUNT = 2;
const KIND_DAYS = 3;
const KIND_TRACKING = 4;
const KIND_COMBINED = 5;

/**
 * Fields a row without an order number must agree with (where both have a value) to be read as a continuation row of
 * the order above; a row that disagrees is an order whose number is missing.
 */
const ORDER_LEVEL_FIELDS: readonly CanonicalField[] = ["createdAt", "paidAt", "buyerName", "buyerCountry"];
/**
 * Fields a row repeating an order number must agree with (where both have a value) to be another line of that
 * order: rows that disagree are different orders whose numbers Excel cut to the same 15 digits.
 */
const REPEAT_FIELDS: readonly CanonicalField[] = ["paidAt", "status", "buyerName"];
/** What a totals row's first cell says (matched ignoring case, spaces and punctuation). */
const TOTAL_LABELS: ReadonlySet<string> = new Set(
  ["Total", "Totals", "Grand Total", "Sum", "Subtotal", "合计", "总计", "小计", "汇总", "合計", "總計"].map(labelKey),
);
/** Excel keeps 15 significant digits: a numeric order id this long may have lost its last digits. */
const EXCEL_DIGITS = 15;
/** An id as Excel shows a number it cut ("8.1E+15", "3.01235E+15"). */
const SCIENTIFIC_ID = /^\d(?:\.\d+)?E\+\d+$/i;

/** onProgress is called every this many rows (a power of two minus one, used as a mask). */
const PROGRESS_EVERY_MASK = 0xffff;

interface ColumnPlan {
  field: CanonicalField;
  /** The field's column in the OrderTable, as a number or a text column (the other one is -1). */
  numberColumn: NumberColumn;
  textColumn: TextColumn;
  index: number;
  header: string;
  kind: number;
  fillCarrier: boolean;
  fillTracking: boolean;
  orderLevel: boolean;
}

interface PendingDate {
  order: number;
  plan: ColumnPlan;
  row: number;
  value: string;
  instant: number;
  swapped: number;
}

function columnsOf(field: CanonicalField): { numberColumn: NumberColumn; textColumn: TextColumn } {
  return isNumberField(field)
    ? { numberColumn: NUMBER[field], textColumn: -1 as TextColumn }
    : { numberColumn: -1 as NumberColumn, textColumn: TEXT[field] };
}

function kindOf(field: CanonicalField): number {
  if (DATE_FIELDS.includes(field)) return KIND_DATE;
  if (field === "amount") return KIND_AMOUNT;
  if (field === "handlingDays") return KIND_DAYS;
  if (field === "trackingNumber") return KIND_TRACKING;
  return KIND_TEXT;
}

function isCombinedMatch(match: ColumnMatch): boolean {
  return match.via === "combined" || isCombinedHeader(match.header);
}

/** One plan per column to read, left to right; a combined carrier:tracking column is read once. */
function planColumns(header: HeaderDetection): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  const combinedAt = new Map<number, ColumnPlan>();
  for (const [field, match] of Object.entries(header.columns) as Array<[CanonicalField, ColumnMatch]>) {
    if (field === "orderId") continue;
    if ((field === "carrier" || field === "trackingNumber") && isCombinedMatch(match)) {
      let plan = combinedAt.get(match.index);
      if (!plan) {
        plan = {
          field,
          ...columnsOf(field),
          index: match.index,
          header: match.header,
          kind: KIND_COMBINED,
          fillCarrier: false,
          fillTracking: false,
          orderLevel: false,
        };
        combinedAt.set(match.index, plan);
        plans.push(plan);
      }
      if (field === "carrier") plan.fillCarrier = true;
      else plan.fillTracking = true;
      continue;
    }
    plans.push({
      field,
      ...columnsOf(field),
      index: match.index,
      header: match.header,
      kind: kindOf(field),
      fillCarrier: false,
      fillTracking: false,
      orderLevel: ORDER_LEVEL_FIELDS.includes(field),
    });
  }
  return plans.sort((a, b) => a.index - b.index);
}

function isBlankRow(row: readonly CellValue[]): boolean {
  for (let j = 0; j < row.length; j++) {
    const value = row[j];
    if (value === null || value === undefined) continue;
    if (typeof value !== "string" || !isBlankText(value)) return false;
  }
  return true;
}

function startsWithEquals(value: CellValue): boolean {
  return typeof value === "string" && value.trimStart().startsWith("=");
}

/** A further package's tracking text added to what the order has ("LP001" + "LP002" -> "LP001, LP002"). */
function withTracking(known: string | number | undefined, text: string): string {
  if (known === undefined) return text;
  const knownText = String(known);
  return knownText === text || knownText.split(", ").includes(text) ? knownText : `${knownText}, ${text}`;
}

class SheetReader {
  private readonly rows: readonly (readonly CellValue[])[];
  private readonly firstRow: number;
  private readonly firstColumn: number;
  private readonly plans: ColumnPlan[];
  private readonly datePlans: ColumnPlan[];
  private readonly idIndex: number;
  private readonly idHeader: string;
  private readonly alternateIndex: number;
  private readonly date1904: boolean;
  private readonly dateContext: DateCellContext;
  private readonly dateOut: DateCellOut = newDateCellOut();
  private readonly orders: OrderTable;
  /** Each order id's order (its index in the table). */
  private readonly byId: TextIndex;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly pending: PendingDate[] = [];
  private readonly totalsRows: ReadonlySet<number>;
  /** Per date column (by its index): what its `a/b/yyyy` dates say of their day/month order. */
  private readonly dayMonth = new Map<number, DayMonthEvidence>();
  /** Order ids that look cut by Excel (numbers of 15+ digits, scientific notation): the first row and the count. */
  private cutIds: { row: number; value: string; rows: number } | undefined;
  /** Rows that repeat an order number but are another order (kept apart, identified by their row). */
  private splitRows = 0;
  /** Non-blank rows below the header, and the index of the last one. */
  private dataRows = 0;
  private lastIndex = -1;
  /** The order the last rows belonged to (-1: none), which a row without an order number may continue. */
  private current = -1;
  private currentAlternate: string | undefined;

  constructor(
    private readonly grid: SheetGrid,
    private readonly header: HeaderDetection,
    private readonly options: ReadOptions,
    expectedRows?: number,
  ) {
    this.rows = grid.rows;
    this.firstRow = grid.firstRow ?? 1;
    this.firstColumn = grid.firstColumn ?? 1;
    this.plans = planColumns(header);
    this.datePlans = this.plans.filter((plan) => plan.kind === KIND_DATE);
    const rowsBelowHeader = Math.max(0, (expectedRows ?? this.rows.length) - (header.headerRow - this.firstRow) - 1);
    this.orders = new OrderTable(rowsBelowHeader);
    this.byId = new TextIndex(rowsBelowHeader);
    const id = header.columns.orderId;
    this.idIndex = id ? id.index : -1;
    this.idHeader = id ? id.header : "";
    this.alternateIndex = header.alternateOrderId ? header.alternateOrderId.index : -1;
    this.date1904 = grid.date1904 ?? false;
    this.totalsRows = new Set(grid.totalsRows ?? []);
    this.dateContext = {
      clock: zoneClock(options.timeZone),
      date1904: this.date1904,
      order: options.dateOrder ?? "mdy",
      scan: newTextDateScan(),
    };
  }

  read(): SheetReadResult {
    const rows = this.rows;
    const start = this.header.headerRow - this.firstRow + 1;
    const total = Math.max(1, rows.length - start);
    const onProgress = this.options.onProgress;
    for (let i = start; i < rows.length; i++) {
      if (onProgress && ((i - start) & PROGRESS_EVERY_MASK) === 0) onProgress((i - start) / total);
      const row = rows[i];
      if (row) this.push(i, row);
    }
    if (onProgress) onProgress(1);
    return this.finish();
  }

  /** Reads the row at index `i` (Excel row firstRow + i); rows come top to bottom, the header's and those above ignored. */
  push(i: number, row: readonly CellValue[]): void {
    if (i <= this.header.headerRow - this.firstRow || isBlankRow(row)) return;
    this.dataRows++;
    this.lastIndex = i;
    const excelRow = this.firstRow + i;

    let id: string | undefined;
    if (this.idIndex < 0) id = `row ${excelRow}`;
    else {
      const value = row[this.idIndex];
      if (!isBlankCell(value)) {
        const error = excelErrorOf(value);
        if (error !== undefined) {
          this.diagnostics.push(diagnose.errorOrderId(this.place(excelRow, this.idHeader, "orderId"), error));
          this.current = -1;
          this.currentAlternate = undefined;
          return;
        }
        id = typeof value === "string" ? value.trim() : cellText(value);
        if (id === this.idHeader) return; // the header repeated (sheets pasted one below the other)
        if (this.isTotalsRow(excelRow, id, row, i)) {
          this.dataRows--;
          this.current = -1;
          this.currentAlternate = undefined;
          return;
        }
        if (looksCut(value, id)) this.noteCutId(excelRow, id);
      }
    }
    let alternate: string | undefined;
    if (this.alternateIndex >= 0) {
      const value = row[this.alternateIndex];
      if (!isBlankCell(value) && excelErrorOf(value) === undefined) alternate = cellText(value);
    }
    const current = this.current;
    // No platform number but an ERP number of its own: the ERP number stands in for it.
    if (id === undefined && alternate !== undefined && !(current >= 0 && alternate === this.currentAlternate)) {
      id = alternate;
    }

    let order: number;
    if (id !== undefined) {
      // An id not seen before is indexed as the order about to be added (the table's next index).
      order =
        current >= 0 && this.orders.orderId(current) === id ? current : this.byId.putIfAbsent(id, this.orders.count);
      if (order >= 0 && this.disagrees(row, i, order)) {
        // Another order under the same (cut) number: kept apart, named by its row.
        id = `${id} (row ${excelRow})`;
        order = this.byId.putIfAbsent(id, this.orders.count);
        this.splitRows++;
      }
      if (order < 0) {
        order = this.orders.add(id, excelRow);
        this.fill(order, row, i, excelRow);
        this.current = order;
        this.currentAlternate = alternate;
        return;
      }
    } else if (current >= 0 && !this.conflicts(row, i, current)) {
      order = current;
    } else {
      if (this.hasOrderData(row)) {
        this.diagnostics.push(diagnose.missingOrderId(this.place(excelRow, this.idHeader || "?", "orderId")));
      }
      this.current = -1;
      this.currentAlternate = undefined;
      return;
    }
    this.orders.addRow(order, excelRow);
    if (order !== current) {
      this.current = order;
      this.currentAlternate = alternate;
    } else if (this.currentAlternate === undefined) this.currentAlternate = alternate;
    this.fill(order, row, i, excelRow);
  }

  /** Settles what needs the whole sheet (ambiguous dates, repeated ids) and returns what was read. */
  finish(): SheetReadResult {
    this.settleAmbiguousDates();
    this.noteRepeatedIds();
    const { firstColumn, lastColumn } = this.tableColumns();
    const table = this.orders;
    let orders: Order[] | undefined;
    return {
      sheet: this.grid.name,
      header: this.header,
      table,
      get orders(): Order[] {
        return (orders ??= table.orders());
      },
      diagnostics: this.diagnostics,
      dataRows: this.dataRows,
      firstColumn,
      lastColumn,
      lastRow: this.lastIndex >= 0 ? this.firstRow + this.lastIndex : this.header.headerRow,
    };
  }

  private place(row: number, column: string, field?: CanonicalField): diagnose.CellPlace {
    return { sheet: this.grid.name, row, column, field };
  }

  /** Reads a row's cells into `order`, left to right: only what its earlier rows left blank (tracking numbers add up). */
  private fill(order: number, row: readonly CellValue[], i: number, excelRow: number): void {
    const orders = this.orders;
    for (const plan of this.plans) {
      const value = row[plan.index];
      if (value === null || value === undefined || value === "") continue;
      const kind = plan.kind;
      if (kind !== KIND_TRACKING && kind !== KIND_COMBINED && this.known(order, plan)) continue;
      switch (kind) {
        case KIND_DATE:
          this.readDate(order, plan, value, i, excelRow);
          break;
        case KIND_TEXT: {
          const text = this.textOf(value, plan, excelRow);
          if (text !== undefined) orders.setText(order, plan.textColumn, text);
          break;
        }
        case KIND_TRACKING: {
          const text = this.textOf(value, plan, excelRow);
          if (text !== undefined) this.addTracking(order, text);
          break;
        }
        case KIND_COMBINED: {
          const text = this.textOf(value, plan, excelRow);
          if (text === undefined) break;
          const parts = splitCarrierTracking(text);
          if (plan.fillCarrier && parts.carrier !== undefined && orders.text(order, TEXT.carrier) === undefined) {
            orders.setText(order, TEXT.carrier, parts.carrier);
          }
          if (plan.fillTracking && parts.trackingNumber !== undefined) this.addTracking(order, parts.trackingNumber);
          break;
        }
        default:
          this.readQuantity(order, plan, value, excelRow);
      }
    }
  }

  /** Whether `order` already has the value of `plan`'s field (an earlier row gave it). */
  private known(order: number, plan: ColumnPlan): boolean {
    return plan.kind === KIND_TEXT
      ? this.orders.text(order, plan.textColumn) !== undefined
      : isKnown(this.orders.number(order, plan.numberColumn));
  }

  private addTracking(order: number, text: string): void {
    this.orders.setText(order, TEXT.trackingNumber, withTracking(this.orders.text(order, TEXT.trackingNumber), text));
  }

  /** The cell as trimmed text; undefined (with a diagnostic for an Excel error) when there is none. */
  private textOf(value: CellValue, plan: ColumnPlan, excelRow: number): string | undefined {
    if (typeof value === "string") {
      const text = value.trim();
      if (text === "") return undefined;
      const code = text.charCodeAt(0);
      if (code === 0x23 || code === 0xff03) {
        const error = excelErrorOf(text);
        if (error !== undefined) {
          this.diagnostics.push(diagnose.excelError(this.place(excelRow, plan.header, plan.field), error));
          return undefined;
        }
      }
      return text;
    }
    if (typeof value === "number") return String(value);
    const error = excelErrorOf(value);
    if (error !== undefined) {
      this.diagnostics.push(diagnose.excelError(this.place(excelRow, plan.header, plan.field), error));
      return undefined;
    }
    return cellText(value) || undefined;
  }

  private readQuantity(order: number, plan: ColumnPlan, value: CellValue, excelRow: number): void {
    const number = readNumber(value);
    const valid = !Number.isNaN(number) && (plan.kind !== KIND_DAYS || number >= 0);
    if (valid) {
      this.orders.setNumber(order, plan.numberColumn, number);
      return;
    }
    if (isBlankCell(value)) return;
    const place = this.place(excelRow, plan.header, plan.field);
    const error = excelErrorOf(value);
    if (error !== undefined) this.diagnostics.push(diagnose.excelError(place, error));
    else if (startsWithEquals(value)) this.diagnostics.push(diagnose.formulaText(place, cellText(value), "number"));
    else this.diagnostics.push(diagnose.unparseableNumber(place, cellText(value)));
  }

  private readDate(order: number, plan: ColumnPlan, value: CellValue, i: number, excelRow: number): void {
    const field = plan.numberColumn;
    if (typeof value === "number") {
      // The common case, an Excel serial in a plausible year, without a call into the general reader.
      const instant = plausibleSerialInstant(value, this.dateContext);
      if (isKnown(instant)) {
        this.orders.setNumber(order, field, instant);
        return;
      }
    }
    const out = this.dateOut;
    if (typeof value === "number") {
      const numberFormat = this.grid.numberFormat ? this.grid.numberFormat(i, plan.index) : undefined;
      readDateCell(value, this.dateContext, numberFormat, out);
    } else readDateCell(value, this.dateContext, undefined, out);

    if (out.problem !== DATE_OK) {
      const place = this.place(excelRow, plan.header, plan.field);
      if (out.problem === DATE_ERROR)
        this.diagnostics.push(diagnose.excelError(place, excelErrorOf(value) ?? cellText(value)));
      else if (startsWithEquals(value)) this.diagnostics.push(diagnose.formulaText(place, cellText(value), "date"));
      else this.diagnostics.push(diagnose.unparseableDate(place, cellText(value)));
      return;
    }
    if (!isKnown(out.instant)) return; // blank
    const evidence = out.evidence;
    if (evidence === ORDER_EVIDENCE_EITHER && this.options.dateOrder === undefined) {
      this.pending.push({
        order,
        plan,
        row: excelRow,
        value: cellText(value),
        instant: out.instant,
        swapped: out.swappedInstant,
      });
    } else if (typeof value === "string") this.columnEvidence(plan).note(value, evidence);
    this.orders.setNumber(order, field, out.instant);
  }

  private columnEvidence(plan: ColumnPlan): DayMonthEvidence {
    let evidence = this.dayMonth.get(plan.index);
    if (!evidence) {
      evidence = new DayMonthEvidence();
      this.dayMonth.set(plan.index, evidence);
    }
    return evidence;
  }

  /**
   * Dates like 03/04/2025 were read month-first; their column's other dates settle them (see DayMonthEvidence):
   * re-read day-first, kept, or reported as ambiguous with no date kept.
   */
  private settleAmbiguousDates(): void {
    if (this.pending.length === 0) return;
    const zone = this.options.timeZone;
    const orders = this.orders;
    let reported = false;
    for (const pending of this.pending) {
      const { order, plan } = pending;
      const field = plan.numberColumn;
      if (orders.number(order, field) !== pending.instant) continue;
      const reading = this.columnEvidence(plan).settle(pending.value);
      if (reading === "asRead") continue;
      if (reading === "swapped") {
        orders.setNumber(order, field, pending.swapped);
        continue;
      }
      reported = true;
      orders.clear(order, plan.field);
      this.diagnostics.push(
        diagnose.ambiguousDate(
          this.place(pending.row, plan.header, plan.field),
          pending.value,
          formatInstant(pending.instant, zone).slice(0, 10),
          formatInstant(pending.swapped, zone).slice(0, 10),
        ),
      );
    }
    if (reported) this.diagnostics.sort((a, b) => a.row - b.row);
  }

  /**
   * A table's totals row: the host says so (the table's definition), or its order-number cell holds a total label
   * and the row has no date (an order always has one). Noted, never read as an order.
   */
  private isTotalsRow(excelRow: number, id: string, row: readonly CellValue[], i: number): boolean {
    const byDefinition = this.totalsRows.has(excelRow);
    if (!byDefinition && (startsWithDigit(id) || !TOTAL_LABELS.has(labelKey(id)) || this.hasDate(row, i))) return false;
    this.diagnostics.push(diagnose.totalsRow(this.place(excelRow, this.idHeader, "orderId"), id, byDefinition));
    return true;
  }

  private hasDate(row: readonly CellValue[], i: number): boolean {
    for (const plan of this.datePlans) {
      const value = row[plan.index];
      if (isBlankCell(value)) continue;
      const numberFormat =
        typeof value === "number" && this.grid.numberFormat ? this.grid.numberFormat(i, plan.index) : undefined;
      readDateCell(value, this.dateContext, numberFormat, this.dateOut);
      if (this.dateOut.problem === DATE_OK && isKnown(this.dateOut.instant)) return true;
    }
    return false;
  }

  private noteCutId(excelRow: number, value: string): void {
    if (this.cutIds) this.cutIds.rows++;
    else this.cutIds = { row: excelRow, value, rows: 1 };
  }

  /** One note for the sheet when order ids look cut by Excel or rows repeating an id had to be kept apart. */
  private noteRepeatedIds(): void {
    if (!this.cutIds && this.splitRows === 0) return;
    const first = this.cutIds ?? { row: 0, value: "", rows: 0 };
    this.diagnostics.push(
      diagnose.cutOrderIds(this.place(first.row, this.idHeader, "orderId"), first.value, first.rows, this.splitRows),
    );
  }

  /** Whether a row repeating `order`'s number disagrees with it on payment time, status or buyer. */
  private disagrees(row: readonly CellValue[], i: number, order: number): boolean {
    return this.conflicts(row, i, order, (plan) => REPEAT_FIELDS.includes(plan.field));
  }

  /** Whether a row without an order number disagrees with `order` on an order-level field. */
  private conflicts(
    row: readonly CellValue[],
    i: number,
    order: number,
    compared: (plan: ColumnPlan) => boolean = (plan) => plan.orderLevel,
  ): boolean {
    for (const plan of this.plans) {
      if (!compared(plan)) continue;
      const value = row[plan.index];
      if (isBlankCell(value)) continue;
      const known = this.orders.value(order, plan.field);
      if (known === undefined) continue;
      if (plan.kind === KIND_DATE) {
        const numberFormat =
          typeof value === "number" && this.grid.numberFormat ? this.grid.numberFormat(i, plan.index) : undefined;
        readDateCell(value, this.dateContext, numberFormat, this.dateOut);
        if (this.dateOut.problem === DATE_OK && this.dateOut.instant !== known) return true;
      } else if (cellText(value) !== known) return true;
    }
    return false;
  }

  private hasOrderData(row: readonly CellValue[]): boolean {
    return this.plans.some((plan) => !isBlankCell(row[plan.index]));
  }

  private tableColumns(): { firstColumn: number; lastColumn: number } {
    const headers = this.header.headers;
    let first = -1;
    let last = -1;
    headers.forEach((text, index) => {
      if (!text) return;
      if (first < 0) first = index;
      last = index;
    });
    if (first < 0) first = last = 0;
    return {
      firstColumn: this.firstColumn + first,
      lastColumn: this.firstColumn + last,
    };
  }
}

/** Order numbers start with a digit; labels do not (checked first, as it is cheap). */
function startsWithDigit(text: string): boolean {
  const code = text.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
}

function labelKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** An order id Excel may have cut: a number of 15 or more digits, or text in scientific notation. */
function looksCut(value: CellValue, id: string): boolean {
  if (typeof value === "number") return Math.abs(value) >= 10 ** (EXCEL_DIGITS - 1);
  return id.includes("+") && SCIENTIFIC_ID.test(id);
}

function headerOf(grid: SheetGrid, options: ReadOptions): HeaderDetection {
  if (!isValidTimeZone(options.timeZone)) throw new RangeError(`Unknown time zone "${options.timeZone}"`);
  const header = detectHeader(grid, options.mapping);
  if (!header) {
    throw new Error(
      `No header row found in sheet "${grid.name}": none of its first ${HEADER_SCAN_ROWS} rows names at least two ` +
        `order columns (such as 订单号 / Order ID and 付款时间 / Payment Time).`,
    );
  }
  return header;
}

/**
 * Reads an order sheet: finds the header, folds one-row-per-SKU continuation rows into their order, reads every
 * cell as its field's type and lists each cell it could not read. Throws only when no header row is found, or
 * when `options.timeZone` is not a time zone (a mistake of the caller, not of the sheet).
 */
export function readOrderSheet(grid: SheetGrid, options: ReadOptions): SheetReadResult {
  return new SheetReader(grid, headerOf(grid, options), options).read();
}

/** An order sheet read row by row as a host streams it, without the whole grid in memory. */
export interface OrderRowFeed {
  /**
   * The cells of one Excel row (cells[j] is column firstColumn + j), rows top to bottom. The array may be reused
   * by the caller once the call returns; `head`'s numberFormat is asked only about the row being read.
   */
  row(excelRow: number, cells: readonly CellValue[]): void;
  /** Everything read, once the last row was given. */
  finish(): SheetReadResult;
}

/**
 * Starts reading an order sheet whose first rows are `head.rows` (enough to find the header, HEADER_SCAN_ROWS);
 * every row, the head's included, is then given to `row`. `expectedRows` sizes the tables (they grow past it).
 * Throws as readOrderSheet does.
 */
export function feedOrderSheet(head: SheetGrid, options: ReadOptions, expectedRows = 0): OrderRowFeed {
  const reader = new SheetReader(head, headerOf(head, options), options, expectedRows);
  const firstRow = head.firstRow ?? 1;
  return {
    row: (excelRow, cells) => reader.push(excelRow - firstRow, cells),
    finish: () => reader.finish(),
  };
}
