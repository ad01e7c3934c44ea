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
