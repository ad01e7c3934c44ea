import { CANONICAL_FIELDS, type CellValue, type SheetGrid } from "../../../src/core/model";
import { detectHeader, headerKey, HEADER_ALIASES, readOrderSheet } from "../../../src/core/sheet";
import { at, LA, serial } from "./fixtures";

const read = (rows: CellValue[][], extra: Partial<SheetGrid> = {}, dateOrder?: "mdy" | "dmy") =>
  readOrderSheet({ name: "S", rows, ...extra }, { timeZone: LA, dateOrder });

describe("header detection", () => {
  it("matches headers ignoring case, spaces, punctuation and full-width forms", () => {
    const detection = detectHeader({
      name: "S",
      rows: [["ＯＲＤＥＲ　ＩＤ", "payment_time", " Tracking No ", "订单状态：", "SHIP BY"]],
    });
    expect(detection?.columns.orderId?.index).toBe(0);
    expect(detection?.columns.paidAt?.index).toBe(1);
    expect(detection?.columns.trackingNumber?.index).toBe(2);
    expect(detection?.columns.status?.index).toBe(3);
    expect(detection?.columns.shipDeadline?.index).toBe(4);
    expect(detection?.confidence).toBe(1);
  });

  it("reads headers with bracketed notes and bilingual headers, less surely than exact ones", () => {
    const detection = detectHeader({
      name: "S",
      rows: [["订单号 / Order ID", "付款时间（北京时间）", "Handling Time (days)", "Ship Time\n(PST)"]],
    });
    expect(detection?.columns.shippedAt).toMatchObject({ index: 3, confidence: 0.9 });
    expect(detection?.columns.orderId).toMatchObject({ index: 0, via: "alias" });
    expect(detection?.columns.orderId?.confidence).toBeLessThan(1);
    expect(detection?.columns.paidAt).toMatchObject({ index: 1, confidence: 0.9 });
    expect(detection?.columns.handlingDays).toMatchObject({ index: 2, confidence: 1 });
  });

  it("prefers the platform order number to an ERP's own, whichever comes first", () => {
    expect(detectHeader({ name: "S", rows: [["订单编号", "交易编号", "付款时间"]] })?.columns.orderId?.header).toBe(
      "交易编号",
    );
    expect(detectHeader({ name: "S", rows: [["订单编号", "付款时间"]] })?.columns.orderId?.header).toBe("订单编号");
  });

  it("lets an explicit mapping override detection, exclude a field, and says which mapped headers are absent", () => {
    const rows: CellValue[][] = [["order_approved_at", "shipping_limit_date", "订单号", "付款时间", "发货期限"]];
    const detection = detectHeader(
      { name: "S", rows },
      { paidAt: "ORDER APPROVED AT", shipDeadline: "", buyerName: "Nope" },
    );
    expect(detection?.columns.paidAt).toMatchObject({ index: 0, via: "mapping", confidence: 1 });
    expect(detection?.columns.shipDeadline).toBeUndefined();
    expect(detection?.missing).toContain("shipDeadline");
    expect(detection?.mappingNotFound).toEqual(["buyerName"]);
    expect(detection?.columns.orderId?.index).toBe(2);
  });

  it("uses a mapping to find a header row no alias would recognise", () => {
    const rows: CellValue[][] = [
      ["Report"],
      ["id", "approved", "limit"],
      ["X1", "2025-06-01 10:00", "2025-06-08 10:00"],
    ];
    const result = readOrderSheet(
      { name: "S", rows },
      { timeZone: LA, mapping: { orderId: "id", paidAt: "approved", shipDeadline: "limit" } },
    );
    expect(result.header.headerRow).toBe(2);
    expect(result.orders).toEqual([
      { orderId: "X1", rows: [3], paidAt: at([2025, 6, 1, 10, 0]), shipDeadline: at([2025, 6, 8, 10, 0]) },
    ]);
  });

  it("finds no header in a sheet that names fewer than two fields", () => {
    expect(detectHeader({ name: "S", rows: [["Notes"], ["Order ID"], ["1"]] })).toBeUndefined();
    expect(detectHeader({ name: "S", rows: [] })).toBeUndefined();
  });

  it("keeps the alias table unambiguous: no header text names two fields", () => {
    const owner = new Map<string, string>();
    for (const field of CANONICAL_FIELDS) {
      for (const alias of HEADER_ALIASES[field]) {
        const key = headerKey(alias.header);
        expect([key, owner.get(key) ?? field]).toEqual([key, field]);
        owner.set(key, field);
      }
    }
  });

  it("has the English and Chinese headers the issue lists", () => {
    const listed = [
      "Order ID",
      "Order No.",
      "Order Status",
      "Payment Time",
      "Paid At",
      "Shipping Deadline",
      "Ship By",
      "Latest Ship Time",
      "Ship Time",
      "Shipped At",
      "Actual Ship Time",
      "Tracking Number",
      "Tracking No.",
      "Carrier",
      "Logistics Provider",
      "Shipping Method (buyer)",
      "First Scan",
      "Delivered",
      "Country",
      "Buyer",
      "Buyer Name",
      "Order Amount",
      "Cancel Reason",
      "Handling Time (days)",
      "Processing Time",
      "订单号",
      "订单状态",
      "付款时间",
      "发货期限",
      "发货时间",
      "运单号",
      "物流单号",
      "买家选择物流",
      "上网时间",
      "确认收货时间",
      "收货国家",
      "买家名称",
      "订单金额",
      "取消原因",
      "关闭原因",
      "结束原因",
      "备货期",
      "gmt_pay_time",
      "logistics_no",
    ];
    const known = new Set(
      CANONICAL_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => headerKey(alias.header))),
    );
    expect(listed.filter((header) => !known.has(headerKey(header)))).toEqual([]);
  });
});

