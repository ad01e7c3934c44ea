import { CANONICAL_FIELDS, type CanonicalField, type Lang } from "../core/model";
import type { ColumnMapping } from "../core/sheet";
import { CliError } from "./errors";

export interface ScanCommand {
  command: "scan";
  file: string;
  sheet?: string;
  asOf?: string;
  timeZone?: string;
  /** The zone the seller thinks in, for the ship-now list's second deadline column (default: this computer's). */
  sellerTimeZone?: string;
  handlingDays?: number;
  mapping?: ColumnMapping;
  rulesFile?: string;
  /** A seller's buyer-message templates over the built-in ones (refused as a whole, with a note, when bad). */
  templatesFile?: string;
  out?: string;
  /** `--json` alone: "-" (stdout); `--json PATH`: the path. */
  json?: string;
  lang?: Lang;
  quiet: boolean;
}

export type Command =
  | ScanCommand
  | { command: "demo"; quiet: boolean; lang?: Lang; out?: string }
  | { command: "help" }
  | { command: "version" };

const VALUE_OPTIONS = new Set([
  "--sheet",
  "--as-of",
  "--tz",
  "--my-tz",
  "--handling-days",
  "--map",
  "--rules",
  "--templates",
  "--out",
  "--lang",
]);
const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls|csv|txt|tsv)$/i;

/** `--json` takes the next word as its path only when it is plainly a path for it, never the orders file. */
function isJsonPath(word: string | undefined, haveFile: boolean): word is string {
  if (word === undefined || (word.startsWith("-") && word !== "-")) return false;
  if (word === "-" || /\.json$/i.test(word)) return true;
  return haveFile && !WORKBOOK_EXTENSIONS.test(word);
}

function parseMapping(entries: string[]): ColumnMapping | undefined {
  if (entries.length === 0) return undefined;
  const mapping: ColumnMapping = {};
  const byLowerName = new Map(CANONICAL_FIELDS.map((field) => [field.toLowerCase(), field]));
  for (const entry of entries) {
    const equals = entry.indexOf("=");
    if (equals <= 0) throw new CliError(`--map needs FIELD=HEADER, e.g. --map paidAt="付款时间" (got "${entry}")`);
    const name = entry.slice(0, equals).trim();
    const field: CanonicalField | undefined = byLowerName.get(name.toLowerCase());
    if (!field) throw new CliError(`--map: unknown field "${name}"; fields are ${CANONICAL_FIELDS.join(", ")}`);
    const header = entry
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    mapping[field] = header;
  }
  return mapping;
}

function parseLang(value: string): Lang {
  const folded = value.toLowerCase();
  if (folded === "en") return "en";
  if (folded === "zh-cn" || folded === "zh") return "zh-CN";
  throw new CliError(`--lang must be en or zh-CN (got "${value}")`);
}

function parseHandlingDays(value: string): number {
  const days = Number(value);
  if (value.trim() === "" || !Number.isFinite(days) || days <= 0 || days > 365) {
    throw new CliError(`--handling-days must be a number of days between 1 and 365 (got "${value}")`);
  }
  return days;
}

/** Parses the command line (without `node` and the script). Throws CliError for anything it cannot use. */
export function parseArgs(argv: readonly string[]): Command {
  const words = [...argv];
  if (words.length === 0) return { command: "help" };
  const options = new Map<string, string>();
  const maps: string[] = [];
  const positional: string[] = [];
  let json: string | undefined;
  let quiet = false;
  let help = false;
  let version = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === "--") {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith("-") || word === "-") {
      positional.push(word);
      continue;
    }
    const equals = word.indexOf("=");
    const name = word.startsWith("--") && equals > 0 ? word.slice(0, equals) : word;
    const inline = word.startsWith("--") && equals > 0 ? word.slice(equals + 1) : undefined;
    if (name === "--help" || name === "-h") help = true;
    else if (name === "--version" || name === "-V" || name === "-v") version = true;
    else if (name === "--quiet" || name === "-q") quiet = true;
    else if (name === "--json") {
      if (inline !== undefined) json = inline === "" ? "-" : inline;
      else if (isJsonPath(words[i + 1], positional.length > 1)) json = words[++i];
      else json = "-";
    } else if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? words[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--")))
        throw new CliError(`${name} needs a value`);
      if (name === "--map") maps.push(value);
      else if (options.has(name)) throw new CliError(`${name} given twice`);
      else options.set(name, value);
    } else {
      throw new CliError(`unknown option ${name} (see ae-guard --help)`);
    }
  }
  if (help) return { command: "help" };
  if (version) return { command: "version" };
  const [command, ...rest] = positional;
  const lang = options.has("--lang") ? parseLang(options.get("--lang") as string) : undefined;
  if (command === "help") return { command: "help" };
  if (command === "demo") {
    if (rest.length > 0) throw new CliError(`demo takes no file (got "${rest[0]}")`);
    return { command: "demo", quiet, lang, out: options.get("--out") };
  }
  if (command !== "scan") {
    throw new CliError(
      command === undefined
        ? "missing command: try ae-guard scan orders.xlsx"
        : `unknown command "${command}" (commands: scan, demo)`,
    );
  }
  if (rest.length === 0) throw new CliError("scan needs a file: ae-guard scan orders.xlsx");
  if (rest.length > 1) throw new CliError(`scan takes one file (got ${rest.map((word) => `"${word}"`).join(", ")})`);
  return {
    command: "scan",
    file: rest[0] as string,
    sheet: options.get("--sheet"),
    asOf: options.get("--as-of"),
    timeZone: options.get("--tz"),
    sellerTimeZone: options.get("--my-tz"),
    handlingDays: options.has("--handling-days")
      ? parseHandlingDays(options.get("--handling-days") as string)
      : undefined,
    mapping: parseMapping(maps),
    rulesFile: options.get("--rules"),
    templatesFile: options.get("--templates"),
    out: options.get("--out"),
    json,
    lang,
    quiet,
  };
}

export const USAGE = `ae-guard — flags late and untracked AliExpress orders in an order export, and what they cost in points

Usage:
  ae-guard scan <orders.xlsx|orders.csv> [options]
  ae-guard demo            scan the bundled sample export (writes demo-output/orders-zh-scanned.xlsx)
  ae-guard --help | --version

Options for scan:
  --sheet NAME             sheet to scan (default: the first sheet with an order header)
  --as-of ISO-8601         the moment judged as "now" (default: now); without an offset it is read in --tz
  --tz IANA-ZONE           zone the sheet's date-times are written in (default America/Los_Angeles)
  --my-tz IANA-ZONE        your own zone, for the ship-now deadlines (default: this computer's zone)
  --handling-days N        handling days when the sheet has no deadline column (default 7)
  --map FIELD=HEADER       use this column for a field, e.g. --map paidAt="付款时间" (repeatable)
  --rules FILE.json        rulebook override (points, windows, status words)
  --templates FILE.json    your own buyer message wording, by language (a bad file: a note, built-in wording used)
  --out SCANNED.xlsx       write a highlighted copy with a summary sheet (the input is never changed)
  --json [PATH]            print the JSON report (or write it to PATH)
  --lang en|zh-CN          language of messages and the summary sheet (default en)
  -q, --quiet              no progress bar

Exit codes: 0 scan done (with or without violations), 2 bad invocation or unreadable file.
`;
