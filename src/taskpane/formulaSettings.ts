import { useEffect } from "react";
import type { Lang } from "../core/model";
import { isValidTimeZone } from "../core/dates/zone";
import type { ScanOutcome, ScanSettings } from "../excel/session";
import type { FunctionSettings } from "../functions/settings";
import { parseWholeNumber, type OptionsState } from "./options";

/**
 * The pane's side of the AE.* formulas' settings: which settings its options stand for, and when to hand them over.
 * The hand-off itself (setFunctionSettings and a recalculation) is made by formulaHandOff.ts, loaded with the Excel
 * session, so the pane's first download does not carry the rulebook loader.
 */
export interface FormulaSettingsHandOff {
  /** Puts `settings` in force for the AE.* formulas and recalculates their cells, unless already in force. */
  offer(settings: FunctionSettings): Promise<unknown>;
}

/** The pane's saved settings also keep the date system the last scan detected, for the formulas at next start. */
export type SavedPaneSettings = ScanSettings & { date1904?: boolean };

/** Typing "14" into handling days passes through "1": the formulas get the settings once the typing stops. */
export const HAND_OFF_DELAY_MS = 400;

/** The formula settings the options stand for; undefined while the zone, handling days or window is invalid. */
export function formulaSettingsOf(
  options: OptionsState,
  lang: Lang,
  date1904: boolean | undefined,
): FunctionSettings | undefined {
  const timeZone = options.timeZone.trim();
  const handlingDays = parseWholeNumber(options.handlingDays);
  const dueSoonHours = parseWholeNumber(options.dueSoonHours);
  if (timeZone === "" || !isValidTimeZone(timeZone) || !handlingDays || dueSoonHours === undefined) return undefined;
  return {
    timeZone,
    handlingDays,
    dueSoonHours,
    lang,
    date1904,
    rulebookOverride: options.rulebook?.json,
    templatesOverride: options.templates,
  };
}

/** The date system the workbook's saved settings recorded, if any. */
export function savedDate1904(saved: Partial<SavedPaneSettings>): boolean | undefined {
  return typeof saved.date1904 === "boolean" ? saved.date1904 : undefined;
}

/** The date system a scan found, when it found one (not Excel's default for want of evidence). */
export function detectedDate1904(outcome: ScanOutcome): boolean | undefined {
  const system = outcome.dateSystem;
  return system && system.source !== "default" ? system.date1904 : undefined;
}

/**
 * Hands the options to the formulas once the pane has loaded them, and again whenever the zone, handling days,
 * due-soon window, rulebook, language or detected date system changes.
 */
export function useFormulaSettings(
  handOff: FormulaSettingsHandOff | undefined,
  loaded: boolean,
  options: OptionsState,
  lang: Lang,
  date1904: boolean | undefined,
): void {
  const settings = loaded && handOff ? formulaSettingsOf(options, lang, date1904) : undefined;
  const key = settings ? JSON.stringify(settings) : undefined;
  useEffect(() => {
    if (!handOff || !settings) return;
    const timer = setTimeout(() => void handOff.offer(settings).catch(() => undefined), HAND_OFF_DELAY_MS);
    return () => clearTimeout(timer);
    // `key` stands for `settings`: a new object with the same values is no change.
  }, [handOff, key]);
}
