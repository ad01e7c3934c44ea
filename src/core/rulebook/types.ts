import type { Category, Confidence, Localized, ViolationCode } from "../model";

/** A number (or list) from the rulebook with where it came from and how sure we are. */
export interface Sourced<T> {
  value: T;
  /** Ids of the source register (`Rulebook.sources`). */
  sources: string[];
  confidence: Confidence;
  note?: string;
  /** Set when the value comes from the user's override file rather than the researched default. */
  overridden?: boolean;
}

/** Severity a seller can pass to AE.PENALTY. */
export type Severity = "general" | "serious" | "verySerious";

/**
 * A violation family is what the platform counts as one case per order: 成交不卖 (non-fulfillment) or 虚假发货
 * (false shipment). Several report codes feed one family; an order is one case however many of its codes fire.
 */
export interface FamilyDefinition {
  id: string;
  ruleId: string;
  names: Localized;
  /** Other names a seller may type into AE.PENALTY (matched ignoring case, spaces and punctuation). */
  aliases: string[];
  track: string;
  pointsPerCase: Sourced<number>;
  severityPoints: Partial<Record<Severity, Sourced<number>>>;
  /** A threshold tier: this many cases inside the window add `points` once (e.g. serious false shipment). */
  escalation?: {
    minCases: Sourced<number>;
    windowDays: Sourced<number>;
    /** The same tracking number on this many orders also triggers the tier. */
    minReuse?: Sourced<number>;
    points: Sourced<number>;
    names: Localized;
  };
  sources: string[];
}

export interface ViolationDefinition {
  code: ViolationCode;
  family: string;
  category: Category;
  names: Localized;
  aliases: string[];
  description: Localized;
  sources: string[];
  confidence: Confidence;
}

export interface LadderStep {
  minPoints: number;
  level: string;
  consequence: Localized;
}

export interface TrackDefinition {
  id: string;
  names: Localized;
  ladder: Sourced<LadderStep[]>;
  /** How long a case's points count, in days. */
  validityDays: Sourced<number>;
}

/** How the rulebook reads a status cell: every word here is data, matched ignoring case, spaces and punctuation. */
export interface StatusWords {
  unpaid: string[];
  awaitingShipment: string[];
  partlyShipped: string[];
  shipped: string[];
  completed: string[];
  cancelled: string[];
  /** Statuses such as the API's FINISH that say "ended" without saying whether the order shipped. */
  ended: string[];
  refunded: string[];
}

/** economy < standard < premium (express), the order R7 compares (买家选择物流 vs 实际发货物流). */
export type ServiceTier = "economy" | "standard" | "premium";

/**
 * A carrier or AliExpress logistics service a sheet can name, as data. `names` are matched ignoring case, spaces and
 * punctuation (English, Chinese and the API's service codes such as CAINIAO_STANDARD); a name that no entry lists is
 * never guessed at.
 */
export interface LogisticsName {
  id: string;
  names: string[];
  /** Service codes that can open a tracking cell (`CAINIAO_STANDARD_WEIHAI:LP…`); matched as a whole or a prefix + "_". */
  codes?: string[];
  /** The service's tier; absent for a plain carrier name, which is then not compared with the buyer's choice. */
  tier?: ServiceTier;
  /**
   * The tracking-number carriers this name can produce: a format's carrier id (`ups`, `cainiao`, `yanwen`…) or
   * `post:CC` for a UPU S10 number of country CC (`post:*` = any post). Absent = not known: never a mismatch.
   */
  carries?: string[];
}

/** 订单业务模式 values and what they mean for judging. */
export interface BusinessModes {
  /** Shipped by the platform's warehouse (半托管仓发订单): not the seller's own shipment. */
  warehouse: string[];
  /** The seller ships (非半托管订单): judged as every other order. */
  seller: string[];
}

/** One online-rate window: the share of shipped parcels with a first scan within `hours`. */
export interface OnlineRateWindow {
  hours: number;
  /** The platform's minimum share (0..1); null = not known, so no verdict is shown. */
  threshold: number | null;
}

export interface LogisticsRules {
  names: Sourced<LogisticsName[]>;
  businessModes: Sourced<BusinessModes>;
  /** Judge warehouse-shipped rows as seller shipments after all (off by default). */
  judgeWarehouseOrders: Sourced<boolean>;
  /** A first scan this many hours before payment (or creation) marks the number as another parcel's. */
  scanBeforePaymentToleranceHours: Sourced<number>;
  onlineRate: Sourced<OnlineRateWindow[]>;
}

export interface Rulebook {
  id: string;
  version: string;
  effectiveDate: string;
  title: Localized;
  platformTimeZone: Sourced<string>;
  handlingDays: Sourced<number>;
  /** Added to the payment time before handling days start (the API's 24 h risk check; 0 by default). */
  riskControlHours: Sourced<number>;
  dueSoonHours: Sourced<number>;
  onlineWindowHours: Sourced<number>;
  noFirstScanDays: Sourced<number>;
  statuses: Sourced<StatusWords>;
  /** Cancellation / end reasons on the buyer's side: a cancellation for these raises no code. */
  buyerSideCancelReasons: Sourced<string[]>;
  /** Carriers, services and their tiers, business modes, the scan-before-payment tolerance, online-rate windows. */
  logistics: LogisticsRules;
  families: Record<string, FamilyDefinition>;
  violations: Record<ViolationCode, ViolationDefinition>;
  tracks: Record<string, TrackDefinition>;
  sources: Record<string, { title: string; url?: string }>;
}
