import type { Lang } from "../../core/model";
import type { Severity } from "../../core/rulebook";
import {
  acceptedViolationNames,
  parseSeverity,
  penaltyPoints,
  resolveViolation,
  type ResolvedViolation,
} from "../../core/assess";
import type { ResolvedFunctionSettings } from "../settings";
import { invalidValue, type FunctionErrorValue } from "./errors";
import { cellAt, spill, toArg } from "./matrix";
import { cellReader, readName, readNumber } from "./inputs";
import { pick, say } from "./language";

const SEVERITY_NAMES: Record<Severity, { en: string; zh: string }> = {
  general: { en: "general", zh: "一般" },
  serious: { en: "serious", zh: "严重" },
  verySerious: { en: "very serious", zh: "特别严重" },
};

export function unknownViolationError(name: string, settings: ResolvedFunctionSettings): FunctionErrorValue {
  const accepted = acceptedViolationNames(settings.rulebook).join(", ");
  return invalidValue(
    say(settings.lang, `Unknown violation "${name}". Use one of: ${accepted}`, `未知违规“${name}”。可用：${accepted}`),
  );
}

function unknownSeverityError(word: string, lang: Lang): FunctionErrorValue {
  const words = Object.values(SEVERITY_NAMES);
  const accepted = `${words.map((w) => w.en).join(", ")} (${words.map((w) => w.zh).join(", ")})`;
  return invalidValue(
    say(lang, `Unknown severity "${word}". Use ${accepted}`, `未知严重程度“${word}”。可用：${accepted}`),
  );
}

/** Resolves each distinct violation name once per call (a column of names repeats a handful of values). */
export function violationResolver(settings: ResolvedFunctionSettings): (name: string) => ResolvedViolation | undefined {
  const known = new Map<string, ResolvedViolation | undefined>();
  return (name) => {
    if (known.has(name)) return known.get(name);
    const resolved = resolveViolation(name, settings.rulebook);
    known.set(name, resolved);
    return resolved;
  };
}

/**
 * AE.PENALTY: points for `cases` cases of a violation under the rulebook (`penaltyPoints`), with the per-case
 * points of a severity when one is given. Blank violation cells give blank results.
 */
export function penaltyResults(
  violation: unknown,
  cases: unknown,
  severity: unknown,
  settings: ResolvedFunctionSettings,
): unknown[][] {
  const args = [toArg(violation), toArg(cases), toArg(severity)];
  const [violationArg, casesArg, severityArg] = args;
  const reader = cellReader(settings);
  const lang = settings.lang;
  const resolve = violationResolver(settings);
  const pointsByKey = new Map<string, number>();
  return spill(args, lang, (r, c) => {
    const name = readName(cellAt(violationArg, r, c), "violation", reader);
    if (name === undefined) return "";
    if (typeof name !== "string") return name;
    const resolved = resolve(name);
    if (!resolved) return unknownViolationError(name, settings);

    const count = readNumber(cellAt(casesArg, r, c), "cases", reader);
    if (typeof count === "object") return count;
    const caseCount = count ?? 1;
    if (!Number.isInteger(caseCount) || caseCount < 0) {
      return invalidValue(
        say(
          lang,
          `cases must be a whole number, 0 or more (got ${caseCount})`,
          `cases 必须是 0 或正整数（当前为 ${caseCount}）`,
        ),
      );
    }

    const word = readName(cellAt(severityArg, r, c), "severity", reader);
    if (typeof word === "object") return word;
    let level: Severity | undefined;
    if (word !== undefined) {
      level = parseSeverity(word);
      if (!level) return unknownSeverityError(word, lang);
      if (!resolved.family.severityPoints[level]) {
        const family = pick(lang, resolved.family.names);
        const levelName = pick(lang, SEVERITY_NAMES[level]);
        return invalidValue(
          say(
            lang,
            `${family} has no "${levelName}" severity in the rulebook`,
            `规则中${family}没有“${levelName}”等级`,
          ),
        );
      }
    }
    const key = `${name}\u0000${caseCount}\u0000${level ?? ""}`;
    let points = pointsByKey.get(key);
    if (points === undefined) {
      points = penaltyPoints(name, caseCount, settings.rulebook, level);
      pointsByKey.set(key, points);
    }
    return points;
  });
}
