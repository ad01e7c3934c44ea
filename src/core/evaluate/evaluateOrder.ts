import type { CanonicalField, Finding, Instant, Localized, Order, ViolationCode } from "../model";
import { classifyStatus, isBuyerSideReason, type Rulebook } from "../rulebook";
import { formatInstant } from "../dates/zone";
import { checkTrackingCell, type TrackingCheck } from "../tracking";
import { shippingDeadline } from "./deadline";
import { DAYS, HOURS, formatDuration } from "./durations";

/** What one evaluation needs besides the order. */
export interface EvaluationContext {
  rulebook: Rulebook;
  asOf: Instant;
  /** Zone the sheet's times are written in; messages show times in it. */
  timeZone: string;
  handlingDays: number;
  dueSoonHours: number;
  /** Columns the sheet has; a check whose column is missing is skipped, never guessed. */
  present: ReadonlySet<CanonicalField>;
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
  order: Order,
  code: ViolationCode,
  text: Localized,
  ctx: EvaluationContext,
  at: Instant | undefined,
): Finding {
  return {
    row: order.rows[0] ?? 0,
    rows: order.rows,
    orderId: order.orderId,
    code,
    category: ctx.rulebook.violations[code].category,
    points: 0,
    message: text.en,
    messageZh: text.zh,
    at,
  };
}

function trackingProblemText(checks: readonly TrackingCheck[]): Localized {
  const invalid = checks.filter((check) => !check.valid);
  const first = invalid[0];
  if (!first) return { en: "", zh: "" };
  const more =
    invalid.length > 1
      ? { en: ` (+${invalid.length - 1} more)`, zh: `（另有 ${invalid.length - 1} 个）` }
      : { en: "", zh: "" };
  return {
    en: `Tracking number ${first.input.trim()}: ${first.message}${more.en}`,
    zh: `运单号 ${first.input.trim()}：${first.messageZh}${more.zh}`,
  };
}

/**
 * Appends to `findings` every code one order raises on its own (DUPLICATE_TRACKING needs all orders and is added by
 * the scan), and fills `facts` with its tracking checks and carrier.
 */
export function evaluateOrder(order: Order, ctx: EvaluationContext, findings: Finding[], facts: OrderEvaluation): void {
  const zone = ctx.timeZone;
  const statusClass = classifyStatus(order.status, ctx.rulebook);
  const trackingCell = order.trackingNumber?.trim() ?? "";
  const hasTracking = trackingCell !== "";
  const checks = hasTracking ? checkTrackingCell(trackingCell) : NO_CHECKS;
  let carrier = order.carrier?.trim() || undefined;
  let allValid = true;
  for (const check of checks) {
    if (carrier === undefined && check.carrier) carrier = check.carrier;
    if (!check.valid) allValid = false;
  }
  facts.checks = checks;
  facts.carrier = carrier;

  if (statusClass === "unpaid") return;

  const declaredShipped = order.shippedAt !== undefined || hasTracking;
  const endedUnshipped = statusClass === "ended" && !declaredShipped;
  const cancelled = CANCELLED_CLASSES.has(statusClass) || endedUnshipped;
  const shipped = declaredShipped || SHIPPED_CLASSES.has(statusClass) || statusClass === "ended";
  const deadline = shippingDeadline(order, { rulebook: ctx.rulebook, handlingDays: ctx.handlingDays });

  if (cancelled && !declaredShipped) {
    const reason = order.cancelReason?.trim();
    if (reason && !isBuyerSideReason(reason, ctx.rulebook)) {
      findings.push(
        finding(
          order,
          "SELLER_CANCELLED",
          {
            en: `Closed before shipment for a seller-side reason: "${reason}"`,
            zh: `发货前因卖家原因关闭：“${reason}”`,
          },
          ctx,
          deadline ?? order.paidAt,
        ),
      );
    }
    return;
  }

  if (!shipped) {
    if (deadline === undefined) return;
    const left = deadline - ctx.asOf;
    const deadlineText = formatInstant(deadline, zone);
    if (left < 0) {
      const late = formatDuration(-left);
      findings.push(
        finding(
          order,
          "OVERDUE_UNSHIPPED",
          {
            en: `Not shipped; the deadline ${deadlineText} passed ${late.en} ago`,
            zh: `未发货；发货期限 ${deadlineText} 已过 ${late.zh}`,
          },
          ctx,
          deadline,
        ),
      );
    } else if (left <= ctx.dueSoonHours * HOURS) {
      const remaining = formatDuration(left);
      findings.push(
        finding(
          order,
          "DUE_SOON",
          {
            en: `Ship within ${remaining.en}: deadline ${deadlineText}`,
            zh: `请在 ${remaining.zh}内发货：期限 ${deadlineText}`,
          },
          ctx,
          deadline,
        ),
      );
    }
    return;
  }

  if (order.shippedAt !== undefined && deadline !== undefined && order.shippedAt > deadline) {
    const late = formatDuration(order.shippedAt - deadline);
    const deadlineText = formatInstant(deadline, zone);
    findings.push(
      finding(
        order,
        "SHIPPED_LATE",
        {
          en: `Shipped ${late.en} after the deadline ${deadlineText}`,
          zh: `发货晚于期限 ${deadlineText} ${late.zh}`,
        },
        ctx,
        order.shippedAt,
      ),
    );
  }

  const shipmentMoment = order.shippedAt ?? deadline ?? order.paidAt;
  if (ctx.present.has("trackingNumber")) {
    if (!hasTracking) {
      findings.push(
        finding(
          order,
          "MISSING_TRACKING",
          {
            en: "Marked shipped but has no tracking number",
            zh: "已标记发货但没有运单号",
          },
          ctx,
          shipmentMoment,
        ),
      );
    } else if (!allValid) {
      findings.push(finding(order, "INVALID_TRACKING", trackingProblemText(checks), ctx, shipmentMoment));
    }
  }

  if (ctx.present.has("firstScanAt") && order.shippedAt !== undefined) {
    const onlineWindow = ctx.rulebook.onlineWindowHours.value * HOURS;
    if (order.firstScanAt !== undefined) {
      const wait = order.firstScanAt - order.shippedAt;
      if (wait > onlineWindow) {
        const waited = formatDuration(wait);
        findings.push(
          finding(
            order,
            "NOT_ONLINE",
            {
              en: `First carrier scan ${waited.en} after shipment (limit ${ctx.rulebook.onlineWindowHours.value} hours)`,
              zh: `发货后 ${waited.zh}才首次上网（时限 ${ctx.rulebook.onlineWindowHours.value} 小时）`,
            },
            ctx,
            order.shippedAt,
          ),
        );
      }
    } else if (order.deliveredAt === undefined) {
      const since = ctx.asOf - order.shippedAt;
      if (since > ctx.rulebook.noFirstScanDays.value * DAYS) {
        const waited = formatDuration(since);
        findings.push(
          finding(
            order,
            "NOT_ONLINE",
            {
              en: `No carrier scan ${waited.en} after shipment (limit ${ctx.rulebook.noFirstScanDays.value} days)`,
              zh: `发货 ${waited.zh}后仍无物流扫描（时限 ${ctx.rulebook.noFirstScanDays.value} 天）`,
            },
            ctx,
            order.shippedAt,
          ),
        );
      }
    }
  }
}
