import { isKnown } from "../numbers";
import type { CanonicalField, Order } from "../model";
import { keepShape } from "../keepShape";

/**
 * Orders stored by column, the way the reader fills them and the scan judges them. A million Order objects cost
 * more than the rules that judge them: each is ~17 properties plus boxed numbers, allocated, promoted and traced
 * by the garbage collector. Here an order is an index into columns: a Float64Array per number field (NaN where the
 * sheet gave none) and an array per text field of references to the strings the sheet already holds. A column is
 * made when its field is first set.
 * `toOrder` and `orders()` give plain Order objects to hosts that want them; the scan never builds one per order.
 */

/** Fields kept as numbers (instants, amounts, days), in slot order. */
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

/** Fields kept as text, in slot order; orderId is slot 0. */
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

const NUMBER_STRIDE = NUMBER_FIELDS.length;
const TEXT_STRIDE = TEXT_FIELDS.length;
const NUMBER_SLOT = Object.fromEntries(NUMBER_FIELDS.map((field, slot) => [field, slot])) as Record<
  NumberField,
  number
>;
const TEXT_SLOT = Object.fromEntries(TEXT_FIELDS.map((field, slot) => [field, slot])) as Record<TextField, number>;

/** Where a field lives: a number slot, or a text slot (as the negative -1 - slot, so one int says both). */
export function fieldSlot(field: CanonicalField): number {
  if (field in NUMBER_SLOT) return NUMBER_SLOT[field as NumberField];
  return -1 - TEXT_SLOT[field as TextField];
}

export const isTextSlot = (slot: number): boolean => slot < 0;

const MIN_CAPACITY = 16;

export class OrderTable {
  /** Orders stored. */
  count = 0;
  private capacity: number;
  /**
   * One column per number field, NaN where the sheet gave none; made when the field is first set, so a table of
   * payment and ship times (AE.STATUS) holds two columns, not eight.
   */
  private readonly numberColumns: Array<Float64Array | undefined> = new Array(NUMBER_STRIDE).fill(undefined);
  /** One column per text field (orderId first), made when the field is first set. */
  private readonly textColumns: Array<Array<string | undefined> | undefined> = new Array(TEXT_STRIDE).fill(undefined);
  private firstRows: Int32Array;
  /**
   * Every row of the orders that span more than one (SKU continuation rows, a repeated order id); holey, and made
   * with the first such order (a formula's orders never have one).
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
    if (orderId !== undefined) this.textColumn(0)[index] = orderId;
    this.firstRows[index] = row;
    return index;
  }

  /** A further sheet row of order `index`. */
  addRow(index: number, row: number): void {
    const moreRows = (this.moreRows ??= new Array<number[] | undefined>(this.capacity));
    const rows = moreRows[index];
    if (rows) rows.push(row);
    else moreRows[index] = [this.firstRows[index] as number, row];
  }

  orderId(index: number): string {
    return this.text(index, 0) ?? String(index + 1);
  }

  /** The order's first sheet row (where its order-level cells are). */
  firstRow(index: number): number {
    return this.firstRows[index] as number;
  }

  /** Every sheet row of the order, first row first (a new array for single-row orders). */
  rowsOf(index: number): number[] {
    return this.moreRows?.[index] ?? [this.firstRows[index] as number];
  }

  /** The value at a slot from fieldSlot(); undefined when the sheet gave none. */
  get(index: number, slot: number): string | number | undefined {
    if (slot < 0) return this.text(index, -1 - slot);
    const value = this.number(index, slot);
    return isKnown(value) ? value : undefined;
  }

  has(index: number, slot: number): boolean {
    if (slot < 0) return this.text(index, -1 - slot) !== undefined;
    const value = this.number(index, slot);
    return isKnown(value);
  }

  /** A number field's value, NaN when the sheet gave none. */
  number(index: number, slot: number): number {
    const column = this.numberColumns[slot];
    return column === undefined ? Number.NaN : (column[index] as number);
  }

  /** Sets a number field; NaN means "none". */
  setNumber(index: number, slot: number, value: number): void {
    let column = this.numberColumns[slot];
    if (column === undefined) {
      column = new Float64Array(this.capacity).fill(Number.NaN);
      this.numberColumns[slot] = column;
    }
    column[index] = value;
  }

  setText(index: number, slot: number, value: string): void {
    this.textColumn(-1 - slot)[index] = value;
  }

  set(index: number, slot: number, value: string | number): void {
    if (slot < 0) this.setText(index, slot, value as string);
    else this.setNumber(index, slot, value as number);
  }

  clear(index: number, slot: number): void {
    if (slot < 0) {
      const column = this.textColumns[-1 - slot];
      if (column !== undefined) column[index] = undefined;
    } else {
      const column = this.numberColumns[slot];
      if (column !== undefined) column[index] = Number.NaN;
    }
  }

  private text(index: number, textSlot: number): string | undefined {
    const column = this.textColumns[textSlot];
    return column === undefined ? undefined : column[index];
  }

  private textColumn(textSlot: number): Array<string | undefined> {
    let column = this.textColumns[textSlot];
    if (column === undefined) {
      column = new Array<string | undefined>(this.capacity);
      this.textColumns[textSlot] = column;
    }
    return column;
  }

  /** Order `index` as a plain object with every canonical field as a key (undefined where the sheet gave none). */
  toOrder(index: number): Order {
    const order = newOrderCursor();
    for (let slot = 0; slot < TEXT_STRIDE; slot++) {
      (order as unknown as Record<string, unknown>)[TEXT_FIELDS[slot] as TextField] = this.text(index, slot);
    }
    order.orderId = this.orderId(index);
    for (let slot = 0; slot < NUMBER_STRIDE; slot++) {
      (order as unknown as Record<string, unknown>)[NUMBER_FIELDS[slot] as NumberField] = this.get(index, slot);
    }
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
      for (let slot = 1; slot < TEXT_STRIDE; slot++) {
        const value = order[TEXT_FIELDS[slot] as TextField];
        if (value !== undefined) table.setText(index, -1 - slot, value);
      }
      for (let slot = 0; slot < NUMBER_STRIDE; slot++) {
        const value = order[NUMBER_FIELDS[slot] as NumberField];
        if (value !== undefined) table.setNumber(index, slot, value);
      }
    }
    return table;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    for (let slot = 0; slot < NUMBER_STRIDE; slot++) {
      const old = this.numberColumns[slot];
      if (old === undefined) continue;
      const column = new Float64Array(capacity).fill(Number.NaN);
      column.set(old);
      this.numberColumns[slot] = column;
    }
    for (const column of this.textColumns) if (column !== undefined) column.length = capacity;
    const firstRows = new Int32Array(capacity);
    firstRows.set(this.firstRows);
    this.capacity = capacity;
    this.firstRows = firstRows;
    if (this.moreRows !== undefined) this.moreRows.length = capacity;
  }
}

// See keepShape: a formula call's table must not take the optimised code of the loops over it away with it.
keepShape(new OrderTable(0));

/** An Order with every canonical field as a key, in one fixed order (one hidden class for all of them). */
function newOrderCursor(): Order {
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
