import type { Lang } from "../../core/model";
import { VIOLATION_CODES } from "../../core/model";
import type { FamilyDefinition, Rulebook } from "../../core/rulebook";
import { confidenceNote, consequenceFor, type ResolvedViolation } from "../../core/assess";
import type { ResolvedFunctionSettings } from "../settings";
import { invalidValue } from "./errors";
import { cellAt, spill, toArg } from "./matrix";
import { cellReader, readName, readNumber } from "./inputs";
import { pick, say } from "./language";
import { unknownViolationError, violationResolver } from "./penalty";

/** "Sources: S1 Title (url); S16 Title (url)" from the rulebook's source register. */
function sourcesText(ids: readonly string[], rulebook: Rulebook, lang: Lang): string {
  const listed = ids.map((id) => {
    const source = rulebook.sources[id];
    if (!source) return id;
    return source.url ? `${id}: ${source.title} (${source.url})` : `${id}: ${source.title}`;
  });
  return `${say(lang, "Sources", "来源")}: ${listed.join("; ")}`;
}

function familyText(family: FamilyDefinition, rulebook: Rulebook, lang: Lang): string {
  const codes = VIOLATION_CODES.filter((code) => rulebook.violations[code].family === family.id);
  const perCase = family.pointsPerCase;
  const note = pick(lang, confidenceNote(perCase));
  const points = say(lang, `${perCase.value} points per case ${note}`, `每例 ${perCase.value} 分${note}`);
  const raisedBy = say(lang, `Raised by: ${codes.join(", ")}`, `对应代码：${codes.join(", ")}`);
  const rule = family.ruleId === "—" ? "" : ` (${family.ruleId})`;
  return `${pick(lang, family.names)}${rule}: ${points}. ${raisedBy}. ${sourcesText(family.sources, rulebook, lang)}`;
}

/** The text AE.RULE shows for a resolved violation or family. */
export function ruleText(resolved: ResolvedViolation, rulebook: Rulebook, lang: Lang): string {
  if (resolved.kind === "family") return familyText(resolved.family, rulebook, lang);
  const violation = rulebook.violations[resolved.code];
  const family = pick(lang, resolved.family.names);
  const counts = say(lang, `Counts as: ${family}`, `计为：${family}`);
  return (
    `${resolved.code} ${pick(lang, violation.names)}: ${pick(lang, violation.description)} ${counts}. ` +
    sourcesText(violation.sources, rulebook, lang)
  );
}

/**
 * AE.RULE: a violation's (or a violation family's) description and its sources from the rulebook. Accepts the
 * names AE.PENALTY accepts.
 */
export function ruleResults(code: unknown, settings: ResolvedFunctionSettings): unknown[][] {
  const arg = toArg(code);
  const reader = cellReader(settings);
  const resolve = violationResolver(settings);
  const textByName = new Map<string, string>();
  return spill([arg], settings.lang, (r, c) => {
    const name = readName(cellAt(arg, r, c), "code", reader);
    if (name === undefined) return "";
    if (typeof name !== "string") return name;
    let text = textByName.get(name);
    if (text === undefined) {
      const resolved = resolve(name);
      if (!resolved) return unknownViolationError(name, settings);
      text = ruleText(resolved, settings.rulebook, settings.lang);
      textByName.set(name, text);
    }
    return text;
  });
}

/**
 * AE.CONSEQUENCE: what a store with this many points faces under the rulebook's ladder, with the ladder's confidence,
 * e.g. "12 points: store frozen 7 days; store frozen 14 days at 24 (unverified default, low confidence: …)".
 */
export function consequenceResults(points: unknown, settings: ResolvedFunctionSettings): unknown[][] {
  const arg = toArg(points);
  const reader = cellReader(settings);
  const lang = settings.lang;
  return spill([arg], lang, (r, c) => {
    const value = readNumber(cellAt(arg, r, c), "points", reader);
    if (value === undefined) return "";
    if (typeof value !== "number") return value;
    if (value < 0) {
      return invalidValue(
        say(lang, `points must be 0 or more (got ${value})`, `points 必须大于或等于 0（当前为 ${value}）`),
      );
    }
    return pick(lang, consequenceFor(value, settings.rulebook).description);
  });
}
