import { scanGrid } from "../../../src/core/scan";

/** Issue 20, item 4: a combined 实际发货物流:运单号 cell holding several packages hides no number. */
describe("a combined carrier:number cell with several packages", () => {
  const header = ["订单号", "订单状态", "付款时间", "发货时间", "实际发货物流:运单号"];
  const scan = (cell: string, other = "8100000000000099") =>
    scanGrid({
      grid: {
        name: "订单",
        rows: [
          header,
          ["8100000000000001", "等待买家收货", "2025-06-01 10:00", "2025-06-02 10:00", cell],
          [other, "等待买家收货", "2025-06-01 10:00", "2025-06-02 10:00", "CAINIAO:LP00649731204655"],
        ],
      },
      options: { asOf: Date.parse("2025-06-05T12:00:00-07:00"), timeZone: "America/Los_Angeles" },
    });

  it("judges the first package's number too: a bad check digit before a comma is INVALID_TRACKING", () => {
    const result = scan("YANWEN:UG123456789CN,CAINIAO:LP00649731204656");
    const first = result.findings.filter((finding) => finding.orderId === "8100000000000001");
    expect(first.map((finding) => finding.code)).toContain("INVALID_TRACKING");
    expect(first.find((finding) => finding.code === "INVALID_TRACKING")?.message).toContain("UG123456789CN");
  });

  it("finds a number reused from another order even when it is the second package of the cell", () => {
    const result = scan("YANWEN:UG123456785CN CAINIAO:LP00649731204655");
    expect(
      result.findings
        .filter((finding) => finding.code === "DUPLICATE_TRACKING")
        .map((f) => f.orderId)
        .sort(),
    ).toEqual(["8100000000000001", "8100000000000099"]);
    expect(result.columns.carrier).toBe("实际发货物流:运单号");
  });
});
