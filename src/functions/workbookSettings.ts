import type { Lang } from "../core/model";
import { isValidTimeZone } from "../core/dates/zone";
import { prepareFunctionSettings, setFunctionSettings, type FunctionSettings } from "./settings";
import { recalculateWorkbook, type ExcelLike } from "./recalculate";

/**
 * The key the task pane saves its scan settings under (src/excel/scanService.ts SETTINGS_KEY; a test keeps the two
 * equal). The functions bundle does not import the Excel adapter, so the key is repeated here.
 */
export const SCAN_SETTINGS_KEY = "AEGuard.scanSettings";

/**
 * What the functions read of `Office.context.document.settings` (Office.Settings: `get` returns the saved value, or
 * null when there is none; learn.microsoft.com/javascript/api/office/office.settings). The pane saves through
 * Excel's `workbook.settings`, which is the same per-add-in, per-document store (ExcelApi 1.4: "equivalent to
 * Office.Settings"; office-js-docs-reference issue 769), as JSON text.
 */
export interface DocumentSettingsLike {
  get(name: string): unknown;
}

/** The part of office.js the functions runtime uses at start. */
export interface OfficeLike {
  onReady?: () => Promise<unknown>;
  context?: { document?: { settings?: DocumentSettingsLike } };
}

const isLang = (value: unknown): value is Lang => value === "en" || value === "zh-CN";

/**
 * The formula settings in the pane's saved scan settings (the JSON text, or the object): zone, handling days,
 * due-soon window, language, rulebook override and the date system the last scan detected. Anything missing or
 * unusable keeps its default; nothing here throws.
 */
export function functionSettingsFromSaved(saved: unknown): FunctionSettings {
  let value = saved;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return {};
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const settings: FunctionSettings = {};
  if (typeof record.timeZone === "string" && isValidTimeZone(record.timeZone)) settings.timeZone = record.timeZone;
  if (typeof record.handlingDays === "number" && record.handlingDays > 0) settings.handlingDays = record.handlingDays;
  if (typeof record.dueSoonHours === "number" && record.dueSoonHours >= 0) settings.dueSoonHours = record.dueSoonHours;
  if (isLang(record.lang)) settings.lang = record.lang;
  if (typeof record.date1904 === "boolean") settings.date1904 = record.date1904;
  if (typeof record.rulebookOverride === "string" && record.rulebookOverride.trim() !== "") {
    settings.rulebookOverride = record.rulebookOverride;
  }
  const templates = record.templatesOverride as { file?: unknown; json?: unknown } | undefined;
  if (typeof templates?.file === "string" && typeof templates.json === "string") {
    settings.templatesOverride = { file: templates.file, json: templates.json };
  }
  return settings;
}

/**
 * Puts the workbook's saved settings in force. A saved rulebook override that no longer loads is left out rather
 * than costing the other settings. True when anything other than the defaults is now in force.
 */
export async function applySavedSettings(office: OfficeLike): Promise<boolean> {
  let saved: unknown;
  try {
    // Outside Office (the browser preview) office.js has no document; reading Office.context there can throw.
    saved = office.context?.document?.settings?.get(SCAN_SETTINGS_KEY);
  } catch {
    return false;
  }
  const settings = functionSettingsFromSaved(saved);
  if (Object.keys(settings).length === 0) return false;
  try {
    await prepareFunctionSettings(settings);
    setFunctionSettings(settings);
  } catch {
    const { rulebookOverride: _unusable, ...rest } = settings;
    try {
      setFunctionSettings(rest);
    } catch {
      return false;
    }
  }
  return true;
}

interface StartState {
  settingsRead: boolean;
  calledBeforeSettings: boolean;
}

const start: StartState = { settingsRead: false, calledBeforeSettings: false };

/** Called by each formula call: a call made before the saved settings were read used the defaults. */
export function noteFormulaCall(): void {
  if (!start.settingsRead) start.calledBeforeSettings = true;
}

/**
 * When the functions runtime starts: once office.js is ready, read the workbook's saved settings, so formulas are
 * right before the pane is ever opened. If Excel already calculated AE.* cells with the defaults and the saved
 * settings differ, those cells are recalculated. Without office.js (tests, the bench) this does nothing.
 */
export async function readWorkbookSettingsAtStart(
  office: OfficeLike | undefined,
  excel: () => ExcelLike | undefined,
): Promise<void> {
  if (typeof office?.onReady !== "function") return;
  try {
    await office.onReady();
  } catch {
    return; // office.js could not start: the defaults stay in force
  }
  const changed = await applySavedSettings(office);
  start.settingsRead = true;
  if (changed && start.calledBeforeSettings) await recalculateWorkbook(excel());
}

/** Back to "nothing read yet" (tests). */
export function resetStart(): void {
  start.settingsRead = false;
  start.calledBeforeSettings = false;
}
