/**
 * The AE.* formulas over whole columns. Goal: 1,000,000 AE.STATUS evaluations (10 spilled calls of 100,000 rows,
 * as Excel would pass a B2:B100001 range) in at most 1 s on the 2-core reference machine. The per-row overhead of
 * the formula is its time minus the core's own judgement (`judgeOrders`, which AE.STATUS and the scan share) on the
 * same orders, in a table built beforehand. Also AE.DEADLINE over 100,000 rows.
 */
import type { BenchResult } from "./types";
import type { CanonicalField } from "../src/core/model";
import { evaluationContext } from "../src/core/evaluate/evaluationContext";
import { judgeOrders } from "../src/core/evaluate/judgeOrders";
import { NUMBER, OrderTable, TEXT } from "../src/core/orders/orderTable";
import { wallClockToInstant } from "../src/core/dates/zone";
import { s10Check } from "../src/core/tracking/checksums";
import { functionSettings, resetFunctionSettings } from "../src/functions/settings";
import { statusResults } from "../src/functions/logic/status";
import { deadlineResults } from "../src/functions/logic/deadline";
import { seededRandom } from "../src/samples/prng";

const ROWS = 100_000;
const CALLS = 10;
const DEADLINE_ROUNDS = 5;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

interface Columns {
  paidAt: unknown[][];
  shippedAt: unknown[][];
  trackingNumber: unknown[][];
  asOfWall: number;
}

/**
 * An order sheet's three columns as Excel passes them: serials, blanks (null) and tracking text, parsed from JSON
 * (Excel hands a custom function its arguments as JSON, so its strings are flat, not the concatenations made here).
 * Run node with --expose-gc (npm run bench does) so each call's input is parsed into a collected heap.
 */
function orderColumns(seed: number): Columns {
  const next = seededRandom(seed).next;
  const asOfWall = Date.UTC(2025, 10, 6, 12); // a week after the autumn DST change
  const paidAt: unknown[][] = [];
  const shippedAt: unknown[][] = [];
  const trackingNumber: unknown[][] = [];
  let serialNumber = 10_000_000;
  for (let i = 0; i < ROWS; i++) {
    const paidWall = asOfWall - 20 * DAY + Math.floor(next() * 15 * 24) * HOUR;
    const roll = next();
    const shippedWall = roll < 0.2 ? undefined : paidWall + Math.floor(next() * 9 * 24) * HOUR;
    let tracking: string | null = null;
    if (shippedWall !== undefined) {
      const kind = next();
      if (kind < 0.8) {
        const body = `LX${serialNumber++}`;
        tracking = body + String.fromCharCode(s10Check(body, 2, 10)) + "CN";
      } else if (kind < 0.9) tracking = `LX${serialNumber++}0CN`;
      else if (kind < 0.95) tracking = "N/A";
    }
    paidAt.push([(paidWall - EXCEL_EPOCH) / DAY]);
    shippedAt.push([shippedWall === undefined ? null : (Math.min(shippedWall, asOfWall - HOUR) - EXCEL_EPOCH) / DAY]);
    trackingNumber.push([tracking]);
  }
  const json = JSON.stringify({ paidAt, shippedAt, trackingNumber, asOfWall });
  paidAt.length = shippedAt.length = trackingNumber.length = 0;
  // Excel's runtime parses a call's arguments into a heap it collected while idle, so the columns are parsed after a
  // collection (see BENCHMARKS.md).
  collectGarbage();
  return JSON.parse(json) as Columns;
}

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

const ms = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e6;
/** CPU time of this process (user + system, GC threads included) since `from`, in ms: steadier than wall time on a shared machine. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/** The same orders in the core's table, as the formula would build it (untimed). */
function tableOf(columns: Columns, timeZone: string): OrderTable {
  const table = new OrderTable(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const order = table.add(String(i + 1), i + 1);
    const paid = columns.paidAt[i][0] as number;
    const shipped = columns.shippedAt[i][0] as number | null;
    const tracking = columns.trackingNumber[i][0] as string | null;
    table.setNumber(order, NUMBER.paidAt, wallClockToInstant(EXCEL_EPOCH + paid * DAY, timeZone));
    if (shipped !== null) {
      table.setNumber(order, NUMBER.shippedAt, wallClockToInstant(EXCEL_EPOCH + shipped * DAY, timeZone));
    }
    if (tracking !== null) table.setText(order, TEXT.trackingNumber, tracking);
  }
  return table;
}

