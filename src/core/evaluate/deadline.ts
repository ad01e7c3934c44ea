import { isKnown } from "../numbers";
import type { Instant, Order } from "../model";
import type { Rulebook } from "../rulebook";
import { zoneClock } from "../dates/zone";
import { NUMBER, type OrderTable } from "../orders/orderTable";
import { HOURS } from "./durations";

export interface DeadlineSettings {
  rulebook: Rulebook;
  /** Handling days when the order has none of its own. */
  handlingDays: number;
}

/**
 * The shipping deadline: the sheet's own deadline column when it has one; otherwise payment time (+ the rulebook's
 * risk-check hours) plus handling days, counted as calendar days in the platform's zone, so a deadline that falls
 * after a DST change keeps the payment's wall-clock time.
 */
export function shippingDeadline(order: Order, settings: DeadlineSettings): Instant | undefined {
  const deadline = deadlineOf(
    order.shipDeadline ?? Number.NaN,
    order.paidAt ?? Number.NaN,
    order.handlingDays ?? Number.NaN,
    settings,
  );
  return isKnown(deadline) ? deadline : undefined;
}

/** shippingDeadline over plain numbers, NaN standing for "not given" (how the scan reads its order table). */
export function deadlineOf(
  shipDeadline: number,
  paidAt: number,
  handlingDays: number,
  settings: DeadlineSettings,
): Instant {
  if (isKnown(shipDeadline)) return shipDeadline;
  if (!isKnown(paidAt)) return Number.NaN;
  const days = isKnown(handlingDays) ? handlingDays : settings.handlingDays;
  const clockStart = paidAt + settings.rulebook.riskControlHours.value * HOURS;
  return zoneClock(settings.rulebook.platformTimeZone.value).addCalendarDays(clockStart, days);
}

/** Every order's deadline (NaN: none), worked out before the orders are judged. */
export function shippingDeadlines(table: OrderTable, settings: DeadlineSettings): Float64Array {
  const deadlines = new Float64Array(table.count);
  for (let i = 0; i < table.count; i++) {
    deadlines[i] = deadlineOf(
      table.number(i, NUMBER.shipDeadline),
      table.number(i, NUMBER.paidAt),
      table.number(i, NUMBER.handlingDays),
      settings,
    );
  }
  return deadlines;
}
