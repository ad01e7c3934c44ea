import { SUMMARY_SHEET_NAME } from "../core/report/summary";
import { ACTIONS_SHEET_NAME } from "../core/report/actionsSheet";

/** True for the summary sheet a previous scan added (either language). */
export function isSummarySheet(name: string): boolean {
  return name === SUMMARY_SHEET_NAME.en || name === SUMMARY_SHEET_NAME.zh;
}

/** True for the AE Actions sheet a previous scan added (either language). */
export function isActionsSheet(name: string): boolean {
  return name === ACTIONS_SHEET_NAME.en || name === ACTIONS_SHEET_NAME.zh;
}

/** A sheet a previous scan added (summary or to-do): never scanned as orders. */
export function isScanReportSheet(name: string): boolean {
  return isSummarySheet(name) || isActionsSheet(name);
}
