import { isKnown } from "../numbers";
import type { Instant, Order } from "../model";
import type { Rulebook } from "../rulebook";
import { wallClockConverter, type WallClockConverter } from "../dates/wallClock";
import { fieldSlot, type OrderTable } from "../orders/orderTable";
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
  return platformClock(settings.rulebook).addCalendarDays(clockStart, days);
}

let clockRulebook: Rulebook | undefined;
let clock: WallClockConverter | undefined;

/** The converter for the rulebook's platform zone, remembered for the rulebook last asked about. */
function platformClock(rulebook: Rulebook): WallClockConverter {
  if (rulebook !== clockRulebook || clock === undefined) {
    clock = wallClockConverter(rulebook.platformTimeZone.value);
    clockRulebook = rulebook;
  }
  return clock;
}

const SHIP_DEADLINE = fieldSlot("shipDeadline");
const PAID_AT = fieldSlot("paidAt");
const HANDLING_DAYS = fieldSlot("handlingDays");

/**
 * Every order's deadline (NaN: none), in one pass before the orders are judged: in a loop this small the date
 * arithmetic is inlined and no number is boxed.
 */
export function shippingDeadlines(table: OrderTable, settings: DeadlineSettings): Float64Array {
  const deadlines = new Float64Array(table.count);
  for (let i = 0; i < table.count; i++) {
    deadlines[i] = deadlineOf(
      table.number(i, SHIP_DEADLINE),
      table.number(i, PAID_AT),
      table.number(i, HANDLING_DAYS),
      settings,
    );
  }
  return deadlines;
}
