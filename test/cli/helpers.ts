import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLES = path.join(ROOT, "samples");
export const AS_OF = "2025-06-15T12:00:00-07:00";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured output. */
export async function runCli(argv: string[], options: { cwd?: string; now?: number } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd,
    now: options.now === undefined ? undefined : () => options.now as number,
  });
  return { code, stdout, stderr };
}

const madeDirs: string[] = [];

// helpers.ts is loaded by each test file, so this removes that file's folders when its tests end.
afterAll(() => {
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp folder, removed after the calling test file's tests. */
export function tempDir(prefix = "ae-guard-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

export interface JsonFinding {
  row: number;
  rows: number[];
  orderId: string;
  code: string;
  category: string;
  points: number;
  message: string;
}

/** orderId -> sorted codes. */
export function codesByOrder(findings: JsonFinding[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const finding of findings) {
    const codes = map.get(finding.orderId) ?? [];
    codes.push(finding.code);
    map.set(finding.orderId, codes);
  }
  for (const codes of map.values()) codes.sort();
  return map;
}
