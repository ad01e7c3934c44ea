import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { internalErrorText } from "../../src/cli/main";
import { AS_OF, runCli, SAMPLES, tempDir, type CliRun } from "./helpers";

const dir = tempDir();
const csvSample = path.join(SAMPLES, "orders-en.csv");

/** Exit 2, nothing on stdout, one line on stderr and no stack trace. */
function expectOneLine(run: CliRun, message: RegExp): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
}

function soffice(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    const found = spawnSync("which", [name], { encoding: "utf8" });
    if (found.status === 0) return found.stdout.trim();
  }
  return undefined;
}

describe("a table re-saved by LibreOffice, scanned with --out", () => {
  const program = soffice();
  const run = program ? it : it.skip;
  if (!program) console.warn("soffice (LibreOffice) is not installed: the LibreOffice round-trip test is skipped");

  run(
    "writes the copy: LibreOffice writes tables without a style, which the copy now gives them",
    async () => {
      const original = path.join(dir, "table.xlsx");
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("Orders").addTable({
        name: "Orders",
        ref: "A1",
        headerRow: true,
        columns: [
          { name: "Order ID" },
          { name: "Payment Time" },
          { name: "Order Status" },
          { name: "Tracking Number" },
        ],
        rows: [
          ["8100000000000001", "2025-06-01 10:00", "Awaiting shipment", ""],
          ["8100000000000002", "2025-06-02 10:00", "Shipped", "LP00123456789010"],
        ],
      });
      await workbook.xlsx.writeFile(original);
      const converted = path.join(dir, "libreoffice");
      spawnSync(
        program as string,
        [
          `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
          "--headless",
          "--convert-to",
          "xlsx",
          "--outdir",
          converted,
          original,
        ],
        { encoding: "utf8", timeout: 120_000 },
      );
      const resaved = path.join(converted, "table.xlsx");
      expect(fs.existsSync(resaved)).toBe(true);
      // The bug's precondition: LibreOffice's table part names no style.
      const table = await (await import("jszip")).default.loadAsync(fs.readFileSync(resaved));
      const part = Object.keys(table.files).find((name) => name.startsWith("xl/tables/"));
      expect(await table.file(part as string)?.async("string")).not.toContain("tableStyleInfo");

      const out = path.join(dir, "table-scanned.xlsx");
      const scan = await runCli(["scan", resaved, "--as-of", AS_OF, "--out", out, "--quiet"]);
      expect(scan.stderr).toBe("");
      expect(scan.code).toBe(0);
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      expect(copy.worksheets.map((sheet) => sheet.name)).toEqual(["Orders", "AE Violations", "AE Actions"]);
      expect(copy.getWorksheet("Orders")?.getCell("A2").value).toBe("8100000000000001");
    },
    180_000,
  );
});

describe("a CSV wider than Excel's 16,384 columns, with --out", () => {
  it("writes the columns that fit and says what was left out", async () => {
    const header = [
      "Order ID",
      "Payment Time",
      "Order Status",
      ...Array.from({ length: 16_500 }, (_, i) => `Extra ${i + 1}`),
    ];
    const row = [
      "8100000000000001",
      "2025-06-01 10:00",
      "Awaiting shipment",
      ...Array.from({ length: 16_500 }, () => "x"),
    ];
    const file = path.join(dir, "wide.csv");
    fs.writeFileSync(file, `${header.join(",")}\n${row.join(",")}\n`);
    const out = path.join(dir, "wide-scanned.xlsx");
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", out, "--quiet"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /note: .*16,503 columns; Excel holds 16,384, so the copy has columns A to XFD and leaves out the last 119/,
    );
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const sheet = copy.getWorksheet("wide") as ExcelJS.Worksheet;
    expect(sheet.getCell(1, 16_384).value).toBe("Extra 16381");
    expect(sheet.getCell(2, 1).value).toBe("8100000000000001");
  }, 120_000);
});

describe("outputs that cannot be written: one line, and both outputs or neither", () => {
  it("--out in a folder that takes no files", async () => {
    const run = await runCli(["scan", csvSample, "--as-of", AS_OF, "--out", "/proc/x.xlsx", "--quiet"]);
    expectOneLine(
      run,
      /^ae-guard: --out \/proc\/x\.xlsx: (could not be written|the folder \/proc does not exist or cannot be written)/,
    );
  });

  it("--out in a folder that takes no files, for a workbook", async () => {
    const run = await runCli([
      "scan",
      path.join(SAMPLES, "orders-en.xlsx"),
      "--as-of",
      AS_OF,
      "--out",
      "/proc/x.xlsx",
      "--quiet",
    ]);
    expectOneLine(
      run,
      /^ae-guard: --out \/proc\/x\.xlsx: (could not be written|the folder \/proc does not exist or cannot be written)/,
    );
  }, 20_000);

  it("a --json that fails leaves no --out copy behind", async () => {
    const out = path.join(dir, "both-or-neither.xlsx");
    const folder = path.join(dir, "a-folder.json");
    fs.mkdirSync(folder);
    const run = await runCli(["scan", csvSample, "--as-of", AS_OF, "--out", out, `--json=${folder}`, "--quiet"]);
    expectOneLine(run, /--json .*a-folder\.json: could not be written \(it is a folder\); nothing was written/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("a --json in /proc leaves no --out copy behind either", async () => {
    const out = path.join(dir, "neither.xlsx");
    const run = await runCli(["scan", csvSample, "--as-of", AS_OF, "--out", out, "--json=/proc/r.json", "--quiet"]);
    expectOneLine(
      run,
      /--json \/proc\/r\.json: (could not be written|the folder \/proc does not exist or cannot be written)/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("an earlier copy at the --out path is left as it was when --json fails", async () => {
    const out = path.join(dir, "earlier.xlsx");
    fs.writeFileSync(out, "earlier copy");
    const run = await runCli(["scan", csvSample, "--as-of", AS_OF, "--out", out, "--json=/proc/r.json", "--quiet"]);
    expect(run.code).toBe(2);
    expect(fs.readFileSync(out, "utf8")).toBe("earlier copy");
  });
});

describe("--rules files that crashed: one line each", () => {
  const rules = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it.each([
    ["constructor.json", '{"families":{"constructor":{}}}', /families\.constructor is not a known family/],
    ["tostring.json", '{"tracks":{"toString":{"validityDays":3}}}', /tracks\.toString is not a known track/],
    ["track-constructor.json", '{"tracks":{"constructor":{}}}', /tracks\.constructor is not a known track/],
    [
      "deep.json",
      `{"families":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      /nested (more than 12 levels deep|too deeply)/,
    ],
  ])("%s", async (name, text, message) => {
    const run = await runCli(["scan", csvSample, "--as-of", AS_OF, "--rules", rules(name, text), "--quiet"]);
    expectOneLine(run, message);
  });

  it("a folder instead of a file", async () => {
    const run = await runCli(["scan", csvSample, "--as-of", AS_OF, "--rules", dir, "--quiet"]);
    expectOneLine(run, /--rules .*: is a folder; give the override's \.json file/);
  });
});

describe("an internal error", () => {
  const bug = new TypeError("Cannot read properties of null (reading 'theme')");

  it("prints one line and where to report it, no stack trace", () => {
    delete process.env.AE_GUARD_DEBUG;
    const text = internalErrorText(bug);
    expect(text.trimEnd().split("\n")).toHaveLength(1);
    expect(text).toMatch(
      /^ae-guard: internal error: Cannot read properties of null \(reading 'theme'\)\. This is a bug in AE Guard: please report it/,
    );
    expect(text).not.toMatch(/\bat /);
  });

  it("shows the trace with AE_GUARD_DEBUG=1", () => {
    process.env.AE_GUARD_DEBUG = "1";
    try {
      expect(internalErrorText(bug)).toMatch(/\n\s+at /);
    } finally {
      delete process.env.AE_GUARD_DEBUG;
    }
  });
});

describe("a CSV cell longer than an Excel cell holds, with --out", () => {
  it("is cut to 32,767 characters in the copy, with a note naming the cell; the scan reads it whole", async () => {
    const file = path.join(dir, "long-cell.csv");
    const note = "x".repeat(40_000);
    fs.writeFileSync(
      file,
      `Order ID,Payment Time,Order Status,Note\n8100000000000001,2025-06-01 10:00,Awaiting shipment,${note}\n`,
    );
    const out = path.join(dir, "long-cell-scanned.xlsx");
    const run = await runCli(["scan", file, "--as-of", AS_OF, "--out", out, "--quiet"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "ae-guard: note: 1 cell of long-cell.csv (D2) holds more than the 32,767 characters an Excel cell can; the copy has the first 32,767",
    );
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(String(copy.getWorksheet("long-cell")?.getCell("D2").value)).toHaveLength(32_767);
  });
});
