/**
 * The same workbook judged by two hosts must give the same answers: the headless CLI reads the committed sample
 * .xlsx through exceljs (dates arrive as JS Dates), the Excel scan reads the same sample through the workbook port
 * (dates arrive as serial numbers, as Office.js gives them). Both end in the one core scan.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { tempDir } from "../cli/helpers";
import { createPreviewWorkbook } from "../../src/taskpane/preview/previewSession";
import type { Lang } from "../../src/core/model";

const SAMPLE_AS_OF = "2025-06-15T12:00:00-07:00";

async function cliReport(file: string, lang: Lang) {
  const out = path.join(tempDir("ae-guard-agree-"), "report.json");
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  const code = await main(["scan", file, "--as-of", SAMPLE_AS_OF, `--json=${out}`, "--lang", lang, "-q"], {
    stdout: sink,
    stderr: sink,
  } as never);
  expect(code).toBe(0);
  return JSON.parse(fs.readFileSync(out, "utf8")) as {
    totals: { orders: number; byCode: Record<string, number>; points: { total: number } };
    findings: Array<{ row: number; code: string; points: number }>;
  };
}

describe.each([
  ["en", "samples/orders-en.xlsx"],
  ["zh-CN", "samples/orders-zh.xlsx"],
] as const)("the %s sample", (lang, file) => {
  it("gives the same findings, rows and points in the Excel scan as in ae-guard scan", async () => {
    const cli = await cliReport(path.resolve(__dirname, "../..", file), lang);
    const excel = await createPreviewWorkbook(lang, { latencyMs: 0 }).session.scan({
      timeZone: "America/Los_Angeles",
      handlingDays: 7,
      dueSoonHours: 24,
      lang,
      asOf: SAMPLE_AS_OF,
    });

    const key = (finding: { row: number; code: string; points: number }) =>
      `${finding.row}:${finding.code}:${finding.points}`;
    expect(cli.findings.length).toBeGreaterThan(20);
    expect(excel.result.findings.map(key).sort()).toEqual(cli.findings.map(key).sort());
    expect(excel.result.totals.byCode).toEqual(cli.totals.byCode);
    expect(excel.result.totals.orders).toBe(cli.totals.orders);
    expect(excel.result.assessment.totalPoints).toBe(cli.totals.points.total);
  });
});
