import { isKnown } from "../numbers";
import type { CanonicalField, Order } from "../model";

/**
 * Orders stored by column, the way the reader fills them and the scan judges them: an order is an index into
 * columns, a Float64Array per number field (NaN where the sheet gave none) and an array per text field. A column is
 * made when its field is first set; fields are read and written through the named layout (`NUMBER.paidAt`,
 * `TEXT.status`).
 * `toOrder` and `orders()` give plain Order objects to hosts that want them; the scan never builds one per order.
 */

/** Fields kept as numbers (instants, amounts, days). */
export const NUMBER_FIELDS = [
  "createdAt",
  "paidAt",
  "shipDeadline",
  "shippedAt",
  "firstScanAt",
  "deliveredAt",
  "amount",
  "handlingDays",
] as const satisfies readonly CanonicalField[];

/** Fields kept as text, orderId first. */
export const TEXT_FIELDS = [
  "orderId",
  "status",
  "trackingNumber",
  "carrier",
  "buyerCarrier",
  "buyerCountry",
  "buyerName",
  "cancelReason",
  "businessMode",
] as const satisfies readonly CanonicalField[];

export type NumberField = (typeof NUMBER_FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];

declare const numberColumnBrand: unique symbol;
declare const textColumnBrand: unique symbol;
/** Where a number field lives in the table: `NUMBER.paidAt`. */
export type NumberColumn = number & { readonly [numberColumnBrand]: true };
/** Where a text field lives in the table: `TEXT.status`. */
export type TextColumn = number & { readonly [textColumnBrand]: true };

function layout<Field extends string, Column>(fields: readonly Field[]): Readonly<Record<Field, Column>> {
  return Object.fromEntries(fields.map((field, column) => [field, column])) as Record<Field, Column>;
}

/** The table's layout: each number field's column. */
export const NUMBER = layout<NumberField, NumberColumn>(NUMBER_FIELDS);
/** The table's layout: each text field's column. */
export const TEXT = layout<TextField, TextColumn>(TEXT_FIELDS);

export function isNumberField(field: CanonicalField): field is NumberField {
  return field in NUMBER;
}

const MIN_CAPACITY = 16;

export class OrderTable {
  /** Orders stored. */
  count = 0;
  private capacity: number;
  /**
   * One column per number field, NaN where the sheet gave none; made when the field is first set, so a table of
   * payment and ship times (AE.STATUS) holds two columns, not eight.
   */
  private readonly numberColumns: Array<Float64Array | undefined> = NUMBER_FIELDS.map(() => undefined);
  /** One column per text field, made when the field is first set. */
  private readonly textColumns: Array<Array<string | undefined> | undefined> = TEXT_FIELDS.map(() => undefined);
  private firstRows: Int32Array;
  /**
   * Every row of the orders that span more than one (SKU continuation rows, a repeated order id); made with the
   * first such order (a formula's orders never have one).
   */
  private moreRows: Array<number[] | undefined> | undefined;

  /** `expected` sizes the table once (the reader passes its row count); it doubles if exceeded. */
  constructor(expected = MIN_CAPACITY) {
    this.capacity = Math.max(MIN_CAPACITY, expected);
    this.firstRows = new Int32Array(this.capacity);
  }

  /**
   * A new order with nothing but its id and first row; returns its index. Without an id the order is known by its
   * number (index + 1), made into text only when asked for: a formula's orders have no id of their own.
   */
  add(orderId: string | undefined, row: number): number {
    if (this.count === this.capacity) this.grow();
    const index = this.count++;
    if (orderId !== undefined) this.setText(index, TEXT.orderId, orderId);
    this.firstRows[index] = row;
    return index;
  }

  /** A further sheet row of order `index`. */
  addRow(index: number, row: number): void {
    const moreRows = (this.moreRows ??= new Array<number[] | undefined>(this.capacity));
    const rows = moreRows[index];
    if (rows) rows.push(row);
    else moreRows[index] = [this.firstRow(index), row];
  }

  orderId(index: number): string {
    return this.text(index, TEXT.orderId) ?? String(index + 1);
  }

  /** The order's first sheet row (where its order-level cells are). */
  firstRow(index: number): number {
    return this.firstRows[index] as number;
  }

