import * as fs from "node:fs";
import * as path from "node:path";
import { buildSampleOrders, sampleCsv, sampleSheet } from "../../src/samples";
import { AS_OF, codesByOrder, runCli, SAMPLES, tempDir, type JsonFinding } from "./helpers";

interface Report {
  source: { file: string; sheet: string; headerRow: number; sheetChoice?: { by: string } };
  asOf: string;
  timeZone: string;
  totals: { orders: number; flaggedOrders: number; byCode: Record<string, number>; points: { total: number } };
  findings: JsonFinding[];
  diagnostics: Array<{ row: number; column: string; value: string; problem: string }>;
}

async function scanJson(file: string, extra: string[] = []): Promise<Report> {
  const run = await runCli(["scan", file, "--as-of", AS_OF, "--json", ...extra]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

const orders = buildSampleOrders();
const zhSheet = sampleSheet("zh-CN");

describe("ae-guard scan on the Chinese sample", () => {
  let report: Report;
  beforeAll(async () => {
    report = await scanJson(path.join(SAMPLES, "orders-zh.xlsx"));
  });

  it("scans the orders sheet (not the read-me sheet before it) from the header under the title row", () => {
    expect(report.source).toMatchObject({ file: "orders-zh.xlsx", sheet: "订单", headerRow: 3 });
    expect(report.source.sheetChoice?.by).toBe("header");
    expect(report.asOf).toBe(AS_OF);
    expect(report.timeZone).toBe("America/Los_Angeles");
    expect(report.totals.orders).toBe(orders.length);
  });

  it("raises on every order exactly the codes the sample was designed to raise", () => {
    const found = codesByOrder(report.findings);
    const wrong = orders
      .map((order) => ({
        id: order.orderId,
        note: order.note,
        want: [...order.expected].sort(),
        got: found.get(order.orderId) ?? [],
      }))
      .filter((entry) => entry.want.join() !== entry.got.join());
    expect(wrong).toEqual([]);
  });

  it("names the sheet rows of each finding, continuation rows included", () => {
    for (const finding of report.findings) {
      expect(finding.rows).toEqual(zhSheet.orderRows[finding.orderId]);
      expect(finding.row).toBe(zhSheet.orderRows[finding.orderId]?.[0]);
    }
    const overdueWithLines = orders.find((order) => order.scenario === "overdue" && order.products.length === 3);
    const finding = report.findings.find((item) => item.orderId === overdueWithLines?.orderId);
    expect(finding?.rows).toHaveLength(3);
  });

  it("counts per code what the design says", () => {
    const designed: Record<string, number> = {};
    for (const order of orders) for (const code of order.expected) designed[code] = (designed[code] ?? 0) + 1;
    expect(report.totals.byCode).toEqual(designed);
    expect(report.totals.flaggedOrders).toBe(orders.filter((order) => order.expected.length > 0).length);
  });

  it("lists the unreadable cells where they are, and still judges those orders", () => {
    const oddOnes = orders.filter((order) => order.expectedDiagnostic);
    for (const order of oddOnes) {
      const row = zhSheet.orderRows[order.orderId]?.[0];
      const diagnostic = report.diagnostics.find((item) => item.row === row);
      expect(diagnostic?.problem).toBe(order.expectedDiagnostic?.problem);
    }
    const unparseable = report.diagnostics.find((item) => item.problem === "UNPARSEABLE_DATE");
    expect(unparseable).toMatchObject({ column: "发货时间", value: "32/13/2025" });
  });
});

describe("the same orders in other files give the same findings", () => {
  const key = (report: Report): string[] =>
    report.findings.map((finding) => `${finding.orderId} ${finding.code} ${finding.row}`).sort();
  let reference: Report;
  beforeAll(async () => {
    reference = await scanJson(path.join(SAMPLES, "orders-zh.xlsx"));
  });

  it.each(["orders-en.xlsx", "orders-en.csv", "orders-zh.csv"])("%s", async (file) => {
    const report = await scanJson(path.join(SAMPLES, file));
    expect(key(report)).toEqual(key(reference));
    expect(report.diagnostics.map((item) => `${item.row} ${item.problem}`)).toEqual(
      reference.diagnostics.map((item) => `${item.row} ${item.problem}`),
    );
    expect(report.totals.points.total).toBe(reference.totals.points.total);
  });

  it.each([
    ["UTF-16 LE", "utf16le", false],
    ["UTF-16 BE", "utf16le", true],
  ] as const)("a CSV in %s", async (_name, encoding, bigEndian) => {
    const dir = tempDir();
    const text = "\ufeff" + sampleCsv(sampleSheet("en"));
    const bytes = Buffer.from(text, encoding);
    if (bigEndian) bytes.swap16();
    const file = path.join(dir, "orders-utf16.csv");
    fs.writeFileSync(file, bytes);
    const report = await scanJson(file);
    expect(key(report)).toEqual(key(reference));
  });
});

describe("ae-guard scan output", () => {
  it("prints a summary table when neither --json nor a JSON path is asked for", async () => {
    const run = await runCli(["scan", path.join(SAMPLES, "orders-en.xlsx"), "--as-of", AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`${orders.length} orders, \\d+ flagged, \\d+ penalty points, 3 shipped by the platform warehouse`),
    );
    expect(run.stdout).toMatch(/OVERDUE_UNSHIPPED\s+.*\s8\s+\d+/);
    expect(run.stdout).toMatch(/SELLER_CANCELLED\s+.*\s4\s+\d+/);
    expect(run.stdout).toContain("Top flagged orders");
    expect(run.stderr).toBe("");
  });

  it("prints it in Chinese with --lang zh-CN", async () => {
    const run = await runCli(["scan", path.join(SAMPLES, "orders-zh.xlsx"), "--as-of", AS_OF, "--lang", "zh-CN"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("主要问题订单");
  });

  it("writes the JSON report to a file with --json PATH and still prints the summary", async () => {
    const dir = tempDir();
    const jsonPath = path.join(dir, "report.json");
    const run = await runCli(["scan", path.join(SAMPLES, "orders-en.csv"), "--as-of", AS_OF, "--json", jsonPath]);
    expect(run.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(jsonPath, "utf8")) as Report;
    expect(report.totals.orders).toBe(orders.length);
    expect(run.stdout).toContain("Top flagged orders");
  });

  it("judges a scan without --as-of at the current time", async () => {
    const later = Date.parse("2025-07-30T12:00:00-07:00");
    const run = await runCli(["scan", path.join(SAMPLES, "orders-en.csv"), "--json"], { now: later });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.asOf).toBe("2025-07-30T12:00:00-07:00");
    // Six weeks later every order still awaiting shipment is overdue.
    // Semi-managed rows are the platform warehouse's to ship, so they are never overdue for the seller.
    const awaiting = orders.filter((order) => order.status === "awaiting" && order.businessMode !== "warehouse").length;
    expect(report.totals.byCode.OVERDUE_UNSHIPPED).toBe(awaiting);
    expect(report.totals.byCode.DUE_SOON).toBeUndefined();
  });

  it("reads --as-of without an offset in --tz", async () => {
    const run = await runCli([
      "scan",
      path.join(SAMPLES, "orders-en.csv"),
      "--as-of",
      "2025-06-16T03:00",
      "--tz",
      "Asia/Shanghai",
      "--json",
    ]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.timeZone).toBe("Asia/Shanghai");
    expect(report.asOf).toBe("2025-06-16T03:00:00+08:00");
  });
});
