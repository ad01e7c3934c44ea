import { VIOLATION_CODES } from "../../src/core/model";
import { buildSummaryModel } from "../../src/core/report/summary";
import { stringsFor } from "../../src/taskpane/i18n";
import { sampleOutcome } from "./fixtures";

describe("violation labels", () => {
  it.each(["en", "zh-CN"] as const)("the pane names every code as the summary sheet does (%s)", (lang) => {
    const { result } = sampleOutcome(lang);
    // A scan that found every code once.
    result.totals.byCode = Object.fromEntries(VIOLATION_CODES.map((code) => [code, 1]));
    const summary = buildSummaryModel(result, lang);
    expect(summary.byCode.map((row) => row.code)).toEqual([...VIOLATION_CODES]);
    const pane = stringsFor(lang).codeLabels;
    for (const row of summary.byCode) expect(row.label).toBe(`${pane[row.code]} (${row.code})`);
  });

  it("uses the rulebook's words a seller sees in both places", () => {
    expect(stringsFor("en").codeLabels.MISSING_TRACKING).toBe("Missing tracking number");
    expect(stringsFor("zh-CN").codeLabels.OVERDUE_UNSHIPPED).toBe("超期未发货");
  });
});
