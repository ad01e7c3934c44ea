import { parseArgs } from "../../src/cli/args";
import { parseAsOf } from "../../src/cli/asOf";
import { CliError } from "../../src/cli/errors";

describe("parseArgs", () => {
  it("reads every scan option, --map repeated and --opt=value forms", () => {
    const command = parseArgs([
      "scan",
      "orders.xlsx",
      "--sheet",
      "Orders",
      "--as-of=2025-06-15",
      "--tz",
      "Asia/Shanghai",
      "--handling-days",
      "5",
      "--map",
      "paidAt=付款时间",
      "--map",
      'SHIPDEADLINE="Latest Ship Time"',
      "--rules",
      "r.json",
      "--out",
      "o.xlsx",
      "--lang",
      "zh-CN",
      "-q",
    ]);
    expect(command).toEqual({
      command: "scan",
      file: "orders.xlsx",
      sheet: "Orders",
      asOf: "2025-06-15",
      timeZone: "Asia/Shanghai",
      handlingDays: 5,
      mapping: { paidAt: "付款时间", shipDeadline: "Latest Ship Time" },
      rulesFile: "r.json",
      out: "o.xlsx",
      json: undefined,
      lang: "zh-CN",
      quiet: true,
    });
  });

  it("takes a path after --json only when it is plainly one", () => {
    expect(parseArgs(["scan", "a.xlsx", "--json"])).toMatchObject({ file: "a.xlsx", json: "-" });
    expect(parseArgs(["scan", "--json", "a.xlsx"])).toMatchObject({ file: "a.xlsx", json: "-" });
    expect(parseArgs(["scan", "a.xlsx", "--json", "report.json"])).toMatchObject({ json: "report.json" });
    expect(parseArgs(["scan", "--json", "report.json", "a.xlsx"])).toMatchObject({
      file: "a.xlsx",
      json: "report.json",
    });
    expect(parseArgs(["scan", "a.csv", "--json=out.txt"])).toMatchObject({ json: "out.txt" });
    expect(parseArgs(["scan", "a.csv", "--json", "--lang", "en"])).toMatchObject({ json: "-", lang: "en" });
  });

  it("refuses what it cannot use", () => {
    for (const argv of [
      ["scan", "a.xlsx", "--handling-days", "zero"],
      ["scan", "a.xlsx", "--handling-days", "0"],
      ["scan", "a.xlsx", "--lang", "fr"],
      ["scan", "a.xlsx", "--sheet"],
      ["scan", "a.xlsx", "--tz", "UTC", "--tz", "UTC"],
      ["scan", "a.xlsx", "b.xlsx"],
      ["demo", "a.xlsx"],
    ]) {
      expect(() => parseArgs(argv)).toThrow(CliError);
    }
  });

  it("help, version and demo", () => {
    expect(parseArgs([])).toEqual({ command: "help" });
    expect(parseArgs(["scan", "a.xlsx", "--help"])).toEqual({ command: "help" });
    expect(parseArgs(["--version"])).toEqual({ command: "version" });
    expect(parseArgs(["demo", "--quiet"])).toMatchObject({ command: "demo", quiet: true });
  });
});

describe("parseAsOf (the core's readAsOf, whose cases are in test/core/dates/asOf.test.ts)", () => {
  it("gives the instant: an offset wins, a bare date-time is read in --tz", () => {
    expect(parseAsOf("2025-06-15T12:00:00-07:00", "Asia/Shanghai")).toBe(Date.UTC(2025, 5, 15, 19));
    expect(parseAsOf("2025-06-15T12:00", "America/Los_Angeles")).toBe(Date.UTC(2025, 5, 15, 19));
  });

  it("refuses what the core refuses as the user's mistake, not an internal error", () => {
    for (const text of ["2025-02-29", "now", "202506-06-15"]) expect(() => parseAsOf(text, "UTC")).toThrow(CliError);
  });

  it("names the impossible part in its one line", () => {
    expect(() => parseAsOf("2025-02-30T09:00", "UTC")).toThrow(
      '--as-of "2025-02-30T09:00": February 2025 has no day 30',
    );
  });
});
