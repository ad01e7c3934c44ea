import { chooseLang, langFromTag, luminance, themeFromOffice } from "../../src/taskpane/environment";
import { classifyError } from "../../src/taskpane/errors";
import {
  asOfToIso,
  optionProblems,
  optionsFromSaved,
  defaultOptions,
  toScanSettings,
} from "../../src/taskpane/options";
import { codeCounts, cssColor, flaggedOrders } from "../../src/taskpane/results";
import { stringsFor } from "../../src/taskpane/i18n";
import { WorkbookError } from "../../src/excel/errors";
import { sampleText } from "../../src/taskpane/mapping";
import { sampleOutcome } from "./fixtures";

describe("language", () => {
  test.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh", "zh-CN"],
    ["ZH-hk", "zh-CN"],
    ["en-US", "en"],
    ["ja-JP", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("%s → %s", (tag, lang) => expect(langFromTag(tag)).toBe(lang));

  test("?lang= beats Office's display language, which beats the browser's", () => {
    expect(
      chooseLang({
        query: "?lang=zh-CN",
        displayLanguage: "en-US",
        navigatorLanguage: "en-US",
      }),
    ).toBe("zh-CN");
    expect(chooseLang({ query: "?lang=en", navigatorLanguage: "zh-CN" })).toBe("en");
    expect(
      chooseLang({
        query: "",
        displayLanguage: "zh-CN",
        navigatorLanguage: "en-US",
      }),
    ).toBe("zh-CN");
    expect(chooseLang({ query: "?x=1", navigatorLanguage: "zh-SG" })).toBe("zh-CN");
  });
});

describe("theme", () => {
  test.each([
    [{ bodyBackgroundColor: "#FFFFFF" }, "light"],
    [{ bodyBackgroundColor: "#E6E6E6" }, "light"], // Office "Colorful"/"White"
    [{ bodyBackgroundColor: "#262626" }, "dark"], // Office "Dark Grey"
    [{ bodyBackgroundColor: "#000000" }, "dark"], // Office "Black"
    [{ bodyBackgroundColor: "#333" }, "dark"],
    [{ bodyBackgroundColor: "not a colour" }, "light"],
    [{}, "light"],
    [undefined, "light"],
  ])("%j → %s", (theme, name) => expect(themeFromOffice(theme)).toBe(name));

  test("luminance of black and white", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#fff")).toBeCloseTo(1);
  });
});

