import { boxAddress, MAX_ROWS, parseAreas, type CellBox } from "./a1";
import { CellMap } from "./cellMap";
import { fillKey } from "./fills";
import type { CellFill, Fill, WriteOp } from "./port";
import { STATE_SHEET } from "./ownSheets";

/**
 * What the add-in remembers between scans, kept in the workbook itself so Clear works in any session, on any machine,
 * and after the file was saved by the CLI: a very hidden sheet `AEGuardState` whose column A holds this JSON in
 * chunks. Why a sheet and not a custom XML part: exceljs (the CLI) keeps a very hidden sheet when it rewrites a
 * workbook but drops custom XML parts, so the state survives the CLI and the CLI could write it too; a sheet is
 * written cell by cell in bounded syncs where an XML part is one string in one request; and the fake and the browser
 * preview need nothing more than sheets.
 */
export { STATE_SHEET };
export const STATE_FORMAT = "ae-guard/highlight-state";
export const STATE_VERSION = 1;
/** Characters per state cell: below Excel's 32,767-character cell limit. */
export const STATE_CHUNK_CHARS = 30_000;
export const STATE_BANNER = "AE Guard: fills to restore when highlights are cleared. Do not edit.";

/** One scanned sheet: which cells the add-in coloured (and with what), and what they held before. */
export interface SheetHighlightState {
  /** `Worksheet.id`, which survives a rename; absent in state written before ids were kept. */
  sheetId?: string;
  /** The sheet's name when it was scanned: the key of old state, and what a seller reads. */
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

/**
 * The state sheet is double-buffered so a write that stops half-way never leaves a torn state: A1 holds a banner, A2
 * the letter of the slot column in use (B or C). A scan writes the new state into the other slot (over as many syncs
 * as its size needs), then flips A2 in one small write and clears the old slot. Stopped before the flip, the old
 * state is still whole; after it, the new one is.
 */
export const STATE_SLOTS = [2, 3] as const;
const POINTER = { row: 2, column: 1 } as const;

export interface StoredState {
  state: HighlightState;
  /** The slot column holding it, undefined when there is no (readable) state yet. */
  slot: number | undefined;
}

function parseState(json: string): HighlightState | undefined {
  try {
    const parsed = JSON.parse(json) as Partial<HighlightState>;
    if (parsed.format !== STATE_FORMAT || parsed.version !== STATE_VERSION || !Array.isArray(parsed.sheets))
      return undefined;
    const sheets = parsed.sheets.filter(
      (s): s is SheetHighlightState =>
        typeof s?.sheet === "string" &&
        (s.sheetId === undefined || typeof s.sheetId === "string") &&
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
    return undefined;
  }
}

/** The state sheet's rows (A1 down, columns A:C, as text) → state. Anything unreadable is "no state", never thrown. */
export function decodeState(rows: ReadonlyArray<readonly string[]> | undefined): StoredState {
  const pointer = rows?.[POINTER.row - 1]?.[POINTER.column - 1]?.trim().toUpperCase();
  const slot = STATE_SLOTS.find((column) => columnLetter(column) === pointer);
  if (!rows || slot === undefined) return { state: emptyState(), slot: undefined };
  const json = rows.map((row) => row[slot - 1] ?? "").join("");
  const state = parseState(json);
  return state ? { state, slot } : { state: emptyState(), slot: undefined };
}

function columnLetter(column: number): string {
  return String.fromCharCode(64 + column);
}

/** Splits state JSON into cells of at most STATE_CHUNK_CHARS characters. */
export function encodeState(state: HighlightState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK_CHARS) chunks.push(json.slice(i, i + STATE_CHUNK_CHARS));
  return chunks.length > 0 ? chunks : ["{}"];
}

/** Writes `state` into the free slot, then flips the pointer and clears the old slot. Cells are Text ("@"). */
export function stateWriteOps(state: HighlightState, currentSlot: number | undefined): WriteOp[] {
  const slot = currentSlot === STATE_SLOTS[0] ? STATE_SLOTS[1] : STATE_SLOTS[0];
  const chunks = encodeState(state);
  const column = (c: number): CellBox => ({ firstRow: 1, firstColumn: c, rowCount: MAX_ROWS, columnCount: 1 });
  const text = (box: CellBox, values: string[]): WriteOp => ({
    op: "cells",
    sheet: STATE_SHEET,
    box,
    numberFormat: values.map(() => ["@"]),
    values: values.map((v) => [v]),
  });
  const ops: WriteOp[] = [
    { op: "ensureSheet", sheet: STATE_SHEET, visibility: "VeryHidden" },
    { op: "clear", sheet: STATE_SHEET, box: column(slot) },
    text({ firstRow: 1, firstColumn: slot, rowCount: chunks.length, columnCount: 1 }, chunks),
    text({ firstRow: 1, firstColumn: 1, rowCount: 2, columnCount: 1 }, [STATE_BANNER, columnLetter(slot)]),
  ];
  if (currentSlot !== undefined) ops.push({ op: "clear", sheet: STATE_SHEET, box: column(currentSlot) });
  return ops;
}

/** A worksheet as the state knows it: its id (stable across renames) and its name now. */
export interface SheetKey {
  id: string | undefined;
  name: string;
}

/** Whether a state entry belongs to the sheet: by id when the entry has one, else (older state) by name. */
export function isEntryOf(entry: SheetHighlightState, sheet: SheetKey): boolean {
  return entry.sheetId !== undefined && sheet.id !== undefined
    ? entry.sheetId === sheet.id
    : entry.sheet === sheet.name;
}

export function sheetState(state: HighlightState, sheet: SheetKey): SheetHighlightState | undefined {
  return state.sheets.find((entry) => isEntryOf(entry, sheet));
}

export function withSheetState(
  state: HighlightState,
  sheet: SheetKey,
  next: SheetHighlightState | undefined,
): HighlightState {
  const others = state.sheets.filter((entry) => !isEntryOf(entry, sheet));
  return { ...state, sheets: next ? [...others, next] : others };
}

/** Where an entry's sheet is now: found by id (renamed or not), else by name; undefined when it is gone. */
export function currentSheetOf(entry: SheetHighlightState, sheets: readonly SheetKey[]): SheetKey | undefined {
  return sheets.find((sheet) => isEntryOf(entry, sheet));
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
  sheet: SheetKey,
  scannedAt: string,
  highlights: CellMap<string>,
  originals: CellMap<CellFill>,
): SheetHighlightState {
  return {
    ...(sheet.id !== undefined ? { sheetId: sheet.id } : {}),
    sheet: sheet.name,
    scannedAt,
    highlights: [...highlights.boxesBy((color) => color)].map(([color, group]) => ({
      color,
      ranges: rangesOf(group.boxes),
    })),
    originals: [...originals.boxesBy(fillKey).values()].map((group) => ({
      fill: group.sample,
      ranges: rangesOf(group.boxes),
    })),
  };
}
