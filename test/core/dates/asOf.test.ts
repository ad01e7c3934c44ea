import { readAsOf } from "../../../src/core/dates/asOf";

const instant = (text: string, zone: string): number | undefined => {
  const reading = readAsOf(text, zone);
  return reading.ok ? reading.instant : undefined;
};
const problem = (text: string): string | undefined => {
  const reading = readAsOf(text, "UTC");
  return reading.ok ? undefined : reading.problem;
};

describe("readAsOf", () => {
  it("honours an offset or Z, and reads a bare date-time as a wall clock in the sheet's zone", () => {
    expect(instant("2025-06-15T12:00:00-07:00", "Asia/Shanghai")).toBe(Date.UTC(2025, 5, 15, 19));
    expect(instant("2025-06-15T19:00:00Z", "Asia/Shanghai")).toBe(Date.UTC(2025, 5, 15, 19));
    expect(instant("2025-06-15T12:00", "America/Los_Angeles")).toBe(Date.UTC(2025, 5, 15, 19));
    expect(instant("2025-01-15 12:00", "America/Los_Angeles")).toBe(Date.UTC(2025, 0, 15, 20));
    expect(instant("2025-06-15", "Asia/Shanghai")).toBe(Date.UTC(2025, 5, 14, 16));
    expect(instant("2025-06-15T12:00:00+0530", "UTC")).toBe(Date.UTC(2025, 5, 15, 6, 30));
    expect(instant("2024-02-29T08:00", "UTC")).toBe(Date.UTC(2024, 1, 29, 8));
  });

  it("refuses a day the month does not have instead of rolling into the next month, and says which", () => {
    expect(problem("2025-02-30")).toBe('"2025-02-30": February 2025 has no day 30');
    expect(problem("2025-02-29T10:00")).toBe('"2025-02-29T10:00": February 2025 has no day 29');
    expect(problem("2025-04-31T10:00")).toContain("April 2025 has no day 31");
    expect(problem("2025-13-01")).toContain("there is no month 13");
  });

  it("refuses six-digit years (what a date-time box allows) and times off the clock", () => {
    expect(problem("202506-06-15T10:00")).toContain("the year must have four digits (got 202506)");
    expect(problem("+02025-06-15")).toContain("not an ISO-8601 date-time");
    expect(problem("0099-06-15")).toContain("Excel's dates start in 1900");
    expect(problem("2025-06-15T24:00")).toContain("there is no hour 24");
    expect(problem("2025-06-15T12:60")).toContain("there is no minute 60");
    expect(problem("2025-06-15T12:00+15:00")).toContain("no time zone is +15:00 from UTC");
    expect(problem("15/06/2025")).toContain("not an ISO-8601 date-time");
  });
});
