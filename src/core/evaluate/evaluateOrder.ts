import type { Instant, ViolationCode } from "../model";
import { keepShape } from "../keepShape";
import { classifyStatus, isBuyerSideReason, type Rulebook } from "../rulebook";
import { judgeTrackingCell, newTrackingCellVerdict, type TrackingCellVerdict } from "../tracking";
import type { DeadlineSettings } from "./deadline";
import { fieldSlot, type OrderTable } from "../orders/orderTable";
import { DAYS, HOURS } from "./durations";
import type { FindingText, FindingTextContext } from "./findingText";

/** What one evaluation needs besides the order. */
export interface EvaluationContext {
  rulebook: Rulebook;
  asOf: Instant;
  dueSoonHours: number;
  /**
   * Whether the sheet has a tracking-number / first-scan column: a check whose column is missing is skipped, never
   * guessed (asked once per scan, not per order).
   */
  checkTracking: boolean;
  checkOnline: boolean;
  /** The deadline settings every order shares (handling days when an order has none). */
  deadlines: DeadlineSettings;
  /** What the findings' messages need, the sheet's zone included (shared by all of them). */
  text: FindingTextContext;
}

/**
 * The per-order facts the scan needs after evaluation (duplicates, carrier breakdown). The scan reuses one of these
 * for every order, so a million-row sheet does not allocate a million of them.
 */
export interface OrderEvaluation {
  /** The tracking cell, judged: its numbers are what another order could share. */
  tracking: TrackingCellVerdict;
  carrier?: string;
}

export function newOrderEvaluation(): OrderEvaluation {
  return { tracking: newTrackingCellVerdict(), carrier: undefined };
}
keepShape(newOrderEvaluation());

/**
 * Where evaluation reports what it finds. The scan turns each code into a finding with its message; AE.STATUS only
 * joins the codes, so no finding object is made for a formula.
 */
export interface FindingSink {
  /**
   * Order `index` raises `code`, dated `at`, with what its message would say. `text` is reused for the next finding
   * of its kind, so evaluating an order allocates nothing for a sink that drops it: a sink that keeps it copies it.
   */
  flag(index: number, code: ViolationCode, at: Instant | undefined, text: FindingText): void;
}

// The reused texts, one per kind evaluateOrder raises (see FindingSink).
const overdueText = { kind: "overdue" as const, deadline: 0, late: 0 };
const dueSoonText = { kind: "dueSoon" as const, deadline: 0, left: 0 };
const shippedLateText = { kind: "shippedLate" as const, deadline: 0, late: 0 };
const missingTrackingText = { kind: "missingTracking" as const };
const invalidTrackingText = { kind: "invalidTracking" as const, cell: "" };
const firstScanLateText = { kind: "firstScanLate" as const, waited: 0 };
const noFirstScanText = { kind: "noFirstScan" as const, waited: 0 };
const sellerCancelledText = { kind: "sellerCancelled" as const, reason: "" };

const SHIPPED_CLASSES = new Set(["shipped", "partlyShipped", "completed"]);
const CANCELLED_CLASSES = new Set(["cancelled", "refunded"]);

const SHIPPED_AT = fieldSlot("shippedAt");
const PAID_AT = fieldSlot("paidAt");
const FIRST_SCAN_AT = fieldSlot("firstScanAt");
const DELIVERED_AT = fieldSlot("deliveredAt");
const STATUS = fieldSlot("status");
const TRACKING = fieldSlot("trackingNumber");
const CARRIER = fieldSlot("carrier");
const CANCEL_REASON = fieldSlot("cancelReason");

/** An optional instant as findings carry it (NaN = not given). */
const known = (instant: number): Instant | undefined => (instant === instant ? instant : undefined);

/**
 * Reports to `sink` every code order `index` of `table` raises on its own (DUPLICATE_TRACKING needs all orders and
 * is found by `judgeOrders`), and fills `facts` with its tracking verdict and carrier. Dates are read as numbers,
 * NaN where the sheet gave none; `deadlines` holds every order's shipping deadline (`shippingDeadlines`).
 */
