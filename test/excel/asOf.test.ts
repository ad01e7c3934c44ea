import { parseAsOf } from "../../src/excel/scanEngine";

describe("the Excel scan's as-of moment", () => {
  const NOW = Date.UTC(2025, 5, 1);

  it("is now when the settings have none, else the core's reading of the ISO text", () => {
    expect(parseAsOf(undefined, "UTC", NOW)).toBe(NOW);
    expect(parseAsOf("2025-06-15T12:00:00-07:00", "Asia/Shanghai", NOW)).toBe(Date.UTC(2025, 5, 15, 19));
    expect(parseAsOf("2025-06-15T12:00", "America/Los_Angeles", NOW)).toBe(Date.UTC(2025, 5, 15, 19));
  });

  it("refuses 2025-02-30 with the reason instead of judging the orders as of 2 March", () => {
    expect(() => parseAsOf("2025-02-30T12:00", "UTC", NOW)).toThrow("February 2025 has no day 30");
    expect(() => parseAsOf("2025-02-30T12:00:00+08:00", "UTC", NOW)).toThrow("February 2025 has no day 30");
    expect(() => parseAsOf("202506-06-15T12:00", "UTC", NOW)).toThrow("four digits");
  });
});
