import * as path from "node:path";
import { AS_OF, runCli, SAMPLES } from "./helpers";

interface Report {
  totals: { byCode: Record<string, number>; points: { total: number } };
  actions: {
    shipNow: {
      sellerTimeZone: string;
      counts: Record<string, number>;
      items: Array<{ orderId: string; row: number; hoursLeft: number; band: string; deadlineInSellerZone: string }>;
    };
    whatIf: { orders: string[]; pointsIfShipped: number; pointsIfMissed: number; sentence: string };
    messages: Array<{ orderId: string; language: string; text: string }>;
    trackingFixes: Array<{ orderId: string; code: string; problem: string; fix: string }>;
  };
}

describe("ae-guard scan: what to do now", () => {
  it("--json gains the ship-now list, most urgent first, with deadlines in the seller's zone, and the what-if", async () => {
    const run = await runCli([
      "scan",
      path.join(SAMPLES, "orders-en.xlsx"),
      "--as-of",
      AS_OF,
      "--my-tz",
      "Asia/Shanghai",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    const { shipNow, whatIf } = report.actions;
    expect(shipNow.sellerTimeZone).toBe("Asia/Shanghai");
    // The overdue orders are the scan's OVERDUE_UNSHIPPED ones; those due within 24 h its DUE_SOON ones.
    expect(shipNow.counts.overdue).toBe(report.totals.byCode.OVERDUE_UNSHIPPED);
    expect(shipNow.counts.urgent).toBe(report.totals.byCode.DUE_SOON);
    const hours = shipNow.items.map((item) => item.hoursLeft);
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
    expect(shipNow.items[0]?.band).toBe("overdue");
    // Missing each order due within 48 h adds one 成交不卖 case (2 points) to the scan's points.
    expect(whatIf.pointsIfShipped).toBe(report.totals.points.total);
    expect(whatIf.orders).toHaveLength(shipNow.counts.urgent + shipNow.counts.soon);
    expect(whatIf.pointsIfMissed).toBe(whatIf.pointsIfShipped + 2 * whatIf.orders.length);
    // A draft for each overdue or urgent order, in its buyer's language (the sample's buyers are in many countries).
    const { messages, trackingFixes } = report.actions;
    expect(messages).toHaveLength(shipNow.counts.overdue + shipNow.counts.urgent);
    expect(new Set(messages.map((message) => message.language)).size).toBeGreaterThan(2);
    for (const message of messages) expect(message.text).toContain(message.orderId);
    // A fix for each tracking finding, naming what is wrong.
    const tracking = [
      "MISSING_TRACKING",
      "INVALID_TRACKING",
      "DUPLICATE_TRACKING",
      "NOT_ONLINE",
      "SCAN_BEFORE_PAYMENT",
      "CARRIER_MISMATCH",
      "SERVICE_DOWNGRADE",
    ];
    expect(trackingFixes).toHaveLength(tracking.reduce((sum, code) => sum + (report.totals.byCode[code] ?? 0), 0));
    expect(trackingFixes.find((fix) => fix.code === "CARRIER_MISMATCH")?.problem).toMatch(
      /^Declared UPS; LX\d+CN is a China Post/,
    );
  });

  it("the terminal output leads with the ship-now list and the what-if line", async () => {
    const run = await runCli([
      "scan",
      path.join(SAMPLES, "orders-en.xlsx"),
      "--as-of",
      AS_OF,
      "--my-tz",
      "Asia/Shanghai",
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^Ship now: 8 overdue, 6 due within 24 h, \d+ due within 48 h, \d+ later$/);
    expect(run.stdout).toMatch(
      /Ship these \d+ orders in time and you stay at \d+ points; miss them and you reach \d+ points: /,
    );
    expect(run.stdout.indexOf("Ship now:")).toBeLessThan(run.stdout.indexOf("Scanned orders-en.xlsx"));
  });

  it("refuses an unknown --my-tz with one line", async () => {
    const run = await runCli(["scan", path.join(SAMPLES, "orders-en.xlsx"), "--my-tz", "Mars/Base"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ae-guard: --my-tz: unknown time zone "Mars/Base" (use an IANA name such as Asia/Shanghai)\n',
    );
  });
});
