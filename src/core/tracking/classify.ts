/**
 * Judges one tracking number: dispatch on length and first character, run the few candidate patterns, verify
 * check digits, then pick the verdict. Everything is precompiled at module load. `checkTrackingNumber` allocates
 * only its result (and the tracking URL); `judgeTrackingNumber`, the scan's path, fills a caller's object instead.
 */
import type { Confidence } from "../model";
import { luhnCheck, mod10Check, mod37_36Check, mod7Check, s10Check, weightedCheck } from "./checksums";
import { TRACKING_FORMATS } from "./formats";
import * as say from "./messages";
import { issuerOf } from "./issuer";
import { normalizeTrackingNumber } from "./normalize";
import { isDemoNumber, isPlaceholderWord, LONGEST_PLACEHOLDER_WORD, serialPattern } from "./placeholders";
import type { SerialPattern } from "./placeholders";
import { S10_OPERATORS } from "./s10Countries";
import type { CheckAlgorithm, Span, TrackingCheck, TrackingFormat } from "./types";

/** An algorithm bound to its constants: expected check character code over s[from, to), or -1. */
type Checker = (s: string, from: number, to: number) => number;

/** A format with what the hot path needs precomputed. */
interface CompiledFormat {
  spec: TrackingFormat;
  checker?: Checker;
  validSentence: say.Sentence;
  urlHead?: string;
  urlTail: string;
  isS10: boolean;
}

interface CompiledOperator {
  code: string;
  carrier: string;
  carrierZh: string;
  validSentence: say.Sentence;
  /** What `plainS10` says of this operator's numbers. */
  plain: { valid: PlainS10Verdict; placeholder: PlainS10Verdict };
}

const ASCII = 128;
const NONE: readonly CompiledFormat[] = [];

function bind(algorithm: CheckAlgorithm): Checker {
  switch (algorithm.kind) {
    case "s10":
      return s10Check;
    case "mod7":
      return mod7Check;
    case "luhn":
      return luhnCheck;
    case "mod37_36":
      return mod37_36Check;
    case "mod10": {
      const { evens, odds } = algorithm;
      const prepend = algorithm.prepend ?? "";
      return (s, from, to) => mod10Check(s, from, to, evens, odds, prepend);
    }
    case "weighted": {
      const { weights, modulo1, modulo2 } = algorithm;
      return (s, from, to) => weightedCheck(s, from, to, weights, modulo1, modulo2);
    }
  }
}

function compile(spec: TrackingFormat): CompiledFormat {
  const sentence = spec.check
    ? say.validWithCheckDigit(spec.name, spec.nameZh, spec.carrier, spec.carrierZh)
    : say.validShapeOnly(spec.name, spec.nameZh, spec.carrier, spec.carrierZh);
  const url = spec.trackingUrl;
  const hole = url === undefined ? -1 : url.indexOf("%s");
  return {
    spec,
    checker: spec.check === undefined ? undefined : bind(spec.check.algorithm),
    validSentence: sentence,
    urlHead: url === undefined ? undefined : hole < 0 ? url : url.slice(0, hole),
    urlTail: url === undefined || hole < 0 ? "" : url.slice(hole + 2),
    isS10: spec.id === "s10",
  };
}

const COMPILED = TRACKING_FORMATS.map(compile);
const S10_FORMAT = COMPILED.find((f) => f.isS10);
const MAX_LENGTH = Math.max(...TRACKING_FORMATS.map((f) => f.maxLength));

/** DISPATCH[length][first char code] → candidate formats in priority order. */
const DISPATCH: (readonly CompiledFormat[])[][] = (() => {
  const table: CompiledFormat[][][] = [];
  for (let length = 0; length <= MAX_LENGTH; length++) {
    const row: CompiledFormat[][] = [];
    for (let c = 0; c < ASCII; c++) row.push([]);
    table.push(row);
  }
  for (const format of COMPILED) {
    const { minLength, maxLength, firstChars } = format.spec;
    for (let length = minLength; length <= maxLength; length++) {
      for (let k = 0; k < firstChars.length; k++) table[length][firstChars.charCodeAt(k)].push(format);
    }
  }
  return table.map((row) => row.map((list) => (list.length === 0 ? NONE : list)));
})();

