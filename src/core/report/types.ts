import type {
  CanonicalField,
  Category,
  Confidence,
  Diagnostic,
  Finding,
  Instant,
  Lang,
  Localized,
  ViolationCode,
} from "../model";
import type { OnlineRate } from "../evaluate/onlineRate";

/** An order still awaiting the seller's shipment. */
export interface AwaitingOrder {
  orderId: string;
  /** Its first row as Excel shows it. */
  row: number;
  deadline: Instant;
  buyerCountry?: string;
}

/**
 * An order with a false-shipment finding and what it declared, read from its cells in the scan's one pass: the
 * appeal evidence's. Dates are the sheet's, in its zone; a field the sheet lacks is absent.
 */
export interface FalseShipmentOrder {
  orderId: string;
  /** Its first row as Excel shows it. */
  row: number;
  /** Its findings of the false-shipment family, in the order the scan raised them. */
  codes: ViolationCode[];
  buyerCountry?: string;
  /** The declared carrier or service as typed (or the service code that opens the tracking cell). */
  carrier?: string;
  /** The logistics service the rulebook's table names for that declaration, when it lists it. */
  service?: string;
  /** The service the buyer chose, as typed. */
  buyerService?: string;
  /** The tracking number(s) as typed, without a service-code prefix. */
  trackingNumber?: string;
  /** The carrier the tracking number matches, as the tracking check recognised it. */
  numberCarrier?: string;
  shippedAt?: Instant;
  firstScanAt?: Instant;
  deliveredAt?: Instant;
}

/** An order whose shipment was declared after its deadline: the shipped-late apology draft's. */
export interface ShippedLateOrder {
  orderId: string;
  /** Its first row as Excel shows it. */
  row: number;
  shippedAt: Instant;
  buyerCountry?: string;
}

/** Points and consequence for one penalty track (e.g. transaction violations 交易违规及其他). */
export interface TrackAssessment {
  track: string;
  name: Localized;
  points: number;
  consequence: Consequence;
}

export interface Consequence {
  /** Stable id of the ladder step reached, e.g. "none", "frozen-7d", "closed". */
  level: string;
  /** e.g. "12 points: store frozen 7 days (unverified default, low confidence)". */
  description: Localized;
  confidence: Confidence;
  /** The same as data, for hosts that say it in their own sentence: the points, the step reached, the next step. */
  parts?: {
    points: number;
    reached: Localized;
    next?: { minPoints: number; consequence: Localized };
    /** Where the ladder comes from and how sure it is, e.g. "unverified default, low confidence: …". */
    note: Localized;
  };
}

export interface Assessment {
  totalPoints: number;
  byTrack: TrackAssessment[];
  /** The worst consequence over all tracks. */
  consequence: Consequence;
  /** Extra points from threshold tiers (e.g. serious false shipment), listed so a seller sees why the total grew. */
  escalations: Array<{
    family: string;
    cases: number;
    points: number;
    reason: Localized;
    /** The escalation's name and window, for hosts that say the reason in their own sentence. */
    name?: Localized;
    windowDays?: number;
  }>;
}

/** A check the scan could not run because the sheet lacks a column. */
export interface SkippedCheck {
  codes: ViolationCode[];
  missingField: CanonicalField;
  message: Localized;
}

/** Everything one scan found: every host renders this. */
export interface ScanResult {
  rulebook: { id: string; version: string };
  source: { file?: string; sheet: string; headerRow: number; firstColumn: number; lastColumn: number; lastRow: number };
  asOf: Instant;
  timeZone: string;
  /** field -> header text it was read from. */
  columns: Partial<Record<CanonicalField, string>>;
  totals: {
    rows: number;
    orders: number;
    flaggedOrders: number;
    byCode: Partial<Record<ViolationCode, number>>;
    /** Rows shipped by the platform's warehouse (半托管仓发订单), counted apart and not judged. */
    warehouseOrders: number;
    /** The store's 72-hour and 7-day online rates, when the sheet has ship-time and first-scan columns. */
    onlineRate?: OnlineRate;
  };
  assessment: Assessment;
  /** The most orders one tracking number is on (the serious false-shipment tier reads it). */
  maxTrackingReuse: number;
  /** Every order still awaiting the seller's shipment that has a deadline, in sheet order: the ship-now list's. */
  awaiting: AwaitingOrder[];
  /** Every order with a false-shipment finding, in sheet order, with what it declared: the appeal evidence's. */
  falseShipmentOrders: FalseShipmentOrder[];
  /** Every order with a shipped-late finding, in sheet order, with its buyer's country: the apology drafts'. */
  shippedLate: ShippedLateOrder[];
  findings: Finding[];
  diagnostics: Diagnostic[];
  skipped: SkippedCheck[];
  /** Orders per carrier (named or recognised from the tracking number) for the carrier breakdown. */
  carriers: Array<{ carrier: string; orders: number; flaggedOrders: number; untrackedOrders: number }>;
}

/** Which sheet rows get which fill. One category per row: late beats untracked beats at-risk. */
export interface HighlightPlan {
  sheet: string;
  firstColumn: number;
  lastColumn: number;
  /** Sorted by row, one entry per Excel row (continuation rows of an order included). */
  rows: Array<{ row: number; category: Category }>;
  legend: Array<{ category: Category; color: string; label: Localized; rows: number }>;
}

/** The violation summary sheet, as data; the CLI (exceljs) and Excel (Office.js) render it the same way. */
export interface SummaryModel {
  sheetName: string;
  lang: Lang;
  title: string;
  /** Scan facts: file, sheet, as-of, zone, rulebook version. */
  facts: Array<{ label: string; value: string }>;
  /** Headline figures. `format` tells the renderer how to show the value. */
  kpis: Array<{ label: string; value: number | string; format?: "integer" | "percent" | "text" }>;
  byCode: Array<{
    code: ViolationCode;
    label: string;
    category: Category;
    color: string;
    orders: number;
    points: number;
  }>;
  pointsByTrack: Array<{ track: string; label: string; points: number; consequence: string }>;
  flagged: {
    headers: string[];
    /** One row per flagged order: [row, orderId, codes, points, message]; all plain values, never formulas. */
    rows: Array<{ row: number; orderId: string; codes: string; points: number; message: string; category: Category }>;
  };
  byCarrier: {
    headers: string[];
    rows: Array<{ carrier: string; orders: number; flagged: number; untracked: number; untrackedRate: number }>;
  };
  chart: { title: string; categories: string[]; values: number[] };
  notes: string[];
  /** Section headings and column labels, so every host's summary sheet reads the same words. */
  headings: SummaryHeadings;
}

export interface SummaryHeadings {
  facts: string;
  kpis: string;
  legend: string;
  rows: string;
  byCode: string;
  code: string;
  violation: string;
  category: string;
  orders: string;
  points: string;
  tracks: string;
  track: string;
  consequence: string;
  flagged: string;
  carriers: string;
  notes: string;
  none: string;
}
