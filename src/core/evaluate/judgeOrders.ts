import { isKnown } from "../numbers";
import { NUMBER, type OrderTable } from "../orders/orderTable";
import { shippingDeadlines } from "./deadline";
import { SharedTrackingNumbers } from "./duplicates";
import {
  evaluateOrder,
  newOrderEvaluation,
  type EvaluationContext,
  type FindingSink,
  type OrderEvaluation,
} from "./evaluateOrder";

/** What a host hears while its orders are judged. */
export interface OrderSink extends FindingSink {
  /**
   * Called after order `index`'s own codes, with what evaluation learnt of it: the carrier it ships with (for the
   * carrier breakdown), whether the platform's warehouse shipped it (such an order is not judged), and the deadline
   * of an order still awaiting shipment. `facts` is reused for the next order: copy what you keep.
   */
  judged?(index: number, facts: Readonly<OrderEvaluation>): void;
}

/** A duplicate's message names at most this many other orders, so one number on thousands of orders stays linear. */
const NAMED_ORDERS = 3;

/**
 * Judges every order of `table`, the one loop behind the scan and AE.STATUS. Each order's own codes reach `sink` in
 * table order; DUPLICATE_TRACKING needs every order, so it comes after all of them, in ascending order index, one
 * per order (for the first of its numbers another order shares). Returns the most orders that share one number.
 */
export function judgeOrders(table: OrderTable, ctx: EvaluationContext, sink: OrderSink): number {
  const count = table.count;
  const checkDuplicates = ctx.checkTracking;
  const sharedNumbers = new SharedTrackingNumbers(checkDuplicates ? count : 0);
  const facts = newOrderEvaluation();
  const deadlines = shippingDeadlines(table, ctx.deadlines);
  for (let i = 0; i < count; i++) {
    evaluateOrder(table, i, ctx, sink, facts, deadlines);
    sink.judged?.(i, facts);
    if (checkDuplicates && !facts.warehouse) {
      const { numbers, count: found } = facts.tracking;
      for (let k = 0; k < found; k++) sharedNumbers.add(i, numbers[k] as string);
    }
  }

  const shared = sharedNumbers.result();
  if (shared.size === 0) return 0;
  let maxReuse = 0;
  const duplicateOf = new Map<number, string>();
  for (const [number, orders] of shared) {
    maxReuse = Math.max(maxReuse, orders.length);
    for (const order of orders) if (!duplicateOf.has(order)) duplicateOf.set(order, number);
  }
  const flagged = [...duplicateOf.keys()].sort((a, b) => a - b);
  for (const index of flagged) {
    const number = duplicateOf.get(index) as string;
    const orders = shared.get(number) as readonly number[];
    const named: string[] = [];
    for (let k = 0; k < orders.length && named.length < NAMED_ORDERS; k++) {
      if (orders[k] !== index) named.push(table.orderId(orders[k] as number));
    }
    const others = orders.length - 1;
    const listed = named.join(", ") + (others > named.length ? ` (+${others - named.length})` : "");
    const shippedAt = table.number(index, NUMBER.shippedAt);
    const at = isKnown(shippedAt) ? shippedAt : table.number(index, NUMBER.paidAt);
    sink.flag(index, "DUPLICATE_TRACKING", isKnown(at) ? at : undefined, { kind: "duplicateTracking", number, listed });
  }
  return maxReuse;
}
