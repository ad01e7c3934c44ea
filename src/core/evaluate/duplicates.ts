import { TextIndex } from "../base/textIndex";

/**
 * Tracking numbers used on two or more different orders. Continuation rows of one order were already folded into
 * that order by the reader, so one order repeating its own number does not count.
 */
export class SharedTrackingNumbers {
  /** Each number's first order (its index). */
  private readonly firstOrder: TextIndex;
  private readonly shared = new Map<string, number[]>();

  /** `expected`: about how many numbers will be added (the table still grows past it). */
  constructor(expected = 0) {
    this.firstOrder = new TextIndex(expected);
  }

  /** Notes that order `order` (its index) carries `trackingNumber`; orders must be added in ascending order. */
  add(order: number, trackingNumber: string): void {
    const first = this.firstOrder.putIfAbsent(trackingNumber, order);
    if (first < 0 || first === order) return;
    const orders = this.shared.get(trackingNumber);
    if (!orders) this.shared.set(trackingNumber, [first, order]);
    else if (orders[orders.length - 1] !== order) orders.push(order);
  }

  /** number -> the distinct orders (ascending indexes) using it, for numbers on two or more orders. */
  result(): ReadonlyMap<string, readonly number[]> {
    return this.shared;
  }
}