describe("errors are sorted into guidance", () => {
  test.each([
    [new WorkbookError("NoHeader", "No header row with an order number was found."), "noOrders"],
    [new WorkbookError("EmptySheet", 'Sheet "X" is empty: no orders to scan.'), "noOrders"],
    [new WorkbookError("SheetNotFound", 'There is no sheet named "Orders".'), "sheetMissing"],
    [new WorkbookError("RequirementNotSupported", "This Excel does not support ExcelApi 1.9"), "apiUnavailable"],
    [new WorkbookError("NoSummary", "There is no summary sheet yet: run a scan first."), "noSummary"],
    [Object.assign(new Error("x"), { code: "AccessDenied" }), "sheetProtected"],
    [
      Object.assign(new Error("The sheet is protected"), {
        code: "GeneralException",
      }),
      "sheetProtected",
    ],
    [Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" }), "cellEditing"],
    // Excel's words when a sheet add / activate / select fails because another workbook has the focus (office-js#771).
    [
      Object.assign(new Error("There was an internal error while processing the request."), {
        code: "GeneralException",
        name: "RichApi.Error",
      }),
      "focusLost",
    ],
    [Object.assign(new Error("x"), { name: "SheetChangedError" }), "sheetChanged"],
    [new ReferenceError("Excel is not defined"), "apiUnavailable"],
    ["a string", "unknown"],
    [null, "unknown"],
    [new Error("boom"), "unknown"],
  ])("%p → %s", (error, kind) => {
    expect(classifyError(error).kind).toBe(kind);
  });

  test("every kind has a title and an action in both languages", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      for (const text of Object.values(stringsFor(lang).errors)) {
        expect(text.title.length).toBeGreaterThan(0);
        expect(text.action.length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(stringsFor("zh-CN").errors).sort()).toEqual(Object.keys(stringsFor("en").errors).sort());
  });
});

describe("options", () => {
  test("as-of is read in the sheet's zone, across daylight saving", () => {
    expect(asOfToIso("2025-06-15T12:00", "America/Los_Angeles")).toBe("2025-06-15T12:00:00-07:00");
    expect(asOfToIso("2025-01-15T12:00", "America/Los_Angeles")).toBe("2025-01-15T12:00:00-08:00");
    expect(asOfToIso("2025-06-15T12:00:30", "Asia/Shanghai")).toBe("2025-06-15T12:00:30+08:00");
    expect(asOfToIso("yesterday", "Asia/Shanghai")).toBeUndefined();
    expect(asOfToIso("2025-06-15T12:00", "Nowhere/Zone")).toBeUndefined();
  });

  test("an impossible as-of date is a problem, not a moment in the next month", () => {
    expect(asOfToIso("2025-02-30T10:00", "Asia/Shanghai")).toBeUndefined();
    // A datetime-local box accepts six-digit years.
    expect(asOfToIso("202506-06-15T10:00", "Asia/Shanghai")).toBeUndefined();
    const options = { ...defaultOptions(), asOf: "2025-02-30T10:00" };
    expect(optionProblems(options).asOf).toBe(true);
    expect(toScanSettings(options, { lang: "en" })).toBeUndefined();
  });

  test("bad numbers and zones are problems and give no settings", () => {
    const options = {
      ...defaultOptions(),
      handlingDays: "7.5",
      timeZone: "PST8PDT-ish",
    };
    expect(optionProblems(options)).toEqual({
      handlingDays: "notWholeNumber",
      timeZone: true,
    });
    expect(toScanSettings(options, { lang: "en" })).toBeUndefined();
  });

  test("handling days outside the rulebook's range (1-365) are refused", () => {
    for (const days of ["0", "366", "999"])
      expect(optionProblems({ ...defaultOptions(), handlingDays: days }).handlingDays).toBe("outOfRange");
    for (const days of ["1", "365"]) expect(optionProblems({ ...defaultOptions(), handlingDays: days })).toEqual({});
    expect(toScanSettings({ ...defaultOptions(), handlingDays: "366" }, { lang: "en" })).toBeUndefined();
  });

  test("saved settings come back, except an as-of moment (a new day judges now) and an invalid override", async () => {
    const restored = await optionsFromSaved({
      timeZone: "Asia/Shanghai",
      handlingDays: 5,
      dueSoonHours: 12,
      asOf: "2025-01-01T00:00:00+08:00",
      rulebookOverride: '{"handlingDays": -1}',
    });
    expect(restored).toEqual({
      asOf: "",
      timeZone: "Asia/Shanghai",
      handlingDays: "5",
      dueSoonHours: "12",
    });
    const junk = await optionsFromSaved({
      timeZone: "Mars/Base",
      handlingDays: -3 as number,
    });
    expect(junk).toEqual(defaultOptions());
  });
});

describe("mapping samples", () => {
  test("a date column's serial-number sample reads as a date; other samples are left as they are", () => {
    expect(sampleText("paidAt", "45823.5")).toBe("2025-06-15 12:00");
    expect(sampleText("paidAt", "2025-06-01 10:00")).toBe("2025-06-01 10:00");
    expect(sampleText("orderId", "8100000000000001")).toBe("8100000000000001");
    expect(sampleText("amount", "45823.5")).toBe("45823.5");
  });
});

describe("results", () => {
  test("flagged orders: one entry per order, codes merged, points summed, worst first", () => {
    const { result } = sampleOutcome();
    const orders = flaggedOrders(result.findings, "en");
    expect(orders.map((o) => [o.row, o.points, o.category])).toEqual([
      [7, 3, "untracked"],
      [3, 2, "late"],
      [5, 2, "late"],
      [9, 0, "at-risk"],
    ]);
    expect(orders[2].codes).toEqual(["OVERDUE_UNSHIPPED", "MISSING_TRACKING"]);
    expect(orders[2].rows).toEqual([5, 6]);
    expect(flaggedOrders(result.findings, "zh-CN")[1].message).toContain("订单");
  });

  test("code counts come in rulebook order with their category colour", () => {
    const { result, plan } = sampleOutcome();
    const counts = codeCounts(result, plan);
    expect(counts.map((c) => c.code)).toEqual([
      "OVERDUE_UNSHIPPED",
      "SHIPPED_LATE",
      "DUE_SOON",
      "MISSING_TRACKING",
      "INVALID_TRACKING",
    ]);
    const late = plan.legend.find((l) => l.category === "late")!.color;
    expect(counts.find((c) => c.code === "SHIPPED_LATE")!.color).toBe(late);
  });

  test("colours as Excel and exceljs write them become CSS colours", () => {
    expect(cssColor("#FFC7CE")).toBe("#FFC7CE");
    expect(cssColor("FFC7CE")).toBe("#FFC7CE");
    expect(cssColor("FFFFC7CE")).toBe("#FFC7CE");
    expect(cssColor(undefined)).toBeUndefined();
  });
});
