/** @jest-environment jsdom */
import "../functions/support/customFunctionsStub";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { stringsFor } from "../../src/taskpane/i18n";
import { createFormulaSettingsHandOff } from "../../src/taskpane/formulaHandOff";
import { FakeWorkbook, FakeWorkbookPort } from "../../src/excel/fake/fakeWorkbook";
import { createWorkbookSession, SETTINGS_KEY } from "../../src/excel/scanService";
import { resetFunctionSettings } from "../../src/functions/settings";
import { CALCULATION_TYPE, FakeExcelCalculation } from "../functions/support/excelCalculation";

/**
 * The pane and the AE.* formulas in one runtime, over the in-memory workbook: an order sheet with an
 * =AE.DEADLINE(C3) cell that Excel (FakeExcelCalculation) calculates with the real function. What the seller sets in
 * the pane must reach that cell.
 */
const en = stringsFor("en");
const serial = (y: number, mo: number, d: number, h = 0): number =>
  (Date.UTC(y, mo - 1, d, h) - Date.UTC(1899, 11, 30)) / 86_400_000;
const SERIALS_1900_TO_1904 = 1462;
/** The hand-off waits for typing to stop (HAND_OFF_DELAY_MS); this machine's other jobs may slow it further. */
const WAIT = { timeout: 5000 };

function orderWorkbook(options: { date1904?: boolean } = {}) {
  const workbook = new FakeWorkbook({ date1904: options.date1904 });
  const offset = options.date1904 ? SERIALS_1900_TO_1904 : 0;
  const sheet = workbook.addSheet("Orders", [
    ["订单号", "订单状态", "付款时间", "运单号", "发货期限（公式）"],
    // Typed as text, as some ERP exports have it: only the date system tells which serial shows that moment.
    ["8100000000000001", "等待发货", "2025-03-05 10:00", ""],
    ["8100000000000002", "已发货", serial(2025, 3, 6, 9) - offset, "UG123456785CN"],
  ]);
  sheet.numberFormats.set(3, new Map([[3, "yyyy-mm-dd hh:mm"]]));
  sheet.formulas.set(2, new Map([[5, "=AE.DEADLINE(C2)"]]));
  const excel = new FakeExcelCalculation(workbook);
  excel.calculateAll(); // calculated when the workbook opened
  const session = createWorkbookSession(new FakeWorkbookPort(workbook), { now: () => Date.UTC(2025, 2, 20) });
  const formulas = createFormulaSettingsHandOff(() => excel.namespace());
  return { workbook, sheet, excel, session, formulas };
}

async function openPane(setup: ReturnType<typeof orderWorkbook>) {
  render(<App session={setup.session} lang="en" formulas={setup.formulas} />);
  await screen.findByTestId("mapping-summary");
}

beforeEach(() => resetFunctionSettings());

describe("the pane hands its settings to the AE.* formulas", () => {
  test("changing the zone recalculates AE.DEADLINE with it", async () => {
    const setup = orderWorkbook();
    await openPane(setup);
    expect(setup.sheet.value(2, 5)).toBeCloseTo(serial(2025, 3, 12, 10), 9); // Pacific time, 7 days

    fireEvent.click(screen.getByRole("button", { name: en.optionsHeading }));
    await screen.findByText(en.handlingDaysLabel);
    fireEvent.change(screen.getByRole("combobox", { name: en.timeZoneLabel }), { target: { value: "Asia/Shanghai" } });

    // 10:00 in Shanghai on 5 March is 18:00 PST on 4 March; 7 days later is 18:00 PDT on 11 March = 09:00 in Shanghai.
    await waitFor(() => expect(setup.sheet.value(2, 5)).toBeCloseTo(serial(2025, 3, 12, 9), 9), WAIT);
    expect(setup.excel.calculations).toEqual([CALCULATION_TYPE.full]);

    fireEvent.change(screen.getByRole("spinbutton", { name: en.handlingDaysLabel }), { target: { value: "3" } });
    await waitFor(() => expect(setup.sheet.value(2, 5)).toBeCloseTo(serial(2025, 3, 8, 10), 9), WAIT);
  });

  test("settings saved in the workbook reach the formulas when the pane loads them", async () => {
    const setup = orderWorkbook();
    setup.workbook.settings.set(
      SETTINGS_KEY,
      JSON.stringify({ timeZone: "Asia/Shanghai", handlingDays: 3, dueSoonHours: 24, lang: "en" }),
    );
    await openPane(setup);
    await waitFor(() => expect(setup.sheet.value(2, 5)).toBeCloseTo(serial(2025, 3, 8, 10), 9), WAIT);
  });

  test("loading settings already in force asks Excel for no calculation", async () => {
    const setup = orderWorkbook();
    await openPane(setup);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(setup.excel.calculations).toEqual([]);
  });

  test("a scan that finds a 1904 workbook gives AE.DEADLINE in that date system, and saves it for next time", async () => {
    const setup = orderWorkbook({ date1904: true });
    await openPane(setup);
    // In the 1900 system (the default) the answer is a serial a 1904 workbook shows four years and a day later.
    expect(setup.sheet.value(2, 5)).toBeCloseTo(serial(2025, 3, 12, 10), 9);

    fireEvent.click(screen.getByRole("button", { name: en.scanButton }));
    await screen.findByTestId("code-counts");
    await waitFor(
      () => expect(setup.sheet.value(2, 5)).toBeCloseTo(serial(2025, 3, 12, 10) - SERIALS_1900_TO_1904, 9),
      WAIT,
    );
    expect(JSON.parse(setup.workbook.settings.get(SETTINGS_KEY) ?? "{}")).toMatchObject({ date1904: true });
  });
});
