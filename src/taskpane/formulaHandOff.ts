import type { FunctionSettings } from "../functions/settings";
import { sharedSettings, type SharedSettings } from "../functions/sharedSettings";
import { recalculateWorkbook, type ExcelLike, type RecalculationOutcome } from "../functions/recalculate";
import type { FormulaSettingsHandOff } from "./formulaSettings";

const KEYS: ReadonlyArray<keyof FunctionSettings> = [
  "timeZone",
  "handlingDays",
  "dueSoonHours",
  "lang",
  "date1904",
  "rulebookOverride",
  "templatesOverride",
];

/** Every key, in one order, with undefined for a default: what the pane wants is the whole of the settings. */
function complete(settings: FunctionSettings): FunctionSettings {
  const all: Record<string, unknown> = {};
  for (const key of KEYS) all[key] = settings[key];
  return all as FunctionSettings;
}

type SettingsApi = NonNullable<SharedSettings<unknown, unknown>["api"]>;

/**
 * The settings functions of the functions' bundle, loaded before the pane in the shared runtime; fetched only where
 * that bundle is absent (tests of the pane alone).
 */
async function settingsApi(): Promise<SettingsApi> {
  const shared = sharedSettings().api;
  if (shared) return shared;
  return import(/* webpackChunkName: "formula-settings" */ "../functions/settings");
}

/** Whether the formulas already work with `wanted` (the pane always gives zone, days, window and language). */
function inForce(wanted: FunctionSettings, { functionSettings, givenFunctionSettings }: SettingsApi): boolean {
  try {
    const current = functionSettings();
    return (
      wanted.timeZone === current.timeZone &&
      wanted.handlingDays === current.handlingDays &&
      wanted.dueSoonHours === current.dueSoonHours &&
      (wanted.lang ?? "en") === current.lang &&
      (wanted.date1904 ?? false) === current.date1904 &&
      wanted.rulebookOverride === givenFunctionSettings().rulebookOverride &&
      wanted.templatesOverride?.json === givenFunctionSettings().templatesOverride?.json
    );
  } catch {
    return false;
  }
}

export type HandOffOutcome = RecalculationOutcome | "unchanged" | "rejected";

/**
 * The pane and the functions share one runtime, so the pane puts the settings in force itself (the functions read
 * them from the runtime's global object) and then has Excel recalculate, since the AE.* cells are not volatile.
 * Settings already in force (the functions read the same ones from the workbook at start) need no recalculation.
 * A recalculation that fails (Excel busy with a cell being edited) is tried again with the next change.
 */
export function createFormulaSettingsHandOff(
  excel: () => ExcelLike | undefined,
): FormulaSettingsHandOff & { offer(settings: FunctionSettings): Promise<HandOffOutcome> } {
  let pending = false;
  return {
    async offer(settings) {
      const api = await settingsApi();
      if (!pending && inForce(settings, api)) return "unchanged";
      try {
        await api.prepareFunctionSettings(settings);
        api.setFunctionSettings(complete(settings));
      } catch {
        return "rejected"; // the formulas keep the settings they had
      }
      const outcome = await recalculateWorkbook(excel());
      pending = outcome === "failed";
      return outcome;
    },
  };
}
