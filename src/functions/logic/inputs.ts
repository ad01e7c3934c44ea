import { isKnown } from "../../core/numbers";
import type { CellValue, Lang } from "../../core/model";
import { zoneClock } from "../../core/dates/zone";
import { cellText, excelErrorOf, isBlankText, parseNumberText } from "../../core/sheet/cells";
import {
  DATE_ERROR,
  DATE_OK,
  newDateCellOut,
  readDateCell,
  type DateCellContext,
  type DateCellOut,
} from "../../core/sheet/dateCell";
import { newTextDateScan } from "../../core/dates/text";
import type { ResolvedFunctionSettings } from "../settings";
import { invalidValue, isFunctionError, type FunctionErrorValue } from "./errors";
import { say } from "./language";

/**
 * Reading one argument cell. Each reader returns the value, `undefined` for a blank cell, or the #VALUE! error the
 * cell should show. Excel passes an empty cell in a range as 0 on Windows and as null on the web (office-js issues
 * 4702, 5262, 1951); an argument left out altogether never reaches a reader as a cell (`cellAt` gives undefined).
 * So a blank cell is null, undefined, empty or whitespace-only text, or 0 where 0 cannot be a real value (dates,
 * tracking numbers, names); in a number argument it reads as 0, as Excel's own functions read a blank reference.
 * An error cell arrives as a `CustomFunctions.Error` whose code is the error's text ("#N/A"), once the metadata
 * sets allowErrorForDataTypeAny (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 */

/** The reusable state formula calls read their cells with (written per cell, read right after). */
export interface CellReader {
  lang: Lang;
  dates: DateCellContext;
  out: DateCellOut;
}

const readers = new WeakMap<ResolvedFunctionSettings, CellReader>();

/** The reader for `settings`, made once and shared by every call under them (calls run one at a time). */
export function cellReader(settings: ResolvedFunctionSettings): CellReader {
  let reader = readers.get(settings);
  if (reader === undefined) {
    reader = {
      lang: settings.lang,
      dates: {
        clock: zoneClock(settings.timeZone),
        date1904: settings.date1904,
        order: "mdy",
        scan: newTextDateScan(),
      },
      out: newDateCellOut(),
    };
    readers.set(settings, reader);
  }
  return reader;
}

const MAX_SHOWN = 40;

function shown(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** The error code an input cell holds: Excel's own error object, {error:"#N/A"}, or the code typed as text. */
function inputErrorCode(value: unknown): string | undefined {
  if (isFunctionError(value)) return value.code;
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const code = (value as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return excelErrorOf(value as CellValue);
}

function errorInput(parameter: string, code: string, lang: Lang): FunctionErrorValue {
  return invalidValue(say(lang, `${parameter} is an error (${code})`, `${parameter} 是错误值（${code}）`));
}

/** Nothing in the cell: left out, empty, or spaces only. */
export function isBlankInput(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && isBlankText(value));
}

/** A date-time cell (serial in the workbook's date system, or text) as an instant in the sheet's zone. */
export function readInstant(
  value: unknown,
  parameter: string,
  reader: CellReader,
): number | undefined | FunctionErrorValue {
  const problem = readInstantInto(value, parameter, reader);
  if (problem !== undefined) return problem;
  const instant = reader.out.instant;
  return isKnown(instant) ? instant : undefined;
}

/**
 * `readInstant` for a whole column: the instant is left in `reader.out.instant` (NaN when blank) and only an error
 * is returned, so reading a date boxes no number.
 */
export function readInstantInto(value: unknown, parameter: string, reader: CellReader): FunctionErrorValue | undefined {
  const out = reader.out;
  out.instant = Number.NaN;
  if (isBlankInput(value) || value === 0) return undefined;
  if (typeof value === "boolean") return notADate(parameter, value, reader.lang);
  if (typeof value === "number" || typeof value === "string" || value instanceof Date) {
    readDateCell(value, reader.dates, undefined, out);
    if (out.problem === DATE_OK) return undefined;
    out.instant = Number.NaN;
    if (out.problem !== DATE_ERROR) return notADate(parameter, value, reader.lang);
  }
  const code = inputErrorCode(value);
  return code ? errorInput(parameter, code, reader.lang) : notADate(parameter, "?", reader.lang);
}

function notADate(parameter: string, value: unknown, lang: Lang): FunctionErrorValue {
  const text = shown(value);
  return invalidValue(say(lang, `${parameter}: "${text}" is not a date`, `${parameter}：“${text}” 不是日期`));
}

/**
 * A number cell (numbers, or number text such as "7" or "７天"). `undefined` only for an argument left out; a blank
 * cell is 0 (desktop Excel passes it as 0 already, the web as null).
 */
export function readNumber(
  value: unknown,
  parameter: string,
  reader: CellReader,
): number | undefined | FunctionErrorValue {
  if (value === undefined) return undefined;
  if (isBlankInput(value)) return 0;
  if (typeof value === "number") return Number.isFinite(value) ? value : notANumber(parameter, value, reader.lang);
  if (typeof value === "string") {
    const code = excelErrorOf(value);
    if (code) return errorInput(parameter, code, reader.lang);
    const number = parseNumberText(value);
    return Number.isNaN(number) ? notANumber(parameter, value, reader.lang) : number;
  }
  const code = inputErrorCode(value);
  return code ? errorInput(parameter, code, reader.lang) : notANumber(parameter, value, reader.lang);
}

function notANumber(parameter: string, value: unknown, lang: Lang): FunctionErrorValue {
  const text = shown(value);
  return invalidValue(say(lang, `${parameter}: "${text}" is not a number`, `${parameter}：“${text}” 不是数字`));
}

/** Handling days: a positive number; left out, blank or 0 means "use the default". */
export function readHandlingDays(
  value: unknown,
  parameter: string,
  reader: CellReader,
): number | undefined | FunctionErrorValue {
  const days = readNumber(value, parameter, reader);
  if (typeof days !== "number" || days > 0) return days;
  if (days === 0) return undefined;
  return invalidValue(
    say(reader.lang, `${parameter} must be more than 0 (got ${days})`, `${parameter} 必须大于 0（当前为 ${days}）`),
  );
}

/** A tracking-number cell as the sheet reader sees it (text trimmed, whole numbers without exponent). */
export function readTrackingText(
  value: unknown,
  parameter: string,
  reader: CellReader,
): string | undefined | FunctionErrorValue {
  if (isBlankInput(value) || value === 0) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    const code = typeof value === "string" ? excelErrorOf(value) : undefined;
    if (code) return errorInput(parameter, code, reader.lang);
    return cellText(value);
  }
  const code = inputErrorCode(value);
  return code
    ? errorInput(parameter, code, reader.lang)
    : invalidValue(say(reader.lang, `${parameter} is not text`, `${parameter} 不是文本`));
}

/** A name typed into a formula (violation, severity): text, or a number read as its text (0 is a blank cell). */
export function readName(
  value: unknown,
  parameter: string,
  reader: CellReader,
): string | undefined | FunctionErrorValue {
  if (isBlankInput(value) || value === 0) return undefined;
  if (typeof value === "string") {
    const code = excelErrorOf(value);
    return code ? errorInput(parameter, code, reader.lang) : value.trim();
  }
  if (typeof value === "number") return String(value);
  const code = inputErrorCode(value);
  return code
    ? errorInput(parameter, code, reader.lang)
    : invalidValue(say(reader.lang, `${parameter} is not text`, `${parameter} 不是文本`));
}