/** S10 operators indexed by the two country letters: (c1 − 65) × 26 + (c2 − 65). */
const S10_BY_LETTERS: (CompiledOperator | undefined)[] = (() => {
  const table: (CompiledOperator | undefined)[] = new Array(26 * 26).fill(undefined);
  const spec = S10_FORMAT?.spec;
  if (spec === undefined) return table;
  for (const operator of S10_OPERATORS.values()) {
    const carrierZh = operator.operatorZh ?? operator.operator;
    table[(operator.code.charCodeAt(0) - 65) * 26 + (operator.code.charCodeAt(1) - 65)] = {
      code: operator.code,
      carrier: operator.operator,
      carrierZh,
      validSentence: say.validWithCheckDigit(spec.name, spec.nameZh, operator.operator, carrierZh),
      plain: {
        valid: {
          valid: true,
          placeholder: false,
          carrier: operator.operator,
          issuer: issuerOf(spec.carrierId, operator.code),
        },
        placeholder: { valid: false, placeholder: true, carrier: operator.operator, issuer: undefined },
      },
    };
  }
  return table;
})();

function s10Operator(s: string): CompiledOperator | undefined {
  const a = s.charCodeAt(11) - 65;
  const b = s.charCodeAt(12) - 65;
  return a >= 0 && a < 26 && b >= 0 && b < 26 ? S10_BY_LETTERS[a * 26 + b] : undefined;
}

/**
 * The S10 format as `recognisedS10` reads it by hand: its pattern, and its check digit over characters 2-9 at
 * character 10. If formats.ts ever changes either, the hand reading no longer matches and the fast path switches
 * itself off. Placeholder words are shorter than an S10 number, so none needs looking up.
 */
const S10_SHAPE = "^[A-Z]{2}\\d{9}[A-Z]{2}$";
const S10_LENGTH = 13;
const S10_PAYLOAD_START = 2;
const S10_CHECK_AT = 10;
const S10_CHECK = S10_FORMAT?.spec.check;
const S10_FAST =
  S10_FORMAT !== undefined &&
  S10_FORMAT.spec.pattern.source === S10_SHAPE &&
  S10_CHECK?.algorithm.kind === "s10" &&
  S10_CHECK.payload[0] === S10_PAYLOAD_START &&
  S10_CHECK.payload[1] === S10_CHECK_AT &&
  S10_CHECK.at === S10_CHECK_AT &&
  S10_LENGTH > LONGEST_PLACEHOLDER_WORD;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/**
 * Most numbers a seller ships are UPU S10, so they get a path of their own. For a 13-character number whose first
 * letter tries S10 first, a passing check digit with a known country is where the general path stops too (at its
 * first candidate); this reads the shape by hand instead of by regex and returns the operator. undefined when `s`
 * is anything else, which then takes the general path.
 */
function recognisedS10(s: string): CompiledOperator | undefined {
  if (!S10_FAST || s.length !== S10_LENGTH) return undefined;
  const first = s.charCodeAt(0);
  // Only letters try S10 first; s10Operator reads the last two characters as a country (letters) or gives none.
  if (first >= ASCII || DISPATCH[S10_LENGTH][first][0] !== S10_FORMAT || !isUpper(s.charCodeAt(1))) return undefined;
  // The check is -1 unless characters 2-9 are digits, and character 10 must equal it: the shape's nine digits.
  const expected = s10Check(s, S10_PAYLOAD_START, S10_CHECK_AT);
  return expected >= 0 && s.charCodeAt(S10_CHECK_AT) === expected ? s10Operator(s) : undefined;
}

function spanStart(span: Span, n: number, body: number): number {
  return span[0] < 0 ? n + span[0] : body + span[0];
}

function spanEnd(span: Span, n: number, body: number): number {
  return span[1] <= 0 ? n + span[1] : body + span[1];
}

