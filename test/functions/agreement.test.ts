import "./support/customFunctionsStub";
import { status } from "../../src/functions/functions";
import { resetFunctionSettings, setFunctionSettings } from "../../src/functions/settings";
import { scanGrid } from "../../src/core/scan";
import type { CellValue } from "../../src/core/model";

/**
 * AE.STATUS over a range must give, row for row, the codes the scan gives for the same rows. Orders are generated
 * with a seeded pseudo-random source (the same every run): awaiting / shipped on time / shipped late, valid /
 * invalid / placeholder / duplicate / missing tracking numbers, deadlines given or computed, around both DST changes.
 */

/** mulberry32: a small seeded generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** A wall-clock reading (encoded as if UTC) as the 1900-system serial Excel would pass. */
const serialOf = (wallMs: number): number => (wallMs - EXCEL_EPOCH) / DAY;
const pad = (n: number): string => String(n).padStart(2, "0");
/** Text dates as sheets write them: ISO, or day-first as in many European exports. */
const dateText = (wallMs: number, style: "iso" | "dayFirst"): string => {
  const d = new Date(wallMs);
  const [y, m, day, time] = [
    d.getUTCFullYear(),
    pad(d.getUTCMonth() + 1),
    pad(d.getUTCDate()),
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  ];
  return style === "iso" ? `${y}-${m}-${day} ${time}` : `${day}/${m}/${y} ${time}`;
};

/** A UPU S10 number with a correct check digit (weights 8 6 4 2 3 5 9 7). */
function s10(serialNumber: number, valid: boolean): string {
  const digits = String(serialNumber).padStart(8, "0");
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  let check = 11 - (sum % 11);
  if (check === 10) check = 0;
  if (check === 11) check = 5;
  if (!valid) check = (check + 1) % 10;
  return `LX${digits}${check}CN`;
}

interface Scenario {
  name: string;
  seed: number;
  /** Wall-clock "now" in Los Angeles. */
  asOfWall: number;
  orders: number;
  withDeadlineColumn: boolean;
  textDates: "iso" | "dayFirst";
}

