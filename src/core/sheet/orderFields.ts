import { CANONICAL_FIELDS, type CanonicalField, type Order } from "../model";

/**
 * Building Order objects fast. Adding properties one by one walks V8 through a new hidden class per property and
 * gives orders with different blank cells different classes, which makes every store (the reader's) and every
 * load (the rules') slow, and leaves each order in the young generation to be copied. So a row's values are
 * gathered first (OrderDraft) and each Order is made by one object literal with every canonical field: all orders
 * share one shape, V8 allocates them straight into the old generation, and a field the sheet did not give is
 * present with the value undefined (JSON leaves it out; `order.field === undefined` reads as before).
 */

/** Field codes: bit positions in a draft's mask, and cases of the switches below (named stores are fast stores). */
export const FIELD_CODE: Readonly<Record<CanonicalField, number>> = {
  orderId: 0,
  status: 1,
  createdAt: 2,
  paidAt: 3,
  shipDeadline: 4,
  shippedAt: 5,
  trackingNumber: 6,
  carrier: 7,
  buyerCarrier: 8,
  firstScanAt: 9,
  deliveredAt: 10,
  buyerCountry: 11,
  buyerName: 12,
  amount: 13,
  cancelReason: 14,
  handlingDays: 15,
};
const FIELD_COUNT = CANONICAL_FIELDS.length;
const FIELD_BY_CODE: CanonicalField[] = [];
for (const field of CANONICAL_FIELDS) FIELD_BY_CODE[FIELD_CODE[field]] = field;

export type FieldValue = string | number;

export function setField(order: Order, code: number, value: FieldValue): void {
  switch (code) {
    case 1:
      order.status = value as string;
      break;
    case 2:
      order.createdAt = value as number;
      break;
    case 3:
      order.paidAt = value as number;
      break;
    case 4:
      order.shipDeadline = value as number;
      break;
    case 5:
      order.shippedAt = value as number;
      break;
    case 6:
      order.trackingNumber = value as string;
      break;
    case 7:
      order.carrier = value as string;
      break;
    case 8:
      order.buyerCarrier = value as string;
      break;
    case 9:
      order.firstScanAt = value as number;
      break;
    case 10:
      order.deliveredAt = value as number;
      break;
    case 11:
      order.buyerCountry = value as string;
      break;
    case 12:
      order.buyerName = value as string;
      break;
    case 13:
      order.amount = value as number;
      break;
    case 14:
      order.cancelReason = value as string;
      break;
    case 15:
      order.handlingDays = value as number;
      break;
  }
}

export function fieldOf(order: Order, code: number): FieldValue | undefined {
  switch (code) {
    case 1:
      return order.status;
    case 2:
      return order.createdAt;
    case 3:
      return order.paidAt;
    case 4:
      return order.shipDeadline;
    case 5:
      return order.shippedAt;
    case 6:
      return order.trackingNumber;
    case 7:
      return order.carrier;
    case 8:
      return order.buyerCarrier;
    case 9:
      return order.firstScanAt;
    case 10:
      return order.deliveredAt;
    case 11:
      return order.buyerCountry;
    case 12:
      return order.buyerName;
    case 13:
      return order.amount;
    case 14:
      return order.cancelReason;
    case 15:
      return order.handlingDays;
    default:
      return order.orderId;
  }
}

export function clearField(order: Order, code: number): void {
  (order as unknown as Record<string, unknown>)[FIELD_BY_CODE[code]] = undefined;
}

/** The values read from a new order's first row, before the Order exists. */
export class OrderDraft {
  private readonly values: Array<FieldValue | undefined> = new Array<FieldValue | undefined>(FIELD_COUNT).fill(
    undefined,
  );

  get(code: number): FieldValue | undefined {
    return this.values[code];
  }

  set(code: number, value: FieldValue): void {
    this.values[code] = value;
  }

  /** The Order of the drafted values; the draft is empty afterwards. */
  build(orderId: string, row: number): Order {
    const v = this.values;
    const order: Order = {
      orderId,
      rows: [row],
      status: v[1] as string | undefined,
      createdAt: v[2] as number | undefined,
      paidAt: v[3] as number | undefined,
      shipDeadline: v[4] as number | undefined,
      shippedAt: v[5] as number | undefined,
      trackingNumber: v[6] as string | undefined,
      carrier: v[7] as string | undefined,
      buyerCarrier: v[8] as string | undefined,
      firstScanAt: v[9] as number | undefined,
      deliveredAt: v[10] as number | undefined,
      buyerCountry: v[11] as string | undefined,
      buyerName: v[12] as string | undefined,
      amount: v[13] as number | undefined,
      cancelReason: v[14] as string | undefined,
      handlingDays: v[15] as number | undefined,
    };
    v.fill(undefined);
    return order;
  }
}