function checkAt(format: TrackingFormat, n: number, body: number): number {
  const at = format.check?.at;
  return at === undefined ? n - 1 : body + at;
}

/** Expected check character code of `format` for s whose body starts at `body`, or -1. */
function expectedFor(format: CompiledFormat, s: string, n: number, body: number): number {
  const check = format.spec.check;
  if (check === undefined || format.checker === undefined) return -1;
  return format.checker(s, spanStart(check.payload, n, body), spanEnd(check.payload, n, body));
}

/** The serial's placeholder pattern; the serial defaults to the check payload, else the whole number. */
function placeholderPattern(format: TrackingFormat, s: string, n: number, body: number): SerialPattern | "demo" | null {
  const span = format.serial ?? format.check?.payload;
  const pattern =
    span === undefined ? serialPattern(s, 0, n) : serialPattern(s, spanStart(span, n, body), spanEnd(span, n, body));
  return isDemoNumber(s) ? "demo" : pattern;
}

function urlFor(format: CompiledFormat, s: string): string | undefined {
  return format.urlHead === undefined ? undefined : format.urlHead + s + format.urlTail;
}

interface Identity {
  carrier: string;
  carrierZh: string;
  countryCode: string | undefined;
  validSentence: say.Sentence;
}

function identityOf(format: CompiledFormat, operator: CompiledOperator | undefined): Identity {
  if (operator !== undefined) {
    return {
      carrier: operator.carrier,
      carrierZh: operator.carrierZh,
      countryCode: operator.code,
      validSentence: operator.validSentence,
    };
  }
  return {
    carrier: format.spec.carrier,
    carrierZh: format.spec.carrierZh,
    countryCode: undefined,
    validSentence: format.validSentence,
  };
}

/** A format matched and its check digit (if any) passed: valid, unless the number is a placeholder. */
function recognised(
  input: string,
  s: string,
  n: number,
  format: CompiledFormat,
  body: number,
  operator: CompiledOperator | undefined,
): TrackingCheck {
  const spec = format.spec;
  const hasCheck = spec.check !== undefined;
  const pattern = placeholderPattern(spec, s, n, body);
  const sentence =
    pattern !== null
      ? say.placeholderNumber(pattern, spec.name, spec.nameZh)
      : operator !== undefined
        ? operator.validSentence
        : format.validSentence;
  return {
    input,
    normalized: s,
    carrier: operator !== undefined ? operator.carrier : spec.carrier,
    carrierZh: operator !== undefined ? operator.carrierZh : spec.carrierZh,
    carrierId: spec.carrierId,
    format: spec.name,
    formatId: spec.id,
    countryCode: operator !== undefined ? operator.code : undefined,
    checkDigit: hasCheck ? "valid" : "none",
    expectedCheckDigit: undefined,
    confidence: hasCheck ? "high" : spec.shapeConfidence,
    placeholder: pattern !== null,
    valid: pattern === null,
    problem: pattern === null ? undefined : "PLACEHOLDER",
    message: sentence.en,
    messageZh: sentence.zh,
    trackingUrl: urlFor(format, s),
  };
}

