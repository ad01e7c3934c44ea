import type { CanonicalField, Order } from "../model";

/**
 * Orders stored by column, the way the reader fills them and the scan judges them. A million Order objects cost
 * more than the rules that judge them: each is ~17 properties plus boxed numbers, allocated, promoted and traced
 * by the garbage collector. Here an order is an index; its dates and numbers sit in one Float64Array (with a bit per
 * field saying whether the sheet gave one) and its texts in one array of references to the strings the sheet already holds.
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
] as const satisfies readonly CanonicalField[];

export type NumberField = (typeof NUMBER_FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];

const NUMBER_STRIDE = NUMBER_FIELDS.length;
// One Uint8Array byte holds the "given" bits of an order's number fields.
if (NUMBER_STRIDE > 8) throw new Error("OrderTable keeps at most 8 number fields");
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
  /** Values of the number fields; a slot counts only when its bit in `numbersSet` is on (no NaN pass needed). */
  private numbers: Float64Array;
  private numbersSet: Uint8Array;
  private texts: Array<string | undefined>;
  private firstRows: Int32Array;
  /** Every row of the orders that span more than one (SKU continuation rows, a repeated order id); holey. */
  private moreRows: Array<number[] | undefined>;

  /** `expected` sizes the table once (the reader passes its row count); it doubles if exceeded. */
  constructor(expected = MIN_CAPACITY) {
    this.capacity = Math.max(MIN_CAPACITY, expected);
    this.numbers = new Float64Array(this.capacity * NUMBER_STRIDE);
    this.numbersSet = new Uint8Array(this.capacity);
    this.texts = new Array<string | undefined>(this.capacity * TEXT_STRIDE);
    this.firstRows = new Int32Array(this.capacity);
    this.moreRows = new Array<number[] | undefined>(this.capacity);
  }

  /** A new order with nothing but its id and first row; returns its index. */
  add(orderId: string, row: number): number {
    if (this.count === this.capacity) this.grow();
    const index = this.count++;
    this.texts[index * TEXT_STRIDE] = orderId;
    this.firstRows[index] = row;
    return index;
  }

  /** A further sheet row of order `index`. */
  addRow(index: number, row: number): void {
    const rows = this.moreRows[index];
    if (rows) rows.push(row);
    else this.moreRows[index] = [this.firstRows[index] as number, row];
  }

  orderId(index: number): string {
    return this.texts[index * TEXT_STRIDE] as string;
  }

  /** The order's first sheet row (where its order-level cells are). */
  firstRow(index: number): number {
    return this.firstRows[index] as number;
  }

  /** Every sheet row of the order, first row first (a new array for single-row orders). */
  rowsOf(index: number): number[] {
    return this.moreRows[index] ?? [this.firstRows[index] as number];
  }

  /** The value at a slot from fieldSlot(); undefined when the sheet gave none. */
  get(index: number, slot: number): string | number | undefined {
    if (slot < 0) return this.texts[index * TEXT_STRIDE - 1 - slot];
    return this.has(index, slot) ? this.numbers[index * NUMBER_STRIDE + slot] : undefined;
  }

  has(index: number, slot: number): boolean {
    if (slot < 0) return this.texts[index * TEXT_STRIDE - 1 - slot] !== undefined;
    return ((this.numbersSet[index] as number) & (1 << slot)) !== 0;
  }

  /** A number field's value, NaN when the sheet gave none. */
  number(index: number, slot: number): number {
    return ((this.numbersSet[index] as number) & (1 << slot)) !== 0
      ? (this.numbers[index * NUMBER_STRIDE + slot] as number)
      : NaN;
  }

  setNumber(index: number, slot: number, value: number): void {
    this.numbers[index * NUMBER_STRIDE + slot] = value;
    this.numbersSet[index] = (this.numbersSet[index] as number) | (1 << slot);
  }

  setText(index: number, slot: number, value: string): void {
    this.texts[index * TEXT_STRIDE - 1 - slot] = value;
  }

  set(index: number, slot: number, value: string | number): void {
    if (slot < 0) this.texts[index * TEXT_STRIDE - 1 - slot] = value as string;
    else this.setNumber(index, slot, value as number);
  }

  clear(index: number, slot: number): void {
    if (slot < 0) this.texts[index * TEXT_STRIDE - 1 - slot] = undefined;
    else this.numbersSet[index] = (this.numbersSet[index] as number) & ~(1 << slot);
  }

  /**
   * Writes order `index`'s fields into `into`, an object made by newOrderCursor() (`into.rows` is left alone).
   */
  private load(index: number, into: Order): void {
    const t = this.texts;
    const tt = index * TEXT_STRIDE;
    into.orderId = t[tt] as string;
    into.status = t[tt + 1];
    into.trackingNumber = t[tt + 2];
    into.carrier = t[tt + 3];
    into.buyerCarrier = t[tt + 4];
    into.buyerCountry = t[tt + 5];
    into.buyerName = t[tt + 6];
    into.cancelReason = t[tt + 7];
    into.createdAt = this.get(index, 0) as number | undefined;
    into.paidAt = this.get(index, 1) as number | undefined;
    into.shipDeadline = this.get(index, 2) as number | undefined;
    into.shippedAt = this.get(index, 3) as number | undefined;
    into.firstScanAt = this.get(index, 4) as number | undefined;
    into.deliveredAt = this.get(index, 5) as number | undefined;
    into.amount = this.get(index, 6) as number | undefined;
    into.handlingDays = this.get(index, 7) as number | undefined;
  }

  /** Order `index` as a plain object with every canonical field as a key (undefined where the sheet gave none). */
  toOrder(index: number): Order {
    const order = newOrderCursor();
    this.load(index, order);
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
    const numbers = new Float64Array(capacity * NUMBER_STRIDE);
    numbers.set(this.numbers);
    const numbersSet = new Uint8Array(capacity);
    numbersSet.set(this.numbersSet);
    const firstRows = new Int32Array(capacity);
    firstRows.set(this.firstRows);
    this.capacity = capacity;
    this.numbers = numbers;
    this.numbersSet = numbersSet;
    this.firstRows = firstRows;
    this.texts.length = capacity * TEXT_STRIDE;
    this.moreRows.length = capacity;
  }
}

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
