import type { Lang, Localized } from "../core/model";
import { readAsOf } from "../core/dates/asOf";
import { formatIsoInZone, isValidTimeZone } from "../core/dates/zone";
// The default rulebook's data only: the override loader (and its schema library) is fetched when a file is picked.
import { ALIEXPRESS_RULEBOOK } from "../core/rulebook/aliexpress";
import { HANDLING_DAYS_RANGE } from "../core/rulebook/limits";
import type { ScanSettings } from "../excel/session";

/** Zones offered in the time-zone box; the seller may also type any IANA name. */
export const SUGGESTED_TIME_ZONES = [
  ALIEXPRESS_RULEBOOK.platformTimeZone.value, // seller-centre exports
  "Asia/Shanghai", // most Chinese ERPs
  "UTC",
  "Europe/Moscow",
  "Europe/Madrid",
  "America/Sao_Paulo",
  "Asia/Seoul",
];

/** A rulebook override file that passed validation. */
export interface RulebookChoice {
  /** The picked file's name; "" when the override came from the workbook's saved settings. */
  file: string;
  json: string;
  id: string;
  version: string;
}

/** The options form as the seller typed it: text, so half-typed values are kept, validated before a scan. */
export interface OptionsState {
  /** A date and time as typed (`2025-06-15 12:00`), read by the core's as-of reader in the sheet's zone; "" = now. */
  asOf: string;
  timeZone: string;
  handlingDays: string;
  dueSoonHours: string;
  rulebook?: RulebookChoice;
  /** The seller's wording for the buyer message drafts (a file that passed templateOverride's checks). */
  templates?: { file: string; json: string };
}

export function defaultOptions(): OptionsState {
  return {
    asOf: "",
    timeZone: ALIEXPRESS_RULEBOOK.platformTimeZone.value,
    handlingDays: String(ALIEXPRESS_RULEBOOK.handlingDays.value),
    dueSoonHours: String(ALIEXPRESS_RULEBOOK.dueSoonHours.value),
  };
}

/**
 * Options restored from the workbook's saved settings. The as-of moment is deliberately not restored: a scan
 * opened another day should judge "now" unless the seller picks a moment again.
 */
