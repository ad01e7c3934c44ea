import { hashText } from "../hashText";
import { keepShape } from "../keepShape";

/**
 * Tracking numbers used on two or more different orders. Continuation rows of one order were already folded into
 * that order by the reader, so one order repeating its own number does not count.
 */
export class SharedTrackingNumbers {
  // Open addressing: a sheet holds up to a million mostly unique numbers, and a Map of them spends its time growing
  // and rehashing. Each slot keeps the number's 32-bit hash beside its entry, so a probe reads one Int32Array (one
  // cache line) and touches a string only when the hashes agree; entries are appended in order. `expected` sizes
  // the table once; it still doubles if exceeded.
  /** Per slot: the hash, then the entry + 1 (0 = empty). */
  private slots: Int32Array;
  private mask: number;
  private numbers: string[];
  private firstOrder: Int32Array;
  private entries = 0;
  private readonly shared = new Map<string, number[]>();

  constructor(expected = 1024) {
    this.mask = SharedTrackingNumbers.capacityFor(expected) - 1;
    this.slots = new Int32Array((this.mask + 1) * 2);
    this.numbers = new Array<string>(SharedTrackingNumbers.entryPlaces(this.mask + 1));
    this.firstOrder = new Int32Array(SharedTrackingNumbers.entryPlaces(this.mask + 1));
  }

  private static capacityFor(entries: number): number {
    let capacity = 16;
    while (capacity < entries * 2) capacity *= 2;
    return capacity;
  }

  /** `add` grows the table once entries pass half its slots, so the entry arrays need only that many places. */
  private static entryPlaces(capacity: number): number {
    return capacity / 2 + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = (this.mask + 1) * 2 - 1;
    const slots = new Int32Array((this.mask + 1) * 2);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = (old[at] as number) & this.mask;
      while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      slots[slot * 2] = old[at] as number;
      slots[slot * 2 + 1] = old[at + 1] as number;
    }
    this.slots = slots;
    this.numbers.length = SharedTrackingNumbers.entryPlaces(this.mask + 1);
    const firstOrder = new Int32Array(SharedTrackingNumbers.entryPlaces(this.mask + 1));
    firstOrder.set(this.firstOrder);
    this.firstOrder = firstOrder;
  }

  /** Notes that order `order` (its index) carries `trackingNumber`; orders must be added in ascending order. */
  add(order: number, trackingNumber: string): void {
    const hash = hashText(trackingNumber);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const entry = slots[slot * 2 + 1] as number;
      if (entry === 0) break;
      if (slots[slot * 2] === hash && this.numbers[entry - 1] === trackingNumber) {
        const first = this.firstOrder[entry - 1] as number;
        if (first === order) return;
        const orders = this.shared.get(trackingNumber);
        if (!orders) this.shared.set(trackingNumber, [first, order]);
        else if (orders[orders.length - 1] !== order) orders.push(order);
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    this.numbers[this.entries] = trackingNumber;
    this.firstOrder[this.entries] = order;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = ++this.entries;
    if (this.entries * 2 > this.mask + 1) this.grow();
  }

  /** number -> the distinct orders (ascending indexes) using it, for numbers on two or more orders. */
  result(): ReadonlyMap<string, readonly number[]> {
    return this.shared;
  }
}

keepShape(new SharedTrackingNumbers(0));
