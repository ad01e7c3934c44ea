import type { Order } from "../model";

/**
 * Orders by id, for folding a repeated order id into its order wherever it appears. A Map of a million fresh id
 * strings was a fifth of the reader's time (hashing in V8's table, rehashing as it grows, cache misses); this
 * open-addressing table is sized once from the row count, keeps 32-bit hashes next to the slots so a lookup that
 * misses never touches an order, and holds positions in the reader's `orders` array.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Slots per expected order: at most half full, so probes stay short. */
const SLOTS_PER_ORDER = 2;
const MIN_SLOTS = 64;

/** FNV-1a over the UTF-16 code units. */
export function hashText(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

function slotsFor(orders: number): number {
  let size = MIN_SLOTS;
  while (size < orders * SLOTS_PER_ORDER) size *= 2;
  return size;
}

export class OrderIndex {
  /** Position in `orders` + 1; 0 = empty. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private count = 0;
  /** The slot the last `find` stopped at, where `add` puts the id it did not find. */
  private lastSlot = 0;
  private lastHash = 0;

  constructor(
    private readonly orders: Order[],
    expectedOrders: number,
  ) {
    const size = slotsFor(expectedOrders);
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  find(id: string): Order | undefined {
    const hash = hashText(id);
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) break;
      if (this.hashes[slot] === hash) {
        const order = this.orders[entry - 1];
        if (order.orderId === id) return order;
      }
      slot = (slot + 1) & mask;
    }
    this.lastSlot = slot;
    this.lastHash = hash;
    return undefined;
  }

  /** Appends a new order, whose id the last `find` did not find, to `orders` and indexes it. */
  appendAfterMiss(order: Order): void {
    this.orders.push(order);
    this.slots[this.lastSlot] = this.orders.length;
    this.hashes[this.lastSlot] = this.lastHash;
    if (++this.count * SLOTS_PER_ORDER > this.slots.length) this.grow();
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    for (let old = 0; old < this.slots.length; old++) {
      const entry = this.slots[old];
      if (entry === 0) continue;
      let slot = this.hashes[old] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
      hashes[slot] = this.hashes[old];
    }
    this.slots = slots;
    this.hashes = hashes;
    this.mask = mask;
  }
}
