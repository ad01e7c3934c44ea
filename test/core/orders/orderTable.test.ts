import { NUMBER, OrderTable, TEXT } from "../../../src/core/orders/orderTable";
import { CANONICAL_FIELDS, type Order } from "../../../src/core/model";

describe("OrderTable", () => {
  it("knows an order added without an id by its number, beside orders that have one", () => {
    const table = new OrderTable(2);
    table.add(undefined, 2);
    table.add("8123", 3);
    table.add(undefined, 4);
    expect([0, 1, 2].map((i) => table.orderId(i))).toEqual(["1", "8123", "3"]);
    expect(table.toOrder(2).orderId).toBe("3");
    expect(table.orders().map((order) => order.orderId)).toEqual(["1", "8123", "3"]);
  });

  it("gives back what was stored, undefined for what was not, after growing past its first size", () => {
    const table = new OrderTable(1);
    for (let n = 0; n < 100; n++) {
      const index = table.add(`A${n}`, n + 2);
      if (n % 2 === 0) table.setNumber(index, NUMBER.paidAt, n * 1000);
      if (n % 3 === 0) table.setText(index, TEXT.trackingNumber, `LP${n}`);
      if (n % 5 === 0) table.setNumber(index, NUMBER.amount, 0); // zero is a value, not a blank
    }
    expect(table.count).toBe(100);
    expect(table.value(4, "paidAt")).toBe(4000);
    expect(table.value(3, "paidAt")).toBeUndefined();
    expect(Number.isNaN(table.number(3, NUMBER.paidAt))).toBe(true);
    expect(table.value(10, "amount")).toBe(0);
    expect(table.has(11, "amount")).toBe(false);
    expect(table.value(99, "trackingNumber")).toBe("LP99");
    expect(table.value(98, "trackingNumber")).toBeUndefined();
    table.clear(4, "paidAt");
    expect(table.value(4, "paidAt")).toBeUndefined();
    expect(table.orderId(57)).toBe("A57");
  });

  it("keeps every row of an order that spans several, first row first", () => {
    const table = new OrderTable(4);
    const first = table.add("A", 2);
    table.add("B", 3);
    table.addRow(first, 4);
    table.addRow(first, 9);
    expect(table.rowsOf(first)).toEqual([2, 4, 9]);
    expect(table.rowsOf(1)).toEqual([3]);
    expect(table.firstRow(first)).toBe(2);
  });

  it("round-trips Order objects, each with every canonical field as a key", () => {
    const orders: Order[] = [
      { orderId: "X1", rows: [2, 3], paidAt: 1_750_000_000_000, trackingNumber: "LP1", amount: 12.5, status: "已发货" },
      { orderId: "X2", rows: [5], handlingDays: 0, cancelReason: "buyer" },
    ];
    const back = OrderTable.of(orders).orders();
    expect(back).toEqual(orders);
    for (const order of back) expect(Object.keys(order).sort()).toEqual([...CANONICAL_FIELDS, "rows"].sort());
  });
});
