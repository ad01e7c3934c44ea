import { ALIEXPRESS_RULEBOOK, loadRulebook, RulebookOverrideError } from "../../../src/core/rulebook";

/** The error a user sees for an override, as one line. */
function refusal(json: string): string {
  try {
    loadRulebook(json);
  } catch (error) {
    expect(error).toBeInstanceOf(RulebookOverrideError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error(`accepted: ${json.slice(0, 80)}`);
}

describe("a rulebook override names only the rulebook's own families and tracks", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("refuses families.%s", (name) => {
    expect(refusal(`{"families":{"${name}":{}}}`)).toMatch(
      new RegExp(`families\\.${name} (is not a known family \\(known: |is not a rulebook name)`),
    );
  });

  it.each(["toString", "constructor", "valueOf"])("refuses tracks.%s and leaves built-in objects alone", (name) => {
    const before = Object.getOwnPropertyNames(Object.prototype).length;
    expect(refusal(`{"tracks":{"${name}":{"validityDays":3}}}`)).toMatch(
      new RegExp(`tracks\\.${name} is not a known track`),
    );
    expect(Object.getOwnPropertyNames(Object.prototype)).toHaveLength(before);
    expect(typeof Object.prototype.toString).toBe("function");
    expect(({} as { validityDays?: unknown }).validityDays).toBeUndefined();
  });

  it("still applies a known family", () => {
    const id = Object.keys(ALIEXPRESS_RULEBOOK.families)[0];
    const rulebook = loadRulebook(JSON.stringify({ families: { [id]: { pointsPerCase: 9 } } }));
    expect(rulebook.families[id].pointsPerCase.value).toBe(9);
  });
});

describe("a rulebook override has a depth and a size limit", () => {
  it("refuses a 100,000-deep nested array in one line instead of overflowing the stack", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(refusal(`{"families":${deep}}`)).toMatch(/nested (more than 12 levels deep|too deeply)/);
    expect(refusal(deep)).toMatch(/nested (more than 12 levels deep|too deeply)/);
  });

  it("refuses nesting a little past the deepest setting, naming where", () => {
    const json = `{"tracks":{"x":{"ladder":[[[[[[[[[[[1]]]]]]]]]]]}}}`;
    expect(refusal(json)).toMatch(/^Rulebook override: tracks\.x\.ladder\.0\.\.\. is nested more than 12 levels deep/);
  });

  it("refuses a file far larger than an override", () => {
    const json = JSON.stringify({ buyerSideCancelReasons: Array.from({ length: 200_000 }, (_, i) => `reason ${i}`) });
    expect(refusal(json)).toMatch(/characters long; .*at most 1,000,000 characters/);
  });
});

describe("a refused override reads in a seller's words, names the key and the value, in English and Chinese", () => {
  function problem(override: unknown) {
    try {
      loadRulebook(JSON.stringify(override));
    } catch (error) {
      expect(error).toBeInstanceOf(RulebookOverrideError);
      return (error as RulebookOverrideError).problem;
    }
    throw new Error("accepted");
  }

  it.each([
    [{ handlingDays: -3 }, "handlingDays", "-3"],
    [{ handlingDays: "seven" }, "handlingDays", '"seven"'],
    [{ dueSoonHours: [] }, "dueSoonHours", "[]"],
    [{ platformTimeZone: "Mars/Olympus" }, "platformTimeZone", '"Mars/Olympus"'],
    [{ famlies: {} }, '"famlies"', undefined],
  ])("%j", (override, key, value) => {
    const { en, zh } = problem(override);
    for (const text of [en, zh]) {
      expect(text).toContain(key);
      if (value !== undefined) expect(text).toContain(value);
      expect(text).not.toMatch(/Too small|Too big|Invalid input|expected number/); // no schema-library jargon
    }
    expect(zh).toMatch(/^自定义规则文件：/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("says what a number setting needs", () => {
    expect(problem({ handlingDays: -3 })).toEqual({
      en: "Rulebook override: handlingDays must be more than 0 (got -3)",
      zh: "自定义规则文件：handlingDays 必须大于 0（当前为 -3）",
    });
    expect(problem({ families: { falseShipment: { pointsPerCase: "2" } } }).zh).toContain(
      "families.falseShipment.pointsPerCase",
    );
  });

  it("says not-JSON in Chinese too", () => {
    try {
      loadRulebook("{handlingDays: 5");
    } catch (error) {
      expect((error as RulebookOverrideError).problem.zh).toMatch(/^自定义规则文件不是有效的 JSON/);
      return;
    }
    throw new Error("accepted");
  });
});
