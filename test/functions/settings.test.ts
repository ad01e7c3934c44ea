import { column, expectError, StubCustomFunctionsError } from "./support/customFunctionsStub";
import { deadline, penalty, status, trackingValid } from "../../src/functions/functions";
import {
  functionSettings,
  resetFunctionSettings,
  setFunctionSettings,
  type FunctionSettings,
} from "../../src/functions/settings";
import { ALIEXPRESS_RULEBOOK, RulebookOverrideError } from "../../src/core/rulebook";
import { FunctionError, functionError } from "../../src/functions/logic/errors";
// These tests set overrides synchronously; in Excel, prepareFunctionSettings fetches the readers first.
import "../../src/functions/overrideReaders";

const serial = (y: number, mo: number, d: number, h = 0): number =>
  (Date.UTC(y, mo - 1, d, h) - Date.UTC(1899, 11, 30)) / 86_400_000;

beforeEach(() => resetFunctionSettings());

describe("function settings", () => {
  it("default to the rulebook's zone, handling days and warning window", () => {
    expect(functionSettings()).toMatchObject({
      timeZone: ALIEXPRESS_RULEBOOK.platformTimeZone.value,
      handlingDays: ALIEXPRESS_RULEBOOK.handlingDays.value,
      dueSoonHours: ALIEXPRESS_RULEBOOK.dueSoonHours.value,
      date1904: false,
      lang: "en",
    });
  });

  it("change only the keys given; a key given as undefined goes back to its default", () => {
    setFunctionSettings({ timeZone: "Asia/Shanghai", handlingDays: 3 });
    setFunctionSettings({ handlingDays: 5 });
    expect(functionSettings()).toMatchObject({ timeZone: "Asia/Shanghai", handlingDays: 5 });
    setFunctionSettings({ timeZone: undefined });
    expect(functionSettings().timeZone).toBe(ALIEXPRESS_RULEBOOK.platformTimeZone.value);
  });

  it("reject invalid values and keep the settings in force", () => {
    setFunctionSettings({ handlingDays: 4 });
    const bad: FunctionSettings[] = [{ timeZone: "Mars/Olympus" }, { handlingDays: 0 }, { dueSoonHours: -1 }];
    for (const settings of bad) expect(() => setFunctionSettings(settings)).toThrow(RangeError);
    expect(() => setFunctionSettings({ rulebookOverride: "{ not json" })).toThrow(RulebookOverrideError);
    expect(() => setFunctionSettings({ rulebookOverride: JSON.stringify({ handlingDays: -3 }) })).toThrow(
      RulebookOverrideError,
    );
    expect(functionSettings().handlingDays).toBe(4);
  });

  it("take their defaults from the rulebook override", () => {
    setFunctionSettings({ rulebookOverride: JSON.stringify({ handlingDays: 3, platformTimeZone: "Asia/Shanghai" }) });
    expect(functionSettings()).toMatchObject({ handlingDays: 3, timeZone: "Asia/Shanghai" });
  });

  it("are shared by every copy of the module (the task pane's bundle and the functions' bundle)", () => {
    jest.isolateModules(() => {
      const paneCopy = require("../../src/functions/settings") as typeof import("../../src/functions/settings");
      paneCopy.setFunctionSettings({ handlingDays: 2 });
    });
    expect((deadline([[serial(2025, 6, 1, 10)]]) as number[][])[0][0]).toBeCloseTo(serial(2025, 6, 3, 10), 9);
  });
});

describe("errors", () => {
  it("are the runtime's CustomFunctions.Error when Excel provides it, a look-alike otherwise", () => {
    expect(functionError("invalidValue", "bad")).toBeInstanceOf(StubCustomFunctionsError);
    const runtime = (globalThis as Record<string, unknown>).CustomFunctions;
    delete (globalThis as Record<string, unknown>).CustomFunctions;
    try {
      const error = functionError("notAvailable", "none");
      expect(error).toBeInstanceOf(FunctionError);
      expect(error).toMatchObject({ code: "#N/A", message: "none" });
      expect(penalty([["bogus"]])[0][0]).toMatchObject({ code: "#VALUE!" });
    } finally {
      (globalThis as Record<string, unknown>).CustomFunctions = runtime;
    }
  });

  it("replace an exception anywhere in a call, so a formula never fails without a message", () => {
    const exploding = new Proxy([["SHIPPED_LATE"]], {
      get(target, key, receiver) {
        if (key === "length") throw new Error("the range could not be read");
        return Reflect.get(target, key, receiver);
      },
    });
    const result = penalty(exploding);
    expect(result).toHaveLength(1);
    expectError(result[0][0], "#VALUE!", /the range could not be read/);
  });
});

describe("ranges", () => {
  it("spill a 2-D range cell by cell", () => {
    expect(
      trackingValid([
        ["EA152563251CN", "ABC"],
        ["", "EA152563252CN"],
      ]),
    ).toEqual([
      [true, false],
      ["", false],
    ]);
  });

  it("broadcast a row against a column, as Excel lifts its own functions", () => {
    const perCase = ALIEXPRESS_RULEBOOK.families.nonFulfillment.pointsPerCase.value;
    expect(penalty(column("SHIPPED_LATE", "成交不卖"), [[1, 2, 3]])).toEqual([
      [perCase, 2 * perCase, 3 * perCase],
      [perCase, 2 * perCase, 3 * perCase],
    ]);
  });

  it("read a whole STATUS table in one call when the columns are one 2-D block each", () => {
    const paid = serial(2025, 6, 1, 10);
    const result = status([[paid, paid]], [[serial(2025, 6, 3), ""]], [["EA152563251CN", ""]], undefined, [
      [serial(2025, 6, 15)],
    ]);
    expect(result).toEqual([["OK", "OVERDUE_UNSHIPPED"]]);
  });
});
