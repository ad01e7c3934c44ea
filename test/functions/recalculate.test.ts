import "./support/customFunctionsStub";
import { recalculateWorkbook } from "../../src/functions/recalculate";
import { functionSettings, resetFunctionSettings } from "../../src/functions/settings";
import { createFormulaSettingsHandOff } from "../../src/taskpane/formulaHandOff";
import { FakeWorkbook } from "../../src/excel/fake/fakeWorkbook";
import { CALCULATION_TYPE, FakeExcelCalculation } from "./support/excelCalculation";

const PANE = { timeZone: "Asia/Shanghai", handlingDays: 5, dueSoonHours: 24, lang: "en" as const };

/**
 * Excel.run failing as it does while a cell is being edited: error code InvalidOperationInCellEditMode
 * (Excel.ErrorCodes, learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
 */
const busyExcel = {
  CalculationType: CALCULATION_TYPE,
  run: () =>
    Promise.reject(
      Object.assign(new Error("The operation is not allowed in cell-edit mode."), {
        code: "InvalidOperationInCellEditMode",
      }),
    ),
};

beforeEach(() => resetFunctionSettings());

describe("recalculateWorkbook", () => {
  it("asks Excel for a full calculation: a recalculation would skip the non-volatile AE.* cells", async () => {
    const excel = new FakeExcelCalculation(new FakeWorkbook());
    expect(await recalculateWorkbook(excel.namespace())).toBe("recalculated");
    expect(excel.calculations).toEqual([CALCULATION_TYPE.full]);
  });

  it("says when Excel is missing or busy instead of throwing", async () => {
    expect(await recalculateWorkbook(undefined)).toBe("unavailable");
    expect(await recalculateWorkbook(busyExcel)).toBe("failed");
  });
});

describe("the pane's hand-off", () => {
  it("keeps the formulas' settings when the pane's are refused", async () => {
    const handOff = createFormulaSettingsHandOff(() => undefined);
    expect(await handOff.offer({ ...PANE, rulebookOverride: "{ not json" })).toBe("rejected");
    expect(functionSettings().timeZone).not.toBe("Asia/Shanghai");
  });

  it("tries a failed recalculation again with the next offer, even of the same settings", async () => {
    const excel = new FakeExcelCalculation(new FakeWorkbook());
    let busy = true;
    const handOff = createFormulaSettingsHandOff(() => (busy ? busyExcel : excel.namespace()));
    expect(await handOff.offer(PANE)).toBe("failed");
    expect(functionSettings()).toMatchObject({ timeZone: "Asia/Shanghai", handlingDays: 5 });
    busy = false;
    expect(await handOff.offer(PANE)).toBe("recalculated");
    expect(await handOff.offer(PANE)).toBe("unchanged");
    expect(excel.calculations).toEqual([CALCULATION_TYPE.full]);
  });
});
