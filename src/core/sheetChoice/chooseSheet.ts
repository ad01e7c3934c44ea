/**
 * Which sheet of a workbook holds the orders. Every host asks the same question of the same evidence: the header each
 * sheet's first rows hold. A sheet is an order table only when its header names an order-id column and at least one
 * date column; among order tables the one whose header matches best wins, the active sheet on a tie, then the first.
 * The runner-up is named too, so a seller can see what else looked like orders.
 */
import { CANONICAL_FIELDS, DATE_FIELDS, type CanonicalField, type SheetGrid } from "../model";
import { detectHeader, type ColumnMapping } from "../sheet";

/** How well one sheet's header matches an order table. */
export interface SheetFit {
  sheet: string;
  /** Position among the workbook's sheets, 0-based. */
  position: number;
  active: boolean;
  /** The order columns its header names (none when no row of its first rows reads as a header). */
  fields: CanonicalField[];
  /** Sum of the columns' match confidences (0..1 each): more columns, better named, score higher. */
  score: number;
  /** It names an order-id column and at least one date column. */
  orderTable: boolean;
}

export type SheetChoice =
  | { ok: true; chosen: SheetFit; by: "requested" | "header"; runnerUp?: SheetFit }
  | { ok: false; problem: "no-such-sheet"; requested: string; sheets: string[] }
  | { ok: false; problem: "no-order-table"; fits: readonly SheetFit[] };

/** Scores one sheet from its first rows (HEADER_SCAN_ROWS of them are enough). */
export function sheetFit(head: SheetGrid, position: number, active: boolean, mapping?: ColumnMapping): SheetFit {
  const header = detectHeader(head, mapping);
  const columns = header ? Object.values(header.columns) : [];
  const fields = CANONICAL_FIELDS.filter((field) => header?.columns[field] !== undefined);
  const score = Math.round(columns.reduce((sum, column) => sum + column.confidence, 0) * 100) / 100;
  const orderTable = fields.includes("orderId") && fields.some((field) => DATE_FIELDS.includes(field));
  return { sheet: head.name, position, active, fields, score, orderTable };
}

/** Negative when `a` is the better order sheet: an order table first, then the better header, the active sheet, the first. */
export function compareFits(a: SheetFit, b: SheetFit): number {
  if (a.orderTable !== b.orderTable) return a.orderTable ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.active !== b.active) return a.active ? -1 : 1;
  return a.position - b.position;
}

/** The sheet a user named: exactly, else ignoring case and surrounding spaces. */
export function findSheet(names: readonly string[], requested: string): string | undefined {
  const wanted = requested.trim().toLowerCase();
  return names.find((name) => name === requested) ?? names.find((name) => name.toLowerCase() === wanted);
}

/**
 * The sheet to scan. With `requested`, the sheet of that name (its header is checked by the reader); without, the
 * best order table among `fits` (every candidate sheet's fit, in workbook order).
 */
export function chooseOrderSheet(fits: readonly SheetFit[], requested?: string): SheetChoice {
  const ranked = [...fits].sort(compareFits);
  const withHeader = ranked.filter((fit) => fit.fields.length > 0);
  if (requested !== undefined) {
    const sheets = fits.map((fit) => fit.sheet);
    const name = findSheet(sheets, requested);
    if (name === undefined) return { ok: false, problem: "no-such-sheet", requested, sheets };
    const chosen = fits.find((fit) => fit.sheet === name) as SheetFit;
    const runnerUp = withHeader.find((fit) => fit !== chosen);
    return { ok: true, chosen, by: "requested", ...(runnerUp ? { runnerUp } : {}) };
  }
  const [chosen, runnerUp] = withHeader;
  if (!chosen?.orderTable) return { ok: false, problem: "no-order-table", fits };
  return { ok: true, chosen, by: "header", ...(runnerUp ? { runnerUp } : {}) };
}

/** The choice as the JSON report carries it (contracts: `source.sheetChoice`). */
export interface SheetChoiceJson {
  by: "requested" | "header";
  /** The order fields the chosen sheet's header names. */
  fields: CanonicalField[];
  runnerUp?: { sheet: string; fields: CanonicalField[]; orderTable: boolean };
}

export function sheetChoiceJson(choice: Extract<SheetChoice, { ok: true }>): SheetChoiceJson {
  const json: SheetChoiceJson = { by: choice.by, fields: choice.chosen.fields };
  const runnerUp = choice.runnerUp;
  if (runnerUp) json.runnerUp = { sheet: runnerUp.sheet, fields: runnerUp.fields, orderTable: runnerUp.orderTable };
  return json;
}
