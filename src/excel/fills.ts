import type { CellFill, Fill, FillReading } from "./port";

/**
 * Fills as Excel reports them, turned into fills the add-in can set back exactly.
 *
 * Excel reports "No Fill" as color "#FFFFFF" — the same as a solid white fill — with tintAndShade null and, where it
 * is reported, pattern "None" (office-js#4900, #6218). White and No Fill look alike but are not: a white fill hides
 * the gridlines. So a reading only counts as No Fill when the pattern says "None", or when tintAndShade is null on a
 * single white cell; anything ambiguous on a multi-cell range is read again cell by cell.
 *
 * A theme colour with a tint ("Accent 1, Lighter 80%") reads as its base colour with a non-zero tintAndShade
 * (RangeFill, ExcelApi 1.9): the tints are part of the fill, kept and written back with it.
 */

const NO_PATTERN = "None";
export const SOLID = "Solid";
const GRADIENTS = new Set(["LinearGradient", "RectangularGradient"]);
const WHITE = "#FFFFFF";
const BLACK = "#000000";

export function normalizeColor(color: string): string {
  const trimmed = color.trim();
  return /^#?[0-9a-f]{6}$/i.test(trimmed) ? `#${trimmed.replace("#", "").toUpperCase()}` : trimmed.toLowerCase();
}

/** A stable key for comparing fills: "none", or the colour with its tint, pattern and pattern colour when set. */
export function fillKey(fill: CellFill): string {
  if (!fill) return "none";
  const tint = fill.tintAndShade ? `~${fill.tintAndShade}` : "";
  return fill.pattern
    ? `${normalizeColor(fill.color)}${tint}|${fill.pattern}|${normalizeColor(fill.patternColor ?? "")}~${fill.patternTintAndShade ?? 0}`
    : `${normalizeColor(fill.color)}${tint}`;
}

export function solidFill(color: string): CellFill {
  return { color: normalizeColor(color) };
}

/**
 * Every property of a fill, for a write: Excel sets RangeFill properties one by one and keeps those it is not
 * given, so a highlight that set only the colour would keep a seller's pattern or tint under it, and a restore that
 * set only the colour would bring back a tinted theme colour darker than it was.
 */
export function fullFill(fill: Fill): Required<Fill> {
  return {
    color: normalizeColor(fill.color),
    pattern: fill.pattern ?? SOLID,
    patternColor: normalizeColor(fill.patternColor ?? BLACK),
    tintAndShade: fill.tintAndShade ?? 0,
    patternTintAndShade: fill.patternTintAndShade ?? 0,
  };
}

/** The compact form of a full fill (defaults left out): what the state keeps and what keys compare. */
export function compactFill(fill: Fill): Fill {
  const out: Fill = { color: normalizeColor(fill.color) };
  if (fill.pattern && fill.pattern !== SOLID) {
    out.pattern = fill.pattern;
    out.patternColor = normalizeColor(fill.patternColor ?? BLACK);
  }
  if (fill.tintAndShade) out.tintAndShade = fill.tintAndShade;
  if (out.pattern && fill.patternTintAndShade) out.patternTintAndShade = fill.patternTintAndShade;
  return out;
}

/** Gradient fills cannot be set through the API, so a cell holding one is never overwritten. */
export const UNRESTORABLE = "unrestorable" as const;
export const MIXED = "mixed" as const;

function fillOf(reading: FillReading & { color: string }): Fill {
  return compactFill({
    color: reading.color,
    pattern: reading.pattern ?? undefined,
    patternColor: reading.patternColor ?? undefined,
    tintAndShade: reading.tintAndShade ?? undefined,
    patternTintAndShade: reading.patternTintAndShade ?? undefined,
  });
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
  if (reading.pattern !== SOLID && (reading.patternColor === null || reading.patternTintAndShade === null))
    return MIXED;
  return fillOf({ ...reading, color: reading.color });
}