/** The shape matched but the check digit did not (or, for S10, the country code is unknown). */
function failed(
  input: string,
  s: string,
  n: number,
  format: CompiledFormat,
  body: number,
  expected: number,
  operator: CompiledOperator | undefined,
): TrackingCheck {
  const spec = format.spec;
  const actualAt = checkAt(spec, n, body);
  const actual = s.charAt(actualAt);
  const digitWrong = expected >= 0 && expected !== s.charCodeAt(actualAt);
  const expectedDigit = expected >= 0 ? String.fromCharCode(expected) : undefined;
  const badCountry = format.isS10 && operator === undefined;
  const pattern = badCountry ? null : placeholderPattern(spec, s, n, body);
  const id = identityOf(format, operator);
  const sentence = badCountry
    ? say.badCountry(s.slice(11, 13), digitWrong ? expectedDigit : undefined, actual)
    : pattern !== null
      ? say.placeholderNumber(pattern, spec.name, spec.nameZh)
      : say.wrongCheckDigit(spec.name, spec.nameZh, id.carrier, id.carrierZh, expectedDigit ?? "?", actual);
  const confidence: Confidence = badCountry ? "low" : spec.distinctive ? "medium" : "low";
  return {
    input,
    normalized: s,
    carrier: badCountry ? undefined : id.carrier,
    carrierZh: badCountry ? undefined : id.carrierZh,
    carrierId: badCountry ? undefined : spec.carrierId,
    format: spec.name,
    formatId: spec.id,
    countryCode: badCountry ? s.slice(11, 13) : id.countryCode,
    checkDigit: digitWrong ? "invalid" : "valid",
    expectedCheckDigit: digitWrong ? expectedDigit : undefined,
    confidence,
    placeholder: pattern !== null,
    valid: false,
    problem: badCountry ? "BAD_COUNTRY" : pattern !== null ? "PLACEHOLDER" : "CHECK_DIGIT",
    message: sentence.en,
    messageZh: sentence.zh,
    trackingUrl: undefined,
  };
}

function unmatched(
  input: string,
  s: string,
  problem: "EMPTY" | "UNKNOWN_FORMAT" | "PLACEHOLDER",
  sentence: say.Sentence,
): TrackingCheck {
  return {
    input,
    normalized: s,
    carrier: undefined,
    carrierZh: undefined,
    carrierId: undefined,
    format: undefined,
    formatId: undefined,
    countryCode: undefined,
    checkDigit: "none",
    expectedCheckDigit: undefined,
    confidence: "low",
    placeholder: problem === "PLACEHOLDER",
    valid: false,
    problem,
    message: sentence.en,
    messageZh: sentence.zh,
    trackingUrl: undefined,
  };
}

const SCIENTIFIC = /^\s*\d(?:[.,]\d+)?\s*E\s*\+?\s*\d+\s*$/i;
const MIN_REPEATED_CHARS = 3;

const VISIBLE = /[^\s\u200B-\u200D\u2060\uFEFF]/;

/** Whether a cell that normalises to nothing still shows something ("-", "''"), as opposed to being blank. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/** Why a number that matched no format is a placeholder (one repeated character, a serial digit run), or null. */
function unknownPlaceholder(s: string, n: number): SerialPattern | "zeros" | "repeated" | null {
  let same = n >= MIN_REPEATED_CHARS;
  let digitsOnly = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c !== s.charCodeAt(0)) same = false;
    if (c < 48 || c > 57) digitsOnly = false;
  }
  if (same) return s.charCodeAt(0) === 48 ? "zeros" : "repeated";
  return digitsOnly ? serialPattern(s, 0, n) : null;
}

/** What matched no format: a digit run or one repeated character is a placeholder, Excel's 1.23E+21 gets its own word. */
function unknown(input: string, s: string, n: number): TrackingCheck {
  const pattern = unknownPlaceholder(s, n);
  if (pattern !== null) return unmatched(input, s, "PLACEHOLDER", say.placeholderNumber(pattern));
  if (SCIENTIFIC.test(input)) return unmatched(input, s, "UNKNOWN_FORMAT", say.SCIENTIFIC_NOTATION);
  return unmatched(input, s, "UNKNOWN_FORMAT", say.UNKNOWN_FORMAT);
}

/** How a normalised number matched. */
const enum Outcome {
  /** Nothing visible. */
  Empty,
  /** A word or mark that means "no number" ("N/A", "-", "无"). */
  PlaceholderWord,
  /** A format matched and its check digit (if any) passed. */
  Recognised,
  /** A shape matched but its check digit did not, or (S10) its country is unknown. */
  Failed,
  /** No format matched. */
  Unknown,
}

/** How a normalised number matched: its outcome and, for a format that matched, the details. */
interface Match {
  outcome: Outcome;
  format: CompiledFormat;
  /** Where the number's body starts. */
  body: number;
  /** The expected check character (-1 if none). */
  expected: number;
  /** The S10 operator. */
  operator: CompiledOperator | undefined;
}

