import type { Rulebook, StatusWords } from "./types";

export type StatusClass = keyof StatusWords | "unknown" | "blank";

/** Folds case, width, spaces and punctuation so "Awaiting  Shipment." matches "awaiting shipment". */
export function normalizeWord(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

const indexCache = new WeakMap<object, Map<string, keyof StatusWords>>();
/** Status cells repeat a handful of values over thousands of rows: remember each raw text's class. */
const rawCache = new WeakMap<object, Map<string, StatusClass>>();
const RAW_CACHE_LIMIT = 10_000;

function statusIndex(rulebook: Rulebook): Map<string, keyof StatusWords> {
  let index = indexCache.get(rulebook.statuses);
  if (!index) {
    index = new Map();
    const words = rulebook.statuses.value;
    for (const statusClass of Object.keys(words) as Array<keyof StatusWords>) {
      for (const word of words[statusClass]) {
        const key = normalizeWord(word);
        if (!index.has(key)) index.set(key, statusClass);
      }
    }
    indexCache.set(rulebook.statuses, index);
  }
  return index;
}

/** What a status cell says about the order, by the rulebook's word lists. */
export function classifyStatus(status: string | undefined, rulebook: Rulebook): StatusClass {
  if (status === undefined) return "blank";
  let cache = rawCache.get(rulebook.statuses);
  if (!cache) {
    cache = new Map();
    rawCache.set(rulebook.statuses, cache);
  }
  const known = cache.get(status);
  if (known !== undefined) return known;
  const statusClass: StatusClass =
    status.trim() === "" ? "blank" : (statusIndex(rulebook).get(normalizeWord(status)) ?? "unknown");
  if (cache.size < RAW_CACHE_LIMIT) cache.set(status, statusClass);
  return statusClass;
}

const reasonCache = new WeakMap<object, Set<string>>();

/** True when a cancellation or end reason is on the buyer's side (it raises no code). */
export function isBuyerSideReason(reason: string, rulebook: Rulebook): boolean {
  let reasons = reasonCache.get(rulebook.buyerSideCancelReasons);
  if (!reasons) {
    reasons = new Set(rulebook.buyerSideCancelReasons.value.map(normalizeWord));
    reasonCache.set(rulebook.buyerSideCancelReasons, reasons);
  }
  return reasons.has(normalizeWord(reason));
}
