import { FunctionsMetadata, localizeFunctionsMetadata } from "../../scripts/localized-functions-metadata";

function generated(): FunctionsMetadata {
  return {
    functions: [
      {
        id: "PENALTY",
        name: "PENALTY",
        description: "Penalty points.",
        parameters: [
          { name: "violation", description: "Violation code.", type: "string" },
          { name: "cases", description: "Orders.", type: "number", optional: true },
        ],
        result: { type: "number" },
      },
      {
        id: "DEADLINE",
        name: "DEADLINE",
        description: "Shipping deadline.",
        parameters: [{ name: "paidAt", description: "Payment time.", type: "number" }],
        result: { type: "number" },
        options: { volatile: false },
      },
    ],
  };
}

describe("localizeFunctionsMetadata", () => {
  it("overlays translated names and descriptions and keeps ids, types and options", () => {
    const translations = {
      functions: {
        PENALTY: {
          name: "罚分",
          description: "扣分。",
          parameters: { violation: { description: "违规代码。" }, cases: { description: "订单数。" } },
        },
      },
    };
    const { metadata } = localizeFunctionsMetadata(generated(), translations, "zh-CN");
    const [penalty, deadline] = metadata.functions;
    expect(penalty).toMatchObject({ id: "PENALTY", name: "罚分", description: "扣分。", result: { type: "number" } });
    expect(penalty?.parameters).toEqual([
      { name: "violation", description: "违规代码。", type: "string" },
      { name: "cases", description: "订单数。", type: "number", optional: true },
    ]);
    expect(deadline).toEqual(generated().functions[1]);
  });

  it("does not change the metadata it was given", () => {
    const input = generated();
    localizeFunctionsMetadata(input, { functions: { PENALTY: { description: "扣分。", parameters: {} } } }, "zh-CN");
    expect(input).toEqual(generated());
  });

  it("falls back to English and reports what is missing or stale", () => {
    const translations = {
      functions: {
        PENALTY: { description: "扣分。", parameters: { violation: { description: "违规代码。" }, count: {} } },
        REMOVED: { description: "旧函数。", parameters: {} },
      },
    };
    const { metadata, problems } = localizeFunctionsMetadata(generated(), translations, "zh-CN");
    expect(metadata.functions[0]?.parameters?.[1]?.description).toBe("Orders.");
    expect(metadata.functions[1]?.description).toBe("Shipping deadline.");
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PENALTY parameter "cases" has no translation'),
        expect.stringContaining('PENALTY has no parameter "count"'),
        expect.stringContaining("no translation for DEADLINE"),
        expect.stringContaining("unknown function REMOVED"),
      ]),
    );
  });

  it("refuses a translated name Excel would not accept", () => {
    const translations = { functions: { PENALTY: { name: "1 罚分", description: "扣分。", parameters: {} } } };
    const { metadata, problems } = localizeFunctionsMetadata(generated(), translations, "zh-CN");
    expect(metadata.functions[0]?.name).toBe("PENALTY");
    expect(problems.some((problem) => problem.includes("not a valid Excel function name"))).toBe(true);
  });

  it("treats a file without a functions object as no translations at all", () => {
    const { metadata, problems } = localizeFunctionsMetadata(generated(), ["not", "an", "object"], "zh-CN");
    expect(metadata).toEqual(generated());
    expect(problems[0]).toMatch(/no "functions" object/);
  });
});
