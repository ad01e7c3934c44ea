import type { OrderTable } from "../orders/orderTable";
import { hashText } from "../hashText";

/**
 * Orders by id, for folding a repeated order id into its order wherever it appears. A Map of a million fresh id
 * strings cost a fifth of the reader's time (V8 hashing into a table that rehashes as it grows, several cache
 * misses per look-up); this open-addressing table is sized once from the row count and keeps each slot's 32-bit
 * hash next to its entry, so a look-up that misses touches one cache line and never an order. Entries are order
 * indexes into an OrderTable.
 */

/** Slots per expected order: at most half full, so probes stay short. */
const SLOTS_PER_ORDER = 2;
const MIN_SLOTS = 64;

function slotsFor(orders: number): number {
  let size = MIN_SLOTS;
  while (size < orders * SLOTS_PER_ORDER) size *= 2;
  return size;
}

export class OrderIndex {
  /** Per slot two numbers: the hash, then the order's index in the table + 1 (0 = empty slot). */
  private table: Int32Array;
  private mask: number;
  private count = 0;
  /** The slot the last `find` stopped at, where `appendAfterMiss` puts the id it did not find. */
  private lastSlot = 0;
  private lastHash = 0;

  constructor(
    private readonly orders: OrderTable,
    expectedOrders: number,
  ) {
    const size = slotsFor(expectedOrders);
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** The index of the order with this id, or -1. */
  find(id: string): number {
    const hash = hashText(id);
    const table = this.table;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = table[slot * 2 + 1];
      if (entry === 0) break;
      if (table[slot * 2] === hash) {
        if (this.orders.orderId(entry - 1) === id) return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    this.lastSlot = slot;
    this.lastHash = hash;
    return -1;
  }

  /** Adds a new order, whose id the last `find` did not find, to the table and indexes it; returns its index. */
  addAfterMiss(id: string, row: number): number {
    const index = this.orders.add(id, row);
    this.table[this.lastSlot * 2] = this.lastHash;
    this.table[this.lastSlot * 2 + 1] = index + 1;
    if (++this.count * SLOTS_PER_ORDER > this.mask + 1) this.grow();
    return index;
  }

  private grow(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size * 2);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = old[at] & mask;
      while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = old[at];
      table[slot * 2 + 1] = old[at + 1];
    }
    this.table = table;
    this.mask = mask;
  }
}
