import { SharedTrackingNumbers } from "../../../src/core/evaluate/duplicates";

describe("SharedTrackingNumbers", () => {
  it("finds numbers on two or more orders, each order listed once", () => {
    const shared = new SharedTrackingNumbers();
    // Order 0 repeats its own number (one cell holding it twice): not a duplicate on its own.
    shared.add(0, "LX000000001CN");
    shared.add(0, "LX000000001CN");
    for (let order = 1; order <= 300; order++) shared.add(order, `LP${String(order).padStart(14, "0")}`);
    shared.add(301, "LX000000001CN");
    shared.add(302, "LP00000000000007");
    shared.add(302, "LP00000000000007");
    shared.add(303, "LP00000000000007");
    expect([...shared.result()]).toEqual([
      ["LX000000001CN", [0, 301]],
      ["LP00000000000007", [7, 302, 303]],
    ]);
  });

  it("keeps every number's first order among many numbers", () => {
    const shared = new SharedTrackingNumbers();
    const number = (n: number): string => `LP${String(n).padStart(14, "0")}`;
    for (let order = 0; order < 600; order++) shared.add(order, number(order));
    for (let order = 0; order < 600; order++) shared.add(1000 + order, number(order));
    const result = shared.result();
    expect(result.size).toBe(600);
    for (let order = 0; order < 600; order++) expect(result.get(number(order))).toEqual([order, 1000 + order]);
  });

  it("finds nothing when every number is on one order", () => {
    const shared = new SharedTrackingNumbers();
    for (let order = 0; order < 5000; order++) shared.add(order, `EA${String(order).padStart(9, "0")}CN`);
    expect(shared.result().size).toBe(0);
  });
});
