import { column, errorCell, expectError } from "./support/customFunctionsStub";
import {
  consequence,
  daysLate,
  deadline,
  penalty,
  rule,
  status,
  trackingCarrier,
  trackingValid,
} from "../../src/functions/functions";
import { resetFunctionSettings } from "../../src/functions/settings";

/**
 * With allowErrorForDataTypeAny in the metadata (see metadata.test.ts), Excel calls a function even when a cell of
 * a range argument holds an error, and hands that cell over as a CustomFunctions.Error (errorCell). Each such cell
 * must give its own row an error naming the argument and the code, and leave every other row its answer.
 */
const serial = (y: number, mo: number, d: number, h = 0): number =>
  (Date.UTC(y, mo - 1, d, h) - Date.UTC(1899, 11, 30)) / 86_400_000;
const PAID = serial(2025, 6, 1, 10);
const AS_OF = [[serial(2025, 6, 15, 12)]];
const VALID = "EA152563251CN";

beforeEach(() => resetFunctionSettings());

describe("an error cell in a range argument", () => {
  it("gives its AE.STATUS row its own error and every other row its answer", () => {
    const result = status(
      column(PAID, errorCell("notAvailable"), PAID, PAID),
      column(serial(2025, 6, 5), serial(2025, 6, 5), "", serial(2025, 6, 5)),
      column(VALID, "EA152563252CN", "", errorCell("invalidReference")),
      null as never,
      AS_OF,
    );
    expect(result[0]).toEqual(["OK"]);
    expectError(result[1][0], "#VALUE!", /paidAt is an error \(#N\/A\)/);
    expect(result[2]).toEqual(["OVERDUE_UNSHIPPED"]);
    expectError(result[3][0], "#VALUE!", /trackingNumber is an error \(#REF!\)/);
  });

  it("in ship times, deadlines or handling days marks only that row of AE.STATUS", () => {
    const result = status(
      column(PAID, PAID, PAID),
      column(errorCell("divisionByZero"), "", ""),
      column(VALID, "", ""),
      column("", errorCell("invalidNumber"), ""),
      AS_OF,
      column(7, 7, errorCell("invalidName")),
    );
    expectError(result[0][0], "#VALUE!", /shippedAt is an error \(#DIV\/0!\)/);
    expectError(result[1][0], "#VALUE!", /deadline is an error \(#NUM!\)/);
    expectError(result[2][0], "#VALUE!", /handlingDays is an error \(#NAME\?\)/);
  });

  it("marks only its own row in the other functions", () => {
    const na = errorCell("notAvailable");
    const penalties = penalty(column("SHIPPED_LATE", na, "SHIPPED_LATE"), column(1, 1, na));
    expect(penalties[0][0]).toBeGreaterThan(0);
    expectError(penalties[1][0], "#VALUE!", /violation is an error \(#N\/A\)/);
    expectError(penalties[2][0], "#VALUE!", /cases is an error \(#N\/A\)/);

    const deadlines = deadline(column(PAID, na), column(na, 7));
    expectError(deadlines[0][0], "#VALUE!", /handlingDays is an error/);
    expectError(deadlines[1][0], "#VALUE!", /paidAt is an error/);

    const late = daysLate(column(serial(2025, 6, 8, 10), na), column(serial(2025, 6, 10, 10), serial(2025, 6, 10)));
    expect(late[0][0]).toBeCloseTo(2, 9);
    expectError(late[1][0], "#VALUE!", /deadline is an error/);

    for (const results of [rule(column("SHIPPED_LATE", na)), consequence(column(3, na))]) {
      expect(typeof results[0][0]).toBe("string");
      expectError(results[1][0], "#VALUE!", /is an error \(#N\/A\)/);
    }
    for (const results of [trackingValid(column(VALID, na)), trackingCarrier(column(VALID, na))]) {
      expect(results[0][0]).toBeTruthy();
      expectError(results[1][0], "#VALUE!", /number is an error \(#N\/A\)/);
    }
  });
});
