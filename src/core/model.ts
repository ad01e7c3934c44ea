/**
 * The shared vocabulary of AE Guard. Every host (Excel, custom functions, task pane, CLI) speaks in these types.
 * Pure data only: no Office, DOM or Node imports anywhere under src/core.
 */

/** A moment in time as epoch milliseconds (UTC). Wall-clock readings become instants only through a time zone. */
export type Instant = number;

export type Lang = "en" | "zh-CN";

/** Text in both languages the product ships. */
export interface Localized {
  en: string;
  zh: string;
}

export type Confidence = "high" | "medium" | "low";

/** The canonical order fields that header detection maps columns to (contracts/report.md). */
export const CANONICAL_FIELDS = [
  "orderId",
  "status",
  "createdAt",
  "paidAt",
  "shipDeadline",
  "shippedAt",
  "trackingNumber",
  "carrier",
  "buyerCarrier",
  "firstScanAt",
  "deliveredAt",
  "buyerCountry",
  "buyerName",
  "amount",
  "cancelReason",
  "handlingDays",
  "businessMode",
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export const DATE_FIELDS: readonly CanonicalField[] = [
  "createdAt",
  "paidAt",
  "shipDeadline",
  "shippedAt",
  "firstScanAt",
  "deliveredAt",
];

/** One order as the rules see it, after a sheet (or a formula's arguments) has been read. */
export interface Order {
  orderId: string;
  /** Sheet rows (1-based, as Excel shows them) that belong to this order; the first is where its order-level cells sit. */
  rows: number[];
  status?: string;
  createdAt?: Instant;
  paidAt?: Instant;
  shipDeadline?: Instant;
  shippedAt?: Instant;
  /** The tracking cell as typed, possibly holding several numbers ("LP001, LP002"). */
  trackingNumber?: string;
  carrier?: string;
  buyerCarrier?: string;
  firstScanAt?: Instant;
  deliveredAt?: Instant;
  buyerCountry?: string;
  buyerName?: string;
  amount?: number;
  cancelReason?: string;
  handlingDays?: number;
  /** 订单业务模式 as typed: 半托管仓发订单 (shipped by the platform's warehouse) or 非半托管订单. */
  businessMode?: string;
}

export const VIOLATION_CODES = [
  "OVERDUE_UNSHIPPED",
  "SHIPPED_LATE",
  "DUE_SOON",
  "MISSING_TRACKING",
  "INVALID_TRACKING",
  "DUPLICATE_TRACKING",
  "NOT_ONLINE",
  "SELLER_CANCELLED",
  "SCAN_BEFORE_PAYMENT",
  "CARRIER_MISMATCH",
  "SERVICE_DOWNGRADE",
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** Highlight category: one fill colour each. */
export type Category = "late" | "untracked" | "at-risk";

export interface Finding {
  /** The order's first row as Excel shows it. */
  row: number;
  /** Every sheet row of the order (continuation rows included), for highlighting. */
  rows: number[];
  orderId: string;
  code: ViolationCode;
  category: Category;
  /** What this finding adds under the rulebook (0 when another finding of the same order already counted the case). */
  points: number;
  message: string;
  messageZh: string;
  /** The moment the violation happened (deadline passed, shipment declared), when known. */
  at?: Instant;
  /** Carrier named on the order or recognised from its tracking number, for the per-carrier breakdown. */
  carrier?: string;
}

export type DiagnosticProblem =
  | "UNPARSEABLE_DATE"
  | "UNPARSEABLE_NUMBER"
  | "EXCEL_ERROR"
  | "MISSING_ORDER_ID"
  | "AMBIGUOUS_DATE"
  | "MISSING_COLUMN"
  | "FORMULA_TEXT"
  | "UNDECODABLE_BYTES"
  | "UNCLOSED_QUOTE"
  | "UNKNOWN_LOGISTICS_NAME"
  | "UNKNOWN_BUSINESS_MODE"
  | "CUT_ORDER_ID"
  | "TOTALS_ROW";

/** A cell that could not be read as its column's type, or a sheet-level note (row 0 = the whole sheet). */
export interface Diagnostic {
  sheet?: string;
  row: number;
  column: string;
  field?: CanonicalField;
  value: string;
  problem: DiagnosticProblem;
  message: string;
  messageZh: string;
}

/** Notes on cells that were read (a name the rulebook's tables lack, ids Excel cut): not unreadable cells. */
const NOTES: ReadonlySet<DiagnosticProblem> = new Set([
  "UNKNOWN_LOGISTICS_NAME",
  "UNKNOWN_BUSINESS_MODE",
  "CUT_ORDER_ID",
]);

/** A diagnostic about one cell that could not be read (not a sheet-level note, not one of NOTES). */
export function isUnreadableCell(diagnostic: Diagnostic): boolean {
  return diagnostic.row > 0 && !NOTES.has(diagnostic.problem);
}

/** Options that decide how a scan judges orders. */
export interface ScanOptions {
  /** The moment the scan judges as "now". */
  asOf: Instant;
  /** IANA zone the sheet's wall-clock date-times are written in. */
  timeZone: string;
  /** Handling days when neither the sheet's deadline nor its handling-days column gives one; default from the rulebook. */
  handlingDays?: number;
  /** DUE_SOON window in hours; default from the rulebook. */
  dueSoonHours?: number;
  lang?: Lang;
}

/** Excel cell values as hosts hand them to the core. Dates may arrive as serials (numbers) or JS Dates (exceljs). */
export type CellValue = string | number | boolean | Date | null | undefined | CellError;

export interface CellError {
  error: string; // "#N/A", "#VALUE!", ...
}

/** A rectangular block of a worksheet, as read by any host. */
export interface SheetGrid {
  name: string;
  /** rows[i][j] is the cell at Excel row firstRow + i, column firstColumn + j. */
  rows: CellValue[][];
  /** Excel row number of rows[0] (1-based). Default 1. */
  firstRow?: number;
  /** Excel column number of rows[i][0] (1-based, A = 1). Default 1. */
  firstColumn?: number;
  /** Number formats for cells when the host has them (only date columns need them). */
  numberFormat?: (r: number, c: number) => string | undefined;
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
  /** Excel rows that are an Excel table's totals row (from the table's own definition, where the host has it). */
  totalsRows?: readonly number[];
}
