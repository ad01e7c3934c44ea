import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { AS_OF, runCli, SAMPLES, tempDir } from "./helpers";
import { readStoredZip } from "./storedZip";

/** Packages the scanned copy must refuse (exit 2, one line saying what is wrong, no file at --out), and .xlsm in, .xlsm out. */

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

  it("a part encrypted with a zip password (its entry's encryption flag set)", async () => {
    const file = path.join(tempDir(), "locked.xlsx");
    await sampleWith(() => undefined, file);
    const bytes = fs.readFileSync(file);
    const name = Buffer.from("xl/styles.xml");
    for (let at = 0; at + 46 < bytes.length; at++) {
      const signature = bytes.readUInt32LE(at);
      const nameAt = signature === 0x02014b50 ? at + 46 : signature === 0x04034b50 ? at + 30 : -1;
      if (nameAt > 0 && bytes.subarray(nameAt, nameAt + name.length).equals(name)) {
        const flagAt = signature === 0x02014b50 ? at + 8 : at + 6;
        bytes.writeUInt16LE(bytes.readUInt16LE(flagAt) | 0x1, flagAt);
      }
    }
    fs.writeFileSync(file, bytes);
    await expectRefused(file, /locked\.xlsx: part xl\/styles\.xml is encrypted; remove the password in Excel/);
  });

  it("a workbook whose sheet relationship points at a missing part", async () => {
    const file = path.join(tempDir(), "missing.xlsx");
    await sampleWith((zip) => void zip.remove("xl/worksheets/sheet2.xml"), file);
    await expectRefused(file, /the sheet "Orders" points at a part the package does not hold/);
  });
});

describe("ae-guard scan --out on a macro-enabled workbook (.xlsm)", () => {
  const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  const VBA_PROJECT = "application/vnd.ms-office.vbaProject";
  const REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
  const macros = Buffer.from("a stand-in for the seller's VBA project, copied as it is");

  async function macroWorkbook(file: string): Promise<void> {
    await sampleWith(async (zip) => {
      zip.file("xl/vbaProject.bin", macros);
      const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
      zip.file(
        "[Content_Types].xml",
        types
          .replace(/application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/, MACRO_MAIN)
          .replace("</Types>", `<Default Extension="bin" ContentType="${VBA_PROJECT}"/></Types>`),
      );
      const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) as string;
      zip.file(
        "xl/_rels/workbook.xml.rels",
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rIdVba" Type="${REL_VBA}" Target="vbaProject.bin"/></Relationships>`,
        ),
      );
    }, file);
  }

  it("asks for an .xlsm name rather than dropping the macros", async () => {
    const dir = tempDir();
    const file = path.join(dir, "macros.xlsm");
    await macroWorkbook(file);
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", path.join(dir, "copy.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds macros.*\.xlsm/);
    expect(fs.readdirSync(dir)).toEqual(["macros.xlsm"]);
  });

  it("writes an .xlsm that keeps the macro content type and the VBA project byte for byte", async () => {
    const dir = tempDir();
    const file = path.join(dir, "macros.xlsm");
    const out = path.join(dir, "copy.xlsm");
    await macroWorkbook(file);
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file("[Content_Types].xml")?.async("string")).toContain(MACRO_MAIN);
    expect(await zip.file("xl/vbaProject.bin")?.async("nodebuffer")).toEqual(macros);
    expect(await zip.file("xl/_rels/workbook.xml.rels")?.async("string")).toContain(REL_VBA);
    expect(await zip.file("xl/workbook.xml")?.async("string")).toContain("AE Violations");
  });
});

const PYTHON = "/usr/bin/python3";
const describeWithPython = fs.existsSync(PYTHON) ? describe : describe.skip;

/**
 * Python's zipfile (what ERP scripts package with) re-packs the sample with zip metadata other writers leave out:
 * a comment and an extra field on every part, Unix file modes, and one part stored without compression.
 */
const REPACK = `
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
    for item in zin.infolist():
        info = zipfile.ZipInfo(item.filename, date_time=(2024, 5, 17, 9, 30, 12))
        info.compress_type = zipfile.ZIP_STORED if item.filename == "docProps/core.xml" else zipfile.ZIP_DEFLATED
        info.comment = ("part " + item.filename).encode()
        info.extra = b"\\xfe\\xca\\x04\\x00AEGD"
        info.external_attr = 0o100640 << 16
        zout.writestr(info, zin.read(item.filename))
`;
const TEST_ZIP = "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())";

describeWithPython("a package Python's zipfile wrote, with part comments, extra fields and a stored part", () => {
  it("keeps every field of each unchanged part's zip records, and Python finds every checksum right", async () => {
    const dir = tempDir();
    const file = path.join(dir, "python.xlsx");
    const out = path.join(dir, "copy.xlsx");
    execFileSync(PYTHON, ["-c", REPACK, path.join(SAMPLES, "orders-en.xlsx"), file], { stdio: "pipe" });
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const input = await readStoredZip(file);
    const output = await readStoredZip(out);
    expect(input.central("docProps/core.xml")).toMatchObject({
      compressionMethod: 0,
    });
    const kept = ["docProps/core.xml", "docProps/app.xml", "_rels/.rels", "xl/theme/theme1.xml"].filter((name) =>
      input.has(name),
    );
    expect(kept.length).toBeGreaterThanOrEqual(3);
    for (const name of kept) {
      expect({ name, central: output.central(name) }).toEqual({
        name,
        central: input.central(name),
      });
      expect(output.record(name)?.equals(input.record(name) as Buffer)).toBe(true);
    }
    expect(execFileSync(PYTHON, ["-c", TEST_ZIP, out], { stdio: "pipe" }).toString().trim()).toBe("None");
  });
});