function found(
  outcome: Outcome.Recognised | Outcome.Failed,
  format: CompiledFormat,
  body: number,
  expected: number,
  operator: CompiledOperator | undefined,
): Match {
  return { outcome, format, body, expected, operator };
}

/**
 * Matches normalised number `s` against the formats. Preference when several match: a passing check digit; then a
 * failed check digit on a distinctive shape (UPU S10 with a real country, UPS 1Z, USPS IMpb…); then a shape without
 * check digit; then a failed check digit on a generic digit run; then "no known format".
 */
function matchNumber(input: string, s: string): Match | Outcome.Empty | Outcome.PlaceholderWord | Outcome.Unknown {
  const n = s.length;
  if (n === 0) return hasVisibleText(input) ? Outcome.PlaceholderWord : Outcome.Empty;
  if (isPlaceholderWord(s)) return Outcome.PlaceholderWord;
  const first = s.charCodeAt(0);
  const candidates = n <= MAX_LENGTH && first < ASCII ? DISPATCH[n][first] : NONE;

  let strong: CompiledFormat | undefined;
  let strongBody = 0;
  let strongExpected = -1;
  let strongOperator: CompiledOperator | undefined;
  let shape: CompiledFormat | undefined;
  let shapeBody = 0;
  let weak: CompiledFormat | undefined;
  let weakBody = 0;
  let weakExpected = -1;

  for (let k = 0; k < candidates.length; k++) {
    const format = candidates[k];
    const spec = format.spec;
    if (!spec.pattern.test(s)) continue;
    let body = 0;
    if (spec.bodyStart !== undefined) {
      body = spec.bodyStart(s);
      if (body < 0) continue;
    }
    if (spec.check === undefined) {
      if (shape === undefined) {
        shape = format;
        shapeBody = body;
      }
      continue;
    }
    const expected = expectedFor(format, s, n, body);
    const passed = expected >= 0 && expected === s.charCodeAt(checkAt(spec, n, body));
    if (format.isS10) {
      const operator = s10Operator(s);
      if (operator === undefined) {
        // An unknown country makes the S10 reading doubtful: any other shape explains the number better.
        if (weak === undefined) {
          weak = format;
          weakBody = body;
          weakExpected = expected;
        }
        continue;
      }
      if (passed) return found(Outcome.Recognised, format, body, expected, operator);
      if (strong === undefined) {
        strong = format;
        strongBody = body;
        strongExpected = expected;
        strongOperator = operator;
      }
      continue;
    }
    if (passed) return found(Outcome.Recognised, format, body, expected, undefined);
    if (spec.distinctive) {
      if (strong === undefined) {
        strong = format;
        strongBody = body;
        strongExpected = expected;
        strongOperator = undefined;
      }
    } else if (weak === undefined) {
      weak = format;
      weakBody = body;
      weakExpected = expected;
    }
  }
  if (strong !== undefined) return found(Outcome.Failed, strong, strongBody, strongExpected, strongOperator);
  if (shape !== undefined) return found(Outcome.Recognised, shape, shapeBody, -1, undefined);
  if (weak !== undefined) return found(Outcome.Failed, weak, weakBody, weakExpected, undefined);
  return Outcome.Unknown;
}

const asInput = (raw: unknown): string =>
  typeof raw === "string" ? raw : raw === null || raw === undefined ? "" : String(raw);

/** Judges one tracking number: its format, carrier, check digit and whether it is a placeholder, with a message. */
export function checkTrackingNumber(raw: string): TrackingCheck {
  const input = asInput(raw);
  const s = normalizeTrackingNumber(input);
  const n = s.length;
  const match = matchNumber(input, s);
  switch (typeof match === "object" ? match.outcome : match) {
    case Outcome.Empty:
      return unmatched(input, s, "EMPTY", say.EMPTY);
    case Outcome.PlaceholderWord:
      return unmatched(input, s, "PLACEHOLDER", say.PLACEHOLDER_WORD);
    case Outcome.Unknown:
      return unknown(input, s, n);
  }
  const { outcome, format, body, expected, operator } = match as Match;
  return outcome === Outcome.Recognised
    ? recognised(input, s, n, format, body, operator)
    : failed(input, s, n, format, body, expected, operator);
}

