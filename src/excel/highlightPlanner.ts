import { CATEGORIES, CATEGORY_STYLE } from "../core/report/colors";
import type { HighlightPlan } from "../core/report/types";
import type { CellBox } from "./a1";
import { chunkAddresses, rowBlocksByKey } from "./addresses";
import { CellMap } from "./cellMap";
import { fillKey, fullFill, normalizeColor, UNRESTORABLE } from "./fills";
import type { CurrentFill } from "./fillRead";
import type { CellFill, WriteOp } from "./port";
import { buildSheetState, rememberedCells, type SheetHighlightState, type SheetKey } from "./state";

/** The colour each highlighted cell gets: every plan row across the plan's columns, one colour per category. */
export function targetCells(plan: HighlightPlan): { cells: CellMap<string>; boxes: CellBox[] } {
  const colorOf = new Map(plan.legend.map((entry) => [entry.category, normalizeColor(entry.color)]));
  const byColor = rowBlocksByKey(
    plan.rows.map(({ row, category }) => ({ row, key: colorOf.get(category) ?? normalizeColor("#FFC7CE") })),
    plan.firstColumn,
    plan.lastColumn,
  );
  const cells = new CellMap<string>();
  const boxes: CellBox[] = [];
  for (const [color, list] of byColor) {
    for (const box of list) {
      cells.setBox(box, color);
      boxes.push(box);
    }
  }
  return { cells, boxes };
}

/** Every cell a previous scan coloured, as boxes (for reading what they hold now). */
export function rememberedBoxes(entry: SheetHighlightState | undefined): CellBox[] {
  if (!entry) return [];
  const { ours } = rememberedCells(entry);
  return [...ours.boxesBy(() => "all").values()].flatMap((group) => group.boxes);
}

export interface HighlightWork {
  /** Fills that put the seller's own fills back where a previous scan coloured and this one does not. */
  restoreOps: WriteOp[];
  /** This scan's highlight fills. */
  highlightOps: WriteOp[];
  /** What to remember for this sheet (undefined: nothing coloured any more). */
  next: SheetHighlightState | undefined;
  /**
   * What to remember while the fills are being written: `next` plus the cells about to be put back (with the colour
   * they still wear), so a write stopped before they are put back leaves them known. Written before any fill.
   */
  during: SheetHighlightState | undefined;
  restoredRows: number;
  highlightedRows: number;
  /** Cells left alone because their fill (a gradient) could not be put back. */
  skippedCells: number;
}

/** Fill ops that spell out every property, so no pattern or tint of what the cell had before survives. */
function fillOps(sheet: string, cells: CellMap<CellFill>): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const group of cells.boxesBy(fillKey).values()) {
    const fill = group.sample ? fullFill(group.sample) : null;
    for (const addresses of chunkAddresses(group.boxes)) ops.push({ op: "fill", sheet, addresses, fill });
  }
  return ops;
}

/** AE Guard's highlight colours: a remembered cell wearing any of them is still ours (its category may change). */
const OUR_COLORS: ReadonlySet<string> = new Set(
  CATEGORIES.map((category) => normalizeColor(CATEGORY_STYLE[category].color)),
);

/**
 * Whether a remembered cell still wears AE Guard's colour: the one recorded for it, or another of ours (a write that
 * stopped after the state was saved but before the cell was recoloured leaves the previous category's colour).
 */
function stillOurs(current: CurrentFill | undefined, recorded: string): boolean {
  return sameFill(current, recorded) || [...OUR_COLORS].some((color) => sameFill(current, color));
}

function sameFill(current: CurrentFill | undefined, color: string): boolean {
  return (
    current !== undefined &&
    current !== UNRESTORABLE &&
    current !== null &&
    !current.pattern &&
    !current.tintAndShade &&
    normalizeColor(current.color) === color
  );
}

/**
 * Decides, from what a previous scan remembered and what the cells hold now, which cells to put back, which to
 * colour and what to remember, so that scanning twice gives the same fills and Clear gives back the seller's own.
 *
 * - A cell the previous scan coloured and that still has that colour: its remembered fill is the seller's.
 * - A cell whose colour changed since (the seller recoloured it): the seller's new fill wins and is kept.
 * - A previously coloured cell this scan does not colour is put back only if it still has our colour.
 */
export function planHighlightWork(args: {
  sheet: SheetKey;
  previous: SheetHighlightState | undefined;
  target: CellMap<string>;
  current: CellMap<CurrentFill>;
  scannedAt: string;
}): HighlightWork {
  const { sheet, previous, target, current } = args;
  const remembered = rememberedCells(previous);
  const restore = new CellMap<CellFill>();
  const highlight = new CellMap<CellFill>();
  const ours = new CellMap<string>();
  const originals = new CellMap<CellFill>();
  let skippedCells = 0;

  for (const [row, column, color] of target.entries()) {
    const now = current.get(row, column);
    const ourColor = remembered.ours.get(row, column);
    let original: CellFill;
    if (ourColor !== undefined && stillOurs(now, ourColor)) original = remembered.original.get(row, column) ?? null;
    else if (now === UNRESTORABLE) {
      skippedCells++;
      continue;
    } else original = now ?? null;
    originals.set(row, column, original);
    ours.set(row, column, color);
    if (!sameFill(now, color)) highlight.set(row, column, { color });
  }

  for (const [row, column, ourColor] of remembered.ours.entries()) {
    if (target.has(row, column)) continue;
    if (!stillOurs(current.get(row, column), ourColor)) continue;
    restore.set(row, column, remembered.original.get(row, column) ?? null);
  }

  const duringOurs = new CellMap<string>();
  const duringOriginals = new CellMap<CellFill>();
  for (const [row, column, fill] of restore.entries()) {
    duringOurs.set(row, column, remembered.ours.get(row, column)!);
    duringOriginals.set(row, column, fill);
  }
  for (const [row, column, color] of ours.entries()) {
    duringOurs.set(row, column, color);
    duringOriginals.set(row, column, originals.get(row, column) ?? null);
  }

  return {
    restoreOps: fillOps(sheet.name, restore),
    highlightOps: fillOps(sheet.name, highlight),
    next: ours.size > 0 ? buildSheetState(sheet, args.scannedAt, ours, originals) : undefined,
    during: duringOurs.size > 0 ? buildSheetState(sheet, args.scannedAt, duringOurs, duringOriginals) : undefined,
    restoredRows: restore.rowNumbers().length,
    highlightedRows: ours.rowNumbers().length,
    skippedCells,
  };
}