export function evaluateOrder(
  table: OrderTable,
  index: number,
  ctx: EvaluationContext,
  sink: FindingSink,
  facts: OrderEvaluation,
  deadlines: Float64Array,
): void {
  const statusClass = classifyStatus(table.get(index, STATUS) as string | undefined, ctx.rulebook);
  const trackingText = table.get(index, TRACKING) as string | undefined;
  const trackingCell = trackingText === undefined ? "" : trackingText.trim();
  const hasTracking = trackingCell !== "";
  const tracking = judgeTrackingCell(trackingCell, facts.tracking);
  facts.carrier = (table.get(index, CARRIER) as string | undefined)?.trim() || tracking.carrier;

  if (statusClass === "unpaid") return;

  const shippedAt = table.number(index, SHIPPED_AT);
  const paidAt = table.number(index, PAID_AT);
  const hasShipTime = shippedAt === shippedAt;
  const declaredShipped = hasShipTime || hasTracking;
  const endedUnshipped = statusClass === "ended" && !declaredShipped;
  const cancelled = CANCELLED_CLASSES.has(statusClass) || endedUnshipped;
  const shipped = declaredShipped || SHIPPED_CLASSES.has(statusClass) || statusClass === "ended";
  const deadline = deadlines[index] as number;
  const hasDeadline = deadline === deadline;

  if (cancelled && !declaredShipped) {
    const reason = (table.get(index, CANCEL_REASON) as string | undefined)?.trim();
    if (reason && !isBuyerSideReason(reason, ctx.rulebook)) {
      const at = known(hasDeadline ? deadline : paidAt);
      sellerCancelledText.reason = reason;
      sink.flag(index, "SELLER_CANCELLED", at, sellerCancelledText);
    }
    return;
  }

  if (!shipped) {
    if (!hasDeadline) return;
    const left = deadline - ctx.asOf;
    if (left < 0) {
      overdueText.deadline = deadline;
      overdueText.late = -left;
      sink.flag(index, "OVERDUE_UNSHIPPED", deadline, overdueText);
    } else if (left <= ctx.dueSoonHours * HOURS) {
      dueSoonText.deadline = deadline;
      dueSoonText.left = left;
      sink.flag(index, "DUE_SOON", deadline, dueSoonText);
    }
    return;
  }

  if (hasShipTime && hasDeadline && shippedAt > deadline) {
    shippedLateText.deadline = deadline;
    shippedLateText.late = shippedAt - deadline;
    sink.flag(index, "SHIPPED_LATE", shippedAt, shippedLateText);
  }

  if (ctx.checkTracking) {
    if (!hasTracking || !tracking.valid) {
      const shipmentMoment = known(hasShipTime ? shippedAt : hasDeadline ? deadline : paidAt);
      if (!hasTracking) {
        sink.flag(index, "MISSING_TRACKING", shipmentMoment, missingTrackingText);
      } else {
        invalidTrackingText.cell = trackingCell;
        sink.flag(index, "INVALID_TRACKING", shipmentMoment, invalidTrackingText);
      }
    }
  }

  if (ctx.checkOnline && hasShipTime) {
    const onlineWindow = ctx.rulebook.onlineWindowHours.value * HOURS;
    const firstScanAt = table.number(index, FIRST_SCAN_AT);
    if (firstScanAt === firstScanAt) {
      const wait = firstScanAt - shippedAt;
      if (wait > onlineWindow) {
        firstScanLateText.waited = wait;
        sink.flag(index, "NOT_ONLINE", shippedAt, firstScanLateText);
      }
    } else if (!table.has(index, DELIVERED_AT)) {
      const since = ctx.asOf - shippedAt;
      if (since > ctx.rulebook.noFirstScanDays.value * DAYS) {
        noFirstScanText.waited = since;
        sink.flag(index, "NOT_ONLINE", shippedAt, noFirstScanText);
      }
    }
  }
}
