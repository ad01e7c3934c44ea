// Adds top-level flags to the generated custom-functions metadata (functions.json).
//
// custom-functions-metadata-plugin writes functions.json from JSDoc, and JSDoc has no tag for the top-level
// properties of the metadata, such as `allowErrorForDataTypeAny` ("only with manually created JSON metadata":
// learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs). This plugin
// sets them on the generated file before the localized copies are made from it, so every locale carries them.
"use strict";

const PLUGIN_NAME = "FunctionsMetadataFlagsPlugin";

/**
 * What AE Guard's functions need on top of the generated metadata. With allowErrorForDataTypeAny, Excel calls a
 * function whose `any` argument holds an error cell (the cell arrives as a CustomFunctions.Error), instead of
 * showing that error for the whole formula: one #N/A in B2:B5000 no longer sinks the whole spill.
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany
 */
const AE_GUARD_METADATA_FLAGS = Object.freeze({ allowErrorForDataTypeAny: true });

/**
 * The metadata with `flags` set at its top level (a new object; the functions are not touched).
 * @param {Record<string, unknown>} metadata parsed functions.json
 * @param {Record<string, boolean>} flags
 */
function withMetadataFlags(metadata, flags) {
  // Flags first, where Microsoft's example metadata has them, and over any value the generator wrote.
  return { ...flags, ...metadata, ...flags };
}

/** webpack plugin: rewrites `file` (functions.json) with `flags`, before any plugin that copies it runs. */
class FunctionsMetadataFlagsPlugin {
  /** @param {{ file?: string, flags?: Record<string, boolean> }} [options] */
  constructor(options = {}) {
    this.file = options.file ?? "functions.json";
    this.flags = options.flags ?? AE_GUARD_METADATA_FLAGS;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        // Before LocalizedFunctionsMetadataPlugin (PROCESS_ASSETS_STAGE_ADDITIONAL) copies functions.json.
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL - 1 },
        () => {
          const asset = compilation.getAsset(this.file);
          if (!asset) return; // the metadata plugin reports why it made no file
          const metadata = JSON.parse(asset.source.source().toString());
          const flagged = withMetadataFlags(metadata, this.flags);
          compilation.updateAsset(this.file, new sources.RawSource(JSON.stringify(flagged, null, 4)));
        },
      );
    });
  }
}

module.exports = { AE_GUARD_METADATA_FLAGS, FunctionsMetadataFlagsPlugin, withMetadataFlags };
