import { column, expectError } from "./support/customFunctionsStub";
import { trackingCarrier, trackingValid } from "../../src/functions/functions";
import { resetFunctionSettings, setFunctionSettings } from "../../src/functions/settings";

beforeEach(() => resetFunctionSettings());

describe("AE.TRACKINGCARRIER", () => {
  it("names the carrier and the format", () => {
    expect(trackingCarrier([["EA152563251CN"]])).toEqual([["China Post — UPU S10"]]);
    expect(trackingCarrier([["YT2229521272164446"]])).toEqual([["YunExpress — YunExpress YT"]]);
    expect(trackingCarrier([["1Z5R89390357567127"]])).toEqual([["UPS — UPS 1Z"]]);
  });

  it("still names the format when the check digit is wrong (AE.TRACKINGVALID tells it is invalid)", () => {
    expect(trackingCarrier([["EA152563252CN"]])).toEqual([["China Post — UPU S10"]]);
  });

  it("lists each number of a cell holding several", () => {
    expect(trackingCarrier([["EA152563251CN, YT2229521272164446"]])).toEqual([
      ["China Post — UPU S10; YunExpress — YunExpress YT"],
    ]);
  });

  it("gives #N/A with the reason for unknown formats and placeholders", () => {
    expectError(trackingCarrier([["ABC"]])[0][0], "#N/A", /matches no known carrier format/);
    expectError(trackingCarrier([["N/A"]])[0][0], "#N/A", /placeholder/);
    expectError(trackingCarrier([["000000000"]])[0][0], "#N/A", /placeholder/);
  });

  it("spills per row, blank rows blank", () => {
    const result = trackingCarrier(column("EA152563251CN", "", "ABC"));
    expect(result[0]).toEqual(["China Post — UPU S10"]);
    expect(result[1]).toEqual([""]);
    expectError(result[2][0], "#N/A");
  });

  it("uses the Chinese carrier name when the workbook's language is Chinese", () => {
    setFunctionSettings({ lang: "zh-CN" });
    expect(trackingCarrier([["EA152563251CN"]])).toEqual([["中国邮政 — UPU S10"]]);
  });
});

describe("AE.TRACKINGVALID", () => {
  it("is TRUE for a known format with a passing check digit", () => {
    expect(trackingValid(column("EA152563251CN", " ea 1525 6325 1cn ", "3318810025"))).toEqual([
      [true],
      [true],
      [true],
    ]);
  });

  it("is FALSE for a failed check digit, an unknown format or a placeholder", () => {
    expect(trackingValid(column("EA152563252CN", "ABC", "N/A", "LP00123456789012", "1234567890"))).toEqual([
      [false],
      [false],
      [false],
      [false],
      [false],
    ]);
  });

  it("is FALSE when any number in a multi-number cell is invalid", () => {
    expect(trackingValid([["EA152563251CN, EA152563252CN"]])).toEqual([[false]]);
    expect(trackingValid([["EA152563251CN; YT2229521272164446"]])).toEqual([[true]]);
  });

  it("reads numbers Excel passes as numbers, leaves blanks blank and marks error cells", () => {
    expect(trackingValid([[3318810025]])).toEqual([[true]]);
    expect(trackingValid(column("", null, 0))).toEqual([[""], [""], [""]]);
    expectError(trackingValid([["#N/A"]])[0][0], "#VALUE!", /error/);
  });
});
