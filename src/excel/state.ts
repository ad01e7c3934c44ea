import { boxAddress, parseAreas, type CellBox } from "./a1";
import { CellMap } from "./cellMap";
import { fillKey } from "./fills";
import type { CellFill, Fill } from "./port";

/**
 * What the add-in remembers between scans, kept in the workbook itself so Clear works in any session, on any machine,
 * and after the file was saved by the CLI: a very hidden sheet `AEGuardState` whose column A holds this JSON in
 * chunks. (Why a sheet and not a custom XML part: see README / the session's report — exceljs keeps very hidden
 * sheets when the CLI rewrites a workbook but drops custom XML parts, and a sheet can be read in bounded blocks.)
 */
export const STATE_SHEET = "AEGuardState";
export const STATE_FORMAT = "ae-guard/highlight-state";
export const STATE_VERSION = 1;
/** Characters per state cell: below Excel's 32,767-character cell limit. */
export const STATE_CHUNK_CHARS = 30_000;
export const STATE_BANNER = "AE Guard: fills to restore when highlights are cleared. Do not edit.";

/** One scanned sheet: which cells the add-in coloured (and with what), and what they held before. */
export interface SheetHighlightState {
  sheet: string;
  scannedAt: string;
  /** Colour the add-in set → the cells it set it on, as comma-separated A1 areas. */
  highlights: Array<{ color: string; ranges: string }>;
  /** The seller's own fill → the cells that had it, same cells as `highlights` in total. */
  originals: Array<{ fill: CellFill; ranges: string }>;
}

export interface HighlightState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  sheets: SheetHighlightState[];
  /** The summary sheet the last scan wrote, so a scan in another language replaces it. */
  summarySheet?: string;
}

export function emptyState(): HighlightState {
  return { format: STATE_FORMAT, version: STATE_VERSION, sheets: [] };
}

function rangesOf(boxes: readonly CellBox[]): string {
  return boxes.map(boxAddress).join(",");
}

function isFill(value: unknown): value is CellFill {
  if (value === null) return true;
  const fill = value as Partial<Fill> | undefined;
  return typeof fill === "object" && typeof fill.color === "string";
}

/** Column A of the state sheet → state. Anything unreadable is treated as "no state", never thrown. */
export function decodeState(column: readonly string[] | undefined): HighlightState {
  if (!column || column.length < 2) return emptyState();
  try {
    const parsed = JSON.parse(column.slice(1).join("")) as Partial<HighlightState>;
    if (parsed.format !== STATE_FORMAT || parsed.version !== STATE_VERSION || !Array.isArray(parsed.sheets)) return emptyState();
    const sheets = parsed.sheets.filter(
      (s): s is SheetHighlightState =>
        typeof s?.sheet === "string" &&
        Array.isArray(s.highlights) &&
        Array.isArray(s.originals) &&
        s.highlights.every((h) => typeof h?.color === "string" && typeof h.ranges === "string") &&
        s.originals.every((o) => isFill(o?.fill) && typeof o.ranges === "string"),
    );
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      sheets,
      summarySheet: typeof parsed.summarySheet === "string" ? parsed.summarySheet : undefined,
    };
  } catch {
    return emptyState();
  }
}

/** State → column A: a banner, then the JSON in chunks. */
export function encodeState(state: HighlightState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [STATE_BANNER];
  for (let i = 0; i < json.length; i += STATE_CHUNK_CHARS) chunks.push(json.slice(i, i + STATE_CHUNK_CHARS));
  return chunks;
}

export function sheetState(state: HighlightState, sheet: string): SheetHighlightState | undefined {
  return state.sheets.find((s) => s.sheet === sheet);
}

export function withSheetState(state: HighlightState, sheet: string, next: SheetHighlightState | undefined): HighlightState {
  const others = state.sheets.filter((s) => s.sheet !== sheet);
  return { ...state, sheets: next ? [...others, next] : others };
}

/** The cells a sheet state covers: which colour the add-in set on each, and the seller's fill before. */
export interface RememberedCells {
  ours: CellMap<string>;
  original: CellMap<CellFill>;
}

export function rememberedCells(entry: SheetHighlightState | undefined): RememberedCells {
  const ours = new CellMap<string>();
  const original = new CellMap<CellFill>();
  if (!entry) return { ours, original };
  for (const { color, ranges } of entry.highlights) for (const box of safeAreas(ranges)) ours.setBox(box, color);
  for (const { fill, ranges } of entry.originals) for (const box of safeAreas(ranges)) original.setBox(box, fill);
  return { ours, original };
}

function safeAreas(ranges: string): CellBox[] {
  try {
    return parseAreas(ranges);
  } catch {
    return [];
  }
}

export function buildSheetState(
  sheet: string,
  scannedAt: string,
  highlights: CellMap<string>,
  originals: CellMap<CellFill>,
): SheetHighlightState {
  return {
    sheet,
    scannedAt,
    highlights: [...highlights.boxesBy((color) => color)].map(([color, group]) => ({ color, ranges: rangesOf(group.boxes) })),
    originals: [...originals.boxesBy(fillKey).values()].map((group) => ({ fill: group.sample, ranges: rangesOf(group.boxes) })),
  };
}
