import type { CellFill, FillReading } from "./port";

/**
 * Fills as Excel reports them, turned into fills the add-in can set back exactly.
 *
 * Excel reports "No Fill" as color "#FFFFFF" — the same as a solid white fill — with tintAndShade null and, where it
 * is reported, pattern "None" (office-js#4900, #6218). White and No Fill look alike but are not: a white fill hides
 * the gridlines. So a reading only counts as No Fill when the pattern says "None", or when tintAndShade is null on a
 * single white cell; anything ambiguous on a multi-cell range is read again cell by cell.
 */

const NO_PATTERN = "None";
const SOLID = "Solid";
const GRADIENTS = new Set(["LinearGradient", "RectangularGradient"]);
const WHITE = "#FFFFFF";

export function normalizeColor(color: string): string {
  const trimmed = color.trim();
  return /^#?[0-9a-f]{6}$/i.test(trimmed) ? `#${trimmed.replace("#", "").toUpperCase()}` : trimmed.toLowerCase();
}

/** A stable key for comparing fills: "none" or the colour (and pattern when not solid). */
export function fillKey(fill: CellFill): string {
  if (!fill) return "none";
  return fill.pattern
    ? `${normalizeColor(fill.color)}|${fill.pattern}|${normalizeColor(fill.patternColor ?? "")}`
    : normalizeColor(fill.color);
}

export function solidFill(color: string): CellFill {
  return { color: normalizeColor(color) };
}

/** Gradient fills cannot be set through the API, so a cell holding one is never overwritten. */
export const UNRESTORABLE = "unrestorable" as const;
export const MIXED = "mixed" as const;

function fillOf(reading: FillReading & { color: string; pattern: string | null }): CellFill {
  const pattern = reading.pattern;
  if (pattern && pattern !== SOLID && pattern !== NO_PATTERN) {
    return {
      color: normalizeColor(reading.color),
      pattern,
      patternColor: normalizeColor(reading.patternColor ?? "#000000"),
    };
  }
  return { color: normalizeColor(reading.color) };
}

/** One cell's reading (getCellProperties). */
export function cellFill(reading: FillReading): CellFill | typeof UNRESTORABLE {
  if (reading.pattern && GRADIENTS.has(reading.pattern)) return UNRESTORABLE;
  if (reading.pattern === NO_PATTERN) return null;
  if (reading.color === null) return null;
  if (reading.tintAndShade === null && normalizeColor(reading.color) === WHITE && reading.pattern !== SOLID)
    return null;
  return fillOf({ ...reading, color: reading.color });
}

/** A multi-cell range's reading: its one fill when Excel says every cell agrees, else MIXED. */
export function areaFill(reading: FillReading): CellFill | typeof MIXED {
  if (reading.color === null || reading.pattern === null) return MIXED;
  if (GRADIENTS.has(reading.pattern)) return MIXED;
  if (reading.pattern === NO_PATTERN) return null;
  if (reading.tintAndShade === null) return MIXED;
  return fillOf({ ...reading, color: reading.color });
}
