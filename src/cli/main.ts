import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic, DiagnosticProblem, Lang } from "../core/model";
import { scanSheetRead } from "../core/scan";
import { loadRulebook, RulebookOverrideError, type Rulebook } from "../core/rulebook";
import { MAX_OVERRIDE_CHARS } from "../core/rulebook/override";
import { MAX_TEMPLATE_FILE_CHARS } from "../core/actions/templateOverride";
import { isValidTimeZone } from "../core/dates/zone";
import { toReportJson } from "../core/report/json";
import { sheetChoiceJson } from "../core/sheetChoice/chooseSheet";
import { buildHighlightPlan } from "../core/report/highlight";
import { buildSummaryModel } from "../core/report/summary";
import { buildActionsSheet } from "../core/report/actionsSheet";
import {
  actionsJson,
  DEFAULT_SHIP_NOW_WINDOWS,
  MESSAGE_TEMPLATES,
  scanActions,
  templateOverrideFromText,
  type TemplateChoice,
} from "../core/actions";
import type { ScanResult } from "../core/report/types";
import { SAMPLE_AS_OF, SAMPLE_TIME_ZONE } from "../samples";
import { parseArgs, USAGE, type ScanCommand } from "./args";
import { parseAsOf } from "./asOf";
import { CliError, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, REPORT_BUGS } from "./errors";
import { assertNotInput, readInputBytes, sniffInput } from "./input";
import { ProgressBar, type OutputStream } from "./progress";
import { renderActionsText, renderSummaryText } from "./render";
import { choiceNote } from "./sheetChoice";
import { openOrderSource } from "./source";
import { cannotWrite, PendingOutputs } from "./outputs";
import { isMacroWorkbook } from "./package/scannedCopy";
import { ZipPackage } from "./package/zipRead";

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** The moment "now" for a scan without --as-of. */
  now?: () => number;
  /** Relative paths are resolved against this folder. */
  cwd?: string;
}

/** The package root: src/cli and lib/cli both sit two levels below it. */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

export function toolInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string };
    return { name: "ae-guard", version: pkg.version ?? "0.0.0" };
  } catch {
    return { name: "ae-guard", version: "0.0.0" };
  }
}

function readRulebook(file: string | undefined, cwd: string): Rulebook {
  if (file === undefined) return loadRulebook();
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    if (fs.statSync(full).size > MAX_OVERRIDE_CHARS * 4)
      throw new CliError(`--rules ${file}: the file is far larger than a rulebook override can be`);
    text = fs.readFileSync(full, "utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new CliError(`--rules ${file}: is a folder; give the override's .json file`);
    if (code === "ENOENT") throw new CliError(`--rules ${file}: no such file`);
    throw new CliError(`--rules ${file}: could not be read (${code ?? (error as Error).message})`);
  }
  try {
    return loadRulebook(text);
  } catch (error) {
    if (error instanceof RulebookOverrideError) throw new CliError(`--rules ${file}: ${error.message}`);
    throw error;
  }
}

/**
 * The buyer-message templates `--templates` names, over the built-in ones. Unlike `--rules`, a file that cannot be
 * read or is refused does not stop the scan: the built-in wording is used and the note says why.
 */
