import { ACTIONS_SHEET_NAME, SUMMARY_SHEET_NAME } from "../core/report/sheetNames";
import type { WorkbookInspection } from "./port";

/** The very hidden sheet that remembers the seller's fills (see state.ts). */
export const STATE_SHEET = "AEGuardState";

/** The summary sheet's names in both languages (a scan in the other language replaces it). */
export function summaryNames(): string[] {
  return [SUMMARY_SHEET_NAME.en, SUMMARY_SHEET_NAME.zh];
}

/** The to-do sheet's names in both languages. */
export function actionsSheetNames(): string[] {
  return [ACTIONS_SHEET_NAME.en, ACTIONS_SHEET_NAME.zh];
}

/** Whether `name` is one of AE Guard's own sheets (`summarySheet`: the summary's name as the state remembers it). */
export function isOurSheet(name: string, summarySheet?: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === STATE_SHEET.toLowerCase() ||
    summaryNames().some((n) => n.toLowerCase() === lower) ||
    actionsSheetNames().some((n) => n.toLowerCase() === lower) ||
    summarySheet?.toLowerCase() === lower
  );
}

/** Sheets a seller can pick: visible, and not the add-in's own. */
export function orderSheets(inspection: WorkbookInspection): string[] {
  return inspection.sheets.filter((s) => s.visibility === "Visible" && !isOurSheet(s.name)).map((s) => s.name);
}
