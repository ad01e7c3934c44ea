import type { Instant } from "../model";
import { formatMinute } from "../dates/zone";
import type { ScanResult } from "../report/types";

/** How close a deadline is: past, inside the urgent window, inside the soon window, or later. */
export type ShipNowBand = "overdue" | "urgent" | "soon" | "later";

/** The ship-now list's settings; hosts take them from the seller (defaults in DEFAULT_SHIP_NOW). */
export interface ShipNowSettings {
  /** Deadlines within this many hours are urgent. */
  urgentHours: number;
  /** Deadlines within this many hours (and not urgent) are soon. */
  soonHours: number;
  /** The zone the seller thinks in (a seller in Shenzhen reading a Pacific-time export thinks in Beijing time). */
  sellerTimeZone: string;
}

/** A day, and the day after: the windows a seller plans shipping in. */
export const DEFAULT_SHIP_NOW_WINDOWS = { urgentHours: 24, soonHours: 48 } as const;

export interface ShipNowItem {
  orderId: string;
  /** The order's first row as Excel shows it. */
  row: number;
  deadline: Instant;
  /** Hours from as-of to the deadline, to one decimal; negative once it has passed. */
  hoursLeft: number;
  /** The same to the millisecond, for showing it to the minute (formatTimeLeft). */
  msLeft: number;
  band: ShipNowBand;
  /** The deadline to the minute in the sheet's zone, and in the seller's. */
  deadlineInSheetZone: string;
  deadlineInSellerZone: string;
  /** The buyer's country as the sheet gives it, for the message draft's language. */
  buyerCountry?: string;
}

export interface ShipNowList {
  sheetTimeZone: string;
  sellerTimeZone: string;
  urgentHours: number;
  soonHours: number;
  /** Most urgent first: overdue (longest overdue first), then by time left. */
  items: ShipNowItem[];
  counts: Record<ShipNowBand, number>;
}

const HOUR = 3_600_000;

function bandOf(hoursLeft: number, settings: ShipNowSettings): ShipNowBand {
  if (hoursLeft < 0) return "overdue";
  if (hoursLeft <= settings.urgentHours) return "urgent";
  if (hoursLeft <= settings.soonHours) return "soon";
  return "later";
}

/** Every order still awaiting the seller's shipment, by time left to its deadline, from the scan's own result. */
export function shipNowList(result: ScanResult, settings: ShipNowSettings): ShipNowList {
  const counts: Record<ShipNowBand, number> = { overdue: 0, urgent: 0, soon: 0, later: 0 };
  const items = result.awaiting
    .map((order): ShipNowItem => {
      const hoursLeft = Math.round(((order.deadline - result.asOf) / HOUR) * 10) / 10;
      const band = bandOf(order.deadline - result.asOf < 0 ? -1 : hoursLeft, settings);
      counts[band]++;
      return {
        orderId: order.orderId,
        row: order.row,
        deadline: order.deadline,
        hoursLeft,
        msLeft: order.deadline - result.asOf,
        band,
        deadlineInSheetZone: formatMinute(order.deadline, result.timeZone),
        deadlineInSellerZone: formatMinute(order.deadline, settings.sellerTimeZone),
        ...(order.buyerCountry ? { buyerCountry: order.buyerCountry } : {}),
      };
    })
    .sort((a, b) => a.deadline - b.deadline || a.row - b.row);
  return {
    sheetTimeZone: result.timeZone,
    sellerTimeZone: settings.sellerTimeZone,
    urgentHours: settings.urgentHours,
    soonHours: settings.soonHours,
    items,
    counts,
  };
}
