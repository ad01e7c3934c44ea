#!/usr/bin/env node
"use strict";
// The ae-guard command. The TypeScript sources are compiled to lib/ by `npm ci` / `npm install` (the prepare script).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("lib/cli/main.js")) {
    process.stderr.write("ae-guard: lib/ is not built yet; run `npm run prepare` (tsc -p tsconfig.cli.json) in the package folder\n");
    process.exit(2);
  }
  throw error;
}
// `ae-guard scan ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(0);
  throw error;
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
