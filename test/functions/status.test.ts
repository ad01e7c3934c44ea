import { column, expectError } from "./support/customFunctionsStub";
import { status } from "../../src/functions/functions";
import { resetFunctionSettings, setFunctionSettings } from "../../src/functions/settings";

const serial = (y: number, mo: number, d: number, h = 0, mi = 0): number =>
  (Date.UTC(y, mo - 1, d, h, mi) - Date.UTC(1899, 11, 30)) / 86_400_000;

const PAID = serial(2025, 6, 1, 10); // deadline with 7 handling days: 2025-06-08 10:00
const AS_OF = [[serial(2025, 6, 15, 12)]];
const VALID = "EA152563251CN";
const OTHER_VALID = "YT2229521272164446";

beforeEach(() => resetFunctionSettings());

/** One order per row: [paidAt, shippedAt, tracking]. */
function statusOf(rows: unknown[][], asOf: unknown[][] = AS_OF, deadline?: unknown[][], handlingDays?: unknown[][]) {
  return status(
    rows.map((row) => [row[0]]),
    rows.map((row) => [row[1]]),
    rows.map((row) => [row[2]]),
    deadline,
    asOf,
    handlingDays,
  );
}

describe("AE.STATUS", () => {
  it("gives OK or the scan's codes for each order", () => {
    const result = statusOf([
      [PAID, serial(2025, 6, 5), VALID],
      [PAID, serial(2025, 6, 9, 22), OTHER_VALID],
      [PAID, "", ""],
      [PAID, serial(2025, 6, 5), ""],
      [PAID, serial(2025, 6, 5), "EA152563252CN"],
      [PAID, serial(2025, 6, 5), "N/A"],
    ]);
    expect(result).toEqual([
      ["OK"],
      ["SHIPPED_LATE"],
      ["OVERDUE_UNSHIPPED"],
      ["MISSING_TRACKING"],
      ["INVALID_TRACKING"],
      ["INVALID_TRACKING"],
    ]);
  });

  it("warns DUE_SOON inside the settings' window", () => {
    const asOf = [[serial(2025, 6, 7, 12)]]; // 22 hours before the deadline
    expect(statusOf([[PAID, "", ""]], asOf)).toEqual([["DUE_SOON"]]);
    setFunctionSettings({ dueSoonHours: 12 });
    expect(statusOf([[PAID, "", ""]], asOf)).toEqual([["OK"]]);
  });

  it("lists several codes of one order, comma-separated", () => {
    expect(statusOf([[PAID, serial(2025, 6, 10), "ABC"]])).toEqual([["SHIPPED_LATE, INVALID_TRACKING"]]);
  });

  it("finds tracking numbers shared by rows of the range, which a single-cell call cannot see", () => {
    const rows = [
      [PAID, serial(2025, 6, 3), VALID],
      [PAID, serial(2025, 6, 4), OTHER_VALID],
      [PAID, serial(2025, 6, 5), ` ${VALID.toLowerCase()} `],
    ];
    expect(statusOf(rows)).toEqual([["DUPLICATE_TRACKING"], ["OK"], ["DUPLICATE_TRACKING"]]);
    expect(statusOf([rows[0]])).toEqual([["OK"]]);
  });

  it("uses the deadline column when given, else payment + handling days (per row or from the settings)", () => {
    const shipped = serial(2025, 6, 6);
    expect(statusOf([[PAID, shipped, VALID]], AS_OF, [[serial(2025, 6, 5)]])).toEqual([["SHIPPED_LATE"]]);
    expect(statusOf([[PAID, shipped, VALID]], AS_OF, [[""]])).toEqual([["OK"]]);
    expect(
      statusOf(
        [
          [PAID, shipped, VALID],
          [PAID, shipped, OTHER_VALID],
        ],
        AS_OF,
        undefined,
        column(3, ""),
      ),
    ).toEqual([["SHIPPED_LATE"], ["OK"]]);
    setFunctionSettings({ handlingDays: 2 });
    expect(statusOf([[PAID, shipped, VALID]])).toEqual([["SHIPPED_LATE"]]);
  });

  it("judges at now when asOf is left out or blank", () => {
    const longAgo = serial(2020, 1, 1, 10);
    expect(statusOf([[longAgo, "", ""]], null as never)).toEqual([["OVERDUE_UNSHIPPED"]]);
    expect(statusOf([[longAgo, "", ""]], [[""]])).toEqual([["OVERDUE_UNSHIPPED"]]);
  });

  it("needs one asOf for the whole range", () => {
    const rows = [
      [PAID, "", ""],
      [PAID, "", ""],
    ];
    const same = statusOf(rows, column(serial(2025, 6, 15), serial(2025, 6, 15)));
    expect(same).toEqual([["OVERDUE_UNSHIPPED"], ["OVERDUE_UNSHIPPED"]]);
    const different = statusOf(rows, column(serial(2025, 6, 15), serial(2025, 6, 2)));
    expect(different).toHaveLength(2);
    for (const [cell] of different) expectError(cell, "#VALUE!", /asOf must be one date/);
    expectError(statusOf(rows, [["tomorrow"]])[1][0], "#VALUE!", /asOf/);
  });

  it("leaves blank rows blank, even when a deadline or handling days are given for all rows", () => {
    const result = statusOf(
      [
        [PAID, serial(2025, 6, 3), VALID],
        ["", "", ""],
        [null, null, null],
      ],
      AS_OF,
      [[serial(2025, 6, 8)]],
      [[5]],
    );
    expect(result).toEqual([["OK"], [""], [""]]);
  });

  it("marks an unreadable row #VALUE! but still counts its tracking number for the other rows", () => {
    const result = statusOf([
      ["32/13/2025", serial(2025, 6, 3), VALID],
      [PAID, serial(2025, 6, 3), VALID],
    ]);
    expectError(result[0][0], "#VALUE!", /paidAt: "32\/13\/2025" is not a date/);
    expect(result[1]).toEqual(["DUPLICATE_TRACKING"]);
  });

  it("spills a long column with every row's own codes and an error only where the input is bad", () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      i % 1000 === 999 ? ["not a date", "", ""] : [PAID, serial(2025, 6, 5), i % 2 === 0 ? "" : "N/A"],
    );
    const result = statusOf(rows);
    expect(result).toHaveLength(3000);
    expect(result[0]).toEqual(["MISSING_TRACKING"]);
    expect(result[1]).toEqual(["INVALID_TRACKING"]);
    for (const row of [999, 1999, 2999]) expectError(result[row][0], "#VALUE!", /not a date/);
    expect(result[2998]).toEqual(["MISSING_TRACKING"]);
    expect(result[2997]).toEqual(["INVALID_TRACKING"]);
  });

  it("gives #N/A where the columns have different lengths", () => {
    const result = status(column(PAID, PAID, PAID), column("", "", ""), column(VALID, OTHER_VALID), undefined, AS_OF);
    expect(result.slice(0, 2)).toEqual([["OK"], ["OK"]]);
    expectError(result[2][0], "#N/A", /different sizes/);
  });

  it("answers each call from its own cells only, although calls reuse their working memory", () => {
    // The first call fills every column the second leaves blank: ship times, a deadline column, handling days,
    // tracking numbers (one on two rows) and several codes per row.
    const first = statusOf(
      [
        [PAID, serial(2025, 6, 10), VALID],
        [PAID, serial(2025, 6, 10), VALID],
        [PAID, serial(2025, 6, 10), "ABC"],
        [PAID, serial(2025, 6, 10), OTHER_VALID],
      ],
      AS_OF,
      column(serial(2025, 6, 9), serial(2025, 6, 9), serial(2025, 6, 9), serial(2025, 6, 12)),
      column(1, 1, 1, 1),
    );
    expect(first).toEqual([
      ["SHIPPED_LATE, DUPLICATE_TRACKING"],
      ["SHIPPED_LATE, DUPLICATE_TRACKING"],
      ["SHIPPED_LATE, INVALID_TRACKING"],
      ["OK"],
    ]);
    // Shorter, no deadline or handling-day column, one of the shared numbers once, blanks where the first had values.
    const second = statusOf([
      [PAID, "", ""],
      [PAID, serial(2025, 6, 5), VALID],
      [serial(2025, 6, 14), "", ""],
    ]);
    expect(second).toEqual([["OVERDUE_UNSHIPPED"], ["OK"], ["OK"]]);
    // Longer than both before it, so the kept memory grows.
    const rows = Array.from({ length: 300 }, (_, i) => [PAID, serial(2025, 6, 5), i === 299 ? VALID : ""]);
    const third = statusOf(rows);
    expect(third.slice(0, 2)).toEqual([["MISSING_TRACKING"], ["MISSING_TRACKING"]]);
    expect(third[299]).toEqual(["OK"]);
    expect(statusOf([[PAID, serial(2025, 6, 5), VALID]])).toEqual([["OK"]]);
  });

  it("reads the sheet's zone from the settings", () => {
    // Paid 10:00 in Shanghai on 1 June = 19:00 PDT on 31 May; the deadline is 19:00 PDT on 7 June = 10:00 on 8 June in Shanghai.
    setFunctionSettings({ timeZone: "Asia/Shanghai" });
    expect(statusOf([[PAID, serial(2025, 6, 8, 10, 30), VALID]])).toEqual([["SHIPPED_LATE"]]);
    expect(statusOf([[PAID, serial(2025, 6, 8, 9, 30), VALID]])).toEqual([["OK"]]);
  });
});
