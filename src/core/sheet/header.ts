import { CANONICAL_FIELDS, type CanonicalField, type CellValue, type SheetGrid } from "../model";
import { COMBINED_CARRIER_TRACKING_HEADERS, COMBINED_WEIGHT, HEADER_ALIASES } from "./aliases";
import { cellText, isBlankCell } from "./cells";
import { headerKey, headerParts, withoutBrackets } from "./headerKey";
import type { ColumnMapping, ColumnMatch, HeaderDetection } from "./types";

/** How far down a sheet the header row may sit (below titles, notes and blank rows). */
export const HEADER_SCAN_ROWS = 30;

/** How sure a match is, by how much of the header text it needed. */
const EXACT = 1;
const WITHOUT_BRACKETS = 0.9;
const ONE_PART = 0.85;
/** A row is a header when it names at least this many fields (an explicit mapping's hit counts). */
const MIN_FIELDS = 2;
/** A second order-number column must be at least this sure to group rows by. */
const MIN_ALTERNATE_CONFIDENCE = 0.5;
/** Header confidence when no order-number column was found. */
const NO_ORDER_ID_FACTOR = 0.5;
/** A found mapped header outweighs any alias match when choosing the header row. */
const MAPPING_ROW_BONUS = 2;

interface AliasEntry {
  field: CanonicalField;
  weight: number;
  /** Position in the alias table: on equal scores the earlier entry wins. */
  rank: number;
  combined: boolean;
}

const aliasesByKey = new Map<string, AliasEntry[]>();
const combinedKeys = new Set<string>();

(function buildAliasIndex(): void {
  let rank = 0;
  const add = (key: string, entry: AliasEntry): void => {
    const list = aliasesByKey.get(key);
    if (list) list.push(entry);
    else aliasesByKey.set(key, [entry]);
  };
  for (const field of CANONICAL_FIELDS) {
    for (const alias of HEADER_ALIASES[field]) {
      add(headerKey(alias.header), { field, weight: alias.weight, rank: rank++, combined: false });
    }
  }
  for (const header of COMBINED_CARRIER_TRACKING_HEADERS) {
    const key = headerKey(header);
    combinedKeys.add(key);
    for (const field of ["trackingNumber", "carrier"] as const) {
      add(key, { field, weight: COMBINED_WEIGHT, rank: rank++, combined: true });
    }
  }
})();

/** Whether a header names a combined "carrier:tracking number" column. */
export function isCombinedHeader(header: string): boolean {
  return combinedKeys.has(headerKey(header)) || combinedKeys.has(headerKey(withoutBrackets(header)));
}

interface Candidate {
  field: CanonicalField;
  index: number;
  score: number;
  rank: number;
  combined: boolean;
}

function candidatesOf(header: string, index: number, into: Candidate[]): void {
  if (!header) return;
  const best = new Map<CanonicalField, Candidate>();
  const consider = (key: string, quality: number): void => {
    if (!key) return;
    for (const entry of aliasesByKey.get(key) ?? []) {
      const score = entry.weight * quality;
      const known = best.get(entry.field);
      if (!known || score > known.score || (score === known.score && entry.rank < known.rank)) {
        best.set(entry.field, { field: entry.field, index, score, rank: entry.rank, combined: entry.combined });
      }
    }
  };
  const full = headerKey(header);
  consider(full, EXACT);
  const bare = headerKey(withoutBrackets(header));
  if (bare !== full) consider(bare, WITHOUT_BRACKETS);
  const parts = headerParts(header);
  if (parts.length > 1) for (const part of parts) consider(headerKey(withoutBrackets(part)), ONE_PART);
  into.push(...best.values());
}

function nonBlankCount(row: readonly CellValue[] | undefined): number {
  let count = 0;
  if (row) for (const value of row) if (!isBlankCell(value)) count++;
  return count;
}

/**
 * The header texts of row `r`. A blank cell takes the text of the cell above when that row looks like the upper
 * half of a two-row header (at least two texts), as a vertically merged header cell reads.
 */
function headerTextsOf(rows: readonly (readonly CellValue[])[], r: number): string[] {
  const row = rows[r] ?? [];
  const above = r > 0 ? rows[r - 1] : undefined;
  const useAbove = above !== undefined && nonBlankCount(above) >= MIN_FIELDS;
  const width = Math.max(row.length, useAbove ? above.length : 0);
  const headers: string[] = [];
  for (let j = 0; j < width; j++) {
    let text = cellText(row[j]);
    if (!text && useAbove) text = cellText(above[j]);
    headers.push(text);
  }
  return headers;
}

