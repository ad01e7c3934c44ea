import type { Finding, Instant, ViolationCode } from "../model";
import { classifyStatus, isBuyerSideReason, type Rulebook } from "../rulebook";
import { checkTrackingCell, type TrackingCheck } from "../tracking";
import { deadlineOf, type DeadlineSettings } from "./deadline";
import { fieldSlot, type OrderTable } from "../orders/orderTable";
import { DAYS, HOURS } from "./durations";
import { ScanFinding, type FindingText, type FindingTextContext } from "./findingText";

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
  /** Every number in the tracking cell, judged (the scan looks for numbers shared between orders in these). */
  checks: readonly TrackingCheck[];
  carrier?: string;
}

const NO_CHECKS: readonly TrackingCheck[] = [];

const SHIPPED_CLASSES = new Set(["shipped", "partlyShipped", "completed"]);
const CANCELLED_CLASSES = new Set(["cancelled", "refunded"]);

function finding(
  orderId: string,
  code: ViolationCode,
  text: FindingText,
  ctx: EvaluationContext,
  at: Instant | undefined,
): Finding {
  return new ScanFinding(orderId, code, ctx.rulebook.violations[code].category, at, text, ctx.text);
}

/** The first number that fails, and how many more do. */
function trackingProblemText(checks: readonly TrackingCheck[]): FindingText {
  let first: TrackingCheck | undefined;
  let others = 0;
  for (const check of checks) {
    if (check.valid) continue;
    if (first === undefined) first = check;
    else others++;
  }
  return { kind: "invalidTracking", first: first as TrackingCheck, others };
}

const SHIPPED_AT = fieldSlot("shippedAt");
const PAID_AT = fieldSlot("paidAt");
const SHIP_DEADLINE = fieldSlot("shipDeadline");
const HANDLING_DAYS = fieldSlot("handlingDays");
const FIRST_SCAN_AT = fieldSlot("firstScanAt");
const DELIVERED_AT = fieldSlot("deliveredAt");
const STATUS = fieldSlot("status");
const TRACKING = fieldSlot("trackingNumber");
const CARRIER = fieldSlot("carrier");
const CANCEL_REASON = fieldSlot("cancelReason");

/** An optional instant as findings carry it (NaN = not given). */
const known = (instant: number): Instant | undefined => (instant === instant ? instant : undefined);

/**
 * Appends to `findings` every code order `index` of `table` raises on its own (DUPLICATE_TRACKING needs all orders
 * and is added by the scan), and fills `facts` with its tracking checks and carrier. The findings' `row` and `rows`
 * are left for the caller to set, so an order needs no rows list unless it is flagged. Dates are read as numbers,
 * NaN where the sheet gave none.
 */
export function evaluateOrder(
  table: OrderTable,
  index: number,
  ctx: EvaluationContext,
  findings: Finding[],
  facts: OrderEvaluation,
): void {
  const orderId = table.orderId(index);
  const statusClass = classifyStatus(table.get(index, STATUS) as string | undefined, ctx.rulebook);
  const trackingText = table.get(index, TRACKING) as string | undefined;
  const trackingCell = trackingText === undefined ? "" : trackingText.trim();
  const hasTracking = trackingCell !== "";
  const checks = hasTracking ? checkTrackingCell(trackingCell) : NO_CHECKS;
  let carrier = (table.get(index, CARRIER) as string | undefined)?.trim() || undefined;
  let allValid = true;
  for (let c = 0; c < checks.length; c++) {
    const check = checks[c] as TrackingCheck;
    if (carrier === undefined && check.carrier) carrier = check.carrier;
    if (!check.valid) allValid = false;
  }
  facts.checks = checks;
  facts.carrier = carrier;

  if (statusClass === "unpaid") return;

  const shippedAt = table.number(index, SHIPPED_AT);
  const paidAt = table.number(index, PAID_AT);
  const hasShipTime = shippedAt === shippedAt;
  const declaredShipped = hasShipTime || hasTracking;
  const endedUnshipped = statusClass === "ended" && !declaredShipped;
  const cancelled = CANCELLED_CLASSES.has(statusClass) || endedUnshipped;
  const shipped = declaredShipped || SHIPPED_CLASSES.has(statusClass) || statusClass === "ended";
  const deadline = deadlineOf(
    table.number(index, SHIP_DEADLINE),
    paidAt,
    table.number(index, HANDLING_DAYS),
    ctx.deadlines,
  );
  const hasDeadline = deadline === deadline;

  if (cancelled && !declaredShipped) {
    const reason = (table.get(index, CANCEL_REASON) as string | undefined)?.trim();
    if (reason && !isBuyerSideReason(reason, ctx.rulebook)) {
      const at = known(hasDeadline ? deadline : paidAt);
      findings.push(finding(orderId, "SELLER_CANCELLED", { kind: "sellerCancelled", reason }, ctx, at));
    }
    return;
  }

  if (!shipped) {
    if (!hasDeadline) return;
    const left = deadline - ctx.asOf;
    if (left < 0) {
      findings.push(finding(orderId, "OVERDUE_UNSHIPPED", { kind: "overdue", deadline, late: -left }, ctx, deadline));
    } else if (left <= ctx.dueSoonHours * HOURS) {
      findings.push(finding(orderId, "DUE_SOON", { kind: "dueSoon", deadline, left }, ctx, deadline));
    }
    return;
  }

  if (hasShipTime && hasDeadline && shippedAt > deadline) {
    const late = shippedAt - deadline;
    findings.push(finding(orderId, "SHIPPED_LATE", { kind: "shippedLate", deadline, late }, ctx, shippedAt));
  }

  if (ctx.checkTracking) {
    if (!hasTracking || !allValid) {
      const shipmentMoment = known(hasShipTime ? shippedAt : hasDeadline ? deadline : paidAt);
      if (!hasTracking) {
        findings.push(finding(orderId, "MISSING_TRACKING", { kind: "missingTracking" }, ctx, shipmentMoment));
      } else {
        findings.push(finding(orderId, "INVALID_TRACKING", trackingProblemText(checks), ctx, shipmentMoment));
      }
    }
  }

  if (ctx.checkOnline && hasShipTime) {
    const onlineWindow = ctx.rulebook.onlineWindowHours.value * HOURS;
    const firstScanAt = table.number(index, FIRST_SCAN_AT);
    if (firstScanAt === firstScanAt) {
      const wait = firstScanAt - shippedAt;
      if (wait > onlineWindow) {
        findings.push(finding(orderId, "NOT_ONLINE", { kind: "firstScanLate", waited: wait }, ctx, shippedAt));
      }
    } else if (!table.has(index, DELIVERED_AT)) {
      const since = ctx.asOf - shippedAt;
      if (since > ctx.rulebook.noFirstScanDays.value * DAYS) {
        findings.push(finding(orderId, "NOT_ONLINE", { kind: "noFirstScan", waited: since }, ctx, shippedAt));
      }
    }
  }
}
