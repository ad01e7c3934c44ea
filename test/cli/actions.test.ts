import * as fs from "node:fs";
import * as path from "node:path";
import { MESSAGE_TEMPLATES } from "../../src/core/actions";
import { AS_OF, runCli, SAMPLES, tempDir } from "./helpers";

interface Report {
  totals: { byCode: Record<string, number>; points: { total: number } };
  actions: {
    shipNow: {
      sellerTimeZone: string;
      counts: Record<string, number>;
      items: Array<{ orderId: string; row: number; hoursLeft: number; band: string; deadlineInSellerZone: string }>;
    };
    whatIf: { orders: string[]; pointsIfShipped: number; pointsIfMissed: number; sentence: string };
    messages: Array<{ orderId: string; kind: string; language: string; text: string }>;
    trackingFixes: Array<{ orderId: string; code: string; problem: string; fix: string }>;
    notes: string[];
    appealEvidence: Array<{
      orderId: string;
      row: number;
      codes: string[];
      trackingNumber?: string;
      numberCarrier?: string;
      findings: string[];
      checklist: Array<{ en: string; zh: string }>;
    }>;
  };
  findings: Array<{ orderId: string; code: string }>;
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
    // A delay draft for each overdue or urgent order, then an apology for each order shipped late, in its buyer's
    // language (the sample's buyers are in many countries).
    const { messages, trackingFixes } = report.actions;
    const delays = messages.filter((message) => message.kind === "delay");
    expect(delays.map((message) => message.orderId)).toEqual(
      shipNow.items.filter((item) => item.band === "overdue" || item.band === "urgent").map((item) => item.orderId),
    );
    const late = report.findings.filter((finding) => finding.code === "SHIPPED_LATE").map((finding) => finding.orderId);
    expect(late).toHaveLength(report.totals.byCode.SHIPPED_LATE as number);
    expect(messages.filter((message) => message.kind === "shippedLate").map((message) => message.orderId)).toEqual(
      late,
    );
    // And a "tracking updated" draft, to send once fixed, for each order whose fix is a new or corrected number.
    const renumbered = new Set(
      trackingFixes.filter((fix) => !["NOT_ONLINE", "SERVICE_DOWNGRADE"].includes(fix.code)).map((fix) => fix.orderId),
    );
    const updated = messages.filter((message) => message.kind === "trackingUpdated");
    expect(updated.map((message) => message.orderId).sort()).toEqual([...renumbered].sort());
    expect(messages).toHaveLength(delays.length + late.length + updated.length);
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
    // Appeal evidence for each order with a false-shipment finding (NOT_ONLINE is the online-rate family's).
    const falseShipment = new Set(tracking.filter((code) => code !== "NOT_ONLINE"));
    const appealed = new Set(report.findings.filter((f) => falseShipment.has(f.code)).map((f) => f.orderId));
    const { appealEvidence } = report.actions;
    expect(appealEvidence.map((item) => item.orderId).sort()).toEqual([...appealed].sort());
    const mismatch = appealEvidence.find((item) => item.codes.includes("CARRIER_MISMATCH"));
    expect(mismatch?.numberCarrier).toBe("China Post");
    expect(mismatch?.findings[0]).toContain(mismatch?.trackingNumber);
    expect(mismatch?.checklist[1]).toEqual({
      en: "The carrier's or forwarder's hand-over or collection receipt, dated, naming the tracking number.",
      zh: "物流商或货代的交接单或揽收凭证（有日期并注明运单号）。",
    });
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
    // Time left to the minute, as the pane shows it, and never cut short in the table.
    expect(lines[3]).toMatch(/\s\d+ d \d+ h \d+ min late\s+2025-06-\d\d \d\d:\d\d\s/);
    expect(run.stdout).toMatch(
      /Ship these \d+ orders in time and you stay at \d+ points; miss them and you reach \d+ points: /,
    );
    expect(run.stdout.indexOf("Ship now:")).toBeLessThan(run.stdout.indexOf("Scanned orders-en.xlsx"));
    // One short appeal section: the count, the first orders' record, what every appeal attaches.
    expect(run.stdout).toMatch(/^Appeal evidence: 18 orders with a false-shipment finding$/m);
    expect(run.stdout).toMatch(
      /^Attach: Screenshot of the parcel's logistics record .* hand-over or collection receipt/m,
    );
  });

  it("refuses an unknown --my-tz with one line", async () => {
    const run = await runCli(["scan", path.join(SAMPLES, "orders-en.xlsx"), "--my-tz", "Mars/Base"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ae-guard: --my-tz: unknown time zone "Mars/Base" (use an IANA name such as Asia/Shanghai)\n',
    );
  });

  describe("--templates", () => {
    const scanWith = async (templates: string, ...more: string[]) =>
      runCli(["scan", path.join(SAMPLES, "orders-en.xlsx"), "--as-of", AS_OF, "--templates", templates, ...more]);
    const write = (name: string, text: string): string => {
      const file = path.join(tempDir(), name);
      fs.writeFileSync(file, text);
      return file;
    };

    it("drafts with the seller's wording where the file gives it, built-in elsewhere", async () => {
      const file = write("mine.json", JSON.stringify({ en: { delay: "Hi, order {orderId} ships by {shipDate}." } }));
      const run = await scanWith(file, "--json");
      expect([run.code, run.stderr]).toEqual([0, ""]);
      const { messages, notes } = (JSON.parse(run.stdout) as Report).actions;
      const english = messages.filter((m) => m.kind === "delay" && m.language === "en");
      expect(english.length).toBeGreaterThan(0);
      for (const message of english) expect(message.text).toBe(`Hi, order ${message.orderId} ships by 2025-06-16.`);
      expect(messages.find((m) => m.kind === "delay" && m.language !== "en")?.text).not.toMatch(/^Hi, order/);
      expect(notes).toEqual([]);
    });

    it("refuses a template missing a placeholder with a note naming the file and key; the scan goes on", async () => {
      const file = write("mine.json", JSON.stringify({ es: { delay: "El pedido {orderId} se retrasa." } }));
      const run = await scanWith(file, "--json");
      expect(run.code).toBe(0);
      const note = `--templates ${file}: es.delay lacks {shipDate}; the built-in templates are used.`;
      expect(run.stderr).toBe(`ae-guard: note: ${note}\n`);
      const { messages, notes } = (JSON.parse(run.stdout) as Report).actions;
      expect(notes).toContain(note);
      expect(messages.find((m) => m.language === "es")?.text).toBe(
        MESSAGE_TEMPLATES.es.delay
          .replace("{orderId}", messages.find((m) => m.language === "es")?.orderId as string)
          .replace("{shipDate}", "2025-06-16"),
      );
    });

    it("says so in the terminal output for a bad key, bad JSON or a missing file", async () => {
      const badKey = write("key.json", JSON.stringify({ en: { apology: "Sorry {orderId}" } }));
      const key = await scanWith(badKey);
      expect(key.code).toBe(0);
      expect(key.stdout).toContain(
        `--templates ${badKey}: unknown key "apology" in en (known: delay, shippedLate, trackingUpdated); the built-in templates are used.`,
      );
      const badJson = write("broken.json", '{ "en": ');
      const json = await scanWith(badJson);
      expect(json.stdout).toMatch(
        /--templates .*broken\.json: is not valid JSON \(.+\); the built-in templates are used\./,
      );
      expect(json.stdout).toMatch(/^Ship now: /);
      const missing = await scanWith("nowhere.json", "--lang", "zh-CN");
      expect(missing.code).toBe(0);
      expect(missing.stdout).toContain("--templates nowhere.json：文件不存在；已改用内置模板。");
      expect(missing.stdout).toMatch(/^申诉材料：18 个订单有虚假发货问题$/m);
      expect(missing.stdout).toMatch(/^需附上：包裹物流轨迹截图.*。物流商或货代的交接单或揽收凭证/m);
    });
  });
});