describe("cells that cannot be read", () => {
  const header = ["订单号", "付款时间", "订单金额", "备货期", "买家名称", "订单状态"];

  it("lists each with its Excel row and header, and still reads the rest of the order", () => {
    const result = read([
      header,
      ["A1", { error: "#N/A" }, "#VALUE!", "7天", "#N/A", "已发货"],
      ["A2", "32/13/2025", "twelve", "7 days", "Bob", { error: "#REF!" }],
      ["A3", "=TODAY()", "=SUM(B1:B2)", -3, '=HYPERLINK("x","Ann")', true],
    ]);
    expect(result.orders).toEqual([
      { orderId: "A1", rows: [2], handlingDays: 7, status: "已发货" },
      { orderId: "A2", rows: [3], handlingDays: 7, buyerName: "Bob" },
      { orderId: "A3", rows: [4], buyerName: '=HYPERLINK("x","Ann")', status: "TRUE" },
    ]);
    expect(result.diagnostics.map((d) => [d.row, d.column, d.field, d.value, d.problem])).toEqual([
      [2, "付款时间", "paidAt", "#N/A", "EXCEL_ERROR"],
      [2, "订单金额", "amount", "#VALUE!", "EXCEL_ERROR"],
      [2, "买家名称", "buyerName", "#N/A", "EXCEL_ERROR"],
      [3, "付款时间", "paidAt", "32/13/2025", "UNPARSEABLE_DATE"],
      [3, "订单金额", "amount", "twelve", "UNPARSEABLE_NUMBER"],
      [3, "订单状态", "status", "#REF!", "EXCEL_ERROR"],
      [4, "付款时间", "paidAt", "=TODAY()", "FORMULA_TEXT"],
      [4, "订单金额", "amount", "=SUM(B1:B2)", "FORMULA_TEXT"],
      [4, "备货期", "handlingDays", "-3", "UNPARSEABLE_NUMBER"],
    ]);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.sheet).toBe("S");
      expect(diagnostic.message).toContain(`Row ${diagnostic.row}`);
      expect(diagnostic.messageZh).toContain(`第 ${diagnostic.row} 行`);
    }
  });

  it("lists a row's problems left to right, whatever the kind of each column", () => {
    const result = read([
      ["订单号", "订单金额", "发货时间", "买家名称", "付款时间"],
      ["A1", "twelve", "soon", { error: "#N/A" }, "32/13/2025"],
    ]);
    expect(result.diagnostics.map((d) => d.column)).toEqual(["订单金额", "发货时间", "买家名称", "付款时间"]);
  });

  it("keeps ids verbatim (full-width, formula-like) and reads full-width digits in dates and amounts", () => {
    const result = read([
      ["Order ID", "Payment Time", "Order Amount"],
      ["８０１２３４", "２０２５－０６－０１　１０：００", "ＵＳ＄１２.５０"],
      ['=HYPERLINK("https://x","801")', "2025-06-01 10:00", "12.5"],
    ]);
    expect(result.orders.map((o) => [o.orderId, o.paidAt, o.amount])).toEqual([
      ["８０１２３４", at([2025, 6, 1, 10, 0]), 12.5],
      ['=HYPERLINK("https://x","801")', at([2025, 6, 1, 10, 0]), 12.5],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it("does not count a row whose order number is an Excel error, and says so", () => {
    const result = read([
      ["订单号", "付款时间"],
      ["A1", "2025-06-01 10:00"],
      [{ error: "#N/A" }, "2025-06-02 10:00"],
      ["", "x"],
    ]);
    expect(result.orders.map((o) => o.rows)).toEqual([[2]]);
    // Row 4 has data but no id, and the row above it is no order to continue.
    expect(result.diagnostics.map((d) => [d.row, d.problem])).toEqual([
      [3, "EXCEL_ERROR"],
      [4, "MISSING_ORDER_ID"],
    ]);
  });
});

describe("continuation rows", () => {
  const header = ["订单号", "付款时间", "买家名称", "运单号", "SKU"];

  it("fold blank-id rows into the order above and add their tracking numbers", () => {
    const result = read([
      header,
      ["A1", "2025-06-01 10:00", "Ann", "LP001", "S1"],
      ["", "", "", "LP002", "S2"],
      ["", "2025-06-01 10:00", "Ann", "LP001", "S3"],
      ["A2", "2025-06-02 10:00", "Bob", "", "S1"],
    ]);
    expect(result.orders).toEqual([
      {
        orderId: "A1",
        rows: [2, 3, 4],
        paidAt: at([2025, 6, 1, 10, 0]),
        buyerName: "Ann",
        trackingNumber: "LP001, LP002",
      },
      { orderId: "A2", rows: [5], paidAt: at([2025, 6, 2, 10, 0]), buyerName: "Bob" },
    ]);
  });

  it("fold a repeated order id even when other orders come between", () => {
    const result = read([
      header,
      ["A1", "", "", "LP001"],
      ["A2", "", "", ""],
      ["A1", "2025-06-01 10:00", "Ann", "LP001"],
    ]);
    expect(result.orders).toEqual([
      { orderId: "A1", rows: [2, 4], trackingNumber: "LP001", paidAt: at([2025, 6, 1, 10, 0]), buyerName: "Ann" },
      { orderId: "A2", rows: [3] },
    ]);
  });

  it("do not swallow a row without id whose order data differs: that row is an order missing its number", () => {
    const result = read([
      header,
      ["A1", "2025-06-01 10:00", "Ann", "LP001"],
      ["", "2025-06-03 10:00", "Cat", "LP009"],
      ["", "", "", "", "S2"],
    ]);
    expect(result.orders.map((o) => o.rows)).toEqual([[2]]);
    expect(result.diagnostics.map((d) => [d.row, d.problem, d.column])).toEqual([[3, "MISSING_ORDER_ID", "订单号"]]);
  });

  it("fill what the first row left blank from later rows, first value wins", () => {
    const result = read([
      [...header, "订单状态"],
      ["A1", "", "", "", "S1", ""],
      ["", "2025-06-01 10:00", "", "", "S2", "已发货"],
      ["", "2025-06-01 10:00", "Ann", "", "S3", "已完成"],
    ]);
    expect(result.orders).toEqual([
      { orderId: "A1", rows: [2, 3, 4], paidAt: at([2025, 6, 1, 10, 0]), buyerName: "Ann", status: "已发货" },
    ]);
  });

  it("group rows by the ERP's own number when the platform number is missing", () => {
    const result = read([
      ["订单编号", "交易编号", "付款时间"],
      ["MB1", "8001", "2025-06-01 10:00"],
      ["MB1", "", ""],
      ["MB2", "", "2025-06-02 10:00"],
      ["", "", ""],
      ["MB2", "", ""],
    ]);
    expect(result.orders.map((o) => [o.orderId, o.rows])).toEqual([
      ["8001", [2, 3]],
      ["MB2", [4, 6]],
    ]);
  });

  it("skip a header row repeated further down", () => {
    const result = read([header, ["A1", "2025-06-01 10:00"], header, ["A2", "2025-06-02 10:00"]]);
    expect(result.orders.map((o) => o.orderId)).toEqual(["A1", "A2"]);
    expect(result.diagnostics).toEqual([]);
  });

  it("without an order-number column, every row is an order named by its row", () => {
    const result = read([
      ["付款时间", "运单号"],
      ["2025-06-01 10:00", "LP1"],
      ["2025-06-02 10:00", "LP2"],
    ]);
    expect(result.header.missing).toContain("orderId");
    expect(result.header.confidence).toBe(0.5);
    expect(result.orders.map((o) => [o.orderId, o.trackingNumber])).toEqual([
      ["row 2", "LP1"],
      ["row 3", "LP2"],
    ]);
  });
});

describe("dates across a sheet", () => {
  const header = ["Order ID", "Payment Time", "Ship Time"];

  it("reads ambiguous a/b/yyyy month-first when nothing in the sheet says otherwise", () => {
    const result = read([header, ["A1", "03/04/2025 10:00", "03/05/2025 10:00"]]);
    expect(result.orders[0]).toMatchObject({ paidAt: at([2025, 3, 4, 10, 0]), shippedAt: at([2025, 3, 5, 10, 0]) });
  });

  it("re-reads them day-first when another date of the same column, written alike, can only be day-first", () => {
    const result = read([header, ["A1", "03/04/2025 10:00", ""], ["A2", "25/04/2025 10:00", "05/04/2025 09:00"]]);
    expect(result.orders.map((o) => o.paidAt)).toEqual([at([2025, 4, 3, 10, 0]), at([2025, 4, 25, 10, 0])]);
    expect(result.diagnostics).toEqual([]);
  });

  it("settles each column by its own dates: a day-first payment column does not flip the ship times", () => {
    const result = read([
      header,
      ["A1", "25/04/2025 10:00", "05/04/2025 09:00"],
      ["A2", "03/04/2025 10:00", "06/13/2025 09:00"],
    ]);
    expect(result.orders[1].paidAt).toBe(at([2025, 4, 3, 10, 0]));
    expect(result.orders[0].shippedAt).toBe(at([2025, 5, 4, 9, 0]));
    expect(result.diagnostics).toEqual([]);
  });

  it("reports them as AMBIGUOUS_DATE when their column has dates of both orders", () => {
    const result = read([
      header,
      ["A1", "03/04/2025 10:00", "25/04/2025 09:00"],
      ["A2", "04/25/2025 10:00", ""],
      ["A3", "13/04/2025 10:00", ""],
    ]);
    expect(result.orders[0].paidAt).toBeUndefined();
    expect(result.orders[0].shippedAt).toBe(at([2025, 4, 25, 9, 0]));
    expect(result.orders[1].paidAt).toBe(at([2025, 4, 25, 10, 0]));
    expect(result.orders[2].paidAt).toBe(at([2025, 4, 13, 10, 0]));
    expect(result.diagnostics.map((d) => [d.row, d.column, d.problem])).toEqual([
      [2, "Payment Time", "AMBIGUOUS_DATE"],
    ]);
    expect(result.diagnostics[0].message).toContain("2025-03-04");
    expect(result.diagnostics[0].message).toContain("2025-04-03");
  });

  it("does not let one 13/06/2025 flip a date written another way: 6/9/2025 10:00 AM is reported, not made 6 September", () => {
    const result = read([header, ["A1", "13/06/2025", ""], ["A2", "6/9/2025 10:00 AM", ""], ["A3", "14/06/2025", ""]]);
    expect(result.orders.map((o) => o.paidAt)).toEqual([at([2025, 6, 13, 0, 0]), undefined, at([2025, 6, 14, 0, 0])]);
    expect(result.diagnostics.map((d) => [d.row, d.column, d.problem, d.value])).toEqual([
      [3, "Payment Time", "AMBIGUOUS_DATE", "6/9/2025 10:00 AM"],
    ]);
  });

  it("follows an explicit day/month order without guessing", () => {
    const result = read([header, ["A1", "03/04/2025 10:00", "04/25/2025 09:00"]], {}, "dmy");
    expect(result.orders[0].paidAt).toBe(at([2025, 4, 3, 10, 0]));
    expect(result.orders[0].shippedAt).toBe(at([2025, 4, 25, 9, 0]));
  });

  it("reads a 1904 workbook's serials and asks the host's number format only for implausible numbers", () => {
    const asked: Array<[number, number]> = [];
    const result = read([header, ["A1", serial([2025, 6, 1, 10, 0], true), 700]], {
      date1904: true,
      numberFormat: (r, c) => {
        asked.push([r, c]);
        return "yyyy-mm-dd";
      },
    });
    expect(result.orders[0].paidAt).toBe(at([2025, 6, 1, 10, 0]));
    expect(result.orders[0].shippedAt).toBe(at([1905, 12, 1, 0, 0]));
    expect(asked).toEqual([[1, 2]]);
  });

  it("converts wall clocks around daylight-saving changes the way zone.ts does", () => {
    const walls: Array<[number, number, number, number, number]> = [
      [2025, 3, 9, 1, 59],
      [2025, 3, 9, 2, 30],
      [2025, 3, 9, 3, 0],
      [2025, 11, 2, 0, 59],
      [2025, 11, 2, 1, 30],
      [2025, 11, 2, 2, 0],
    ];
    const result = read([header, ...walls.map((w, n) => [`A${n}`, serial(w), ""])]);
    expect(result.orders.map((o) => o.paidAt)).toEqual(walls.map((w) => at(w)));
  });

  it("reports progress up to 1", () => {
    const seen: number[] = [];
    readOrderSheet({ name: "S", rows: [header, ["A1", "", ""]] }, { timeZone: LA, onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
  });

  it("refuses an unknown time zone", () => {
    expect(() => readOrderSheet({ name: "S", rows: [header] }, { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("Order objects", () => {
  it("all share one shape: every canonical field is a key, undefined where the sheet gave nothing", () => {
    const result = read([
      ["订单号", "付款时间", "运单号"],
      ["A1", "2025-06-01 10:00", ""],
      ["A2", "", "LP1"],
    ]);
    const keys = ["orderId", "rows", ...CANONICAL_FIELDS.filter((field) => field !== "orderId")];
    for (const order of result.orders) expect(Object.keys(order).sort()).toEqual([...keys].sort());
    expect(result.orders[0].trackingNumber).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result.orders[1]))).toEqual({ orderId: "A2", rows: [3], trackingNumber: "LP1" });
  });
});
