import { column, expectError } from "./support/customFunctionsStub";
import { consequence, deadline, penalty, rule, status } from "../../src/functions/functions";
import { resetFunctionSettings } from "../../src/functions/settings";
import { ALIEXPRESS_RULEBOOK } from "../../src/core/rulebook";

/**
 * How Excel hands an empty cell inside a range to a custom function: desktop Excel passes 0, Excel on the web passes
 * null (office-js issues 4702, 5262 and 1951). A parameter left out of the formula altogether arrives as null in
 * place of the whole matrix. Every test here runs with both shapes and expects the same answer from both.
 */
const EMPTY_CELL = { desktop: 0, web: null } as const;
const SHAPES = Object.entries(EMPTY_CELL) as Array<[keyof typeof EMPTY_CELL, 0 | null]>;

const nonFulfillment = ALIEXPRESS_RULEBOOK.families.nonFulfillment.pointsPerCase.value;
const serial = (y: number, mo: number, d: number, h = 0): number =>
  (Date.UTC(y, mo - 1, d, h) - Date.UTC(1899, 11, 30)) / 86_400_000;

beforeEach(() => resetFunctionSettings());

describe.each(SHAPES)("an empty cell as Excel passes it on %s", (_host, empty) => {
  it("AE.PENALTY over a violation column with blank rows leaves those rows blank", () => {
    const result = penalty(column("SHIPPED_LATE", empty, "not a rule", empty), [[2]]);
    expect(result[0]).toEqual([2 * nonFulfillment]);
    expect(result[1]).toEqual([""]);
    expectError(result[2][0], "#VALUE!", /Unknown violation "not a rule"/);
    expect(result[3]).toEqual([""]);
  });

  it("AE.RULE over a column with blank rows leaves those rows blank", () => {
    const result = rule(column("SHIPPED_LATE", empty));
    expect(result[0][0]).toContain("SHIPPED_LATE");
    expect(result[1]).toEqual([""]);
  });

  it("a blank cases cell counts no case (Excel reads a blank reference as 0); cases left out counts one", () => {
    expect(penalty(column("SHIPPED_LATE", "SHIPPED_LATE"), column(3, empty))).toEqual([[3 * nonFulfillment], [0]]);
    expect(penalty(column("SHIPPED_LATE"), null as never)).toEqual([[nonFulfillment]]);
  });

  it("a blank severity cell is no severity: the family's points per case", () => {
    expect(penalty([["SHIPPED_LATE"]], [[1]], [[empty]])).toEqual([[nonFulfillment]]);
  });

  it("a blank points cell is 0 points in AE.CONSEQUENCE", () => {
    expect(consequence(column(empty))).toEqual(consequence([[0]]));
    expect(consequence([[0]])[0][0]).toContain("0 points");
  });

  it("a blank handling-days cell uses the default handling days, like handling days left out", () => {
    const paid = serial(2025, 6, 1, 10);
    const left = deadline([[paid]]) as number[][];
    expect(deadline([[paid]], [[empty]])).toEqual(left);
    expect(left[0][0]).toBeCloseTo(serial(2025, 6, 8, 10), 9);
    const asOf = [[serial(2025, 6, 20)]];
    const statusWithBlankDays = status([[paid]], [[empty]], [["EA152563251CN"]], null as never, asOf, [[empty]]);
    expect(statusWithBlankDays).toEqual(status([[paid]], [[empty]], [["EA152563251CN"]], null as never, asOf));
  });
});
