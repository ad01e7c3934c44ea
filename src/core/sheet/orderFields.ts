import { CANONICAL_FIELDS, type CanonicalField, type Order } from "../model";

/**
 * Building Order objects fast. Adding properties one by one walks V8 through a new hidden class per property and
 * gives orders with different blank cells different classes, which made every store slow; here a row's values are
 * gathered first (OrderDraft), then the order is cloned from a template with exactly the keys that row has, so
 * every Order still carries only the fields that were read.
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
    case 1: order.status = value as string; break;
    case 2: order.createdAt = value as number; break;
    case 3: order.paidAt = value as number; break;
    case 4: order.shipDeadline = value as number; break;
    case 5: order.shippedAt = value as number; break;
    case 6: order.trackingNumber = value as string; break;
    case 7: order.carrier = value as string; break;
    case 8: order.buyerCarrier = value as string; break;
    case 9: order.firstScanAt = value as number; break;
    case 10: order.deliveredAt = value as number; break;
    case 11: order.buyerCountry = value as string; break;
    case 12: order.buyerName = value as string; break;
    case 13: order.amount = value as number; break;
    case 14: order.cancelReason = value as string; break;
    case 15: order.handlingDays = value as number; break;
  }
}

export function fieldOf(order: Order, code: number): FieldValue | undefined {
  switch (code) {
    case 1: return order.status;
    case 2: return order.createdAt;
    case 3: return order.paidAt;
    case 4: return order.shipDeadline;
    case 5: return order.shippedAt;
    case 6: return order.trackingNumber;
    case 7: return order.carrier;
    case 8: return order.buyerCarrier;
    case 9: return order.firstScanAt;
    case 10: return order.deliveredAt;
    case 11: return order.buyerCountry;
    case 12: return order.buyerName;
    case 13: return order.amount;
    case 14: return order.cancelReason;
    case 15: return order.handlingDays;
    default: return order.orderId;
  }
}

export function clearField(order: Order, code: number): void {
  delete (order as unknown as Record<string, unknown>)[FIELD_BY_CODE[code]];
}

/** The values read from a new order's first row, before the Order exists. */
export class OrderDraft {
  private readonly values: Array<FieldValue | undefined> = new Array<FieldValue | undefined>(FIELD_COUNT).fill(undefined);
  private mask = 0;
  /** Orders' shapes by mask: an empty object with exactly the keys of that mask, to clone. */
  private readonly templates = new Map<number, Order>();

  get(code: number): FieldValue | undefined {
    return this.values[code];
  }

  set(code: number, value: FieldValue): void {
    this.values[code] = value;
    this.mask |= 1 << code;
  }

  /** The Order of the drafted values; the draft is empty afterwards. */
  build(orderId: string, row: number): Order {
    const mask = this.mask;
    let template = this.templates.get(mask);
    if (template === undefined) {
      template = { orderId: "", rows: [] };
      for (let code = 1; code < FIELD_COUNT; code++) {
        if (mask & (1 << code)) (template as unknown as Record<string, unknown>)[FIELD_BY_CODE[code]] = undefined;
      }
      this.templates.set(mask, template);
    }
    const order: Order = { ...template };
    order.orderId = orderId;
    order.rows = [row];
    const values = this.values;
    for (let code = 1; code < FIELD_COUNT; code++) {
      if ((mask & (1 << code)) === 0) continue;
      setField(order, code, values[code] as FieldValue);
      values[code] = undefined;
    }
    this.mask = 0;
    return order;
  }
}