/**
 * The part of a number's check the scan needs for every number (is it valid, is it a placeholder, whose is it),
 * without the TrackingCheck, its messages and URL, which only a failing number's finding may ever show. Always
 * equal to the same fields of `checkTrackingNumber`.
 */
export interface TrackingVerdict {
  normalized: string;
  valid: boolean;
  placeholder: boolean;
  carrier: string | undefined;
  /** Who issued it (`issuerOf`), for the carrier checks; undefined for a placeholder or an unrecognised number. */
  issuer: string | undefined;
}

/** A recognised number's verdict: valid unless its serial or the whole number is a placeholder. */
function recognisedVerdict(
  format: CompiledFormat,
  s: string,
  body: number,
  operator: CompiledOperator | undefined,
): TrackingVerdict {
  const placeholder = placeholderPattern(format.spec, s, s.length, body) !== null;
  const carrier = operator !== undefined ? operator.carrier : format.spec.carrier;
  const issuer = placeholder ? undefined : issuerOf(format.spec.carrierId, operator?.code);
  return { normalized: s, valid: !placeholder, placeholder, carrier, issuer };
}

/**
 * judgeTrackingNumber for a plain UPU S10 number (the shape most sellers ship), or undefined for anything else.
 * Such a number needs no normalising, and a cell holding one needs no splitting.
 */
export function judgePlainS10(s: string): TrackingVerdict | undefined {
  const operator = recognisedS10(s);
  return operator === undefined ? undefined : recognisedVerdict(S10_FORMAT as CompiledFormat, s, 0, operator);
}

/** A plain S10 number's verdict, its number aside: one value per carrier, shared (read only). */
export type PlainS10Verdict = Readonly<{
  valid: boolean;
  placeholder: boolean;
  carrier: string;
  issuer: string | undefined;
}>;

/**
 * `judgePlainS10` for the scan's cells without a verdict made per cell (why: BENCHMARKS.md, "Plain code"):
 * undefined for anything but a plain UPU S10 number.
 */
export function plainS10(s: string): PlainS10Verdict | undefined {
  const operator = recognisedS10(s);
  if (operator === undefined) return undefined;
  const placeholder = placeholderPattern((S10_FORMAT as CompiledFormat).spec, s, s.length, 0) !== null;
  return placeholder ? operator.plain.placeholder : operator.plain.valid;
}

/** Judges one number: the part of its check the scan needs. */
export function judgeTrackingNumber(raw: string): TrackingVerdict {
  const input = asInput(raw);
  return judgePlainS10(input) ?? judgeByFormats(input);
}

/** judgeTrackingNumber for a number `judgePlainS10` has turned down: normalised, then matched against the formats. */
export function judgeByFormats(input: string): TrackingVerdict {
  const s = normalizeTrackingNumber(input);
  const n = s.length;
  const match = matchNumber(input, s);
  let placeholder = false;
  let carrier: string | undefined;
  let issuer: string | undefined;
  switch (typeof match === "object" ? match.outcome : match) {
    case Outcome.Empty:
      break;
    case Outcome.PlaceholderWord:
      placeholder = true;
      break;
    case Outcome.Unknown:
      placeholder = unknownPlaceholder(s, n) !== null;
      break;
    default: {
      const { outcome, format, body, operator } = match as Match;
      if (outcome === Outcome.Recognised) return recognisedVerdict(format, s, body, operator);
      if (format.isS10 && operator === undefined) break; // an unknown country: no carrier, not a placeholder
      placeholder = placeholderPattern(format.spec, s, n, body) !== null;
      carrier = operator !== undefined ? operator.carrier : format.spec.carrier;
      if (!placeholder) issuer = issuerOf(format.spec.carrierId, operator?.code);
    }
  }
  return { normalized: s, valid: false, placeholder, carrier, issuer };
}
