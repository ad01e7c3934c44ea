// What Excel downloads when the pane opens, measured on every production build: the page's entries (functions.js,
// commands.js, taskpane.js) plus the `excel` chunk group that src/taskpane/index.tsx imports before the first
// render, as `gzip -9` bytes (BENCHMARKS.md, "Task pane: what Excel loads when the pane opens"). Preview-only chunks
// and what loads later (the scan engine at the first Scan, the override readers for a workbook with an override)
// are not counted. Over the budget the build fails; the figures go to excel-load.json for the tests and the table.
"use strict";

const zlib = require("zlib");

const PLUGIN_NAME = "ExcelLoadPlugin";
/** Issue 24: at most 250 KB gzip (counted as KiB, like BENCHMARKS.md's figures). */
const EXCEL_LOAD_BUDGET_BYTES = 250 * 1024;
const REPORT_FILE = "excel-load.json";

/**
 * The load as data: each file once (a chunk shared by two groups is downloaded once), with its gzip -9 size.
 * @param {string[]} files the JavaScript files Excel fetches before the first render
 * @param {(file: string) => Buffer} read a file's built bytes
 */
function excelLoad(files, read) {
  const unique = [...new Set(files)].filter((file) => file.endsWith(".js")).sort();
  const gzipBytes = Object.fromEntries(unique.map((file) => [file, zlib.gzipSync(read(file), { level: 9 }).length]));
  const total = Object.values(gzipBytes).reduce((sum, bytes) => sum + bytes, 0);
  return { budget: EXCEL_LOAD_BUDGET_BYTES, total, files: gzipBytes };
}

/** webpack plugin: measures the load once the bundles are minified, reports it, and fails the build over budget. */
class ExcelLoadPlugin {
  /** @param {{ entries?: string[], groups?: string[], budget?: number }} [options] */
  constructor(options = {}) {
    this.entries = options.entries ?? ["functions", "commands", "taskpane"];
    this.groups = options.groups ?? ["excel"];
    this.budget = options.budget ?? EXCEL_LOAD_BUDGET_BYTES;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const files = [];
        for (const name of this.entries) files.push(...(compilation.entrypoints.get(name)?.getFiles() ?? []));
        for (const name of this.groups) {
          const group = compilation.namedChunkGroups.get(name);
          if (!group) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: no chunk group named "${name}"`));
            continue;
          }
          files.push(...group.getFiles());
        }
        const load = {
          ...excelLoad(files, (file) => compilation.getAsset(file).source.buffer()),
          budget: this.budget,
        };
        compilation.emitAsset(REPORT_FILE, new sources.RawSource(JSON.stringify(load, null, 2) + "\n"));
        if (load.total > this.budget) {
          compilation.errors.push(
            new WebpackError(
              `${PLUGIN_NAME}: what Excel loads when the pane opens is ${load.total} bytes gzip, over the budget of ` +
                `${this.budget} (${Object.entries(load.files)
                  .map(([file, bytes]) => `${file} ${bytes}`)
                  .join(", ")}). Split what the first screen does not need (see BENCHMARKS.md).`,
            ),
          );
        }
      });
    });
  }
}

module.exports = {
  EXCEL_LOAD_BUDGET_BYTES,
  ExcelLoadPlugin,
  REPORT_FILE,
  excelLoad,
};
