import { OrderTable } from "../../../src/core/orders/orderTable";
import { OrderIndex } from "../../../src/core/sheet/orderIndex";

describe("OrderIndex", () => {
  it("finds every order it was given, after growing well past its first size, and nothing else", () => {
    const orders = new OrderTable(1);
    const index = new OrderIndex(orders, 1);
    const ids = Array.from({ length: 5000 }, (_, n) => (n % 3 === 0 ? `80${n}` : `${n}-x`));
    for (const id of ids) {
      expect(index.find(id)).toBe(-1);
      index.addAfterMiss(id, orders.count + 2);
    }
    expect(orders.orders().map((o) => o.orderId)).toEqual(ids);
    ids.forEach((id, n) => expect(index.find(id)).toBe(n));
    expect(index.find("not there")).toBe(-1);
    expect(index.find("")).toBe(-1);
  });
});
