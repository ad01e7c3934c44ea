/**
 * Tracking numbers used on two or more different orders. Continuation rows of one order were already folded into
 * that order by the reader, so one order repeating its own number does not count.
 */
export function findSharedTrackingNumbers(
  ordersWithNumbers: ReadonlyArray<{ orderId: string; trackingNumbers: readonly string[] }>,
): Map<string, string[]> {
  const ordersByNumber = new Map<string, string[]>();
  for (const { orderId, trackingNumbers } of ordersWithNumbers) {
    for (const number of trackingNumbers) {
      const orders = ordersByNumber.get(number);
      if (!orders) ordersByNumber.set(number, [orderId]);
      else if (!orders.includes(orderId)) orders.push(orderId);
    }
  }
  for (const [number, orders] of ordersByNumber) if (orders.length < 2) ordersByNumber.delete(number);
  return ordersByNumber;
}
