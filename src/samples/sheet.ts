import type { CellValue } from "../core/model";
import { buildSampleOrders, wallText, type SampleOrder, type SampleStatus } from "./orders";

export type SampleLang = "zh-CN" | "en";

type ColumnKey =
  | "orderId"
  | "status"
  | "buyerName"
  | "createdAt"
  | "paidAt"
  | "amount"
  | "product"
  | "quantity"
  | "country"
  | "buyerCarrier"
  | "shipDeadline"
  | "carrierTracking"
  | "shippedAt"
  | "firstScanAt"
  | "cancelReason"
  | "businessMode";

/** The 2019 seller-centre export's columns (aliexpress-rules.md §4a), with a tracking tool's 上网时间 added. */
const COLUMNS: ReadonlyArray<{ key: ColumnKey; zh: string; en: string; width: number }> = [
  { key: "orderId", zh: "订单号", en: "Order ID", width: 19 },
  { key: "status", zh: "订单状态", en: "Order Status", width: 14 },
  { key: "buyerName", zh: "买家名称", en: "Buyer Name", width: 18 },
  { key: "createdAt", zh: "下单时间", en: "Order Time", width: 19 },
  { key: "paidAt", zh: "付款时间", en: "Payment Time", width: 19 },
  { key: "amount", zh: "订单金额", en: "Order Amount", width: 11 },
  { key: "product", zh: "产品信息", en: "Product Information", width: 36 },
  { key: "quantity", zh: "产品数量", en: "Quantity", width: 9 },
  { key: "country", zh: "收货国家", en: "Country", width: 9 },
  { key: "buyerCarrier", zh: "买家选择物流", en: "Buyer Selected Shipping", width: 26 },
  { key: "shipDeadline", zh: "发货期限", en: "Shipping Deadline", width: 19 },
  { key: "carrierTracking", zh: "实际发货物流:运单号", en: "Carrier:Tracking Number", width: 32 },
  { key: "shippedAt", zh: "发货时间", en: "Ship Time", width: 19 },
  { key: "firstScanAt", zh: "上网时间", en: "First Scan Time", width: 19 },
  { key: "cancelReason", zh: "取消原因", en: "Cancel Reason", width: 24 },
  { key: "businessMode", zh: "订单业务模式", en: "Order Business Mode", width: 18 },
];

const BUSINESS_MODES = {
  warehouse: { zh: "半托管仓发订单", en: "Semi-managed warehouse order" },
  seller: { zh: "非半托管订单", en: "Non-semi-managed order" },
};

const STATUS_WORDS: Record<SampleStatus, { zh: string; en: string }> = {
  unpaid: { zh: "等待买家付款", en: "Awaiting payment" },
  awaiting: { zh: "等待您发货", en: "Awaiting shipment" },
  shipped: { zh: "等待买家收货", en: "Shipped" },
  completed: { zh: "交易完成", en: "Completed" },
  closed: { zh: "订单关闭", en: "Closed" },
};

const DATE_KEYS: ReadonlySet<ColumnKey> = new Set(["createdAt", "paidAt", "shipDeadline", "shippedAt", "firstScanAt"]);

/** The seller's own formatting, so that "the scan keeps it" can be seen and tested. */
export interface SampleFormatting {
  /** Rows (1-based) in bold: the title and the header. */
  boldRows: number[];
  /** The header row's fill (ARGB). */
  headerFill: string;
  /** A column the seller tinted on every order row (1-based column, ARGB colour). */
  tintedColumn: { column: number; color: string };
  /** 1-based columns that hold date-times, and the number format they carry. */
  dateColumns: number[];
  dateFormat: string;
  amountColumn: number;
  amountFormat: string;
  /** Column widths in characters, A first. */
  columnWidths: number[];
}

export interface SampleSheet {
  name: string;
  /** Every row from row 1: the title row, a blank row, the header and the orders (continuation rows included). */
  rows: CellValue[][];
  headerRow: number;
  /** The sheet rows of each order, by order id (first row first). */
  orderRows: Record<string, number[]>;
  formatting: SampleFormatting;
}

/** A first sheet without orders, so "the first sheet with a header" is what gets scanned. */
export interface SampleReadme {
  name: string;
  rows: CellValue[][];
}

const TITLE_ROW = 1;
const HEADER_ROW = 3;

/** A wall-clock reading as exceljs and the core hold a date cell: a Date whose UTC fields show the wall clock. */
const dateCell = (wallMs: number | undefined): CellValue => (wallMs === undefined ? null : new Date(wallMs));

