import type { Confidence } from "../model";

export type CheckDigitState = "valid" | "invalid" | "none";

export type TrackingProblem = "EMPTY" | "UNKNOWN_FORMAT" | "CHECK_DIGIT" | "PLACEHOLDER" | "BAD_COUNTRY";

/** The verdict on one tracking number. */
export interface TrackingCheck {
  /** As typed (for a cell part: the part, trimmed). */
  input: string;
  /** Upper case, half-width, without spaces, hyphens, quotes or underscores. */
  normalized: string;
  /** Carrier name, e.g. "China Post", "UPS", "Cainiao"; for UPU S10 the postal operator of the country code. */
  carrier?: string;
  /** Carrier name in Simplified Chinese where one is in common use, else the English name. */
  carrierZh?: string;
  /** Stable id, e.g. "s10", "ups", "cainiao". */
  carrierId?: string;
  /** Format name, e.g. "UPU S10", "UPS 1Z", "Cainiao LP". */
  format?: string;
  /** Stable format id, e.g. "s10", "ups_1z", "cainiao_lp". */
  formatId?: string;
  /** UPU S10 only: the ISO country code at the end of the number. */
  countryCode?: string;
  checkDigit: CheckDigitState;
  /** The check digit the number should have, when checkDigit is "invalid". */
  expectedCheckDigit?: string;
  /** high: check digit passed; medium: distinctive shape without check digit; low: generic shape or nothing matched. */
  confidence: Confidence;
  placeholder: boolean;
  /** True only when a format matched, its check digit (if any) passed, and it is not a placeholder. */
  valid: boolean;
  problem?: TrackingProblem;
  /** Why, in English (also for a valid number: "UPU S10, China Post, check digit OK"). */
  message: string;
  /** Why, in Simplified Chinese. */
  messageZh: string;
  trackingUrl?: string;
}

/** A check-digit algorithm with its constants (names follow tracking_number_data's CHECKSUM_ALGORITHMS). */
export type CheckAlgorithm =
  | { kind: "s10" }
  | { kind: "mod7" }
  | { kind: "luhn" }
  | { kind: "mod37_36" }
  | {
      kind: "mod10";
      /** Multiplier for characters at even positions (0-based, counted from the start of the payload). */
      evens: number;
      /** Multiplier for characters at odd positions. */
      odds: number;
      /** Digits that count as if they stood before the payload (USPS legacy "91", OnTrac "4"/"5"). */
      prepend?: string;
    }
  | {
      kind: "weighted";
      weights: readonly number[];
      modulo1: number;
      modulo2: number;
    };

/**
 * A range of character positions [start, end). A negative or zero `end` counts from the end of the number
 * (0 = the end itself, -1 = all but the last character). Positions are relative to the format's body start.
 */
export type Span = readonly [start: number, end: number];

export interface CheckSpec {
  algorithm: CheckAlgorithm;
  /** The characters the check digit is computed from. */
  payload: Span;
  /** Where the check digit sits; defaults to the last character. */
  at?: number;
}

/** One tracking-number format: data, not code (the USPS body locator is the one small exception). */
export interface TrackingFormat {
  id: string;
  name: string;
  nameZh: string;
  carrierId: string;
  carrier: string;
  carrierZh: string;
  /** Anchored pattern over the normalized number. */
  pattern: RegExp;
  /** Shortest and longest normalized length the pattern accepts. */
  minLength: number;
  maxLength: number;
  /** Characters that can open a matching number (used to dispatch before running the pattern). */
  firstChars: string;
  check?: CheckSpec;
  /** Where the body starts when a variable prefix precedes it (USPS "420"+ZIP routing); -1 = no match. */
  bodyStart?: (s: string) => number;
  /** The serial part, judged for all-zero, repeated and sequential placeholders; defaults to the whole number. */
  serial?: Span;
  /** Confidence of a match with no check digit to back it. */
  shapeConfidence: "medium" | "low";
  /** A check-digit failure on this shape outweighs a plain shape match of another format. */
  distinctive?: boolean;
  /** With "%s" where the normalized number goes. */
  trackingUrl?: string;
  /** Where the definition comes from. */
  source: "tracking_number_data" | "aliexpress-practice";
}