export async function run(): Promise<BenchResult> {
  resetFunctionSettings();
  const settings = functionSettings();
  const asOfWall = orderColumns(0).asOfWall;
  const asOfSerial = (asOfWall - EXCEL_EPOCH) / DAY;
  const asOf = wallClockToInstant(asOfWall, settings.timeZone);
  const present = new Set<CanonicalField>(["paidAt", "shippedAt", "trackingNumber"]);
  const ctx = evaluationContext(
    { asOf, timeZone: settings.timeZone, handlingDays: settings.handlingDays, dueSoonHours: settings.dueSoonHours },
    settings.rulebook,
    present,
  );
  let coreCodes = 0;
  const countingSink = {
    flag(): void {
      coreCodes++;
    },
  };

  // Warm-up: one call of each, so the timings are of optimised code.
  const warm = orderColumns(1);
  statusResults({ ...warm, asOf: [[asOfSerial]] }, settings, asOf);
  judgeOrders(tableOf(warm, settings.timeZone), ctx, countingSink);
  coreCodes = 0;
  deadlineResults(warm.paidAt, null, settings);

  // Each call's columns are made just before it (untimed) and dropped after, as Excel hands over one range at a time.
  let statusMs = 0;
  let coreMs = 0;
  let statusCpuMs = 0;
  let coreCpuMs = 0;
  let flagged = 0;
  let formulaCodes = 0;
  for (let call = 0; call < CALLS; call++) {
    const columns = orderColumns(20251106 + call);
    let start = process.hrtime.bigint();
    let cpu = process.cpuUsage();
    const result = statusResults({ ...columns, asOf: [[asOfSerial]] }, settings, asOf);
    statusMs += ms(start);
    statusCpuMs += cpuMs(cpu);
    if (result.length !== ROWS) throw new Error("AE.STATUS did not spill one result per row");
    for (const [cell] of result) {
      if (cell === "OK") continue;
      flagged++;
      formulaCodes += String(cell).split(", ").length;
    }

    // The core's judgement alone on the same orders, in a table built beforehand: the formula adds the difference.
    const table = tableOf(columns, settings.timeZone);
    start = process.hrtime.bigint();
    cpu = process.cpuUsage();
    judgeOrders(table, ctx, countingSink);
    coreMs += ms(start);
    coreCpuMs += cpuMs(cpu);
  }

  if (formulaCodes !== coreCodes) {
    throw new Error(`AE.STATUS gave ${formulaCodes} codes where the core raised ${coreCodes}`);
  }

  const deadlineTimes: number[] = [];
  for (let round = 0; round < DEADLINE_ROUNDS; round++) {
    const paidAt = orderColumns(round).paidAt;
    const start = process.hrtime.bigint();
    deadlineResults(paidAt, null, settings);
    deadlineTimes.push(ms(start));
  }
  deadlineTimes.sort((a, b) => a - b);
  const deadlineMs = deadlineTimes[Math.floor(DEADLINE_ROUNDS / 2)];

  const evaluations = ROWS * CALLS;
  const overheadNs = ((statusMs - coreMs) * 1e6) / evaluations;
  return {
    name: "AE.* formulas (custom functions)",
    figures: {
      "AE.STATUS evaluations": `${CALLS} calls × ${ROWS.toLocaleString("en-US")} rows`,
      "AE.STATUS total, wall (goal ≤ 1000 ms)": `${statusMs.toFixed(0)} ms`,
      "AE.STATUS total, CPU": `${statusCpuMs.toFixed(0)} ms`,
      "AE.STATUS per row, wall": `${((statusMs * 1e6) / evaluations).toFixed(0)} ns`,
      "core judgeOrders alone on the same orders, wall / CPU": `${coreMs.toFixed(0)} ms / ${coreCpuMs.toFixed(0)} ms`,
      "formula overhead per row (reading cells, filling the table, joining codes, spilling), wall": `${overheadNs.toFixed(0)} ns`,
      "formula overhead per row, CPU": `${(((statusCpuMs - coreCpuMs) * 1e6) / evaluations).toFixed(0)} ns`,
      "rows flagged": `${((100 * flagged) / evaluations).toFixed(1)} %`,
      "AE.DEADLINE, 100,000 rows (median of 5)": `${deadlineMs.toFixed(1)} ms`,
      "AE.DEADLINE per row": `${((deadlineMs * 1e6) / ROWS).toFixed(0)} ns`,
    },
    notes: [
      "Inputs as Excel passes them: a column of serial dates, blanks as null, tracking numbers as text (80 % valid UPU S10, 10 % bad check digit, 5 % placeholder, rest blank).",
      "One judgeOrders call per spilled range, so DUPLICATE_TRACKING is found across the range; the formula makes no findings, messages, points or assessment, which it does not show.",
    ],
  };
}
