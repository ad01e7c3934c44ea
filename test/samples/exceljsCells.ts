import type { CellValue } from "../../src/core/model";

/**
 * exceljs cell values as the core takes them, unchanged in meaning: numbers, strings and booleans as they are; Dates as
 * exceljs makes them (the wall clock in their UTC fields, already on the workbook's 1900/1904 system); a formula as its
 * cached result; rich text as its plain text; a hyperlink as its text; an error as {error}.
 */
export function toCoreCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const object = value as Record<string, unknown>;
  if (typeof object.error === "string") return { error: object.error };
  if ("formula" in object || "sharedFormula" in object) return toCoreCell(object.result);
  if (Array.isArray(object.richText)) return richTextOf(object.richText);
  if ("hyperlink" in object || "text" in object) return toCoreCell(object.text);
  return null;
}

function richTextOf(runs: unknown[]): string {
  let text = "";
  for (const run of runs) {
    const part = (run as { text?: unknown }).text;
    if (typeof part === "string") text += part;
  }
  return text;
}