function generate(scenario: Scenario): CellValue[][] {
  const next = random(scenario.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const rows: CellValue[][] = [];
  const usedNumbers: string[] = [];
  let serialNumber = 10_000_000 + Math.floor(next() * 1_000_000);
  for (let i = 0; i < scenario.orders; i++) {
    // Payments 20 days before to 2 days after asOf - 7 days, so deadlines fall before, around and after asOf, and
    // across the DST change near it. Minutes vary so some deadlines sit within hours of asOf.
    const paidWall =
      scenario.asOfWall - 20 * DAY + Math.floor(next() * 15 * 24) * HOUR + Math.floor(next() * 60) * 60_000;
    const deadlineWall = paidWall + 7 * DAY;
    const shipping = pick(["awaiting", "onTime", "late", "late"] as const);
    let shippedWall: number | undefined;
    if (shipping === "onTime") shippedWall = paidWall + Math.floor(next() * 6 * 24) * HOUR;
    if (shipping === "late") shippedWall = deadlineWall + Math.floor(next() * 72 + 1) * HOUR - 30 * 60_000;
    if (shippedWall !== undefined && shippedWall > scenario.asOfWall) shippedWall = undefined;

    let tracking: CellValue = "";
    // Most orders still awaiting shipment have no tracking number yet.
    const kind =
      shippedWall === undefined && next() < 0.7
        ? "missing"
        : pick(["valid", "valid", "valid", "invalid", "placeholder", "duplicate", "missing", "number"] as const);
    if (kind === "valid") tracking = s10(serialNumber++, true);
    if (kind === "invalid") tracking = s10(serialNumber++, false);
    if (kind === "placeholder") tracking = pick(["N/A", "000000000", "无", "-", "LP00123456789012"]);
    if (kind === "duplicate")
      tracking = usedNumbers.length > 0 ? pick(usedNumbers).toLowerCase() : s10(serialNumber++, true);
    if (kind === "number") tracking = 3318810025; // a DHL Express number Excel holds as a number
    if (typeof tracking === "string" && /^LX/.test(tracking)) usedNumbers.push(tracking);

    const asText = next() < 0.15;
    const date = (wall: number | undefined): CellValue =>
      wall === undefined ? (next() < 0.5 ? "" : null) : asText ? dateText(wall, scenario.textDates) : serialOf(wall);
    const row: CellValue[] = [date(paidWall), date(shippedWall), tracking];
    if (scenario.withDeadlineColumn) {
      // Some sheets give their own deadline (12 hours earlier here, so it decides); some rows leave it blank.
      row.push(next() < 0.5 ? date(deadlineWall - 12 * HOUR) : "");
    }
    rows.push(row);
  }
  return rows;
}

const LA = "America/Los_Angeles";
/** The Los Angeles wall clock as an instant, the way the test states "now" to the scan. */
function laInstant(wall: number): number {
  const probe = new Date(wall);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: LA,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(probe);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const offset = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute")) - wall;
  return wall - offset;
}

const SCENARIOS: Scenario[] = [
  {
    name: "around the spring DST change, with a deadline column",
    seed: 20250309,
    asOfWall: Date.UTC(2025, 2, 14, 9),
    orders: 300,
    withDeadlineColumn: true,
    textDates: "iso",
  },
  {
    name: "around the autumn DST change, without a deadline column",
    seed: 20251102,
    asOfWall: Date.UTC(2025, 10, 6, 16, 30),
    orders: 300,
    withDeadlineColumn: false,
    textDates: "iso",
  },
  {
    name: "summer, day-first text dates among the serials",
    seed: 7,
    asOfWall: Date.UTC(2025, 6, 15, 12),
    orders: 200,
    withDeadlineColumn: true,
    textDates: "dayFirst",
  },
];

beforeEach(() => resetFunctionSettings());

describe.each(SCENARIOS)("AE.STATUS agrees with the scan: $name", (scenario) => {
  it("row by row", () => {
    const rows = generate(scenario);
    const header = scenario.withDeadlineColumn
      ? ["付款时间", "发货时间", "运单号", "发货期限"]
      : ["Payment Time", "Shipped Time", "Tracking Number"];
    const asOf = laInstant(scenario.asOfWall);
    const scan = scanGrid({ grid: { name: "Orders", rows: [header, ...rows] }, options: { asOf, timeZone: LA } });
    expect(scan.diagnostics).toEqual([]);

    const codesByRow = new Map<number, string[]>();
    for (const finding of scan.findings) {
      const codes = codesByRow.get(finding.row) ?? [];
      codes.push(finding.code);
      codesByRow.set(finding.row, codes);
    }
    const expected = rows.map((row, i) => {
      const blank = row.every((cell) => cell === "" || cell === null);
      if (blank) return "";
      return codesByRow.get(i + 2)?.join(", ") ?? "OK";
    });

    const columnOf = (index: number) => rows.map((row) => [row[index]]);
    const result = status(
      columnOf(0),
      columnOf(1),
      columnOf(2),
      scenario.withDeadlineColumn ? columnOf(3) : undefined,
      [[serialOf(scenario.asOfWall)]],
    );
    expect(result.map(([cell]) => cell)).toEqual(expected);

    // The generated orders do exercise every code the three columns can raise.
    const seen = new Set(scan.findings.map((finding) => finding.code));
    const codes = [
      "OVERDUE_UNSHIPPED",
      "DUE_SOON",
      "SHIPPED_LATE",
      "MISSING_TRACKING",
      "INVALID_TRACKING",
      "DUPLICATE_TRACKING",
    ];
    for (const code of codes) {
      expect(seen).toContain(code);
    }
  });
});

it("agrees in another sheet zone and with the workbook's default handling days", () => {
  const scenario = SCENARIOS[1];
  const zone = "Asia/Shanghai";
  setFunctionSettings({ timeZone: zone, handlingDays: 5 });
  const rows = generate({ ...scenario, seed: 99 });
  const asOfWall = scenario.asOfWall;
  const asOf = asOfWall - 8 * HOUR; // Shanghai is UTC+8 all year
  const scan = scanGrid({
    grid: { name: "Orders", rows: [["付款时间", "发货时间", "运单号"], ...rows] },
    options: { asOf, timeZone: zone, handlingDays: 5 },
  });
  const result = status(
    rows.map((row) => [row[0]]),
    rows.map((row) => [row[1]]),
    rows.map((row) => [row[2]]),
    undefined,
    [[serialOf(asOfWall)]],
  );
  const codes = new Map<number, string[]>();
  for (const finding of scan.findings) codes.set(finding.row, [...(codes.get(finding.row) ?? []), finding.code]);
  result.forEach(([cell], i) => {
    const blank = rows[i].every((value) => value === "" || value === null);
    expect(cell).toBe(blank ? "" : (codes.get(i + 2)?.join(", ") ?? "OK"));
  });
});

describe("AE.STATUS agrees with the scan on the logistics codes (carrier, buyer's service, first scan)", () => {
  const CARRIERS = [
    "UPS",
    "DHL",
    "YANWEN",
    "China Post",
    "AliExpress Standard Shipping",
    "无忧物流-简易",
    "Foo Express",
    "",
  ];
  const SERVICES = [
    "AliExpress Standard Shipping",
    "AliExpress Premium Shipping",
    "无忧物流-简易",
    "EMS",
    "Bar Line",
    "",
  ];

  function generateLogistics(seed: number, asOfWall: number, count: number): CellValue[][] {
    const next = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const rows: CellValue[][] = [];
    let serialNumber = 30_000_000 + Math.floor(next() * 1_000_000);
    for (let i = 0; i < count; i++) {
      const paidWall = asOfWall - 20 * DAY + Math.floor(next() * 10 * 24) * HOUR;
      const shippedWall = paidWall + Math.floor(next() * 5 * 24) * HOUR;
      const tracking = pick([
        s10(serialNumber++, true),
        s10(serialNumber++, true),
        "LP00649731204655",
        `CAINIAO_STANDARD:${s10(serialNumber++, true)}`,
      ]);
      // First scans from three days before payment (another parcel's number) to nine days after shipment.
      const scanWall = pick([
        paidWall - 3 * DAY,
        paidWall - 6 * HOUR,
        shippedWall + 1 * DAY,
        shippedWall + 9 * DAY,
        undefined,
      ]);
      rows.push([
        serialOf(paidWall),
        serialOf(shippedWall),
        tracking,
        pick(CARRIERS),
        pick(SERVICES),
        scanWall === undefined ? "" : serialOf(scanWall),
      ]);
    }
    return rows;
  }

  it("row by row, and the orders raise each new code", () => {
    const asOfWall = Date.UTC(2025, 6, 15, 12);
    const rows = generateLogistics(2112, asOfWall, 300);
    const header = ["付款时间", "发货时间", "运单号", "实际发货物流", "买家选择物流", "上网时间"];
    const scan = scanGrid({
      grid: { name: "Orders", rows: [header, ...rows] },
      options: { asOf: laInstant(asOfWall), timeZone: LA },
    });
    expect(scan.diagnostics.map((d) => d.problem).filter((p) => p !== "UNKNOWN_LOGISTICS_NAME")).toEqual([]);
    const codesByRow = new Map<number, string[]>();
    for (const finding of scan.findings)
      codesByRow.set(finding.row, [...(codesByRow.get(finding.row) ?? []), finding.code]);
    const columnOf = (index: number) => rows.map((row) => [row[index]]);
    const result = status(
      columnOf(0),
      columnOf(1),
      columnOf(2),
      undefined,
      [[serialOf(asOfWall)]],
      undefined,
      columnOf(3),
      columnOf(4),
      columnOf(5),
    );
    expect(result.map(([cell]) => cell)).toEqual(rows.map((_, i) => codesByRow.get(i + 2)?.join(", ") ?? "OK"));
    const seen = new Set(scan.findings.map((finding) => finding.code));
    for (const code of ["SCAN_BEFORE_PAYMENT", "CARRIER_MISMATCH", "SERVICE_DOWNGRADE", "NOT_ONLINE"])
      expect(seen).toContain(code);
  });
});
