import type { FakeWorkbook } from "../../../src/excel/fake/fakeWorkbook";
import { deadline } from "../../../src/functions/functions";

/**
 * Excel's calculation, as far as AE.DEADLINE cells over the in-memory workbook need it. Modelled on the documented
 * `Application.calculate(calculationType)` (ExcelApi 1.1; learn.microsoft.com/javascript/api/excel/
 * excel.calculationtype): "Recalculate" calculates only cells Excel has marked dirty (dependents of volatile or
 * changed data), so a non-volatile custom function whose argument did not change is not called; "Full" and
 * "FullRebuild" mark every cell dirty and calculate it. Formulas of the form `=AE.DEADLINE(C3)` (one cell reference)
 * are calculated by calling the real function with that cell's value, as Excel passes it ([[value]]).
 */
export const CALCULATION_TYPE = { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" } as const;

const DEADLINE_OF_CELL = /^=AE\.DEADLINE\(\$?([A-Z]+)\$?(\d+)\)$/i;

function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

export class FakeExcelCalculation {
  readonly calculations: string[] = [];

  constructor(private readonly workbook: FakeWorkbook) {}

  /** Calculates every AE.DEADLINE cell: what Excel does when such a cell is entered, or on a full calculation. */
  calculateAll(): void {
    for (const sheet of this.workbook.sheets) {
      for (const [row, columns] of sheet.formulas) {
        for (const [column, formula] of columns) {
          const match = DEADLINE_OF_CELL.exec(formula);
          if (!match) continue;
          const argument = sheet.value(Number(match[2]), columnNumber(match[1] as string));
          const [[result]] = deadline([[argument === "" ? null : argument]]);
          sheet.setRawValue(row, column, result as number | string);
        }
      }
    }
  }

  /** The `Excel` namespace the add-in code sees: `Excel.run` with `workbook.application.calculate`. */
  namespace() {
    return {
      CalculationType: CALCULATION_TYPE,
      run: async <T>(
        batch: (context: {
          workbook: { application: { calculate(type: string): void } };
          sync(): Promise<void>;
        }) => Promise<T>,
      ): Promise<T> => {
        const queued: string[] = [];
        const context = {
          workbook: { application: { calculate: (type: string) => void queued.push(type) } },
          sync: async () => {
            for (const type of queued.splice(0)) {
              this.calculations.push(type);
              if (type === CALCULATION_TYPE.full || type === CALCULATION_TYPE.fullRebuild) this.calculateAll();
            }
          },
        };
        return batch(context);
      },
    };
  }
}
