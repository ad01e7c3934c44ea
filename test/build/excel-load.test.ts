// What Excel downloads when the pane opens (issue 24: at most 250 KB gzip), as the production build measured it
// (scripts/excel-load.js writes dist/excel-load.json, and fails the build over budget). BENCHMARKS.md has the table.
import * as fs from "fs";
import * as nodePath from "path";
import { EXCEL_LOAD_BUDGET_BYTES, REPORT_FILE, excelLoad, type ExcelLoad } from "../../scripts/excel-load";

const DIST = nodePath.resolve(__dirname, "../../dist");

function report(): ExcelLoad {
  const file = nodePath.join(DIST, REPORT_FILE);
  if (!fs.existsSync(file)) throw new Error(`dist/${REPORT_FILE} is missing: run npm run build first`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as ExcelLoad;
}

const read = (file: string): Buffer => fs.readFileSync(nodePath.join(DIST, file));

describe("what Excel loads when the pane opens", () => {
  it("stays within 250 KB gzip, the page's three bundles and the Excel session's chunks counted", () => {
    const load = report();
    expect(Object.keys(load.files)).toEqual(
      expect.arrayContaining(["functions.js", "commands.js", "taskpane.js", "excel.js"]),
    );
    // The figures are those of the files in dist/, each counted once.
    expect(excelLoad(Object.keys(load.files), read)).toEqual({
      ...load,
      budget: EXCEL_LOAD_BUDGET_BYTES,
    });
    expect(load.total).toBeLessThanOrEqual(250 * 1024);
  });

  it("leaves the scan engine and the override files' schema library for later (the first Scan, an override)", () => {
    for (const file of Object.keys(report().files)) {
      const code = read(file).toString("utf8");
      expect({ file, schemaLibrary: code.includes("$ZodType") }).toEqual({
        file,
        schemaLibrary: false,
      });
      // A sentence only the scan writes (a summary note about filtered rows).
      expect({
        file,
        scanEngine: code.includes("are hidden by a filter or by hand"),
      }).toEqual({
        file,
        scanEngine: false,
      });
    }
    const all = fs.readdirSync(DIST).filter((file) => file.endsWith(".js"));
    expect(all.some((file) => read(file).toString("utf8").includes("are hidden by a filter or by hand"))).toBe(true);
    expect(all.some((file) => read(file).toString("utf8").includes("$ZodType"))).toBe(true);
  });
});
