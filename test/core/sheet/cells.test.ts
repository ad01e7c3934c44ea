import {
  cellText,
  isDateNumberFormat,
  parseDateCell,
  parseNumberCell,
  splitCarrierTracking,
} from "../../../src/core/sheet";
import { at, LA, serial } from "./fixtures";

describe("cellText", () => {
  it("trims text and keeps everything else the user typed, formula-like text included", () => {
    expect(cellText("  8012345678901234\n")).toBe("8012345678901234");
    expect(cellText('=HYPERLINK("https://x","8012")')).toBe('=HYPERLINK("https://x","8012")');
    expect(cellText("８０１２")).toBe("８０１２");
  });

  it("writes numbers without exponent, booleans and errors as Excel shows them, dates as their wall clock", () => {
    expect(cellText(8012345678901234)).toBe("8012345678901234");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText(new Date(Date.UTC(2025, 5, 1, 10, 0)))).toBe("2025-06-01 10:00");
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });
});

describe("parseNumberCell", () => {
  it.each([
    [12.5, 12.5],
    ["12.50", 12.5],
    [" 7 ", 7],
    ["US $12.50", 12.5],
    ["$12.50", 12.5],
    ["12,50 €", 12.5],
    ["€12,50", 12.5],
    ["¥88", 88],
    ["CN￥1,234.00", 1234],
    ["1,234.56", 1234.56],
    ["1.234,56 EUR", 1234.56],
    ["1 234,56 руб.", 1234.56],
    ["12,500", 12500],
    ["USD 12.50", 12.5],
    ["１２.５０", 12.5],
    ["-$5.00", -5],
    ["(5.00)", -5],
    ["7天", 7],
    ["7 days", 7],
  ])("%j -> %d", (value, expected) => {
    expect(parseNumberCell(value)).toEqual({ value: expected });
  });

  it.each(["abc", "12.50 / 3", "7-10 days", "2025-06-01", "1,23,4", "=SUM(A1:A3)", true, new Date(0)])(
    "%j is not a number",
    (value) => {
      expect(parseNumberCell(value)).toEqual({ problem: "UNPARSEABLE_NUMBER" });
    },
  );

  it("reports Excel errors as such, whether an error value or its text", () => {
    expect(parseNumberCell({ error: "#N/A" })).toEqual({ problem: "EXCEL_ERROR" });
    expect(parseNumberCell("#VALUE!")).toEqual({ problem: "EXCEL_ERROR" });
    expect(parseNumberCell(" #DIV/0! ")).toEqual({ problem: "EXCEL_ERROR" });
  });

  it("gives nothing for a blank cell", () => {
    expect(parseNumberCell("")).toEqual({});
    expect(parseNumberCell(null)).toEqual({});
  });
});

describe("parseDateCell", () => {
  const ctx = { timeZone: LA };
  const wall: [number, number, number, number, number] = [2025, 6, 1, 10, 0];

  it("reads 1900 and 1904 serials as wall clock in the sheet zone", () => {
    expect(parseDateCell(serial(wall), ctx)).toEqual({ instant: at(wall) });
    expect(parseDateCell(serial(wall, true), { ...ctx, date1904: true })).toEqual({ instant: at(wall) });
    expect(parseDateCell(serial(wall), { timeZone: "Asia/Shanghai" })).toEqual({ instant: at(wall, "Asia/Shanghai") });
  });

  it("reads exceljs Dates by their UTC fields (the wall clock)", () => {
    expect(parseDateCell(new Date(Date.UTC(2025, 5, 1, 10)), ctx)).toEqual({ instant: at(wall) });
    expect(parseDateCell(new Date(NaN), ctx)).toEqual({ problem: "UNPARSEABLE_DATE" });
  });

  it("reads text dates, serials stored as text, and offsets as instants", () => {
    expect(parseDateCell("2025/6/1 10:00:00", ctx)).toEqual({ instant: at(wall) });
    expect(parseDateCell(String(serial(wall)), ctx)).toEqual({ instant: at(wall) });
    expect(parseDateCell("2025-06-01T10:00:00+08:00", ctx)).toEqual({ instant: Date.parse("2025-06-01T02:00:00Z") });
  });

  it("takes an out-of-range number as a serial only when its format is a date format", () => {
    expect(parseDateCell(1000, ctx)).toEqual({ problem: "UNPARSEABLE_DATE" });
    expect(parseDateCell(1000, { ...ctx, numberFormat: "0.00" })).toEqual({ problem: "UNPARSEABLE_DATE" });
    expect(parseDateCell(1000, { ...ctx, numberFormat: "yyyy-mm-dd" })).toEqual({ instant: at([1902, 9, 26, 0, 0]) });
    // A plausible serial is a serial whatever the format says.
    expect(parseDateCell(serial(wall), { ...ctx, numberFormat: "General" })).toEqual({ instant: at(wall) });
  });

  it("reads yyyymmdd numbers and epoch timestamps", () => {
    expect(parseDateCell(20250601, ctx)).toEqual({ instant: at([2025, 6, 1, 0, 0]) });
    expect(parseDateCell(1748797200, ctx)).toEqual({ instant: 1748797200000 });
    expect(parseDateCell(1748797200000, ctx)).toEqual({ instant: 1748797200000 });
  });

  it("names the problem of cells that are no date", () => {
    expect(parseDateCell({ error: "#N/A" }, ctx)).toEqual({ problem: "EXCEL_ERROR" });
    expect(parseDateCell("#N/A", ctx)).toEqual({ problem: "EXCEL_ERROR" });
    expect(parseDateCell("32/13/2025", ctx)).toEqual({ problem: "UNPARSEABLE_DATE" });
    expect(parseDateCell(true, ctx)).toEqual({ problem: "UNPARSEABLE_DATE" });
    expect(parseDateCell(-5, ctx)).toEqual({ problem: "UNPARSEABLE_DATE" });
    expect(parseDateCell("", ctx)).toEqual({});
  });

  it("reports a/b/yyyy as ambiguous only when asked to, otherwise reads it month-first", () => {
    expect(parseDateCell("03/04/2025", ctx)).toEqual({ instant: at([2025, 3, 4, 0, 0]) });
    expect(parseDateCell("03/04/2025", { ...ctx, dateOrder: "dmy" })).toEqual({ instant: at([2025, 4, 3, 0, 0]) });
    expect(parseDateCell("03/04/2025", { ...ctx, dateOrder: "ambiguous" })).toEqual({ problem: "AMBIGUOUS_DATE" });
    expect(parseDateCell("13/04/2025", { ...ctx, dateOrder: "ambiguous" })).toEqual({
      instant: at([2025, 4, 13, 0, 0]),
    });
  });
});

