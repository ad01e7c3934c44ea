import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { AS_OF, runCli, SAMPLES, tempDir } from "./helpers";

const dir = tempDir();
const sample = path.join(SAMPLES, "orders-en.xlsx");

function writeFile(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A Compound File Binary header followed by `body` (enough for the sniffing AE Guard does). */
function cfb(body: string): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([header, Buffer.alloc(504), Buffer.from(body, "utf16le"), Buffer.alloc(512)]);
}

async function expectRefused(argv: string[], message: RegExp): Promise<void> {
  const run = await runCli(argv);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr.startsWith("ae-guard: ")).toBe(true);
}

describe("files AE Guard cannot read: exit 2 and one line that says why", () => {
  it("an old .xls workbook", async () => {
    await expectRefused(
      ["scan", writeFile("old.xls", cfb("Workbook"))],
      /old Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx/,
    );
  });

  it("a password-protected workbook (encrypted OOXML inside a CFB file)", async () => {
    await expectRefused(
      ["scan", writeFile("secret.xlsx", cfb("EncryptionInfo\0EncryptedPackage"))],
      /password-protected/,
    );
  });

  it("a damaged zip", async () => {
    const good = fs.readFileSync(sample);
    await expectRefused(
      ["scan", writeFile("broken.xlsx", good.subarray(0, Math.floor(good.length / 2)))],
      /could not be read as an \.xlsx workbook/,
    );
  });

  it("a zip that is no workbook", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("hello.txt", "not a workbook");
    await expectRefused(
      ["scan", writeFile("notes.xlsx", await zip.generateAsync({ type: "nodebuffer" }))],
      /notes\.xlsx (could not be read as an \.xlsx workbook|has no worksheets)/,
    );
  });

  it("a text file named .xlsx", async () => {
    await expectRefused(["scan", writeFile("fake.xlsx", "order id,status\n1,shipped\n")], /not a valid Excel workbook/);
  });

  it("an empty file", async () => {
    await expectRefused(["scan", writeFile("empty.xlsx", "")], /empty \(0 bytes\)/);
  });

  it("a file that does not exist", async () => {
    await expectRefused(["scan", path.join(dir, "nowhere.xlsx")], /nowhere\.xlsx: no such file/);
  });

  it("a workbook with no order header on any sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Budget");
    sheet.addRow(["Month", "Spend"]);
    sheet.addRow(["June", 120]);
    const file = path.join(dir, "budget.xlsx");
    await workbook.xlsx.writeFile(file);
    await expectRefused(["scan", file], /no order header found in budget\.xlsx.*"Budget"/);
  });

  it("a CSV with no order header", async () => {
    await expectRefused(["scan", writeFile("list.csv", "fruit,colour\napple,red\n")], /no order header found/);
  });

  it("--sheet naming a sheet without orders, or no sheet at all", async () => {
    await expectRefused(["scan", sample, "--sheet", "Read me"], /no order header found in sheet "Read me"/);
    await expectRefused(["scan", sample, "--sheet", "Nope"], /no sheet "Nope" \(its sheets: "Read me", "Orders"\)/);
  });
});

describe("bad invocations: exit 2 and one line", () => {
  it("no command, an unknown command or option, no file", async () => {
    await expectRefused(["frobnicate"], /unknown command "frobnicate"/);
    await expectRefused(["scan", sample, "--colour"], /unknown option --colour/);
    await expectRefused(["scan"], /scan needs a file/);
  });

  it("a bad --as-of", async () => {
    await expectRefused(["scan", sample, "--as-of", "yesterday"], /--as-of "yesterday": not an ISO-8601 date-time/);
    await expectRefused(["scan", sample, "--as-of", "2025-02-30T10:00"], /--as-of/);
  });

  it("an unknown --tz", async () => {
    await expectRefused(["scan", sample, "--tz", "Mars/Olympus_Mons"], /--tz: unknown time zone "Mars\/Olympus_Mons"/);
  });

  it("a bad --map: no '=', an unknown field, a header the sheet does not have", async () => {
    await expectRefused(["scan", sample, "--map", "paidAt"], /--map needs FIELD=HEADER/);
    await expectRefused(["scan", sample, "--map", "paidWhen=Payment Time"], /--map: unknown field "paidWhen"/);
    await expectRefused(
      ["scan", sample, "--as-of", AS_OF, "--map", "paidAt=Paid On"],
      /--map paidAt="Paid On": no such column in row 3 of sheet "Orders"/,
    );
  });

  it("a --map that names a real column is used", async () => {
    const run = await runCli(["scan", sample, "--as-of", AS_OF, "--map", "firstScanAt=Order Time", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).columns.firstScanAt).toBe("Order Time");
  });

  it("a bad --rules file, with the rulebook's own message", async () => {
    await expectRefused(
      ["scan", sample, "--rules", writeFile("rules.json", "{ handlingDays: 5 ")],
      /--rules .*rules\.json: Rulebook override is not valid JSON/,
    );
    await expectRefused(
      ["scan", sample, "--rules", writeFile("rules2.json", JSON.stringify({ handlingDays: -3 }))],
      /--rules .*rules2\.json: Rulebook override: .*handlingDays/,
    );
    await expectRefused(["scan", sample, "--rules", path.join(dir, "none.json")], /--rules .*none\.json: no such file/);
  });

  it("a valid --rules file changes the judgement", async () => {
    const rules = writeFile("longer.json", JSON.stringify({ dueSoonHours: 0 }));
    const run = await runCli(["scan", sample, "--as-of", AS_OF, "--rules", rules, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).totals.byCode.DUE_SOON).toBeUndefined();
  });

  it("--out or --json naming the input file", async () => {
    const copy = writeFile("mine.xlsx", fs.readFileSync(sample));
    await expectRefused(["scan", copy, "--out", copy], /never overwrites the input/);
    await expectRefused(["scan", copy, `--json=${copy}`], /never overwrites the input/);
  });

  it("--out that is not .xlsx", async () => {
    await expectRefused(["scan", sample, "--out", path.join(dir, "out.csv")], /give it a \.xlsx name/);
  });

  it("--help and --version print and exit 0", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("ae-guard scan <orders.xlsx|orders.csv>");
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("outputs that cannot be written: exit 2 before any work", () => {
  it("--out or --json in a folder that does not exist", async () => {
    await expectRefused(
      ["scan", sample, "--out", path.join(dir, "missing", "out.xlsx")],
      /--out .*out\.xlsx: the folder .*missing does not exist or cannot be written/,
    );
    await expectRefused(
      ["scan", sample, "--json", path.join(dir, "missing", "report.json")],
      /--json .*report\.json: the folder/,
    );
  });
});
