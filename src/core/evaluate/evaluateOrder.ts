import { isKnown } from "../numbers";
import type { Instant, ViolationCode } from "../model";
import { keepShape } from "../keepShape";
import { classifyStatus, isBuyerSideReason } from "../rulebook/statuses";
import type { LogisticsName, Rulebook, ServiceTier } from "../rulebook/types";
import { checkTrackingCell, judgeTrackingCell, newTrackingCellVerdict, type TrackingCellVerdict } from "../tracking";
import { businessMode, shippedByWarehouse } from "./businessMode";
import {
  TIER_RANK,
  canCarry,
  logisticsLabel,
  lookupLogistics,
  lowestTier,
  numberCarrier,
  splitServicePrefix,
  type ServicePrefix,
} from "./logistics";
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
  /** Shipped by the platform's warehouse (半托管仓发订单) and so not judged as the seller's shipment. */
  warehouse: boolean;
  /** The shipping deadline of an order still awaiting the seller's shipment (NaN otherwise): the ship-now list's. */
  awaitingDeadline: number;
}

export function newOrderEvaluation(): OrderEvaluation {
  return { tracking: newTrackingCellVerdict(), carrier: undefined, warehouse: false, awaitingDeadline: Number.NaN };
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
const scanBeforePaymentText = { kind: "scanBeforePayment" as const, firstScan: 0, reference: 0, byCreation: false };
const carrierMismatchText = { kind: "carrierMismatch" as const, declared: "", number: "", carrier: "", format: "" };
const serviceDowngradeText = {
  kind: "serviceDowngrade" as const,
  actual: "",
  actualTier: "economy" as ServiceTier,
  chosen: "",
  chosenTier: "economy" as ServiceTier,
};

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
const CREATED_AT = fieldSlot("createdAt");
const BUYER_CARRIER = fieldSlot("buyerCarrier");
const BUSINESS_MODE = fieldSlot("businessMode");

/** An optional instant as findings carry it (NaN = not given). */
const known = (instant: number): Instant | undefined => (isKnown(instant) ? instant : undefined);

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
  const typedCell = trackingText === undefined ? "" : trackingText.trim();
  // A cell that opens with a service code (CAINIAO_STANDARD_…:LP…) names the service; the rest holds the numbers.
  const servicePrefix = typedCell === "" ? undefined : splitServicePrefix(typedCell, ctx.rulebook);
  const trackingCell = servicePrefix ? servicePrefix.rest : typedCell;
  const hasTracking = trackingCell !== "";
  const tracking = judgeTrackingCell(trackingCell, facts.tracking);
  const declaredCarrier = (table.get(index, CARRIER) as string | undefined)?.trim();
  facts.carrier = declaredCarrier || (servicePrefix && logisticsLabel(servicePrefix.service)) || tracking.carrier;
  facts.warehouse = shippedByWarehouse(
    businessMode(table.get(index, BUSINESS_MODE) as string | undefined, ctx.rulebook),
    ctx.rulebook,
  );

  facts.awaitingDeadline = Number.NaN;
  if (statusClass === "unpaid" || facts.warehouse) return;

  const shippedAt = table.number(index, SHIPPED_AT);
  const paidAt = table.number(index, PAID_AT);
  const hasShipTime = isKnown(shippedAt);
  const declaredShipped = hasShipTime || hasTracking;
  const endedUnshipped = statusClass === "ended" && !declaredShipped;
  const cancelled = CANCELLED_CLASSES.has(statusClass) || endedUnshipped;
  const shipped = declaredShipped || SHIPPED_CLASSES.has(statusClass) || statusClass === "ended";
  const deadline = deadlines[index] as number;
  const hasDeadline = isKnown(deadline);

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
    facts.awaitingDeadline = deadline;
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

  const shipmentAt = known(hasShipTime ? shippedAt : hasDeadline ? deadline : paidAt);
  if (ctx.checkTracking) {
    if (!hasTracking || !tracking.valid) {
      if (!hasTracking) {
        sink.flag(index, "MISSING_TRACKING", shipmentAt, missingTrackingText);
      } else {
        invalidTrackingText.cell = trackingCell;
        sink.flag(index, "INVALID_TRACKING", shipmentAt, invalidTrackingText);
      }
    }
  }

  const firstScanAt = table.number(index, FIRST_SCAN_AT);
  if (isKnown(firstScanAt)) flagScanBeforePayment(table, index, ctx, sink, firstScanAt, paidAt);
  if (hasTracking) flagCarrierMismatch(index, ctx, sink, declaredCarrier, servicePrefix, trackingCell, shipmentAt);
  flagServiceDowngrade(table, index, ctx, sink, declaredCarrier, servicePrefix, shipmentAt);

  if (ctx.checkOnline && hasShipTime) {
    const onlineWindow = ctx.rulebook.onlineWindowHours.value * HOURS;
    if (isKnown(firstScanAt)) {
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

/**
 * What the order says it shipped with: the carrier column's entries (all of them known), else the service code that
 * opens the tracking cell; with the text to quote. Undefined when nothing is declared or a name is not in the table.
 */
function declaredLogistics(
  declaredCarrier: string | undefined,
  servicePrefix: ServicePrefix | undefined,
  ctx: EvaluationContext,
): { entries: LogisticsName[]; label: string } | undefined {
  const lookup = lookupLogistics(declaredCarrier, ctx.rulebook);
  if (lookup.unknown.length > 0) return undefined;
  if (lookup.known.length > 0) return { entries: lookup.known, label: declaredCarrier as string };
  return servicePrefix ? { entries: [servicePrefix.service], label: servicePrefix.code } : undefined;
}

/** SCAN_BEFORE_PAYMENT: the carrier scanned the parcel before the buyer paid (or ordered), beyond the tolerance. */
function flagScanBeforePayment(
  table: OrderTable,
  index: number,
  ctx: EvaluationContext,
  sink: FindingSink,
  firstScanAt: number,
  paidAt: number,
): void {
  const byCreation = !isKnown(paidAt);
  const reference = byCreation ? table.number(index, CREATED_AT) : paidAt;
  if (!isKnown(reference)) return;
  if (reference - firstScanAt <= ctx.rulebook.logistics.scanBeforePaymentToleranceHours.value * HOURS) return;
  scanBeforePaymentText.firstScan = firstScanAt;
  scanBeforePaymentText.reference = reference;
  scanBeforePaymentText.byCreation = byCreation;
  sink.flag(index, "SCAN_BEFORE_PAYMENT", firstScanAt, scanBeforePaymentText);
}

/**
 * CARRIER_MISMATCH: a recognised number that no declared carrier or service can hand over. A declared name the table
 * does not list, or an entry whose number formats are not known, never flags.
 */
function flagCarrierMismatch(
  index: number,
  ctx: EvaluationContext,
  sink: FindingSink,
  declaredCarrier: string | undefined,
  servicePrefix: ServicePrefix | undefined,
  trackingCell: string,
  at: Instant | undefined,
): void {
  const declared = declaredLogistics(declaredCarrier, servicePrefix, ctx);
  if (!declared || declared.entries.some((entry) => entry.carries === undefined)) return;
  for (const check of checkTrackingCell(trackingCell)) {
    const carrier = numberCarrier(check);
    if (carrier === undefined || declared.entries.some((entry) => canCarry(entry, carrier))) continue;
    carrierMismatchText.declared = declared.label;
    carrierMismatchText.number = check.normalized;
    carrierMismatchText.carrier = check.carrier ?? carrier;
    carrierMismatchText.format = check.format ?? "";
    sink.flag(index, "CARRIER_MISMATCH", at, carrierMismatchText);
    return;
  }
}

/** SERVICE_DOWNGRADE: the service shipped with is of a lower tier than the buyer's choice (both names known). */
function flagServiceDowngrade(
  table: OrderTable,
  index: number,
  ctx: EvaluationContext,
  sink: FindingSink,
  declaredCarrier: string | undefined,
  servicePrefix: ServicePrefix | undefined,
  at: Instant | undefined,
): void {
  const chosenText = (table.get(index, BUYER_CARRIER) as string | undefined)?.trim();
  const chosen = lookupLogistics(chosenText, ctx.rulebook);
  const chosenTier = chosen.unknown.length === 0 ? lowestTier(chosen.known) : undefined;
  if (chosenTier === undefined) return;
  const actual = declaredLogistics(declaredCarrier, servicePrefix, ctx);
  const actualTier = actual && lowestTier(actual.entries);
  if (!actual || actualTier === undefined || TIER_RANK[actualTier] >= TIER_RANK[chosenTier]) return;
  serviceDowngradeText.actual = actual.label;
  serviceDowngradeText.actualTier = actualTier;
  serviceDowngradeText.chosen = chosenText as string;
  serviceDowngradeText.chosenTier = chosenTier;
  sink.flag(index, "SERVICE_DOWNGRADE", at, serviceDowngradeText);
}