export async function optionsFromSaved(saved: Partial<ScanSettings>): Promise<OptionsState> {
  const options = defaultOptions();
  if (saved.timeZone && isValidTimeZone(saved.timeZone)) options.timeZone = saved.timeZone;
  if (isWholeNumber(saved.handlingDays)) options.handlingDays = String(saved.handlingDays);
  if (isWholeNumber(saved.dueSoonHours)) options.dueSoonHours = String(saved.dueSoonHours);
  if (saved.rulebookOverride) {
    const check = await checkRulebook(saved.rulebookOverride);
    if (check.ok) options.rulebook = { file: "", json: saved.rulebookOverride, id: check.id, version: check.version };
  }
  if (
    saved.templatesOverride &&
    (await checkTemplates(saved.templatesOverride.json, saved.templatesOverride.file)).ok
  ) {
    options.templates = saved.templatesOverride;
  }
  return options;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** The as-of text's problem in the core reader's words (English), or undefined when it reads. */
export function asOfProblem(asOf: string, zone: string): string | undefined {
  if (asOf.trim() === "" || !isValidTimeZone(zone)) return undefined;
  const reading = readAsOf(asOf, zone);
  return reading.ok ? undefined : reading.problem;
}

export function parseWholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/**
 * A datetime-local value read in `zone` by the core's one as-of reader, as ISO 8601 with that zone's offset;
 * undefined when either is unusable (an impossible date such as 2025-02-30 included).
 */
export function asOfToIso(asOf: string, zone: string): string | undefined {
  if (!isValidTimeZone(zone)) return undefined;
  const reading = readAsOf(asOf, zone);
  return reading.ok ? formatIsoInZone(reading.instant, zone) : undefined;
}

export type RulebookCheck = { ok: true; id: string; version: string } | { ok: false; message: Localized };

/** Validates override JSON with the core's own loader; its message names the bad key and value. */
export async function checkRulebook(json: string): Promise<RulebookCheck> {
  try {
    const { loadRulebook } = await import(/* webpackChunkName: "rulebook" */ "../core/rulebook");
    const rulebook = loadRulebook(json);
    return { ok: true, id: rulebook.id, version: rulebook.version };
  } catch (error) {
    // The core's refusal says it in both languages (RulebookOverrideError.problem).
    const problem = (error as { problem?: Localized }).problem;
    if (problem) return { ok: false, message: problem };
    const text = error instanceof Error ? error.message : String(error);
    return { ok: false, message: { en: text, zh: text } };
  }
}

export type TemplatesCheck = { ok: true } | { ok: false; message: Localized };

/** Checks a message-wording file with the core's own override reader; its message names the file and key. */
export async function checkTemplates(json: string, file: string): Promise<TemplatesCheck> {
  const { templateOverrideFromText } = await import(
    /* webpackChunkName: "rulebook" */ "../core/actions/templateOverride"
  );
  const choice = templateOverrideFromText(json, file);
  return choice.notes.length === 0 ? { ok: true } : { ok: false, message: choice.notes[0] as Localized };
}

export interface OptionProblems {
  asOf?: true;
  timeZone?: true;
  /** Not a whole number, or outside the rulebook's range (HANDLING_DAYS_RANGE). */
  handlingDays?: "notWholeNumber" | "outOfRange";
  dueSoonHours?: true;
}

/** The options in the order the form shows them: the first with a problem is the one to fix first. */
export const OPTION_ORDER: ReadonlyArray<keyof OptionProblems> = ["asOf", "timeZone", "handlingDays", "dueSoonHours"];

/** The first option with a problem, in form order. */
export function firstProblem(problems: OptionProblems): keyof OptionProblems | undefined {
  return OPTION_ORDER.find((key) => problems[key] !== undefined);
}

export function optionProblems(options: OptionsState): OptionProblems {
  const problems: OptionProblems = {};
  const zoneOk = isValidTimeZone(options.timeZone.trim()) && options.timeZone.trim() !== "";
  if (!zoneOk) problems.timeZone = true;
  if (options.asOf.trim() !== "" && zoneOk && asOfToIso(options.asOf, options.timeZone.trim()) === undefined)
    problems.asOf = true;
  const handlingDays = parseWholeNumber(options.handlingDays);
  if (handlingDays === undefined) problems.handlingDays = "notWholeNumber";
  else if (handlingDays < HANDLING_DAYS_RANGE.min || handlingDays > HANDLING_DAYS_RANGE.max)
    problems.handlingDays = "outOfRange";
  if (parseWholeNumber(options.dueSoonHours) === undefined) problems.dueSoonHours = true;
  return problems;
}

/** The settings a scan runs with (and the workbook remembers); undefined while an option is invalid. */
export function toScanSettings(
  options: OptionsState,
  choice: { sheet?: string; mapping?: ScanSettings["mapping"]; lang: Lang },
): ScanSettings | undefined {
  if (Object.keys(optionProblems(options)).length > 0) return undefined;
  const timeZone = options.timeZone.trim();
  const settings: ScanSettings = {
    timeZone,
    handlingDays: parseWholeNumber(options.handlingDays)!,
    dueSoonHours: parseWholeNumber(options.dueSoonHours)!,
    lang: choice.lang,
  };
  if (choice.sheet !== undefined) settings.sheet = choice.sheet;
  if (choice.mapping !== undefined) settings.mapping = choice.mapping;
  if (options.asOf.trim() !== "") settings.asOf = asOfToIso(options.asOf, timeZone);
  if (options.rulebook) settings.rulebookOverride = options.rulebook.json;
  if (options.templates) settings.templatesOverride = options.templates;
  return settings;
}
