import { column, expectError } from "./support/customFunctionsStub";
import { daysLate, deadline } from "../../src/functions/functions";
import { resetFunctionSettings, setFunctionSettings } from "../../src/functions/settings";

/** The 1900-system serial Excel shows for a wall-clock time (counted here by hand, not by the code under test). */
const serial = (y: number, mo: number, d: number, h = 0, mi = 0): number =>
  (Date.UTC(y, mo - 1, d, h, mi) - Date.UTC(1899, 11, 30)) / 86_400_000;
/** Days between 1900-01-01 and 1904-01-01 in Excel's serials. */
const SERIALS_1900_TO_1904 = 1462;

beforeEach(() => resetFunctionSettings());

describe("AE.DEADLINE", () => {
  it("is payment time + 7 handling days by default, as a date serial", () => {
    const [[due]] = deadline([[serial(2025, 6, 1, 10)]]);
    expect(due).toBeCloseTo(serial(2025, 6, 8, 10), 9);
  });

  it("uses the handling days given, per row or once for all rows", () => {
    const paid = column(serial(2025, 6, 1, 10), serial(2025, 6, 2, 15, 30));
    const perRow = deadline(paid, column(3, 5)) as number[][];
    expect(perRow[0][0]).toBeCloseTo(serial(2025, 6, 4, 10), 9);
    expect(perRow[1][0]).toBeCloseTo(serial(2025, 6, 7, 15, 30), 9);
    const once = deadline(paid, [[2]]) as number[][];
    expect(once[1][0]).toBeCloseTo(serial(2025, 6, 4, 15, 30), 9);
  });

  it("keeps the payment's wall-clock time across the spring DST change (the scan's rule)", () => {
    // 10:00 PST on 5 March + 7 calendar days = 10:00 PDT on 12 March, only 167 elapsed hours later.
    const [[due]] = deadline([[serial(2025, 3, 5, 10)]]);
    expect(due).toBeCloseTo(serial(2025, 3, 12, 10), 9);
  });

  it("reads the payment in the sheet's zone and counts the days in the platform's zone", () => {
    setFunctionSettings({ timeZone: "Asia/Shanghai" });
    // 10:00 in Shanghai on 5 March is 18:00 PST on 4 March; 7 days later is 18:00 PDT on 11 March = 09:00 in Shanghai.
    const [[due]] = deadline([[serial(2025, 3, 5, 10)]]);
    expect(due).toBeCloseTo(serial(2025, 3, 12, 9), 9);
  });

  it("takes and gives serials in the 1904 date system when the workbook uses it", () => {
    setFunctionSettings({ date1904: true });
    const [[due]] = deadline([[serial(2025, 6, 1, 10) - SERIALS_1900_TO_1904]]);
    expect(due).toBeCloseTo(serial(2025, 6, 8, 10) - SERIALS_1900_TO_1904, 9);
  });

  it("accepts text dates and uses the default handling days from the settings", () => {
    setFunctionSettings({ handlingDays: 3 });
    expect((deadline([["2025-06-01 10:00"]]) as number[][])[0][0]).toBeCloseTo(serial(2025, 6, 4, 10), 9);
    expect((deadline([["2025年6月1日 10:00"]]) as number[][])[0][0]).toBeCloseTo(serial(2025, 6, 4, 10), 9);
  });

  it("reads 03/04/2025 day-first when the range's other dates are day-first, as the scan does", () => {
    const result = deadline(column("25/03/2025 10:00", "03/04/2025 10:00"), [[1]]) as number[][];
    expect(result[1][0]).toBeCloseTo(serial(2025, 4, 4, 10), 9);
    const alone = deadline([["03/04/2025 10:00"]], [[1]]) as number[][];
    expect(alone[0][0]).toBeCloseTo(serial(2025, 3, 5, 10), 9);
    const mixed = deadline(column("25/03/2025", "03/25/2025", "03/04/2025"), [[1]]);
    expectError(mixed[2][0], "#VALUE!", /month\/day.*day\/month/);
    // One day-first date does not settle a date written another way (the US 12-hour style): it is not guessed.
    const otherStyle = deadline(column("13/06/2025", "6/9/2025 10:00 AM"), [[1]]);
    expectError(otherStyle[1][0], "#VALUE!", /"6\/9\/2025 10:00 AM" can be 2025-06-09 \(month\/day\) or 2025-09-06/);
  });

  it("leaves blank rows blank and marks unreadable ones, keeping the other rows", () => {
    const result = deadline(column(serial(2025, 6, 1, 10), "", null, 0, "not a date", true), [[7]]);
    expect(result[0][0]).toBeCloseTo(serial(2025, 6, 8, 10), 9);
    expect(result.slice(1, 4)).toEqual([[""], [""], [""]]);
    expectError(result[4][0], "#VALUE!", /paidAt: "not a date" is not a date/);
    expectError(result[5][0], "#VALUE!", /not a date/);
  });

  it("reads each cell of a range mixing serials, blanks, zeros and text as it reads that cell alone", () => {
    // Parsed from JSON as Excel hands it over: rows of numbers only hold raw doubles, rows with a blank hold values.
    const paid = JSON.parse(
      JSON.stringify([
        [serial(2025, 6, 1, 10), null, "2025-06-02 09:30"],
        [serial(2025, 6, 3, 8), serial(2025, 6, 4, 12, 15), serial(2025, 6, 5)],
        [null, 0, serial(2025, 6, 6, 23)],
        ["", serial(2025, 6, 7, 1), "not a date"],
        [serial(2025, 6, 8, 7), serial(2025, 6, 9, 18), null],
      ]),
    ) as unknown[][];
    const range = deadline(paid);
    const alone = paid.map((row) => row.map((cell) => deadline([[cell]])[0][0]));
    expect(range).toEqual(alone);
    expect(range[1][1]).toBeCloseTo(serial(2025, 6, 11, 12, 15), 9);
    expect(range[3][1]).toBeCloseTo(serial(2025, 6, 14, 1), 9);
    expect(range[2][0]).toBe("");
  });

  it("rejects handling days that are not positive numbers", () => {
    expectError(deadline([[serial(2025, 6, 1)]], [[-2]])[0][0], "#VALUE!", /handlingDays must be more than 0/);
    expectError(deadline([[serial(2025, 6, 1)]], [["soon"]])[0][0], "#VALUE!", /not a number/);
  });

  it("gives #N/A where two ranges of different sizes do not overlap", () => {
    const result = deadline(column(serial(2025, 6, 1), serial(2025, 6, 2), serial(2025, 6, 3)), column(1, 2));
    expect(result[0][0]).toBeCloseTo(serial(2025, 6, 2), 9);
    expect(result[1][0]).toBeCloseTo(serial(2025, 6, 4), 9);
    expectError(result[2][0], "#N/A", /different sizes/);
  });
});

