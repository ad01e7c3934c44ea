import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { AS_OF, runCli, SAMPLES, tempDir } from "./helpers";

/** Workbooks the scanned copy must refuse: exit 2, one line saying what is wrong, and no file at --out. */

async function sampleWith(edit: (zip: JSZip) => void | Promise<void>, file: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(SAMPLES, "orders-en.xlsx")));
  await edit(zip);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

async function expectRefused(file: string, message: RegExp): Promise<void> {
  const out = path.join(path.dirname(file), "copy.xlsx");
  const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([path.basename(file)]);
}

describe("ae-guard scan --out refuses a damaged package without writing anything", () => {
  it("a part whose name climbs out of the package (..)", async () => {
    const file = path.join(tempDir(), "climb.xlsx");
    await sampleWith((zip) => void zip.file("xl/../../evil.txt", "x", { createFolders: false }), file);
    await expectRefused(file, /part named "xl\/\.\.\/\.\.\/evil\.txt", which points outside it/);
  });

  it("an order sheet whose XML is not well-formed", async () => {
    const file = path.join(tempDir(), "broken.xlsx");
    await sampleWith(async (zip) => {
      const part = "xl/worksheets/sheet2.xml";
      const xml = (await zip.file(part)?.async("string")) as string;
      zip.file(part, xml.replace("</sheetData>", '<row r="999999"><c r="A999999"><v>1</c></row></sheetData>'));
    }, file);
    await expectRefused(file, /broken\.xlsx could not be read as an \.xlsx workbook; it may be damaged/);
  });

  it("a workbook whose sheet relationship points at a missing part", async () => {
    const file = path.join(tempDir(), "missing.xlsx");
    await sampleWith((zip) => void zip.remove("xl/worksheets/sheet2.xml"), file);
    await expectRefused(file, /the sheet "Orders" points at a part the package does not hold/);
  });
});
