/**
 * A map from text to a non-negative whole number, for the million-key look-ups of a scan (order ids, tracking
 * numbers). `Map` is the plain choice and is used everywhere else; at a million fresh keys it costs a scan more
 * than its budget allows (BENCHMARKS.md, "Plain code"), so these two look-ups use this open-addressing table.
 * Each slot keeps its key's 32-bit hash beside the entry, so a probe that misses compares no text.
 */
export class TextIndex {
  /** Per slot: the key's hash, then its entry + 1 (0: an empty slot). */
  private slots: Int32Array;
  private mask: number;
  private readonly keys: string[];
  private values: Int32Array;
  private count = 0;

  constructor(expectedKeys = 0) {
    let capacity = 16;
    while (capacity < expectedKeys * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.keys = new Array<string>(capacity / 2);
    this.values = new Int32Array(capacity / 2);
  }

  get size(): number {
    return this.count;
  }

  /** The number stored under `key`, or -1. */
  get(key: string): number {
    const entry = this.entryOf(key, hashText(key));
    return entry < 0 ? -1 : (this.values[entry] as number);
  }

  /** Stores `value` (a 32-bit whole number, 0 or more) under `key`, replacing what was there. */
  set(key: string, value: number): void {
    const hash = hashText(key);
    const entry = this.entryOf(key, hash);
    if (entry >= 0) this.values[entry] = value;
    else this.append(key, hash, value);
  }

  /** The number stored under `key`; if there is none, stores `value` under it and returns -1. */
  putIfAbsent(key: string, value: number): number {
    const hash = hashText(key);
    const entry = this.entryOf(key, hash);
    if (entry >= 0) return this.values[entry] as number;
    this.append(key, hash, value);
    return -1;
  }

  private append(key: string, hash: number, value: number): void {
    this.keys[this.count] = key;
    this.values[this.count] = value;
    this.place(hash, ++this.count);
    if (this.count * 2 >= this.mask + 1) this.grow();
  }

  private entryOf(key: string, hash: number): number {
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = slots[slot * 2 + 1] as number;
      if (entry === 0) return -1;
      if (slots[slot * 2] === hash && this.keys[entry - 1] === key) return entry - 1;
    }
  }

  /** Puts entry number `entry` (1-based) in the first free slot from its hash's. */
  private place(hash: number, entry: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot * 2] = hash;
    this.slots[slot * 2 + 1] = entry;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at + 1] as number;
      if (entry !== 0) this.place(old[at] as number, entry);
    }
    // Entries stay under half the slots, so the entry arrays need that many places.
    const values = new Int32Array((this.mask + 1) / 2);
    values.set(this.values);
    this.values = values;
    this.keys.length = values.length;
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units, as a signed 32-bit integer. */
function hashText(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}
