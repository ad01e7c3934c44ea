import "./support/customFunctionsStub";
import { deadline } from "../../src/functions/functions";
import { functionSettings, resetFunctionSettings } from "../../src/functions/settings";
import {
  functionSettingsFromSaved,
  readWorkbookSettingsAtStart,
  resetStart,
  SCAN_SETTINGS_KEY,
} from "../../src/functions/workbookSettings";
import { SETTINGS_KEY } from "../../src/excel/scanService";
import { FakeWorkbook } from "../../src/excel/fake/fakeWorkbook";
import { ALIEXPRESS_RULEBOOK } from "../../src/core/rulebook";
import { FakeDocumentSettings, fakeOffice } from "./support/officeDocumentSettings";
import { sharedSettings } from "../../src/functions/sharedSettings";
import { CALCULATION_TYPE, FakeExcelCalculation } from "./support/excelCalculation";

/** The 1900-system serial Excel shows for a wall-clock time (counted by hand, not by the code under test). */
const serial = (y: number, mo: number, d: number, h = 0): number =>
  (Date.UTC(y, mo - 1, d, h) - Date.UTC(1899, 11, 30)) / 86_400_000;
/** Days between 1900-01-01 and 1904-01-01 in Excel's serials. */
const SERIALS_1900_TO_1904 = 1462;

/** What the pane saves (src/excel/scanService.ts saveSettings: JSON text of its ScanSettings). */
function savedByPane(settings: Record<string, unknown>): FakeDocumentSettings {
  return new FakeDocumentSettings({
    [SETTINGS_KEY]: JSON.stringify({ handlingDays: 7, dueSoonHours: 24, lang: "en", ...settings }),
  });
}

const noExcel = () => undefined;

beforeEach(() => {
  resetFunctionSettings();
  resetStart();
});

