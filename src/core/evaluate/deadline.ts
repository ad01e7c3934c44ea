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
  const deadline = deadlineOf(order.shipDeadline ?? NaN, order.paidAt ?? NaN, order.handlingDays ?? NaN, settings);
  return deadline === deadline ? deadline : undefined;
}

/** shippingDeadline over plain numbers, NaN standing for "not given" (how the scan reads its order table). */
export function deadlineOf(
  shipDeadline: number,
  paidAt: number,
  handlingDays: number,
  settings: DeadlineSettings,
): Instant {
  if (shipDeadline === shipDeadline) return shipDeadline;
  if (paidAt !== paidAt) return NaN;
  const days = handlingDays === handlingDays ? handlingDays : settings.handlingDays;
  const clockStart = paidAt + settings.rulebook.riskControlHours.value * HOURS;
  return addCalendarDays(clockStart, days, settings.rulebook.platformTimeZone.value);
}
