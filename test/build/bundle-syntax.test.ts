// The JavaScript Excel downloads must parse in every webview the README's minimum builds admit: WebView2 (current
// Chromium) on Windows, Safari 16.4 (WKWebView) on the Mac, current browsers on the web: ES2022 syntax, nothing
// newer (Safari 16.4 has all of ES2022, class static blocks and regular-expression lookbehind included; Fluent UI's
// focus library, tabster, ships class static blocks, which is why the Mac needs 16.4). Older Windows builds run
// add-ins in EdgeHTML or Internet Explorer, which are not supported (README, "Use it in Excel"): the dependencies
// ship ES2020+ syntax, and compiling only our own code down to ES2017 left every bundle unparseable there.
import * as fs from "fs";
import * as nodePath from "path";
import { parse } from "acorn";
import { OFFLINE_OFFICE_JS_DIR } from "../../scripts/build-settings";

const DIST = nodePath.resolve(__dirname, "../../dist");

function bundles(): string[] {
  if (!fs.existsSync(nodePath.join(DIST, "functions.js"))) throw new Error("dist/ is missing: run npm run build first");
  return fs
    .readdirSync(DIST, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".js") && !file.startsWith(OFFLINE_OFFICE_JS_DIR.replace(/\/$/, "")));
}

describe("the built bundles", () => {
  it("exist: functions, commands, taskpane and their chunks", () => {
    expect(bundles()).toEqual(expect.arrayContaining(["functions.js", "commands.js", "taskpane.js"]));
  });

  it.each(bundles())("%s parses as ES2022", (file) => {
    const source = fs.readFileSync(nodePath.join(DIST, file), "utf8");
    expect(() => parse(source, { ecmaVersion: 2022, sourceType: "script" })).not.toThrow();
  });
});
