// Writes a localized copy of the generated custom-functions metadata (e.g. functions.zh-CN.json).
//
// custom-functions-metadata-plugin generates functions.json from JSDoc, and generated metadata cannot be localized
// at the source. So after it has run, this plugin overlays translated function/parameter names and descriptions
// from a hand-maintained translations file. Ids, types, dimensionality and options are never touched; anything not
// translated stays English.
"use strict";

const fs = require("fs");
const path = require("path");

const PLUGIN_NAME = "LocalizedFunctionsMetadataPlugin";

// Excel's rule for custom function and parameter names: a letter first, then letters, digits, "_" or ".".
const FUNCTION_NAME_PATTERN = /^\p{L}[\p{L}\p{N}_.]*$/u;
const MAX_NAME_LENGTH = 128;

function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isUsableName(name) {
  return typeof name === "string" && name.length <= MAX_NAME_LENGTH && FUNCTION_NAME_PATTERN.test(name);
}

/**
 * Overlays translations on generated metadata. Pure: returns a new object and a list of problems (stale or
 * malformed entries, functions without a translation) instead of throwing.
 * @param {{ functions: Array<Record<string, unknown>> }} metadata parsed functions.json
 * @param {unknown} translations parsed translations file
 * @param {string} locale used in problem messages only
 */
function localizeFunctionsMetadata(metadata, translations, locale) {
  const problems = [];
  const localized = JSON.parse(JSON.stringify(metadata));
  const table = isRecord(translations) && isRecord(translations.functions) ? translations.functions : null;
  if (table === null) {
    problems.push(`${locale}: translations file has no "functions" object; every function stays English`);
  }
  const entries = table ?? {};
  const knownIds = new Set();

  for (const fn of localized.functions) {
    knownIds.add(fn.id);
    const entry = entries[fn.id];
    if (entry === undefined) {
      problems.push(`${locale}: no translation for ${fn.id}; English used`);
      continue;
    }
    if (!isRecord(entry)) {
      problems.push(`${locale}: translation for ${fn.id} is not an object; English used`);
      continue;
    }
    if (entry.name !== undefined) {
      if (isUsableName(entry.name)) fn.name = entry.name;
      else problems.push(`${locale}: ${fn.id}.name "${entry.name}" is not a valid Excel function name; English used`);
    }
    if (typeof entry.description === "string" && entry.description.trim() !== "") {
      fn.description = entry.description;
    } else {
      problems.push(`${locale}: ${fn.id} has no description translation; English used`);
    }
    const paramEntries = isRecord(entry.parameters) ? entry.parameters : {};
    const paramNames = new Set();
    for (const param of fn.parameters ?? []) {
      const englishName = param.name;
      paramNames.add(englishName);
      const paramEntry = paramEntries[englishName];
      if (!isRecord(paramEntry)) {
        problems.push(`${locale}: ${fn.id} parameter "${englishName}" has no translation; English used`);
        continue;
      }
      if (typeof paramEntry.description === "string" && paramEntry.description.trim() !== "") {
        param.description = paramEntry.description;
      } else {
        problems.push(`${locale}: ${fn.id} parameter "${englishName}" has no description translation; English used`);
      }
      if (paramEntry.name !== undefined) {
        if (isUsableName(paramEntry.name)) param.name = paramEntry.name;
        else problems.push(`${locale}: ${fn.id} parameter name "${paramEntry.name}" is not valid; English used`);
      }
    }
    for (const name of Object.keys(paramEntries)) {
      if (!paramNames.has(name)) problems.push(`${locale}: ${fn.id} has no parameter "${name}" (stale translation)`);
    }
  }
  for (const id of Object.keys(entries)) {
    if (!knownIds.has(id)) problems.push(`${locale}: translation for unknown function ${id} (stale translation)`);
  }
  return { metadata: localized, problems };
}

/**
 * webpack plugin: after custom-functions-metadata-plugin has added `source` (functions.json) to the compilation,
 * emit `output` (e.g. functions.zh-CN.json) with the translations from `translations` overlaid.
 */
class LocalizedFunctionsMetadataPlugin {
  /** @param {{ source?: string, output: string, translations: string, locale: string }} options */
  constructor(options) {
    this.source = options.source ?? "functions.json";
    this.output = options.output;
    this.translations = options.translations;
    this.locale = options.locale;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const translationsPath = path.resolve(compiler.context, this.translations);
          compilation.fileDependencies.add(translationsPath);

          const sourceAsset = compilation.getAsset(this.source);
          if (!sourceAsset) {
            // The metadata plugin reports its own errors (e.g. an unsupported parameter type); only complain if
            // nothing else explains the missing file.
            if (compilation.errors.length === 0) {
              compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${this.source} was not generated`));
            }
            return;
          }

          let translations = {};
          if (fs.existsSync(translationsPath)) {
            try {
              translations = JSON.parse(fs.readFileSync(translationsPath, "utf8"));
            } catch (error) {
              compilation.errors.push(
                new WebpackError(`${PLUGIN_NAME}: ${this.translations} is not valid JSON: ${error.message}`),
              );
              return;
            }
          }

          const metadata = JSON.parse(sourceAsset.source.source().toString());
          const result = localizeFunctionsMetadata(metadata, translations, this.locale);
          for (const problem of result.problems) {
            compilation.warnings.push(new WebpackError(`${PLUGIN_NAME}: ${problem}`));
          }
          compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(result.metadata, null, 4)));
        },
      );
    });
  }
}

module.exports = { LocalizedFunctionsMetadataPlugin, localizeFunctionsMetadata };
