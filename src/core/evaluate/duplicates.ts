/**
 * Tracking numbers used on two or more different orders. Continuation rows of one order were already folded into
 * that order by the reader, so one order repeating its own number does not count.
 */
export class SharedTrackingNumbers {
  // Open addressing over plain arrays: a sheet holds up to a million mostly unique numbers, and a Map of them spends
  // its time growing and rehashing. `expected` sizes the table once; it still doubles if exceeded.
  private numbers: Array<string | undefined>;
  private firstOrder: string[];
  private mask: number;
  private count = 0;
  private readonly shared = new Map<string, string[]>();

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.numbers = new Array<string | undefined>(capacity);
    this.firstOrder = new Array<string>(capacity);
    this.mask = capacity - 1;
  }

  private static hash(text: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return hash >>> 0;
  }

  private grow(): void {
    const numbers = this.numbers;
    const owners = this.firstOrder;
    const capacity = numbers.length * 2;
    this.numbers = new Array<string | undefined>(capacity);
    this.firstOrder = new Array<string>(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < numbers.length; i++) {
      const number = numbers[i];
      if (number === undefined) continue;
      let slot = SharedTrackingNumbers.hash(number) & this.mask;
      while (this.numbers[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.numbers[slot] = number;
      this.firstOrder[slot] = owners[i] as string;
    }
  }

  add(orderId: string, trackingNumber: string): void {
    let slot = SharedTrackingNumbers.hash(trackingNumber) & this.mask;
    for (;;) {
      const number = this.numbers[slot];
      if (number === undefined) break;
      if (number === trackingNumber) {
        const first = this.firstOrder[slot] as string;
        if (first === orderId) return;
        const orders = this.shared.get(trackingNumber);
        if (!orders) this.shared.set(trackingNumber, [first, orderId]);
        else if (!orders.includes(orderId)) orders.push(orderId);
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    this.numbers[slot] = trackingNumber;
    this.firstOrder[slot] = orderId;
    if (++this.count * 2 > this.numbers.length) this.grow();
  }

  /** number -> the distinct orders using it, for numbers on two or more orders. */
  result(): ReadonlyMap<string, string[]> {
    return this.shared;
  }
}

export function findSharedTrackingNumbers(
  ordersWithNumbers: ReadonlyArray<{ orderId: string; trackingNumbers: readonly string[] }>,
): ReadonlyMap<string, string[]> {
  const shared = new SharedTrackingNumbers();
  for (const { orderId, trackingNumbers } of ordersWithNumbers) {
    for (const number of trackingNumbers) shared.add(orderId, number);
  }
  return shared.result();
}
