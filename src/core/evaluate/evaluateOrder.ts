import { isKnown } from "../numbers";
import type { Instant, ViolationCode } from "../model";
import { classifyStatus, isBuyerSideReason } from "../rulebook/statuses";
import type { LogisticsName, Rulebook } from "../rulebook/types";
import { checkTrackingCell, judgeTrackingCell, newTrackingCellVerdict, type TrackingCellVerdict } from "../tracking";
import { businessMode, shippedByWarehouse } from "./businessMode";
import {
  TIER_RANK,
  canCarry,
  logisticsLabel,
  lookupLogistics,
  lowestTier,
  splitServicePrefix,
  type ServicePrefix,
} from "./logistics";
import type { DeadlineSettings } from "./deadline";
import { NUMBER, TEXT, type OrderTable } from "../orders/orderTable";
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

/**
 * Where evaluation reports what it finds. The scan turns each code into a finding with its message; AE.STATUS only
 * joins the codes, so no finding object is made for a formula.
 */
export interface FindingSink {
  /**
   * Order `index` raises `code`, dated `at`, with what its message would say (written only when a host reads it;
   * undefined for a sink that wants codes only).
   */
  flag(index: number, code: ViolationCode, at: Instant | undefined, text: FindingText | undefined): void;
  /** AE.STATUS shows codes only, so evaluation makes no text for it (they cost it more than its budget allows). */
  readonly codesOnly?: boolean;
}

