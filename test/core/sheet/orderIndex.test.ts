import type { Order } from "../../../src/core/model";
import { OrderIndex } from "../../../src/core/sheet/orderIndex";

describe("OrderIndex", () => {
  it("finds every order it was given, after growing well past its first size, and nothing else", () => {
    const orders: Order[] = [];
    const index = new OrderIndex(orders, 1);
    const ids = Array.from({ length: 5000 }, (_, n) => (n % 3 === 0 ? `80${n}` : `${n}-x`));
    for (const id of ids) {
      expect(index.find(id)).toBeUndefined();
      index.appendAfterMiss({ orderId: id, rows: [orders.length + 2] });
    }
    expect(orders.map((o) => o.orderId)).toEqual(ids);
    for (const id of ids) expect(index.find(id)?.orderId).toBe(id);
    expect(index.find("not there")).toBeUndefined();
    expect(index.find("")).toBeUndefined();
  });
});
