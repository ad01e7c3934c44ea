import type { Order } from "../../core/model";
import { shippingDeadline } from "../../core/evaluate/deadline";
import { DAYS } from "../../core/evaluate/durations";
import { instantToWallClock } from "../../core/dates/zone";
import { wallClockToSerial } from "../../core/dates/serial";
import type { ResolvedFunctionSettings } from "../settings";
import { cellAt, spill, toArg } from "./matrix";
import { cellReader, readHandlingDays } from "./inputs";
import { dateAt, readDateArgs } from "./dateArgs";

/** An instant as the serial Excel shows for it in the sheet's zone and date system. */
export function instantToSerial(instant: number, settings: ResolvedFunctionSettings): number {
  return wallClockToSerial(instantToWallClock(instant, settings.timeZone), settings.date1904);
}

/**
 * AE.DEADLINE: payment time + handling days as a date serial, computed by the scan's own `shippingDeadline` (so the
 * rulebook's risk-check hours and its DST rule, calendar days in the platform's zone, apply). Blank payment cells
 * give blank results; blank handling days use the settings' default.
 */
export function deadlineResults(
  paidAt: unknown,
  handlingDays: unknown,
  settings: ResolvedFunctionSettings,
): unknown[][] {
  const args = [toArg(paidAt), toArg(handlingDays)];
  const [paidArg, daysArg] = args;
  const reader = cellReader(settings);
  const deadlineSettings = { rulebook: settings.rulebook, handlingDays: settings.handlingDays };
  // One order object reused for every row: shippingDeadline only reads it.
  const order: Order = { orderId: "", rows: [] };
  const [paidDates] = readDateArgs([{ arg: paidArg, parameter: "paidAt" }], reader, settings.timeZone);
  return spill(args, settings.lang, (r, c) => {
    const paid = dateAt(paidDates, r, c);
    if (paid === undefined) return "";
    if (typeof paid !== "number") return paid;
    const days = readHandlingDays(cellAt(daysArg, r, c), "handlingDays", reader);
    if (typeof days === "object") return days;
    order.paidAt = paid;
    order.handlingDays = days;
    const deadline = shippingDeadline(order, deadlineSettings);
    return deadline === undefined ? "" : instantToSerial(deadline, settings);
  });
}

/**
 * AE.DAYSLATE: days from the deadline to the ship time (or, not shipped, to `asOf`, default now) as a decimal;
 * 0 when on time.
 */
export function daysLateResults(
  deadline: unknown,
  shippedAt: unknown,
  asOf: unknown,
  settings: ResolvedFunctionSettings,
  now: number,
): unknown[][] {
  const args = [toArg(deadline), toArg(shippedAt), toArg(asOf)];
  const [deadlineArg, shippedArg, asOfArg] = args;
  const reader = cellReader(settings);
  const [deadlines, shipTimes] = readDateArgs(
    [
      { arg: deadlineArg, parameter: "deadline" },
      { arg: shippedArg, parameter: "shippedAt" },
    ],
    reader,
    settings.timeZone,
  );
  // asOf is a moment, not a sheet column: its dates do not settle the day/month order of the others.
  const [moments] = readDateArgs([{ arg: asOfArg, parameter: "asOf" }], reader, settings.timeZone);
  return spill(args, settings.lang, (r, c) => {
    const due = dateAt(deadlines, r, c);
    if (due === undefined) return "";
    if (typeof due !== "number") return due;
    const shipped = dateAt(shipTimes, r, c);
    if (typeof shipped === "object") return shipped;
    let end = shipped;
    if (end === undefined) {
      const judged = dateAt(moments, r, c);
      if (typeof judged === "object") return judged;
      end = judged ?? now;
    }
    return end > due ? (end - due) / DAYS : 0;
  });
}
