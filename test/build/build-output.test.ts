// Checks the production build in dist/ (`npm run build`): what Office will actually download.
// Guards against the template defects: a manifest still pointing at localhost, and an empty functions.js without
// CustomFunctions.associate calls (generator-office#882), which leaves every function at #VALUE!.
import * as fs from "fs";
import * as nodePath from "path";
import { OFFICE_JS_CDN_URL, resolveBaseUrl } from "../../scripts/build-settings";
import { descendants, parseXml } from "./xml";

const ROOT = nodePath.resolve(__dirname, "../..");
const DIST = nodePath.join(ROOT, "dist");
const BASE_URL = resolveBaseUrl(process.env);

function readDist(file: string): string {
  const full = nodePath.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`dist/${file} is missing: run npm run build first`);
  return fs.readFileSync(full, "utf8");
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: Array<{ name: string; description?: string }>;
}

function readMetadata(file: string): FunctionMetadata[] {
  return (JSON.parse(readDist(file)) as { functions: FunctionMetadata[] }).functions;
}

/** Metadata with the translatable text removed: what must be identical in every locale. */
function withoutText(functions: FunctionMetadata[]): unknown[] {
  return functions.map(({ name: _name, description: _description, parameters, ...rest }) => ({
    ...rest,
    parameters: (parameters ?? []).map(({ name: _paramName, description: _paramDescription, ...param }) => param),
  }));
}

function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((match) => match[1] as string);
}

describe("production build in dist/", () => {
  it("has a manifest with no localhost left, every URL on the base URL", () => {
    const manifest = readDist("manifest.xml");
    if (manifest.includes("localhost")) {
      throw new Error("dist/manifest.xml mentions localhost: dist/ is a development build; run npm run build first");
    }
    const urls = descendants(parseXml(manifest)).flatMap((element) =>
      Object.entries(element.attributes)
        .filter(([name, value]) => !name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value))
        .map(([, value]) => value),
    );
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((url) => !url.startsWith(BASE_URL))).toEqual([]);
  });

  it("contains every file the manifest points at", () => {
    const manifest = parseXml(readDist("manifest.xml"));
    const files = descendants(manifest)
      .flatMap((element) => Object.values(element.attributes))
      .filter((value) => value.startsWith(BASE_URL))
      .map((url) => url.slice(BASE_URL.length));
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json"]));
    expect(files.filter((file) => !fs.existsSync(nodePath.join(DIST, file)))).toEqual([]);
  });

  it("generates functions.json with the PENALTY function", () => {
    const functions = readMetadata("functions.json");
    expect(functions.map((fn) => fn.id)).toContain("PENALTY");
  });

  it("generates functions.zh-CN.json with the same functions, types and options, translated text only", () => {
    const english = readMetadata("functions.json");
    const chinese = readMetadata("functions.zh-CN.json");
    expect(chinese.map((fn) => fn.id)).toEqual(english.map((fn) => fn.id));
    expect(withoutText(chinese)).toEqual(withoutText(english));

    const translations = JSON.parse(
      fs.readFileSync(nodePath.join(ROOT, "src/functions/functions.zh-CN.json"), "utf8"),
    ) as { functions: Record<string, { description?: string }> };
    const translatedIds = Object.keys(translations.functions).filter((id) => english.some((fn) => fn.id === id));
    expect(translatedIds.length).toBeGreaterThan(0);
    for (const id of translatedIds) {
      expect(chinese.find((fn) => fn.id === id)?.description).toBe(translations.functions[id]?.description);
    }
  });

  it("lets Excel pass error cells to the functions (allowErrorForDataTypeAny) in every locale's metadata", () => {
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const metadata = JSON.parse(readDist(file)) as { allowErrorForDataTypeAny?: unknown };
      expect([file, metadata.allowErrorForDataTypeAny]).toEqual([file, true]);
    }
  });

  it("loads office.js first, then the functions, commands and taskpane bundles, into one page", () => {
    const html = readDist("taskpane.html");
    const scripts = scriptSources(html);
    const officeJs = scripts[0] ?? "";
    expect(officeJs === OFFICE_JS_CDN_URL || fs.existsSync(nodePath.join(DIST, officeJs))).toBe(true);
    expect(scripts.slice(1)).toEqual(["functions.js", "commands.js", "taskpane.js"]);
    expect(html).toMatch(/<div id=["']?container["']?>/);
  });

  it("registers every function in functions.json with CustomFunctions.associate in functions.js", () => {
    const bundle = readDist("functions.js");
    const ids = readMetadata("functions.json").map((fn) => fn.id);
    expect(ids.length).toBeGreaterThan(0);
    const missing = ids.filter((id) => !bundle.includes(`CustomFunctions.associate("${id}",`));
    expect(missing).toEqual([]);
  });
});
