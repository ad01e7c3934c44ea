import type { Instant, Order } from "../model";
import type { Rulebook } from "../rulebook";
import { addCalendarDays } from "../dates/zone";
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
  if (order.shipDeadline !== undefined) return order.shipDeadline;
  if (order.paidAt === undefined) return undefined;
  const handlingDays = order.handlingDays ?? settings.handlingDays;
  const clockStart = order.paidAt + settings.rulebook.riskControlHours.value * HOURS;
  return addCalendarDays(clockStart, handlingDays, settings.rulebook.platformTimeZone.value);
}
