import { normalizeWord } from "../rulebook/statuses";
import type { LogisticsName, Rulebook, ServiceTier } from "../rulebook/types";

/**
 * The rulebook's carrier and service table read against a sheet: which entry a carrier or service cell names, what
 * a tracking cell's service-code prefix says, which carriers an entry can hand a number to, and the tier order of
 * R7. Names the table does not list resolve to nothing, so no check ever guesses.
 */

export const TIER_RANK: Readonly<Record<ServiceTier, number>> = { economy: 0, standard: 1, premium: 2 };

/** What a carrier or service cell names: the entries it resolves to, and the parts no entry lists. */
export interface LogisticsLookup {
  known: LogisticsName[];
  unknown: string[];
}

const NOTHING: LogisticsLookup = { known: [], unknown: [] };
/** A cell naming several packages' carriers ("YANWEN, CAINIAO", one per line). */
const NAME_SEPARATORS = /[\n\r,;，；、]+/;
/** Sheets repeat a handful of names over every row: each raw text is resolved once (bounded). */
const LOOKUPS_KEPT = 10_000;

interface LogisticsIndex {
  byName: Map<string, LogisticsName>;
  lookups: Map<string, LogisticsLookup>;
  /** Matches a service code at the start of a tracking cell; undefined when no entry has codes. */
  prefix: RegExp | undefined;
  byCode: Map<string, LogisticsName>;
}

/** What ends a service code in a tracking cell (a regex class body); a cell without one, most cells, has no prefix. */
const CODE_SEPARATORS = "\\s:：_";

const indexes = new WeakMap<object, LogisticsIndex>();

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function logisticsIndex(rulebook: Rulebook): LogisticsIndex {
  const table = rulebook.logistics.names;
  let index = indexes.get(table);
  if (!index) {
    const byName = new Map<string, LogisticsName>();
    const byCode = new Map<string, LogisticsName>();
    for (const entry of table.value) {
      for (const name of [...entry.names, ...(entry.codes ?? [])]) {
        const key = normalizeWord(name);
        if (key && !byName.has(key)) byName.set(key, entry);
      }
      for (const code of entry.codes ?? []) if (!byCode.has(code.toUpperCase())) byCode.set(code.toUpperCase(), entry);
    }
    const codes = [...byCode.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    // CODE, then warehouse words (_WEIHAI), then a separator, then the rest, which must hold a digit.
    const prefix =
      codes.length > 0
        ? new RegExp(`^(${codes.join("|")})((?:_[A-Z]+)*)[${CODE_SEPARATORS}]+(?=\\D*\\d)(.+)$`, "is")
        : undefined;
    index = { byName, byCode, lookups: new Map(), prefix };
    indexes.set(table, index);
  }
  return index;
}

function resolve(text: string, index: LogisticsIndex): LogisticsLookup {
  const whole = index.byName.get(normalizeWord(text));
  if (whole) return { known: [whole], unknown: [] };
  const known: LogisticsName[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(NAME_SEPARATORS)) {
    const part = raw.trim();
    if (!part) continue;
    const entry = index.byName.get(normalizeWord(part));
    if (entry) {
      if (!known.includes(entry)) known.push(entry);
    } else if (!unknown.includes(part)) unknown.push(part);
  }
  return { known, unknown };
}

/** The entries a carrier or service cell names (matched ignoring case, spaces and punctuation). */
export function lookupLogistics(text: string | undefined, rulebook: Rulebook): LogisticsLookup {
  if (text === undefined || text.trim() === "") return NOTHING;
  const index = logisticsIndex(rulebook);
  let found = index.lookups.get(text);
  if (!found) {
    found = resolve(text, index);
    if (index.lookups.size < LOOKUPS_KEPT) index.lookups.set(text, found);
  }
  return found;
}

/** A tracking cell split into the service code it opens with and the number(s) after it. */
export interface ServicePrefix {
  service: LogisticsName;
  /** The prefix as typed, e.g. `CAINIAO_STANDARD_WEIHAI`. */
  code: string;
  rest: string;
}

/** A cell that can open with a service code: a letter first, and a separator somewhere after it. */
const MAY_OPEN_WITH_CODE = new RegExp(`^[A-Za-z][^${CODE_SEPARATORS}]*[${CODE_SEPARATORS}]`);

/** `CAINIAO_STANDARD_WEIHAI:LP00…` → the Cainiao Standard entry and `LP00…`; undefined when no known code opens the cell. */
export function splitServicePrefix(cell: string, rulebook: Rulebook): ServicePrefix | undefined {
  if (!MAY_OPEN_WITH_CODE.test(cell)) return undefined;
  const index = logisticsIndex(rulebook);
  const match = index.prefix?.exec(cell);
  if (!match) return undefined;
  const [, code = "", warehouse = "", rest = ""] = match;
  const service = index.byCode.get(code.toUpperCase()) as LogisticsName;
  return { service, code: code + warehouse, rest: rest.trim() };
}

/** Whether `entry` can hand over a number of `carrier`; an entry whose formats are not known can carry anything. */
export function canCarry(entry: LogisticsName, carrier: string): boolean {
  const carries = entry.carries;
  if (carries === undefined) return true;
  return carries.includes(carrier) || (carrier.startsWith("post:") && carries.includes("post:*"));
}

/** The lowest tier among `entries` that have one (a cell naming two services is as good as the worse). */
export function lowestTier(entries: readonly LogisticsName[]): ServiceTier | undefined {
  let lowest: ServiceTier | undefined;
  for (const entry of entries) {
    if (entry.tier && (lowest === undefined || TIER_RANK[entry.tier] < TIER_RANK[lowest])) lowest = entry.tier;
  }
  return lowest;
}

/** The first entry's display name: its first name. */
export const logisticsLabel = (entry: LogisticsName): string => entry.names[0] ?? entry.id;