describe("isDateNumberFormat", () => {
  it.each([
    ["yyyy-mm-dd", true],
    ["m/d/yy h:mm", true],
    ['[$-804]yyyy"年"m"月"d"日"', true],
    ["[h]:mm:ss", true],
    ["General", false],
    ["0.00", false],
    ['0" days"', false],
    ["#,##0", false],
    ["", false],
  ])("%j -> %s", (format, expected) => {
    expect(isDateNumberFormat(format)).toBe(expected);
  });
});

describe("splitCarrierTracking", () => {
  it.each([
    ["YANWEN:UG123456785CN", { carrier: "YANWEN", trackingNumber: "UG123456785CN" }],
    [
      "China Post Registered Air Mail:RR123456785CN",
      { carrier: "China Post Registered Air Mail", trackingNumber: "RR123456785CN" },
    ],
    ["YANWEN：UG123456785CN", { carrier: "YANWEN", trackingNumber: "UG123456785CN" }],
    [" 4PX : LP00123456789012 ", { carrier: "4PX", trackingNumber: "LP00123456789012" }],
    ["YANWEN:UG1\nYANWEN:UG2", { carrier: "YANWEN", trackingNumber: "UG1, UG2" }],
    ["UG123456785CN", { trackingNumber: "UG123456785CN" }],
    ["YANWEN", { carrier: "YANWEN" }],
    ["YANWEN:", { carrier: "YANWEN" }],
    // Several packages in one cell: every pair is split, so no number hides inside a carrier name.
    [
      "YANWEN:UG123456785CN,CAINIAO:LP00123456789012",
      { carrier: "YANWEN, CAINIAO", trackingNumber: "UG123456785CN, LP00123456789012" },
    ],
    ["YANWEN:UG1; CAINIAO:LP2", { carrier: "YANWEN, CAINIAO", trackingNumber: "UG1, LP2" }],
    ["YANWEN:UG1 CAINIAO:LP2", { carrier: "YANWEN, CAINIAO", trackingNumber: "UG1, LP2" }],
    [
      "China Post Registered Air Mail:RR1 4PX:LP2",
      { carrier: "China Post Registered Air Mail, 4PX", trackingNumber: "RR1, LP2" },
    ],
    ["YANWEN：UG1，CAINIAO：LP2", { carrier: "YANWEN, CAINIAO", trackingNumber: "UG1, LP2" }],
    ["Cainiao: Standard:LP00123456789012", { carrier: "Cainiao: Standard", trackingNumber: "LP00123456789012" }],
    // One pair: the number is the rest of the cell, spaces and all.
    ["CPAM:lx 4837 2916 5cn", { carrier: "CPAM", trackingNumber: "lx 4837 2916 5cn" }],
    ["YANWEN_JYT:TBD", { carrier: "YANWEN_JYT", trackingNumber: "TBD" }],
    [
      "China Post Registered Air Mail:RR1 China Post Registered Air Mail:RR2",
      { carrier: "China Post Registered Air Mail", trackingNumber: "RR1, RR2" },
    ],
  ])("%j", (text, expected) => {
    expect(splitCarrierTracking(text)).toEqual(expected);
  });
});

describe("parseNumberText edge cases", () => {
  it.each([
    ["1.234.567,89 €", 1234567.89],
    ["1,234,567", 1234567],
    ["12'345.50 CHF", 12345.5],
    ["Rs. 500", 500],
    ["0,5", 0.5],
    [".5", 0.5],
    ["12345678901234567890", 12345678901234567890],
    ["1234567890.123456789", 1234567890.123456789],
    ["￥８８", 88],
    ["₽ 1 500", 1500],
  ])("%j -> %d", (text, expected) => {
    expect(parseNumberCell(text)).toEqual({ value: expected });
  });

  it.each(["1.23.4", "12,34,56", "1,234.5.6", "12 34", "1 2345", "5%", "$", "(5"])("%j is not a number", (text) => {
    expect(parseNumberCell(text)).toEqual({ problem: "UNPARSEABLE_NUMBER" });
  });
});
