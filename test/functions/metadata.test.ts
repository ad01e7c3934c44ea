import * as fs from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeFunctionsMetadata, type FunctionsMetadata } from "../../scripts/localized-functions-metadata";
import { AE_GUARD_METADATA_FLAGS, withMetadataFlags } from "../../scripts/functions-metadata-flags";

/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts at build time. This pins what Excel will
 * be told (ids, names, parameter types, optional flags, dimensionality, options) against a checked-in golden file,
 * so a signature change that would break formulas in users' workbooks is a deliberate edit of the golden file.
 */
const ROOT = path.resolve(__dirname, "../..");
const SOURCE = path.join(ROOT, "src/functions/functions.ts");
const GOLDEN = path.join(__dirname, "functions.metadata.golden.json");
const TRANSLATIONS = path.join(ROOT, "src/functions/functions.zh-CN.json");

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

/** What Excel binds to: everything except the (free to improve) description texts. */
function shapeOf(functions: FunctionMetadata[]): unknown {
  return functions.map(({ id, name, parameters, result, options }) => ({
    id,
    name,
    parameters: parameters.map(({ name: parameter, type, dimensionality, optional, repeating }) => ({
      name: parameter,
      type,
      dimensionality: dimensionality ?? "scalar",
      optional: optional ?? false,
      repeating: repeating ?? false,
    })),
    result: {
      type: result?.type ?? "any",
      dimensionality: result?.dimensionality ?? "scalar",
    },
    options: options ?? {},
  }));
}

let generated: { functions: FunctionMetadata[] };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE, false);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson) as {
    functions: FunctionMetadata[];
  };
}, 60_000);

describe("generated custom-functions metadata", () => {
  it("matches the golden file", () => {
    const golden = JSON.parse(fs.readFileSync(GOLDEN, "utf8")) as unknown;
    expect(shapeOf(generated.functions)).toEqual(golden);
  });

  it("keeps ids and names the same Latin word, as users type =AE.<ID> in every locale", () => {
    for (const fn of generated.functions) {
      expect(fn.name).toBe(fn.id);
      expect(fn.id).toMatch(/^[A-Z]{3,}$/);
    }
  });

  it("takes every argument as a range or a value and spills a result per row", () => {
    for (const fn of generated.functions) {
      for (const parameter of fn.parameters) {
        expect([fn.id, parameter.name, parameter.type, parameter.dimensionality]).toEqual([
          fn.id,
          parameter.name,
          "any",
          "matrix",
        ]);
      }
      expect(fn.result?.dimensionality).toBe("matrix");
    }
  });

  it("has no volatile, streaming or cancelable function", () => {
    for (const fn of generated.functions) {
      expect(fn.options?.volatile ?? false).toBe(false);
      expect(fn.options?.stream ?? false).toBe(false);
      expect(fn.options?.cancelable ?? false).toBe(false);
    }
  });

  it("describes every function and parameter in English", () => {
    for (const fn of generated.functions) {
      expect(fn.description?.trim()).toBeTruthy();
      for (const parameter of fn.parameters) expect(parameter.description?.trim()).toBeTruthy();
    }
  });
});

describe("metadata flags the build adds", () => {
  it("let Excel pass error cells to every function (allowErrorForDataTypeAny), in English and Chinese", () => {
    // Without it Excel shows an argument's error for the whole formula: one #N/A in B2:B5000 sinks the spill.
    expect(AE_GUARD_METADATA_FLAGS).toEqual({ allowErrorForDataTypeAny: true });
    const english = withMetadataFlags(generated, AE_GUARD_METADATA_FLAGS);
    expect(english.allowErrorForDataTypeAny).toBe(true);
    expect(english.functions).toEqual(generated.functions);
    const translations = JSON.parse(fs.readFileSync(TRANSLATIONS, "utf8")) as unknown;
    const { metadata: chinese } = localizeFunctionsMetadata(
      english as unknown as FunctionsMetadata,
      translations,
      "zh-CN",
    );
    expect((chinese as unknown as Record<string, unknown>).allowErrorForDataTypeAny).toBe(true);
  });

  it("apply to every argument: the flag covers parameters of type any only, and every parameter is any", () => {
    const types = new Set(generated.functions.flatMap((fn) => fn.parameters.map((parameter) => parameter.type)));
    expect([...types]).toEqual(["any"]);
  });
});

describe("zh-CN translations", () => {
  const translations = JSON.parse(fs.readFileSync(TRANSLATIONS, "utf8")) as {
    functions: Record<
      string,
      {
        name?: string;
        description: string;
        parameters: Record<string, { description: string }>;
      }
    >;
  };

  it("cover every function and parameter, with nothing stale", () => {
    const { problems } = localizeFunctionsMetadata(generated as unknown as FunctionsMetadata, translations, "zh-CN");
    expect(problems).toEqual([]);
    expect(Object.keys(translations.functions).sort()).toEqual(generated.functions.map((fn) => fn.id).sort());
    for (const fn of generated.functions) {
      const entry = translations.functions[fn.id];
      expect(Object.keys(entry.parameters)).toEqual(fn.parameters.map((parameter) => parameter.name));
    }
  });

  it("translate descriptions only: ids, names and parameter names stay as users type them", () => {
    const { metadata } = localizeFunctionsMetadata(generated as unknown as FunctionsMetadata, translations, "zh-CN");
    metadata.functions.forEach((fn, i) => {
      const english = generated.functions[i];
      expect([fn.id, fn.name]).toEqual([english.id, english.name]);
      expect(fn.parameters?.map((parameter) => parameter.name)).toEqual(
        english.parameters.map((parameter) => parameter.name),
      );
      expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
      for (const parameter of fn.parameters ?? []) expect(parameter.description).toMatch(/[\u4e00-\u9fff]/);
    });
  });
});
