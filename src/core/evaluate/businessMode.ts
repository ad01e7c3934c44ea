import { normalizeWord } from "../rulebook/statuses";
import type { Rulebook } from "../rulebook/types";

/** What a 订单业务模式 cell says: shipped by the platform's warehouse, by the seller, not given, or a value not listed. */
export type BusinessMode = "warehouse" | "seller" | "blank" | "unknown";

interface ModeIndex {
  byWord: Map<string, BusinessMode>;
  /** A sheet repeats two or three values over every row: each raw text is read once (bounded). */
  byCell: Map<string, BusinessMode>;
}

const CELLS_KEPT = 1_000;
const indexes = new WeakMap<object, ModeIndex>();

function modeIndex(rulebook: Rulebook): ModeIndex {
  const modes = rulebook.logistics.businessModes;
  let index = indexes.get(modes);
  if (!index) {
    const byWord = new Map<string, BusinessMode>();
    for (const word of modes.value.warehouse) byWord.set(normalizeWord(word), "warehouse");
    for (const word of modes.value.seller)
      if (!byWord.has(normalizeWord(word))) byWord.set(normalizeWord(word), "seller");
    index = { byWord, byCell: new Map() };
    indexes.set(modes, index);
  }
  return index;
}

/** Reads a business-mode cell by the rulebook's word lists (ignoring case, spaces and punctuation). */
export function businessMode(text: string | undefined, rulebook: Rulebook): BusinessMode {
  if (text === undefined) return "blank";
  const index = modeIndex(rulebook);
  let mode = index.byCell.get(text);
  if (mode === undefined) {
    mode = text.trim() === "" ? "blank" : (index.byWord.get(normalizeWord(text)) ?? "unknown");
    if (index.byCell.size < CELLS_KEPT) index.byCell.set(text, mode);
  }
  return mode;
}

/** Whether an order of this mode is left out of the seller's own shipment checks. */
export function shippedByWarehouse(mode: BusinessMode, rulebook: Rulebook): boolean {
  return mode === "warehouse" && !rulebook.logistics.judgeWarehouseOrders.value;
}