describe("AE.DAYSLATE", () => {
  const due = serial(2025, 6, 8, 10);

  it("is the days from deadline to ship time as a decimal, 0 when shipped on time", () => {
    expect(daysLate([[due]], [[serial(2025, 6, 9, 22)]])).toEqual([[1.5]]);
    expect(daysLate([[due]], [[serial(2025, 6, 7, 9)]])).toEqual([[0]]);
    expect(daysLate([[due]], [[due]])).toEqual([[0]]);
  });

  it("counts elapsed time, so a day across the spring DST change is 23 hours", () => {
    const result = daysLate([[serial(2025, 3, 8, 12)]], [[serial(2025, 3, 9, 12)]]) as number[][];
    expect(result[0][0]).toBeCloseTo(23 / 24, 12);
  });

  it("counts to asOf when not shipped, and to now when asOf is left out", () => {
    expect(daysLate([[due]], [[""]], [[serial(2025, 6, 10, 10)]])).toEqual([[2]]);
    expect(daysLate([[due]], null as never, [[serial(2025, 6, 1)]])).toEqual([[0]]);
    const hoursAgo = 36;
    const now = new Date(Date.now() - hoursAgo * 3_600_000);
    const nowInLosAngeles = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/Los_Angeles",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    }).formatToParts(now);
    const part = (type: string) => Number(nowInLosAngeles.find((p) => p.type === type)?.value);
    const deadlineSerial =
      (Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) -
        Date.UTC(1899, 11, 30)) /
      86_400_000;
    const [[late]] = daysLate([[deadlineSerial]]) as number[][];
    expect(late).toBeGreaterThan(hoursAgo / 24 - 0.01);
    expect(late).toBeLessThan(hoursAgo / 24 + 0.01);
  });

  it("spills per row with a shared asOf and errors in their own cells", () => {
    const result = daysLate(column(due, due, "", "later"), column(serial(2025, 6, 9, 10), "", "", ""), [
      [serial(2025, 6, 11, 10)],
    ]);
    expect(result.slice(0, 3)).toEqual([[1], [3], [""]]);
    expectError(result[3][0], "#VALUE!", /deadline: "later" is not a date/);
  });
});