function orderCells(order: SampleOrder, lang: SampleLang): Record<ColumnKey, CellValue> {
  const pick = (text: { zh: string; en: string }): string => (lang === "zh-CN" ? text.zh : text.en);
  const first = order.products[0];
  const carrierTracking =
    order.carrier === undefined && order.tracking === undefined
      ? null
      : `${order.carrier ?? ""}:${order.tracking ?? ""}`;
  const cells: Record<ColumnKey, CellValue> = {
    orderId: order.orderId,
    status: pick(STATUS_WORDS[order.status]),
    buyerName: order.buyerName,
    createdAt: dateCell(order.createdAt),
    paidAt: dateCell(order.paidAt),
    amount: order.amount,
    product: first ? first.name : null,
    quantity: first ? first.quantity : null,
    country: order.country,
    buyerCarrier: order.buyerCarrier,
    shipDeadline: dateCell(order.shipDeadline),
    carrierTracking,
    shippedAt: dateCell(order.shippedAt),
    firstScanAt: dateCell(order.firstScanAt),
    cancelReason: order.cancelReason ? pick(order.cancelReason) : null,
    businessMode: pick(BUSINESS_MODES[order.businessMode ?? "seller"]),
  };
  for (const [field, value] of Object.entries(order.odd ?? {})) cells[field as ColumnKey] = value as CellValue;
  return cells;
}

/** The orders sheet of the sample export, newest order first, as the seller centre sorts it. */
export function sampleSheet(lang: SampleLang, orders: SampleOrder[] = buildSampleOrders()): SampleSheet {
  const sorted = [...orders].sort((a, b) => b.createdAt - a.createdAt || a.orderId.localeCompare(b.orderId));
  const width = COLUMNS.length;
  const emptyRow = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const title = emptyRow();
  title[0] = lang === "zh-CN" ? "订单导出 2025-06-15" : "Order export 2025-06-15";
  const rows: CellValue[][] = [title, emptyRow(), COLUMNS.map((column) => (lang === "zh-CN" ? column.zh : column.en))];
  const orderRows: Record<string, number[]> = {};
  for (const order of sorted) {
    const cells = orderCells(order, lang);
    const own: number[] = [];
    rows.push(COLUMNS.map((column) => cells[column.key]));
    own.push(rows.length);
    // ERP-style continuation rows: one per further product, order-level cells left blank.
    for (const line of order.products.slice(1)) {
      const row = emptyRow();
      row[COLUMNS.findIndex((column) => column.key === "product")] = line.name;
      row[COLUMNS.findIndex((column) => column.key === "quantity")] = line.quantity;
      rows.push(row);
      own.push(rows.length);
    }
    orderRows[order.orderId] = own;
  }
  const columnNumber = (key: ColumnKey): number => COLUMNS.findIndex((column) => column.key === key) + 1;
  return {
    name: lang === "zh-CN" ? "订单" : "Orders",
    rows,
    headerRow: HEADER_ROW,
    orderRows,
    formatting: {
      boldRows: [TITLE_ROW, HEADER_ROW],
      headerFill: "FFD9D9D9",
      tintedColumn: { column: columnNumber("amount"), color: "FFE2EFDA" },
      dateColumns: COLUMNS.filter((column) => DATE_KEYS.has(column.key)).map((column) => columnNumber(column.key)),
      dateFormat: "yyyy-mm-dd hh:mm:ss",
      amountColumn: columnNumber("amount"),
      amountFormat: "0.00",
      columnWidths: COLUMNS.map((column) => column.width),
    },
  };
}

export function sampleReadme(lang: SampleLang): SampleReadme {
  return lang === "zh-CN"
    ? {
        name: "说明",
        rows: [
          ["AE Guard 示例订单导出（虚构数据）"],
          ["判断时间：2025-06-15 12:00（美国太平洋时间）"],
          ["订单在“订单”工作表中。"],
        ],
      }
    : {
        name: "Read me",
        rows: [
          ["AE Guard sample order export (made-up data)"],
          ["Judged at 2025-06-15 12:00 US Pacific time"],
          ["The orders are on the Orders sheet."],
        ],
      };
}

/** A cell as a CSV export writes it: dates as `yyyy-mm-dd hh:mm:ss`, errors as their code. */
export function csvText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return wallText(value.getTime());
  if (typeof value === "object") return value.error;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}

/** The sheet as CSV text (RFC 4180 quoting, CRLF line ends). */
export function sampleCsv(sheet: SampleSheet): string {
  const quote = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return sheet.rows.map((row) => row.map((cell) => quote(csvText(cell))).join(",")).join("\r\n") + "\r\n";
}
