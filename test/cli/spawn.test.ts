import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { AS_OF, ROOT, tempDir } from "./helpers";
import { buildSampleOrders } from "../../src/samples";

/** The installed command: bin/ae-guard.js over the compiled lib/ (what `npm ci` builds through the prepare script). */
const BIN = path.join(ROOT, "bin", "ae-guard.js");

function aeGuard(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // Make lib/ current (type errors elsewhere in the tree do not stop tsc from emitting).
  spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 180_000,
    },
  );
  expect(fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))).toBe(true);
}, 200_000);

describe("bin/ae-guard.js", () => {
  it("prints its usage", () => {
    const run = aeGuard(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("ae-guard scan <orders.xlsx|orders.csv>");
  });

  it("scans a CSV to JSON on stdout with nothing on stderr (no progress bar off a terminal)", () => {
    const run = aeGuard(["scan", "samples/orders-en.csv", "--as-of", AS_OF, "--json"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { tool: { name: string; version: string }; totals: { orders: number } };
    expect(report.tool.name).toBe("ae-guard");
    expect(report.totals.orders).toBe(buildSampleOrders().length);
  });

  it("exits 2 with one line for a file it cannot read", () => {
    const run = aeGuard(["scan", "samples/no-such-file.xlsx"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      "ae-guard: samples/no-such-file.xlsx: no such file".replace(
        "samples/no-such-file.xlsx",
        path.join(ROOT, "samples", "no-such-file.xlsx"),
      ),
    ]);
  });

  it("runs the demo from any folder: the Chinese sample into ./demo-output", () => {
    const cwd = tempDir();
    const run = aeGuard(["demo"], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${buildSampleOrders().length} orders`);
    expect(run.stdout).toContain("OVERDUE_UNSHIPPED");
    expect(fs.statSync(path.join(cwd, "demo-output", "orders-zh-scanned.xlsx")).size).toBeGreaterThan(10_000);
  });
});
