import { column, expectError } from "./support/customFunctionsStub";
import { consequence, rule } from "../../src/functions/functions";
import { resetFunctionSettings, setFunctionSettings } from "../../src/functions/settings";
import { ALIEXPRESS_RULEBOOK } from "../../src/core/rulebook";
// These tests set overrides synchronously; in Excel, prepareFunctionSettings fetches the readers first.
import "../../src/functions/overrideReaders";

const ladder = ALIEXPRESS_RULEBOOK.tracks.transaction.ladder.value;
const firstPenalty = ladder.find((step) => step.minPoints > 0)!;

beforeEach(() => resetFunctionSettings());

describe("AE.CONSEQUENCE", () => {
  it("says what the points lead to and what comes next, with the ladder's low confidence", () => {
    const [[below]] = consequence([[firstPenalty.minPoints - 1]]) as string[][];
    expect(below).toContain(`${firstPenalty.minPoints - 1} points`);
    expect(below).toContain(ladder[0].consequence.en);
    expect(below).toContain(`${firstPenalty.consequence.en} at ${firstPenalty.minPoints}`);
    expect(below).toContain("low confidence");
    const [[reached]] = consequence([[firstPenalty.minPoints]]) as string[][];
    expect(reached).toContain(`${firstPenalty.minPoints} points: ${firstPenalty.consequence.en}`);
  });

  it("follows an override ladder and labels it as the user's", () => {
    setFunctionSettings({
      rulebookOverride: JSON.stringify({
        tracks: {
          transaction: {
            ladder: [
              { minPoints: 0, level: "none", consequence: "nothing" },
              { minPoints: 5, level: "warn", consequence: "a warning" },
            ],
          },
        },
      }),
    });
    const [[text]] = consequence([[6]]) as string[][];
    expect(text).toContain("6 points: a warning");
    expect(text).toContain("from your rulebook override");
  });

  it("answers in Chinese, spills per row and rejects negative or non-numeric points", () => {
    setFunctionSettings({ lang: "zh-CN" });
    const result = consequence(column(firstPenalty.minPoints, "", -1, "many"));
    expect(result[0][0]).toContain(firstPenalty.consequence.zh);
    // A blank cell is 0 points, as Excel's own functions read a blank reference.
    expect(result[1][0]).toBe(consequence([[0]])[0][0]);
    expectError(result[2][0], "#VALUE!", /points/);
    expectError(result[3][0], "#VALUE!", /不是数字/);
  });
});

describe("AE.RULE", () => {
  it("gives a code's description and its sources with titles and links", () => {
    const [[text]] = rule([["SHIPPED_LATE"]]) as string[][];
    const definition = ALIEXPRESS_RULEBOOK.violations.SHIPPED_LATE;
    expect(text).toContain(definition.description.en);
    for (const id of definition.sources) {
      const source = ALIEXPRESS_RULEBOOK.sources[id];
      expect(text).toContain(source.title);
      if (source.url) expect(text).toContain(source.url);
    }
  });

  it("accepts the names AE.PENALTY accepts, and families", () => {
    const [[byChineseName]] = rule([["延迟发货"]]) as string[][];
    expect(byChineseName).toContain("SHIPPED_LATE");
    const [[family]] = rule([["虚假发货"]]) as string[][];
    expect(family).toContain("False shipment (R3)");
    for (const code of ["MISSING_TRACKING", "INVALID_TRACKING", "DUPLICATE_TRACKING"]) expect(family).toContain(code);
    expect(family).toContain(`${ALIEXPRESS_RULEBOOK.families.falseShipment.pointsPerCase.value} points per case`);
  });

  it("answers in Chinese when the workbook's language is Chinese", () => {
    setFunctionSettings({ lang: "zh-CN" });
    const [[text]] = rule([["INVALID_TRACKING"]]) as string[][];
    expect(text).toContain(ALIEXPRESS_RULEBOOK.violations.INVALID_TRACKING.description.zh);
    expect(text).toContain("来源");
  });

  it("gives #VALUE! listing the accepted names for an unknown one, per row", () => {
    const result = rule(column("DUE_SOON", "bogus", ""));
    expect(result[0][0]).toContain("DUE_SOON");
    expectError(result[1][0], "#VALUE!", /Use one of: .*成交不卖/);
    expect(result[2][0]).toBe("");
  });
});
