/**
 * Recalculating the AE.* cells after their settings change. The formulas are not volatile and their arguments have
 * not changed, so Excel holds them as up to date: `Application.calculate(recalculate)` only calculates cells Excel
 * has marked dirty and would skip them. `calculate(full)` marks every cell dirty and calculates it
 * (learn.microsoft.com/javascript/api/excel/excel.calculationtype), which reaches every AE.* cell in every sheet
 * with one request. Calculating only the AE.* cells (`Range.calculate`, ExcelApi 1.6) would first need every sheet's
 * formulas read to find them, a large read on a big workbook; settings change rarely (when the workbook opens and
 * when the seller edits the options), so one full calculation per change is the better trade.
 * `Application.calculate` is in ExcelApi 1.1, below the 1.9 the add-in requires; it is still looked for before use.
 */

/** The part of the Excel namespace used here. */
export interface ExcelLike {
  run<T>(batch: (context: CalculationContext) => Promise<T>): Promise<T>;
  CalculationType?: { full?: string };
}

interface CalculationContext {
  workbook: { application?: { calculate?: (calculationType: string) => void } };
  sync(): Promise<unknown>;
}

export type RecalculationOutcome = "recalculated" | "unavailable" | "failed";

/** Asks Excel for a full calculation. Never throws: Excel busy (a cell being edited) is "failed". */
export async function recalculateWorkbook(excel: ExcelLike | undefined): Promise<RecalculationOutcome> {
  const full = excel?.CalculationType?.full;
  if (typeof excel?.run !== "function" || typeof full !== "string") return "unavailable";
  try {
    return await excel.run(async (context) => {
      const application = context.workbook.application;
      if (typeof application?.calculate !== "function") return "unavailable";
      application.calculate(full);
      await context.sync();
      return "recalculated";
    });
  } catch {
    return "failed";
  }
}

/** The runtime's Excel namespace, when office.js has loaded it. */
export function hostExcel(): ExcelLike | undefined {
  return (globalThis as { Excel?: ExcelLike }).Excel;
}