  /** Every sheet row of the order, first row first (a new array for single-row orders). */
  rowsOf(index: number): number[] {
    return this.moreRows?.[index] ?? [this.firstRow(index)];
  }

  /** A number field's value, NaN when the sheet gave none. */
  number(index: number, field: NumberColumn): number {
    const column = this.numberColumns[field];
    return column === undefined ? Number.NaN : (column[index] as number);
  }

  /** A text field's value, undefined when the sheet gave none. */
  text(index: number, field: TextColumn): string | undefined {
    return this.textColumns[field]?.[index];
  }

  /** Any field's value, undefined when the sheet gave none. */
  value(index: number, field: CanonicalField): string | number | undefined {
    if (!isNumberField(field)) return this.text(index, TEXT[field as TextField]);
    const value = this.number(index, NUMBER[field]);
    return isKnown(value) ? value : undefined;
  }

  has(index: number, field: CanonicalField): boolean {
    return this.value(index, field) !== undefined;
  }

  /** Sets a number field; NaN means "none". */
  setNumber(index: number, field: NumberColumn, value: number): void {
    let column = this.numberColumns[field];
    if (column === undefined) {
      column = new Float64Array(this.capacity).fill(Number.NaN);
      this.numberColumns[field] = column;
    }
    column[index] = value;
  }

  setText(index: number, field: TextColumn, value: string): void {
    let column = this.textColumns[field];
    if (column === undefined) {
      column = new Array<string | undefined>(this.capacity);
      this.textColumns[field] = column;
    }
    column[index] = value;
  }

  clear(index: number, field: CanonicalField): void {
    if (isNumberField(field)) {
      const column = this.numberColumns[NUMBER[field]];
      if (column !== undefined) column[index] = Number.NaN;
    } else {
      const column = this.textColumns[TEXT[field as TextField]];
      if (column !== undefined) column[index] = undefined;
    }
  }

  /** Order `index` as a plain object with every canonical field as a key (undefined where the sheet gave none). */
  toOrder(index: number): Order {
    const order = newOrder();
    const fields = order as unknown as Record<CanonicalField, unknown>;
    for (const field of TEXT_FIELDS) fields[field] = this.text(index, TEXT[field]);
    order.orderId = this.orderId(index);
    for (const field of NUMBER_FIELDS) fields[field] = this.value(index, field);
    order.rows = this.rowsOf(index);
    return order;
  }

  orders(): Order[] {
    const orders: Order[] = new Array<Order>(this.count);
    for (let i = 0; i < this.count; i++) orders[i] = this.toOrder(i);
    return orders;
  }

  /** A table of already-built orders (formula arguments, tests). */
  static of(orders: readonly Order[]): OrderTable {
    const table = new OrderTable(orders.length);
    for (const order of orders) {
      const rows = order.rows;
      const index = table.add(order.orderId, rows[0] ?? 0);
      for (let r = 1; r < rows.length; r++) table.addRow(index, rows[r] as number);
      for (const field of TEXT_FIELDS) {
        const value = order[field];
        if (field !== "orderId" && value !== undefined) table.setText(index, TEXT[field], value);
      }
      for (const field of NUMBER_FIELDS) {
        const value = order[field];
        if (value !== undefined) table.setNumber(index, NUMBER[field], value);
      }
    }
    return table;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.numberColumns.forEach((old, at) => {
      if (old === undefined) return;
      const column = new Float64Array(capacity).fill(Number.NaN);
      column.set(old);
      this.numberColumns[at] = column;
    });
    for (const column of this.textColumns) if (column !== undefined) column.length = capacity;
    const firstRows = new Int32Array(capacity);
    firstRows.set(this.firstRows);
    this.capacity = capacity;
    this.firstRows = firstRows;
    if (this.moreRows !== undefined) this.moreRows.length = capacity;
  }
}

/** An Order with every canonical field as a key. */
function newOrder(): Order {
  return {
    orderId: "",
    rows: [],
    status: undefined,
    createdAt: undefined,
    paidAt: undefined,
    shipDeadline: undefined,
    shippedAt: undefined,
    trackingNumber: undefined,
    carrier: undefined,
    buyerCarrier: undefined,
    firstScanAt: undefined,
    deliveredAt: undefined,
    buyerCountry: undefined,
    buyerName: undefined,
    amount: undefined,
    cancelReason: undefined,
    handlingDays: undefined,
  };
}
