import { ALIEXPRESS_RULEBOOK, RulebookOverrideError, classifyStatus, loadRulebook } from "../../../src/core/rulebook";
import { VIOLATION_CODES } from "../../../src/core/model";
import { consequenceFor, penaltyPoints } from "../../../src/core/assess";

describe("default rulebook", () => {
  it("defines every report code with a family, category, both names and sources", () => {
    for (const code of VIOLATION_CODES) {
      const violation = ALIEXPRESS_RULEBOOK.violations[code];
      expect(violation.code).toBe(code);
      expect(ALIEXPRESS_RULEBOOK.families[violation.family]).toBeDefined();
      expect(violation.names.zh).not.toBe("");
      for (const source of violation.sources) expect(ALIEXPRESS_RULEBOOK.sources[source]).toBeDefined();
    }
  });

  it("cites a known source for every number", () => {
    const sourced = [
      ALIEXPRESS_RULEBOOK.handlingDays,
      ALIEXPRESS_RULEBOOK.platformTimeZone,
      ...Object.values(ALIEXPRESS_RULEBOOK.families).map((family) => family.pointsPerCase),
      ...Object.values(ALIEXPRESS_RULEBOOK.tracks).map((track) => track.ladder),
    ];
    for (const value of sourced) for (const id of value.sources) expect(ALIEXPRESS_RULEBOOK.sources[id]).toBeDefined();
  });

  it("reads status words in Chinese, English and API enums, ignoring case and spacing", () => {
    expect(classifyStatus("等待您发货", ALIEXPRESS_RULEBOOK)).toBe("awaitingShipment");
    expect(classifyStatus(" awaiting  SHIPMENT ", ALIEXPRESS_RULEBOOK)).toBe("awaitingShipment");
    expect(classifyStatus("WAIT_SELLER_SEND_GOODS", ALIEXPRESS_RULEBOOK)).toBe("awaitingShipment");
    expect(classifyStatus("订单关闭", ALIEXPRESS_RULEBOOK)).toBe("cancelled");
    expect(classifyStatus("FINISH", ALIEXPRESS_RULEBOOK)).toBe("ended");
    expect(classifyStatus("something else", ALIEXPRESS_RULEBOOK)).toBe("unknown");
  });
});

describe("rulebook override", () => {
  it("changes only what it names and never mutates the default", () => {
    const custom = loadRulebook(JSON.stringify({ handlingDays: 5, statuses: { awaitingShipment: { add: ["待出库"] } } }));
    expect(custom.handlingDays.value).toBe(5);
    expect(custom.handlingDays.overridden).toBe(true);
    expect(classifyStatus("待出库", custom)).toBe("awaitingShipment");
    expect(classifyStatus("待出库", ALIEXPRESS_RULEBOOK)).toBe("unknown");
    expect(ALIEXPRESS_RULEBOOK.handlingDays.value).toBe(7);
  });

  it.each([
    [{ handlingDays: "seven" }, /handlingDays .*\(got "seven"\)/],
    [{ famlies: {} }, /unknown key "famlies"/],
    [{ families: { falseShipment: { pointsPerCase: -1 } } }, /families\.falseShipment\.pointsPerCase .*\(got -1\)/],
    [{ families: { lateness: { pointsPerCase: 1 } } }, /families\.lateness is not a known family \(known: nonFulfillment, falseShipment/],
    [{ platformTimeZone: "Mars/Olympus" }, /platformTimeZone is not a known IANA time zone \(got "Mars\/Olympus"\)/],
  ])("rejects %j with a message naming the key and value", (override, message) => {
    expect(() => loadRulebook(JSON.stringify(override))).toThrow(RulebookOverrideError);
    expect(() => loadRulebook(JSON.stringify(override))).toThrow(message);
  });

  it("rejects text that is not JSON", () => {
    expect(() => loadRulebook("{handlingDays: 5")).toThrow(/not valid JSON/);
  });

  it("lets a seller replace the consequence ladder", () => {
    const custom = loadRulebook(JSON.stringify({ tracks: { transaction: { ladder: [{ minPoints: 0, level: "ok", consequence: "fine" }, { minPoints: 6, level: "warn", consequence: "warning letter" }] } } }));
    expect(consequenceFor(7, custom).description.en).toBe("7 points: warning letter (from your rulebook override)");
  });
});

describe("penalty points", () => {
  const rulebook = ALIEXPRESS_RULEBOOK;
  it("accepts codes, English and Chinese names", () => {
    expect(penaltyPoints("SHIPPED_LATE", 1, rulebook)).toBe(2);
    expect(penaltyPoints("成交不卖", 2, rulebook)).toBe(4);
    expect(penaltyPoints("false shipment", 2, rulebook)).toBe(4);
    expect(penaltyPoints("DUE_SOON", 5, rulebook)).toBe(0);
  });
  it("uses severity points per case when a severity is given", () => {
    expect(penaltyPoints("成交不卖", 1, rulebook, "serious")).toBe(12);
    expect(penaltyPoints("non-fulfillment", 2, rulebook, "verySerious")).toBe(96);
  });
  it("lists the accepted names for an unknown violation", () => {
    expect(() => penaltyPoints("speeding", 1, rulebook)).toThrow(/Unknown violation "speeding". Use one of: OVERDUE_UNSHIPPED, .*成交不卖/);
  });
});
