import type { Diagnostic } from "../model";
import type { UnclosedQuote } from "./parse";

/** Problems of the CSV file itself (its bytes, its quoting), located by row and column as the grid has them. */

const MAX_VALUE_CHARS = 60;

/** Excel's column letters: 1 = A, 27 = AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, " ");
  return oneLine.length > MAX_VALUE_CHARS ? `${oneLine.slice(0, MAX_VALUE_CHARS - 1)}…` : oneLine;
}

/** A cell holding bytes the file's encoding (UTF-8) does not have; they show as "�". */
export function undecodableBytes(sheet: string, row: number, column: number, value: string): Diagnostic {
  const at = columnLetters(column);
  return {
    sheet,
    row,
    column: at,
    value,
    problem: "UNDECODABLE_BYTES",
    message: `Row ${row}, column ${at}: "${shown(value)}" holds bytes that are not UTF-8 (shown as �); the rest of the file is read as UTF-8. Save the file as "CSV UTF-8" to keep these characters.`,
    messageZh: `第 ${row} 行 ${at} 列：“${shown(value)}”含有非 UTF-8 字节（显示为 �）；文件其余部分按 UTF-8 读取。请另存为“CSV UTF-8”以保留这些字符。`,
  };
}

const REASON = {
  "never-closed": { en: "is never closed", zh: "没有结束引号" },
  "too-many-lines": { en: "runs across too many lines", zh: "跨越了过多行" },
  "too-long": { en: "runs past the 32,767 characters a cell can hold", zh: "超过单元格可容纳的 32,767 个字符" },
} as const;

/** A quote that opened a field and did not close where a field plausibly closes. */
export function unclosedQuote(sheet: string, problem: UnclosedQuote, value: string): Diagnostic {
  const at = columnLetters(problem.column);
  const reason = REASON[problem.reason];
  return {
    sheet,
    row: problem.row,
    column: at,
    value,
    problem: "UNCLOSED_QUOTE",
    message: `Row ${problem.row}, column ${at}: the quote that opens "${shown(value)}" ${reason.en}; it is read as a plain character so the rows after it stay rows. Check that row in the file.`,
    messageZh: `第 ${problem.row} 行 ${at} 列：“${shown(value)}”开头的引号${reason.zh}；已按普通字符读取，后续各行照常读取。请检查文件中的这一行。`,
  };
}