describe("the functions runtime at start", () => {
  it("reads the settings under the key the pane saves them", () => {
    expect(SCAN_SETTINGS_KEY).toBe(SETTINGS_KEY);
  });

  it("puts the workbook's saved zone and handling days in force before the pane is opened", async () => {
    const paid = [[serial(2025, 3, 5, 10)]];
    const before = (deadline(paid) as number[][])[0][0];
    await readWorkbookSettingsAtStart(fakeOffice(savedByPane({ timeZone: "Asia/Shanghai", handlingDays: 3 })), noExcel);
    // 10:00 in Shanghai on 5 March is 18:00 PST on 4 March; 3 days later is 18:00 PST on 7 March = 10:00 in Shanghai.
    const [[after]] = deadline(paid) as number[][];
    expect(after).toBeCloseTo(serial(2025, 3, 8, 10), 9);
    expect(before).toBeCloseTo(serial(2025, 3, 12, 10), 9);
    expect(functionSettings()).toMatchObject({ timeZone: "Asia/Shanghai", handlingDays: 3, lang: "en" });
  });

  it("gives a 1904 workbook's AE.DEADLINE in its own date system", async () => {
    // A payment typed as text: read with the 1900 default, the deadline's serial shows in a 1904 workbook as a date
    // four years and a day later.
    const paidAsText = [["2025-06-01 10:00"]];
    expect((deadline(paidAsText) as number[][])[0][0]).toBeCloseTo(serial(2025, 6, 8, 10), 9);
    await readWorkbookSettingsAtStart(fakeOffice(savedByPane({ date1904: true })), noExcel);
    expect((deadline(paidAsText) as number[][])[0][0]).toBeCloseTo(serial(2025, 6, 8, 10) - SERIALS_1900_TO_1904, 9);
    const paid1904 = serial(2025, 6, 1, 10) - SERIALS_1900_TO_1904;
    expect((deadline([[paid1904]]) as number[][])[0][0]).toBeCloseTo(serial(2025, 6, 8, 10) - SERIALS_1900_TO_1904, 9);
  });

  it("keeps the defaults when nothing is saved, and skips what cannot be used", async () => {
    await readWorkbookSettingsAtStart(fakeOffice(new FakeDocumentSettings()), noExcel);
    expect(functionSettings().timeZone).toBe(ALIEXPRESS_RULEBOOK.platformTimeZone.value);

    const saved = savedByPane({ timeZone: "Mars/Olympus", handlingDays: 4, rulebookOverride: "{ not json" });
    await readWorkbookSettingsAtStart(fakeOffice(saved), noExcel);
    expect(functionSettings()).toMatchObject({
      timeZone: ALIEXPRESS_RULEBOOK.platformTimeZone.value,
      handlingDays: 4,
      rulebook: { id: ALIEXPRESS_RULEBOOK.id },
    });
  });

  it("fetches the override readers only for a workbook with a rulebook override, and then applies it", async () => {
    sharedSettings().readers = undefined; // as in functions.js, which does not carry them
    await readWorkbookSettingsAtStart(fakeOffice(savedByPane({ timeZone: "Asia/Shanghai" })), noExcel);
    expect(sharedSettings().readers).toBeUndefined();
    const override = JSON.stringify({ handlingDays: 3 });
    await readWorkbookSettingsAtStart(fakeOffice(savedByPane({ rulebookOverride: override })), noExcel);
    expect(sharedSettings().readers).toBeDefined();
    expect(functionSettings().rulebook.handlingDays.value).toBe(3);
  });

  it("recalculates AE.* cells Excel calculated with the defaults before the settings were read", async () => {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet("Orders", [["Paid", "Deadline"], [serial(2025, 3, 5, 10)]]);
    sheet.formulas.set(2, new Map([[2, "=AE.DEADLINE(A2)"]]));
    const excel = new FakeExcelCalculation(workbook);
    excel.calculateAll(); // Excel calculates the cell as the workbook opens, before office.js is ready
    expect(sheet.value(2, 2)).toBeCloseTo(serial(2025, 3, 12, 10), 9);

    await readWorkbookSettingsAtStart(fakeOffice(savedByPane({ timeZone: "Asia/Shanghai" })), () => excel.namespace());
    expect(excel.calculations).toEqual([CALCULATION_TYPE.full]);
    expect(sheet.value(2, 2)).toBeCloseTo(serial(2025, 3, 12, 9), 9);
  });

  it("asks for no calculation when no formula ran before the settings were read", async () => {
    const excel = new FakeExcelCalculation(new FakeWorkbook());
    await readWorkbookSettingsAtStart(fakeOffice(savedByPane({ timeZone: "Asia/Shanghai" })), () => excel.namespace());
    expect(excel.calculations).toEqual([]);
  });
});

describe("functionSettingsFromSaved", () => {
  it("reads the pane's JSON text or object and drops what it cannot use", () => {
    const pane = { timeZone: "UTC", handlingDays: 5, dueSoonHours: 12, lang: "zh-CN", date1904: true, sheet: "A" };
    const expected = { timeZone: "UTC", handlingDays: 5, dueSoonHours: 12, lang: "zh-CN", date1904: true };
    expect(functionSettingsFromSaved(JSON.stringify(pane))).toEqual(expected);
    expect(functionSettingsFromSaved(pane)).toEqual(expected);
    expect(functionSettingsFromSaved("{ not json")).toEqual({});
    expect(functionSettingsFromSaved(null)).toEqual({});
    expect(functionSettingsFromSaved({ handlingDays: 0, dueSoonHours: -1, lang: "fr", date1904: "yes" })).toEqual({});
  });
});

describe("outside Office (the browser preview)", () => {
  it("keeps the defaults when office.js has no document, or reading it throws", async () => {
    await readWorkbookSettingsAtStart({ onReady: () => Promise.resolve({ host: null }) }, noExcel);
    const throwing = {
      onReady: () => Promise.resolve({ host: null }),
      get context(): never {
        throw new Error("Office.context is not available outside Office");
      },
    };
    await readWorkbookSettingsAtStart(throwing, noExcel);
    await readWorkbookSettingsAtStart({ onReady: () => Promise.reject(new Error("no host")) }, noExcel);
    expect(functionSettings().timeZone).toBe(ALIEXPRESS_RULEBOOK.platformTimeZone.value);
  });
});