interface RowMatch {
  columns: Partial<Record<CanonicalField, ColumnMatch>>;
  alternateOrderId?: ColumnMatch;
  mappingNotFound: CanonicalField[];
  mappingHits: number;
  score: number;
  fields: number;
}

function matchRow(headers: string[], firstColumn: number, mapping: ColumnMapping | undefined): RowMatch {
  const columns: Partial<Record<CanonicalField, ColumnMatch>> = {};
  const users = new Map<number, CanonicalField[]>();
  const excluded = new Set<CanonicalField>();
  const mappingNotFound: CanonicalField[] = [];
  let mappingHits = 0;
  const keys = headers.map(headerKey);
  const matchOf = (field: CanonicalField, index: number, confidence: number, via: ColumnMatch["via"]): ColumnMatch => ({
    field,
    header: headers[index],
    column: firstColumn + index,
    index,
    confidence,
    via,
  });
  const use = (index: number, field: CanonicalField): void => {
    const list = users.get(index);
    if (list) list.push(field);
    else users.set(index, [field]);
  };

  if (mapping) {
    for (const field of CANONICAL_FIELDS) {
      const wanted = mapping[field];
      if (wanted === undefined) continue;
      excluded.add(field);
      const key = headerKey(wanted);
      if (!key) continue; // "" = the sheet has no such column
      const index = keys.indexOf(key);
      if (index < 0) {
        mappingNotFound.push(field);
        continue;
      }
      columns[field] = matchOf(field, index, 1, "mapping");
      use(index, field);
      mappingHits++;
    }
  }

  const candidates: Candidate[] = [];
  headers.forEach((header, index) => candidatesOf(header, index, candidates));
  candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.index - b.index);
  const combinedColumn = (index: number): boolean => combinedKeys.has(keys[index]) || isCombinedHeader(headers[index]);
  for (const candidate of candidates) {
    const { field, index } = candidate;
    if (columns[field] || excluded.has(field)) continue;
    const taken = users.get(index);
    // A combined carrier:tracking column may serve both of its fields, nothing else shares a column.
    const shareable =
      !taken ||
      (combinedColumn(index) &&
        (field === "carrier" || field === "trackingNumber") &&
        taken.every((other) => other === "carrier" || other === "trackingNumber"));
    if (!shareable) continue;
    columns[field] = matchOf(field, index, candidate.score, candidate.combined ? "combined" : "alias");
    use(index, field);
  }

  let alternateOrderId: ColumnMatch | undefined;
  const orderId = columns.orderId;
  if (orderId) {
    const second = candidates.find(
      (c) =>
        c.field === "orderId" &&
        c.index !== orderId.index &&
        !users.has(c.index) &&
        c.score >= MIN_ALTERNATE_CONFIDENCE,
    );
    if (second) alternateOrderId = matchOf("orderId", second.index, second.score, "alias");
  }

  const matched = Object.values(columns);
  const score =
    matched.reduce((sum, match) => sum + match.confidence, 0) + (orderId ? 1 : 0) + MAPPING_ROW_BONUS * mappingHits;
  return { columns, alternateOrderId, mappingNotFound, mappingHits, score, fields: matched.length };
}

/**
 * Finds the header row in the first HEADER_SCAN_ROWS rows and maps its columns to canonical fields. An explicit
 * mapping (field -> header text) wins over the alias table. Undefined when no row names at least two fields.
 */
export function detectHeader(grid: SheetGrid, mapping?: ColumnMapping): HeaderDetection | undefined {
  const rows = grid.rows;
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  let best: { r: number; match: RowMatch; headers: string[] } | undefined;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (nonBlankCount(rows[r]) === 0) continue;
    const headers = headerTextsOf(rows, r);
    const match = matchRow(headers, firstColumn, mapping);
    if (match.fields < MIN_FIELDS && !(match.fields >= 1 && match.mappingHits >= 1)) continue;
    if (!best || match.score > best.match.score) best = { r, match, headers };
  }
  if (!best) return undefined;
  const { columns, alternateOrderId, mappingNotFound } = best.match;
  const matched = Object.values(columns);
  const mean = matched.reduce((sum, match) => sum + match.confidence, 0) / matched.length;
  const confidence = Math.round(mean * (columns.orderId ? 1 : NO_ORDER_ID_FACTOR) * 100) / 100;
  const detection: HeaderDetection = {
    headerRow: firstRow + best.r,
    columns,
    missing: CANONICAL_FIELDS.filter((field) => !columns[field]),
    confidence,
    headers: best.headers,
    mappingNotFound,
  };
  if (alternateOrderId) detection.alternateOrderId = alternateOrderId;
  return detection;
}