function readTemplates(file: string | undefined, cwd: string): TemplateChoice {
  if (file === undefined) return { templates: MESSAGE_TEMPLATES, notes: [] };
  const cannot = (en: string, zh: string): TemplateChoice => ({
    templates: MESSAGE_TEMPLATES,
    notes: [
      {
        en: `--templates ${file}: ${en}; the built-in templates are used.`,
        zh: `--templates ${file}：${zh}；已改用内置模板。`,
      },
    ],
  });
  const full = path.resolve(cwd, file);
  try {
    if (fs.statSync(full).size > MAX_TEMPLATE_FILE_CHARS * 4)
      return cannot("the file is far larger than a template file can be", "文件远大于模板文件应有的大小");
    return templateOverrideFromText(fs.readFileSync(full, "utf8"), `--templates ${file}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") return cannot("is a folder", "是文件夹");
    if (code === "ENOENT") return cannot("no such file", "文件不存在");
    return cannot(
      `could not be read (${code ?? (error as Error).message})`,
      `无法读取（${code ?? (error as Error).message}）`,
    );
  }
}

/** Refuses an output path whose folder is missing or read-only, before any work is done. */
function assertWritableFolder(file: string, option: string): void {
  const folder = path.dirname(file);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new CliError(`${option} ${file}: the folder ${folder} does not exist or cannot be written`);
  }
}

/** One line per kind of problem in the file itself (a CSV's damaged bytes, its stray quotes), naming the rows. */
function readProblemNotes(diagnostics: readonly Diagnostic[], file: string): string[] {
  const rowsOf = (problem: DiagnosticProblem): string => {
    const rows = diagnostics.filter((d) => d.problem === problem).map((d) => d.row);
    const shown = rows.slice(0, 5).join(", ") + (rows.length > 5 ? ` and ${rows.length - 5} more` : "");
    return rows.length === 0 ? "" : `${rows.length === 1 ? "row" : "rows"} ${shown}`;
  };
  const notes: string[] = [];
  const damaged = rowsOf("UNDECODABLE_BYTES");
  if (damaged) {
    const verb = damaged.startsWith("rows ") ? "hold" : "holds";
    notes.push(
      `${file}: ${damaged} ${verb} bytes that are not UTF-8, shown as "�"; the rest was read (the diagnostics list each row)`,
    );
  }
  const quotes = rowsOf("UNCLOSED_QUOTE");
  if (quotes)
    notes.push(
      `${file}: a quote opening a field on ${quotes} does not close; it was read as a plain character so the rows after it stay rows`,
    );
  return notes;
}

/** The copy keeps the input's package type: a macro-enabled workbook is an .xlsm, anything else an .xlsx. */
function assertCopyType(out: string, given: string, macros: boolean): void {
  const wanted = macros ? ".xlsm" : ".xlsx";
  if (path.extname(out).toLowerCase() !== wanted)
    throw new CliError(
      macros
        ? `--out ${given}: the input holds macros, so its scanned copy is an .xlsm workbook; give it a .xlsm name`
        : `--out ${given}: the scanned copy is an .xlsx workbook; give it a .xlsx name`,
    );
}

async function isMacroPackage(input: string, bytes: Uint8Array): Promise<boolean> {
  const pkg = await ZipPackage.open(bytes, path.basename(input));
  return pkg.has("[Content_Types].xml") && isMacroWorkbook(await pkg.text("[Content_Types].xml"));
}

/** Runs one scan as the command line asked; returns the exit code. */
export async function runScan(command: ScanCommand, io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const lang: Lang = command.lang ?? "en";
  const rulebook = readRulebook(command.rulesFile, cwd);
  const timeZone = command.timeZone ?? rulebook.platformTimeZone.value;
  if (!isValidTimeZone(timeZone))
    throw new CliError(
      `--tz: unknown time zone "${timeZone}" (use an IANA name such as America/Los_Angeles or Asia/Shanghai)`,
    );
  const asOf = command.asOf !== undefined ? parseAsOf(command.asOf, timeZone) : (io.now ?? Date.now)();
  const sellerTimeZone = command.sellerTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isValidTimeZone(sellerTimeZone))
    throw new CliError(`--my-tz: unknown time zone "${sellerTimeZone}" (use an IANA name such as Asia/Shanghai)`);
  const input = path.resolve(cwd, command.file);
  const out = command.out === undefined ? undefined : path.resolve(cwd, command.out);
  const jsonFile = command.json === undefined || command.json === "-" ? undefined : path.resolve(cwd, command.json);
  if (out) assertNotInput(out, input, "--out");
  if (jsonFile) assertNotInput(jsonFile, input, "--json");
  if (out && !/\.xlsx$|\.xlsm$/i.test(out))
    throw new CliError(`--out ${command.out}: the scanned copy is an .xlsx workbook; give it a .xlsx name`);
  if (out) assertWritableFolder(out, "--out");
  if (jsonFile) assertWritableFolder(jsonFile, "--json");

  const progress = new ProgressBar(io.stderr, command.quiet);
  const bytes = readInputBytes(input);
  const kind = sniffInput(input, bytes);
  if (out) assertCopyType(out, command.out as string, kind === "xlsx" && (await isMacroPackage(input, bytes)));
  progress.update("Reading");
  const source = await openOrderSource({
    file: input,
    bytes,
    kind,
    sheet: command.sheet,
    mapping: command.mapping,
    progress,
  });

  let result: ScanResult;
  try {
    const read = await source.readOrders({ timeZone, mapping: command.mapping });
    progress.update("Checking orders");
    result = scanSheetRead(read, {
      options: { asOf, timeZone, handlingDays: command.handlingDays, lang },
      rulebook,
      file: path.basename(input),
    });
  } catch (error) {
    progress.done();
    if (error instanceof CliError) throw error;
    throw new CliError((error as Error).message);
  }
  const notes: string[] = readProblemNotes(source.readNotes ?? [], path.basename(input));
  if (source.readNotes?.length) result.diagnostics = [...source.readNotes, ...result.diagnostics];
  // Reading notes a seller must see even without --json (ids Excel cut short, a totals row left out).
  for (const diagnostic of result.diagnostics) {
    if (diagnostic.problem === "CUT_ORDER_ID" || diagnostic.problem === "TOTALS_ROW")
      notes.push(`${path.basename(input)}: ${lang === "zh-CN" ? diagnostic.messageZh : diagnostic.message}`);
  }
  const summary = buildSummaryModel(result, lang);
  const templates = readTemplates(command.templatesFile, cwd);
  const actions = scanActions(result, { ...DEFAULT_SHIP_NOW_WINDOWS, sellerTimeZone }, rulebook, templates);
  // The text output shows the actions' notes; with the report on stdout a refused template file is told on stderr.
  if (command.json === "-") for (const note of templates.notes) notes.push(lang === "zh-CN" ? note.zh : note.en);
  // The JSON report is made only when asked for: for a million rows it is the largest thing the scan holds.
  const reportJson = (): string => {
    const report = toReportJson(result, lang, toolInfo());
    if (source.choice) report.source.sheetChoice = sheetChoiceJson(source.choice);
    report.actions = actionsJson(actions, lang);
    return JSON.stringify(report, null, 2) + "\n";
  };
  // Both files or neither: each is written beside its target and moved into place once all were written.
  const outputs = new PendingOutputs();
  try {
    if (out) {
      progress.update("Writing the scanned copy");
      const plan = buildHighlightPlan(result);
      const staged = outputs.stage("--out", out);
      try {
        notes.push(
          ...(await source.writeCopy({
            out: staged,
            plan,
            summary,
            actions: buildActionsSheet(actions, lang, { sheet: plan.sheet, column: plan.firstColumn }),
            headerRow: result.source.headerRow,
            lang,
            progress,
          })),
        );
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== undefined) throw cannotWrite("--out", out, error);
        throw error;
      }
    }
    if (jsonFile && command.json !== "-")
      outputs.write(outputs.stage("--json", jsonFile), Buffer.from(reportJson(), "utf8"));
    outputs.commit();
  } catch (error) {
    outputs.discard();
    progress.done();
    throw error;
  }
  progress.done();
  const choiceLine = source.choice ? choiceNote(source.choice) : undefined;
  if (choiceLine) notes.unshift(choiceLine);
  for (const note of notes) io.stderr.write(`ae-guard: note: ${note}\n`);

  if (command.json === "-") {
    io.stdout.write(reportJson());
  } else {
    io.stdout.write(renderActionsText(actions, lang, io.stdout.columns ?? 160));
    io.stdout.write(renderSummaryText(result, summary, lang, io.stdout.columns ?? 160));
    const shown = (file: string): string => {
      const relative = path.relative(cwd, file);
      return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
    };
    if (out) io.stdout.write(`\n${lang === "zh-CN" ? "已写入" : "Wrote"} ${shown(out)}\n`);
    if (jsonFile) io.stdout.write(`${lang === "zh-CN" ? "已写入" : "Wrote"} ${shown(jsonFile)}\n`);
  }
  return EXIT_OK;
}

/** The bundled Chinese sample, scanned at its own as-of moment into demo-output/. */
async function runDemo(command: { quiet: boolean; lang?: Lang; out?: string }, io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const sample = path.join(PACKAGE_ROOT, "samples", "orders-zh.xlsx");
  const out = command.out ?? path.join(cwd, "demo-output", "orders-zh-scanned.xlsx");
  fs.mkdirSync(path.dirname(path.resolve(cwd, out)), { recursive: true });
  return runScan(
    {
      command: "scan",
      file: sample,
      asOf: SAMPLE_AS_OF,
      timeZone: SAMPLE_TIME_ZONE,
      out,
      lang: command.lang,
      quiet: command.quiet,
    },
    io,
  );
}

/**
 * A bug in AE Guard, as the seller sees it: one line and where to report it. The stack trace only with
 * AE_GUARD_DEBUG=1, for whoever fixes it.
 */
export function internalErrorText(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  if (process.env.AE_GUARD_DEBUG === "1")
    return `ae-guard: internal error: ${(error instanceof Error && error.stack) || message}\n`;
  return `ae-guard: internal error: ${message}. ${REPORT_BUGS}\n`;
}

/** The whole command: argv without `node` and the script. Never throws; returns the exit code. */
export async function main(
  argv: readonly string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case "help":
        io.stdout.write(USAGE);
        return EXIT_OK;
      case "version":
        io.stdout.write(`${toolInfo().version}\n`);
        return EXIT_OK;
      case "demo":
        return await runDemo(command, io);
      case "scan":
        return await runScan(command, io);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`ae-guard: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(internalErrorText(error));
    return EXIT_INTERNAL;
  }
}
