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
  if (status === undefined || status.trim() === "") return "blank";
  return statusIndex(rulebook).get(normalizeWord(status)) ?? "unknown";
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
