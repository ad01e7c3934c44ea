import type { CellValue, SheetGrid } from "../../../src/core/model";
import { readOrderSheet } from "../../../src/core/sheet";
import { csvToGrid } from "../../../src/core/csv";
import {
  apiCsvText,
  dianxiaomiExport,
  englishExport,
  expectedOrder,
  LA,
  mabangExport,
  SAMPLE_ORDERS,
  sellerCentre2019,
  sellerCentreLater,
} from "./fixtures";

const read = (grid: SheetGrid) => readOrderSheet(grid, { timeZone: LA });

describe("each export shape reads back the same orders", () => {
  it("2019 Chinese seller-centre export: text dates, currency text, the combined carrier:tracking cell", () => {
    const result = read(sellerCentre2019());
    expect(result.header.headerRow).toBe(1);
    expect(result.header.columns.trackingNumber).toMatchObject({ header: "实际发货物流:运单号", via: "combined", column: 24 });
    expect(result.header.columns.carrier).toMatchObject({ header: "实际发货物流:运单号", via: "combined", column: 24 });
    expect(result.header.columns.amount?.header).toBe("订单金额"); // not 产品总金额
    expect(result.header.columns.buyerName?.header).toBe("买家名称"); // not 收货人名称
    expect(result.orders).toEqual(SAMPLE_ORDERS.map((o, n) => expectedOrder(o, [n + 2], { status: "zh" })));
    expect(result.diagnostics).toEqual([]);
    expect(result.header.missing).toEqual(["firstScanAt", "cancelReason", "handlingDays", "businessMode"]);
    expect([result.firstColumn, result.lastColumn, result.lastRow, result.dataRows]).toEqual([1, 26, 4, 3]);
  });

  it("later Chinese export: 实际发货单号 is the tracking number, dates are serials, no carrier column", () => {
    const result = read(sellerCentreLater());
    expect(result.header.columns.trackingNumber).toMatchObject({ header: "实际发货单号", via: "alias" });
    expect(result.header.missing).toContain("carrier");
    expect(result.orders).toEqual(SAMPLE_ORDERS.map((o, n) => expectedOrder(o, [n + 2], { status: "zh", carrier: false })));
    expect(result.diagnostics).toEqual([]);
  });

  it("English export: US dates with AM/PM, month names, $ amounts", () => {
    const result = read(englishExport());
    expect(result.header.columns.buyerCarrier?.header).toBe("Shipping Method (buyer)");
    expect(result.header.columns.carrier?.header).toBe("Carrier");
    expect(result.orders).toEqual(SAMPLE_ORDERS.map((o, n) => expectedOrder(o, [n + 2], { status: "en" })));
    expect(result.diagnostics).toEqual([]);
  });

  it("a Chinese and an English sheet of the same orders give the same Order objects (status words aside)", () => {
    const strip = (grid: SheetGrid) => read(grid).orders.map(({ status, ...rest }) => rest);
    expect(strip(sellerCentre2019())).toEqual(strip(englishExport()));
  });

  it("API field-name CSV: yyyyMMddHHmmssSSS±zzzz dates, handling days, all cells text", () => {
    const grid = csvToGrid("api.csv", new TextEncoder().encode(apiCsvText()));
    const result = read(grid);
    expect(result.header.columns.paidAt?.header).toBe("gmt_pay_time");
    expect(result.header.columns.shipDeadline?.header).toBe("over_time_left");
    expect(result.header.columns.handlingDays?.header).toBe("goods_prepare_time");
    expect(result.orders).toEqual(
      SAMPLE_ORDERS.map((o, n) => ({ ...expectedOrder(o, [n + 2], { buyerCarrier: false }), status: "WAIT_SELLER_SEND_GOODS", handlingDays: 7 })),
    );
    expect(result.diagnostics).toEqual([]);
  });

  it("Mabang: the platform's 交易编号 is the order id, SKU rows fold into their order", () => {
    const result = read(mabangExport());
    expect(result.header.columns.orderId?.header).toBe("交易编号");
    expect(result.header.alternateOrderId?.header).toBe("订单编号");
    expect(result.header.columns.status?.header).toBe("订单状态");
    expect(result.header.columns.shippedAt?.header).toBe("发货时间");
    expect(result.header.columns.shipDeadline?.header).toBe("最后发货期限");
    expect(result.orders.map((o) => o.rows)).toEqual([[2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(result.orders).toEqual(
      SAMPLE_ORDERS.map((o, n) => expectedOrder(o, [[2, 3], [4, 5, 6], [7, 8, 9]][n], { status: "zh", created: false })),
    );
    expect(result.dataRows).toBe(8);
    expect(result.diagnostics).toEqual([]);
  });

  it("Dianxiaomi-style: the order id repeated on each SKU row is one order", () => {
    const result = read(dianxiaomiExport());
    expect(result.header.columns.orderId?.header).toBe("平台订单号");
    expect(result.header.columns.buyerCountry?.header).toBe("国家/地区");
    expect(result.orders).toEqual(
      SAMPLE_ORDERS.map((o, n) => expectedOrder(o, [[2], [3, 4], [5]][n], { status: "zh", created: false, delivered: false })),
    );
  });
});

describe("sheet layout", () => {
  const header = ["订单号", "付款时间", "发货期限", "运单号"];
  const data: CellValue[][] = [
    ["A1", "2025-06-01 10:00", "2025-06-08 10:00", "LP001"],
    ["A2", "2025-06-02 10:00", "2025-06-09 10:00", ""],
  ];

  it("finds the header below title and blank rows, and numbers rows as Excel does", () => {
    const grid: SheetGrid = { name: "S", rows: [["速卖通订单导出"], ["导出时间：2025-06-15 08:00"], [], header, ...data] };
    const result = read(grid);
    expect(result.header.headerRow).toBe(4);
    expect(result.orders.map((o) => [o.orderId, o.rows])).toEqual([["A1", [5]], ["A2", [6]]]);
  });

  it("honours a grid that does not start at A1", () => {
    const grid: SheetGrid = { name: "S", rows: [header, ...data], firstRow: 10, firstColumn: 3 };
    const result = read(grid);
    expect(result.header.headerRow).toBe(10);
    expect(result.header.columns.paidAt).toMatchObject({ column: 4, index: 1 });
    expect(result.orders.map((o) => o.rows)).toEqual([[11], [12]]);
    expect([result.firstColumn, result.lastColumn, result.lastRow]).toEqual([3, 6, 12]);
  });

  it("reads a two-row header whose upper cells are merged down over blank lower cells", () => {
    const grid: SheetGrid = {
      name: "S",
      rows: [
        ["订单号", "订单状态", "时间", "", "物流", ""],
        ["", "", "付款时间", "发货时间", "运单号", "物流商"],
        ["A1", "已发货", "2025-06-01 10:00", "2025-06-02 10:00", "LP001", "YUNEXPRESS"],
      ],
    };
    const result = read(grid);
    expect(result.header.headerRow).toBe(2);
    expect(result.header.headers).toEqual(["订单号", "订单状态", "付款时间", "发货时间", "运单号", "物流商"]);
    expect(result.orders).toHaveLength(1);
    expect(result.orders[0]).toMatchObject({ orderId: "A1", status: "已发货", trackingNumber: "LP001", carrier: "YUNEXPRESS", rows: [3] });
  });

  it("skips blank header cells and blank rows, and spans the table from its first to its last header", () => {
    const grid: SheetGrid = {
      name: "S",
      rows: [
        [null, "订单号", "", "付款时间", undefined, "运单号"],
        [null, "A1", "x", "2025-06-01 10:00", null, "LP001"],
        [],
        ["", " ", "\n", null],
        [null, "A2", "", "2025-06-02 10:00", null, ""],
      ],
    };
    const result = read(grid);
    expect(result.orders.map((o) => [o.orderId, o.rows])).toEqual([["A1", [2]], ["A2", [5]]]);
    expect([result.firstColumn, result.lastColumn, result.dataRows, result.lastRow]).toEqual([2, 6, 2, 5]);
  });

  it("throws an English error only when there is no header", () => {
    expect(() => read({ name: "Notes", rows: [["hello"], ["world"]] })).toThrow(/No header row found in sheet "Notes"/);
  });
});
