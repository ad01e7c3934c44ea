import { isKnown } from "../numbers";
import type { Rulebook } from "../rulebook";
import { NUMBER, type OrderTable } from "../orders/orderTable";
import { HOURS } from "./durations";

/** One window of the store's online rate (R5): shipped parcels with a first scan within `hours` of shipment. */
export interface OnlineRateWindowResult {
  hours: number;
  /** Parcels whose window has closed, or that were scanned: the rate's denominator. */
  shipped: number;
  /** Of those, scanned within the window. */
  online: number;
  /** online ÷ shipped; null when nothing was shipped long enough ago. */
  rate: number | null;
  /** The rulebook's threshold (null = unknown, so no verdict). */
  threshold: number | null;
  verdict: "meets" | "below" | null;
  /** Every parcel behind a miss: not scanned within the window. */
  missed: Array<{ orderId: string; row: number }>;
}

export interface OnlineRate {
  windows: OnlineRateWindowResult[];
}

/**
 * The store's online rate over the table's shipped orders (those with a ship time), as ERPs compute it (C15):
 * parcels first scanned within the window ÷ parcels shipped at least that long ago or already scanned. `judged`
 * leaves out orders the scan does not count as the seller's shipment (the platform warehouse's).
 */
export function onlineRate(
  table: OrderTable,
  asOf: number,
  rulebook: Rulebook,
  judged: (index: number) => boolean,
): OnlineRate {
  const windows = rulebook.logistics.onlineRate.value.map(({ hours, threshold }): OnlineRateWindowResult => ({
    hours,
    shipped: 0,
    online: 0,
    rate: null,
    threshold,
    verdict: null,
    missed: [],
  }));
  for (let i = 0; i < table.count; i++) {
    const shippedAt = table.number(i, NUMBER.shippedAt);
    if (!isKnown(shippedAt) || !judged(i)) continue;
    const firstScanAt = table.number(i, NUMBER.firstScanAt);
    const scanned = isKnown(firstScanAt);
    for (const window of windows) {
      const limit = shippedAt + window.hours * HOURS;
      if (!scanned && asOf < limit) continue; // still inside its window: neither online nor missed yet
      window.shipped++;
      if (scanned && firstScanAt <= limit) window.online++;
      else window.missed.push({ orderId: table.orderId(i), row: table.firstRow(i) });
    }
  }
  for (const window of windows) {
    if (window.shipped === 0) continue;
    window.rate = window.online / window.shipped;
    if (window.threshold !== null) window.verdict = window.rate >= window.threshold ? "meets" : "below";
  }
  return { windows };
}
