/**
 * Runs every bench/*.bench.ts (compiled to lib-bench/) one after another in this process, and writes
 * BENCHMARKS.md with the machine and the date. `npm run bench [name ...]` runs only the named ones.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BenchResult } from "./types";

const repoRoot = path.resolve(__dirname, "../..");

function machine(): string {
  const cpus = os.cpus();
  const memoryGiB = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${memoryGiB} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function table(result: BenchResult): string {
  const rows = Object.entries(result.figures).map(([figure, value]) => `| ${figure} | ${value} |`);
  const notes = (result.notes ?? []).map((note) => `- ${note}`);
  return [`## ${result.name}`, "", "| figure | value |", "| --- | --- |", ...rows, "", ...notes, ""].join("\n");
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith(".bench.js"))
    .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.js$/, "")))
    .sort();
  const sections: string[] = [];
  for (const file of files) {
    process.stderr.write(`bench: ${file} …\n`);
    const started = Date.now();
    const module = (await import(path.join(__dirname, file))) as { run: () => Promise<BenchResult> };
    const result = await module.run();
    process.stderr.write(`bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    console.log(table(result));
    sections.push(table(result));
  }
  if (wanted.length > 0) return; // a partial run prints, it does not overwrite the full record
  const header = [
    "# Benchmarks",
    "",
    `Machine: ${machine()}  `,
    `Date: ${new Date().toISOString().slice(0, 10)}  `,
    "Made by `npm run bench`; figures are from one run on the machine above. Ratios compare against a baseline",
    "measured in the same run, so they travel between machines better than the absolute times.",
    "",
  ].join("\n");
  fs.writeFileSync(path.join(repoRoot, "BENCHMARKS.md"), header + "\n" + sections.join("\n"));
  process.stderr.write("bench: wrote BENCHMARKS.md\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
