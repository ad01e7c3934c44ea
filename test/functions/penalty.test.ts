import { column, expectError } from "./support/customFunctionsStub";
import { penalty } from "../../src/functions/functions";
import { resetFunctionSettings, setFunctionSettings } from "../../src/functions/settings";
import { ALIEXPRESS_RULEBOOK } from "../../src/core/rulebook";
// These tests set overrides synchronously; in Excel, prepareFunctionSettings fetches the readers first.
import "../../src/functions/overrideReaders";

const families = ALIEXPRESS_RULEBOOK.families;
const nonFulfillment = families.nonFulfillment.pointsPerCase.value;
const falseShipment = families.falseShipment.pointsPerCase.value;

beforeEach(() => resetFunctionSettings());

describe("AE.PENALTY", () => {
  it("gives the family's points per case for codes, English names, Chinese names and rule ids", () => {
    expect(penalty([["SHIPPED_LATE"]])).toEqual([[nonFulfillment]]);
    expect(penalty([["shipped late"]], [[2]])).toEqual([[2 * nonFulfillment]]);
    expect(penalty([["成交不卖"]], [[1]])).toEqual([[nonFulfillment]]);
    expect(penalty([["虚假发货"]], [[2]])).toEqual([[2 * falseShipment]]);
    expect(penalty([["R3"]], [[1]])).toEqual([[falseShipment]]);
  });

  it("adds the serious-false-shipment tier once the case count reaches it", () => {
    const tier = families.falseShipment.escalation!;
    const below = tier.minCases.value - 1;
    expect(penalty([["INVALID_TRACKING"]], [[below]])).toEqual([[below * falseShipment]]);
    expect(penalty([["INVALID_TRACKING"]], [[tier.minCases.value]])).toEqual([
      [tier.minCases.value * falseShipment + tier.points.value],
    ]);
  });

  it("uses the severity's points per case, in English or Chinese", () => {
    const serious = families.nonFulfillment.severityPoints.serious!.value;
    expect(penalty([["成交不卖"]], [[2]], [["严重"]])).toEqual([[2 * serious]]);
    expect(penalty([["non-fulfillment"]], null as never, [["Serious"]])).toEqual([[serious]]);
  });

  it("reads numbers typed as text, counts one case when cases is left out and none when its cell is blank", () => {
    expect(penalty([["SHIPPED_LATE"]], [["3"]])).toEqual([[3 * nonFulfillment]]);
    expect(penalty([["SHIPPED_LATE"]])).toEqual([[nonFulfillment]]);
    expect(penalty([["SHIPPED_LATE"]], [[""]])).toEqual([[0]]);
    expect(penalty([["SHIPPED_LATE"]], [[0]])).toEqual([[0]]);
  });

  it("spills one result per row, broadcasting a single cases value, with errors in their own cells", () => {
    const result = penalty(column("SHIPPED_LATE", "not a rule", "", "DUPLICATE_TRACKING"), [[2]]);
    expect(result).toHaveLength(4);
    expect(result[0]).toEqual([2 * nonFulfillment]);
    expectError(result[1][0], "#VALUE!", /Unknown violation "not a rule"/);
    expect(result[2]).toEqual([""]);
    expect(result[3]).toEqual([2 * falseShipment]);
  });

  it("pairs a column of names with a column of counts", () => {
    expect(penalty(column("SHIPPED_LATE", "虚假发货"), column(1, 2))).toEqual([[nonFulfillment], [2 * falseShipment]]);
  });

  it("lists the accepted names when a name is unknown", () => {
    const [[error]] = penalty([["WRONG_ADDRESS"]]);
    expectError(error, "#VALUE!");
    const message = (error as { message: string }).message;
    for (const accepted of ["OVERDUE_UNSHIPPED", "SHIPPED_LATE", "INVALID_TRACKING", "成交不卖", "虚假发货"]) {
      expect(message).toContain(accepted);
    }
  });

  it("rejects impossible case counts and severities with #VALUE!", () => {
    expectError(penalty([["SHIPPED_LATE"]], [[-1]])[0][0], "#VALUE!", /whole number/);
    expectError(penalty([["SHIPPED_LATE"]], [[1.5]])[0][0], "#VALUE!", /whole number/);
    expectError(penalty([["SHIPPED_LATE"]], [["many"]])[0][0], "#VALUE!", /not a number/);
    expectError(penalty([["SHIPPED_LATE"]], [[1]], [["catastrophic"]])[0][0], "#VALUE!", /Unknown severity/);
    // The online-rate family has no severity levels in the rulebook.
    expectError(penalty([["NOT_ONLINE"]], [[1]], [["serious"]])[0][0], "#VALUE!", /no "serious" severity/);
    expectError(penalty([[{ error: "#N/A" }]])[0][0], "#VALUE!", /#N\/A/);
  });

  it("follows the user's rulebook override", () => {
    setFunctionSettings({ rulebookOverride: JSON.stringify({ families: { nonFulfillment: { pointsPerCase: 5 } } }) });
    expect(penalty([["成交不卖"]], [[2]])).toEqual([[10]]);
  });

  it("answers in Chinese when the workbook's language is Chinese", () => {
    setFunctionSettings({ lang: "zh-CN" });
    expectError(penalty([["不存在"]])[0][0], "#VALUE!", /未知违规“不存在”/);
  });
});
