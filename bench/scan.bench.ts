/**
 * The whole core scan (read + evaluate + duplicates + points) on Excel's largest sheet, 1,048,576 rows x 20
 * columns, the grid the reader bench builds. Goal of step 2: at least 1,000,000 rows/s. Reports the reader alone
 * beside it so the evaluation's share shows, and peak memory. Building the grid is not timed.
 */
import { loadavg } from "os";
import { scanGrid } from "../src/core/scan";
import { readOrderSheet } from "../src/core/sheet";
import { wallClockToInstant } from "../src/core/dates/zone";
import { buildRows } from "./reader.bench";
import type { BenchResult } from "./types";

const ROWS = 1_048_576;
const ZONE = "America/Los_Angeles";
const MB = 1024 * 1024;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

export async function run(): Promise<BenchResult> {
  const rows = buildRows(ROWS);
  const grid = { name: "Orders", rows };
  const asOf = wallClockToInstant(Date.UTC(2025, 6, 1, 12), ZONE);
  const options = { asOf, timeZone: ZONE };
  scanGrid({ grid: { name: "warm-up", rows: rows.slice(0, 65_537) }, options });

  let best = { wall: Infinity, cpu: Infinity, readWall: Infinity, orders: 0, findings: 0 };
  let peakRss = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const readStarted = performance.now();
    readOrderSheet(grid, { timeZone: ZONE });
    const readWall = (performance.now() - readStarted) / 1000;

    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const result = scanGrid({ grid, options });
    const wall = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(cpuStart);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (wall < best.wall) {
      best = { wall, cpu, readWall, orders: result.totals.orders, findings: result.findings.length };
    }
  }
  return {
    name: "Core scan: read + evaluate 1,048,576 rows x 20 columns (step 2 goal: >= 1,000,000 rows/s)",
    figures: {
      rows: ROWS,
      orders: best.orders,
      findings: best.findings,
      "scan wall time (s)": best.wall.toFixed(2),
      "scan rows/s (wall)": Math.round(ROWS / best.wall).toLocaleString("en-US"),
      "scan rows/s (CPU time)": Math.round(ROWS / best.cpu).toLocaleString("en-US"),
      "reader alone (s)": best.readWall.toFixed(2),
      "evaluation share of the scan": `${Math.round((1 - best.readWall / best.wall) * 100)}%`,
      "peak RSS (MB)": Math.round(peakRss / MB),
      "load average during the run": loadavg()[0]?.toFixed(1) ?? "?",
    },
    notes: ["Best of two runs; the grid (the input) is about half of the RSS."],
  };
}
