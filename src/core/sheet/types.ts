import type { CanonicalField, Diagnostic, Order } from "../model";
import type { DayMonthOrder } from "../dates/text";
import type { OrderTable } from "../orders/orderTable";

export interface ColumnMatch {
  field: CanonicalField;
  /** The header text as the sheet has it (trimmed). */
  header: string;
  /** Excel column number, A = 1. */
  column: number;
  /** 0-based index into the grid's row arrays. */
  index: number;
  /** 0..1: 1 for an exact header of this field or an explicit mapping. */
  confidence: number;
  via: "alias" | "mapping" | "combined";
}

export interface HeaderDetection {
  /** Excel row number of the header row. */
  headerRow: number;
  columns: Partial<Record<CanonicalField, ColumnMatch>>;
  /** Canonical fields no column was found for, in CANONICAL_FIELDS order. */
  missing: CanonicalField[];
  /** 0..1: the mean confidence of the matched columns, halved when no order-number column was found. */
  confidence: number;
  /** Header texts of the row, by index (a blank cell under a vertically merged header takes the text above it). */
  headers: string[];
  /**
   * A second order-number column (an ERP's own number, e.g. Mabang's 订单编号 next to 交易编号). Rows whose
   * `orderId` cell is blank are grouped by it.
   */
  alternateOrderId?: ColumnMatch;
  /** Fields of the explicit mapping whose header text is not in the header row. */
  mappingNotFound: CanonicalField[];
}

/**
 * field -> header text as in the sheet (matching ignores case, spaces, punctuation and full-width forms).
 * An empty string means "this sheet has no such column": the field is not detected from aliases either.
 */
export type ColumnMapping = Partial<Record<CanonicalField, string>>;

export interface ReadOptions {
  /** IANA zone the sheet's wall-clock date-times are written in. */
  timeZone: string;
  mapping?: ColumnMapping;
  /**
   * How to read `a/b/yyyy` when both parts are 12 or less. Default: settled by the sheet's other dates (a first
   * part above 12 anywhere means day-first, a second part above 12 means month-first), US month-first when they say
   * nothing, and AMBIGUOUS_DATE for such cells when the sheet uses both orders.
   */
  dateOrder?: DayMonthOrder;
  /** Called now and then with the fraction of rows read (0..1), for progress bars. */
  onProgress?: (fraction: number) => void;
}

export interface SheetReadResult {
  sheet: string;
  header: HeaderDetection;
  /** The orders by column, in sheet order: what the scan judges. */
  table: OrderTable;
  /**
   * The same orders as objects, built on first use (the scan does not need them). Order.rows are Excel row
   * numbers; every order has every canonical field as a key, undefined where the sheet gave none.
   */
  readonly orders: Order[];
  diagnostics: Diagnostic[];
  /** Non-blank rows below the header. */
  dataRows: number;
  /** Excel column numbers spanned by the table (for highlighting whole rows). */
  firstColumn: number;
  lastColumn: number;
  /** Excel row number of the last non-blank row (the header row when there are no data rows). */
  lastRow: number;
}
