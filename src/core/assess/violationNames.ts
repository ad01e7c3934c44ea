import { VIOLATION_CODES, type ViolationCode } from "../model";
import { normalizeWord } from "../rulebook/statuses";
import type { FamilyDefinition, Rulebook } from "../rulebook/types";

export type ResolvedViolation =
  { kind: "code"; code: ViolationCode; family: FamilyDefinition } | { kind: "family"; family: FamilyDefinition };

/** Matches a report code, an English or Chinese name or an alias, ignoring case, spaces and punctuation. */
export function resolveViolation(name: string, rulebook: Rulebook): ResolvedViolation | undefined {
  const key = normalizeWord(name);
  if (!key) return undefined;
  for (const code of VIOLATION_CODES) {
    const violation = rulebook.violations[code];
    const names = [code, violation.names.en, violation.names.zh, ...violation.aliases];
    const family = rulebook.families[violation.family];
    if (family && names.some((candidate) => normalizeWord(candidate) === key)) return { kind: "code", code, family };
  }
  for (const family of Object.values(rulebook.families)) {
    const names = [family.id, family.ruleId, family.names.en, family.names.zh, ...family.aliases];
    if (names.some((candidate) => normalizeWord(candidate) === key)) return { kind: "family", family };
  }
  return undefined;
}

/** The names AE.PENALTY accepts, for its error message. */
export function acceptedViolationNames(rulebook: Rulebook): string[] {
  const families = Object.values(rulebook.families).flatMap((family) => [family.names.en, family.names.zh]);
  return [...VIOLATION_CODES, ...families];
}