const SHIPPED_CLASSES = new Set(["shipped", "partlyShipped", "completed"]);
const CANCELLED_CLASSES = new Set(["cancelled", "refunded"]);

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
  const statusClass = classifyStatus(table.text(index, TEXT.status), ctx.rulebook);
  const trackingText = table.text(index, TEXT.trackingNumber);
  const typedCell = trackingText === undefined ? "" : trackingText.trim();
  // A cell that opens with a service code (CAINIAO_STANDARD_…:LP…) names the service; the rest holds the numbers.
  const servicePrefix = typedCell === "" ? undefined : splitServicePrefix(typedCell, ctx.rulebook);
  const trackingCell = servicePrefix ? servicePrefix.rest : typedCell;
  const hasTracking = trackingCell !== "";
  const tracking = judgeTrackingCell(trackingCell, facts.tracking);
  const declaredCarrier = table.text(index, TEXT.carrier)?.trim();
  facts.carrier = declaredCarrier || (servicePrefix && logisticsLabel(servicePrefix.service)) || tracking.carrier;
  facts.warehouse = shippedByWarehouse(businessMode(table.text(index, TEXT.businessMode), ctx.rulebook), ctx.rulebook);

  facts.awaitingDeadline = Number.NaN;
  if (statusClass === "unpaid" || facts.warehouse) return;

  const shippedAt = table.number(index, NUMBER.shippedAt);
  const paidAt = table.number(index, NUMBER.paidAt);
  const hasShipTime = isKnown(shippedAt);
  const declaredShipped = hasShipTime || hasTracking;
  const endedUnshipped = statusClass === "ended" && !declaredShipped;
  const cancelled = CANCELLED_CLASSES.has(statusClass) || endedUnshipped;
  const shipped = declaredShipped || SHIPPED_CLASSES.has(statusClass) || statusClass === "ended";
  const deadline = deadlines[index] as number;
  const hasDeadline = isKnown(deadline);

  if (cancelled && !declaredShipped) {
    const reason = table.text(index, TEXT.cancelReason)?.trim();
    if (reason && !isBuyerSideReason(reason, ctx.rulebook)) {
      const at = known(hasDeadline ? deadline : paidAt);
      sink.flag(index, "SELLER_CANCELLED", at, sink.codesOnly ? undefined : { kind: "sellerCancelled", reason });
    }
    return;
  }

  if (!shipped) {
    if (!hasDeadline) return;
    facts.awaitingDeadline = deadline;
    const left = deadline - ctx.asOf;
    if (left < 0) {
      sink.flag(
        index,
        "OVERDUE_UNSHIPPED",
        deadline,
        sink.codesOnly ? undefined : { kind: "overdue", deadline, late: -left },
      );
    } else if (left <= ctx.dueSoonHours * HOURS) {
      sink.flag(index, "DUE_SOON", deadline, sink.codesOnly ? undefined : { kind: "dueSoon", deadline, left });
    }
    return;
  }

  if (hasShipTime && hasDeadline && shippedAt > deadline) {
    sink.flag(
      index,
      "SHIPPED_LATE",
      shippedAt,
      sink.codesOnly ? undefined : { kind: "shippedLate", deadline, late: shippedAt - deadline },
    );
  }

  const shipmentAt = known(hasShipTime ? shippedAt : hasDeadline ? deadline : paidAt);
  if (ctx.checkTracking) {
    if (!hasTracking || !tracking.valid) {
      if (!hasTracking) {
        sink.flag(index, "MISSING_TRACKING", shipmentAt, sink.codesOnly ? undefined : { kind: "missingTracking" });
      } else {
        sink.flag(
          index,
          "INVALID_TRACKING",
          shipmentAt,
          sink.codesOnly ? undefined : { kind: "invalidTracking", cell: trackingCell },
        );
      }
    }
  }

  const firstScanAt = table.number(index, NUMBER.firstScanAt);
  if (isKnown(firstScanAt)) flagScanBeforePayment(table, index, ctx, sink, firstScanAt, paidAt);
  if (hasTracking) {
    flagCarrierMismatch(index, ctx, sink, declaredCarrier, servicePrefix, tracking, trackingCell, shipmentAt);
  }
  flagServiceDowngrade(table, index, ctx, sink, declaredCarrier, servicePrefix, shipmentAt);

  if (ctx.checkOnline && hasShipTime) {
    const onlineWindow = ctx.rulebook.onlineWindowHours.value * HOURS;
    if (isKnown(firstScanAt)) {
      const wait = firstScanAt - shippedAt;
      if (wait > onlineWindow) {
        sink.flag(index, "NOT_ONLINE", shippedAt, sink.codesOnly ? undefined : { kind: "firstScanLate", waited: wait });
      }
    } else if (!table.has(index, "deliveredAt")) {
      const since = ctx.asOf - shippedAt;
      if (since > ctx.rulebook.noFirstScanDays.value * DAYS) {
        sink.flag(index, "NOT_ONLINE", shippedAt, sink.codesOnly ? undefined : { kind: "noFirstScan", waited: since });
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
  const reference = byCreation ? table.number(index, NUMBER.createdAt) : paidAt;
  if (!isKnown(reference)) return;
  if (reference - firstScanAt <= ctx.rulebook.logistics.scanBeforePaymentToleranceHours.value * HOURS) return;
  sink.flag(
    index,
    "SCAN_BEFORE_PAYMENT",
    firstScanAt,
    sink.codesOnly
      ? undefined
      : {
          kind: "scanBeforePayment",
          firstScan: firstScanAt,
          reference,
          byCreation,
        },
  );
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
  tracking: Readonly<TrackingCellVerdict>,
  trackingCell: string,
  at: Instant | undefined,
): void {
  const declared = declaredLogistics(declaredCarrier, servicePrefix, ctx);
  if (!declared || declared.entries.some((entry) => entry.carries === undefined)) return;
  for (let k = 0; k < tracking.count; k++) {
    const issuer = tracking.issuers[k];
    if (issuer === undefined || declared.entries.some((entry) => canCarry(entry, issuer))) continue;
    const number = tracking.numbers[k] as string;
    sink.flag(
      index,
      "CARRIER_MISMATCH",
      at,
      sink.codesOnly ? undefined : carrierMismatchText(declared.label, number, issuer, trackingCell),
    );
    return;
  }
}

/** The finding names the number as its full check reads it (made only for the rare order that is flagged). */
function carrierMismatchText(declared: string, number: string, issuer: string, trackingCell: string): FindingText {
  const check = checkTrackingCell(trackingCell).find((each) => each.normalized === number);
  return { kind: "carrierMismatch", declared, number, carrier: check?.carrier ?? issuer, format: check?.format ?? "" };
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
  const chosenText = table.text(index, TEXT.buyerCarrier)?.trim();
  const chosen = lookupLogistics(chosenText, ctx.rulebook);
  const chosenTier = chosen.unknown.length === 0 ? lowestTier(chosen.known) : undefined;
  if (chosenTier === undefined) return;
  const actual = declaredLogistics(declaredCarrier, servicePrefix, ctx);
  const actualTier = actual && lowestTier(actual.entries);
  if (!actual || actualTier === undefined || TIER_RANK[actualTier] >= TIER_RANK[chosenTier]) return;
  sink.flag(
    index,
    "SERVICE_DOWNGRADE",
    at,
    sink.codesOnly
      ? undefined
      : {
          kind: "serviceDowngrade",
          actual: actual.label,
          actualTier,
          chosen: chosenText as string,
          chosenTier,
        },
  );
}
