import type { Lang } from "../core/model";
import type { Rulebook } from "../core/rulebook";
import { ALIEXPRESS_RULEBOOK } from "../core/rulebook/aliexpress";
import { isValidTimeZone } from "../core/dates/zone";
import { MESSAGE_TEMPLATES, type MessageTemplateSet } from "../core/actions/buyerMessages";
import type { OverrideReaders } from "./overrideReaders";
import { sharedSettings, type SharedSettings } from "./sharedSettings";

/**
 * What the AE.* formulas need to know about the workbook that Excel does not pass them: the zone its date-times are
 * written in, the default handling days, the warning window, the date system and the user's rulebook override.
 *
 * The task pane calls `setFunctionSettings` when the workbook's saved settings load. The pane and the functions are
 * separate bundles in one shared runtime, so each has its own copy of this module; the settings therefore live on
 * the runtime's global object (under a registered symbol), which both copies see.
 *
 * Formulas are not volatile, so Excel does not recalculate them when these settings change: the caller should ask
 * Excel for a full recalculation afterwards (`Excel.Application.calculate(Excel.CalculationType.full)`).
 */
export interface FunctionSettings {
  /** IANA zone the sheet's wall-clock date-times are written in. Default: the rulebook's platform zone. */
  timeZone?: string;
  /** Handling days when a formula is not given any. Default: the rulebook's. */
  handlingDays?: number;
  /** DUE_SOON window in hours. Default: the rulebook's. */
  dueSoonHours?: number;
  /** The workbook uses the 1904 date system (old Mac workbooks). Default false. */
  date1904?: boolean;
  /** The user's rulebook override, as JSON text (see src/core/rulebook/override.ts). */
  rulebookOverride?: string;
  /** The seller's wording for AE.MESSAGE's drafts (see src/core/actions/templateOverride.ts). */
  templatesOverride?: { file: string; json: string };
  /** Language of the texts formulas return (AE.CONSEQUENCE, AE.RULE, AE.TRACKINGCARRIER) and of error messages. */
  lang?: Lang;
}

/** Settings with every default filled in and the rulebook loaded: resolved once per change, not per cell. */
export interface ResolvedFunctionSettings {
  timeZone: string;
  handlingDays: number;
  dueSoonHours: number;
  date1904: boolean;
  rulebook: Rulebook;
  /** The drafts' wording: the seller's file over the built-in one (a refused file leaves the built-in one). */
  templates: MessageTemplateSet;
  lang: Lang;
}

const store = (): SharedSettings<FunctionSettings, ResolvedFunctionSettings> => sharedSettings();

const hasOverride = (settings: FunctionSettings): boolean =>
  (settings.rulebookOverride !== undefined && settings.rulebookOverride.trim() !== "") ||
  settings.templatesOverride !== undefined;

/**
 * Fetches the override files' readers (and their schema library) when `settings` carry an override; call it before
 * setFunctionSettings with such settings. Without an override it costs nothing, so functions.js stays small.
 */
export async function prepareFunctionSettings(settings: FunctionSettings): Promise<void> {
  if (!hasOverride(settings) || store().readers) return;
  const { OVERRIDE_READERS } = await import(/* webpackChunkName: "override-readers" */ "./overrideReaders");
  store().readers = OVERRIDE_READERS;
}

function overrideReaders(): OverrideReaders {
  const readers = store().readers;
  if (!readers) throw new Error("The override readers are not loaded: call prepareFunctionSettings first.");
  return readers;
}

function resolve(given: FunctionSettings): ResolvedFunctionSettings {
  const rulebook =
    given.rulebookOverride === undefined || given.rulebookOverride.trim() === ""
      ? ALIEXPRESS_RULEBOOK
      : overrideReaders().loadRulebook(given.rulebookOverride);
  const timeZone = given.timeZone ?? rulebook.platformTimeZone.value;
  if (!isValidTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not a known IANA time zone`);
  const handlingDays = given.handlingDays ?? rulebook.handlingDays.value;
  if (!Number.isFinite(handlingDays) || handlingDays <= 0) {
    throw new RangeError(`Handling days must be a positive number (got ${handlingDays})`);
  }
  const dueSoonHours = given.dueSoonHours ?? rulebook.dueSoonHours.value;
  if (!Number.isFinite(dueSoonHours) || dueSoonHours < 0) {
    throw new RangeError(`The due-soon window must be zero or more hours (got ${dueSoonHours})`);
  }
  const lang = given.lang ?? "en";
  if (lang !== "en" && lang !== "zh-CN") throw new RangeError(`Unknown language "${String(lang)}"`);
  const templates = given.templatesOverride
    ? overrideReaders().templateOverrideFromText(given.templatesOverride.json, given.templatesOverride.file).templates
    : MESSAGE_TEMPLATES;
  return { timeZone, handlingDays, dueSoonHours, date1904: given.date1904 === true, rulebook, templates, lang };
}

/**
 * Changes the settings the formulas use. Keys left out keep their current value; a key given as `undefined` goes
 * back to its default. Invalid settings throw (RangeError, or RulebookOverrideError for a bad override) and leave
 * the current settings as they were.
 */
export function setFunctionSettings(settings: FunctionSettings): ResolvedFunctionSettings {
  const current = store();
  const given: FunctionSettings = { ...current.given };
  for (const key of Object.keys(settings) as Array<keyof FunctionSettings>) {
    if (settings[key] === undefined) delete given[key];
    else (given as Record<string, unknown>)[key] = settings[key];
  }
  const resolved = resolve(given);
  current.given = given;
  current.resolved = resolved;
  return resolved;
}

/** The settings given so far (a copy), before defaults are filled in. */
export function givenFunctionSettings(): FunctionSettings {
  return { ...store().given };
}

/** Back to every default. */
export function resetFunctionSettings(): void {
  const current = store();
  current.given = {};
  current.resolved = undefined;
}

/** The settings in force, resolved. Cheap: formulas call it once per call. */
export function functionSettings(): ResolvedFunctionSettings {
  const current = store();
  if (!current.resolved) current.resolved = resolve(current.given);
  return current.resolved;
}

// The pane's bundle uses this copy (see sharedSettings.ts).
store().api = { prepareFunctionSettings, setFunctionSettings, givenFunctionSettings, functionSettings };
