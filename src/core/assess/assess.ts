import type { Finding, Instant } from "../model";
import type { FamilyDefinition, Rulebook, Severity } from "../rulebook";
import type { Assessment, TrackAssessment } from "../report/types";
import { consequenceFor, worseConsequence } from "./consequence";
import { acceptedViolationNames, resolveViolation } from "./violationNames";

const DAY = 86_400_000;

/** The family each code feeds, resolved once per rulebook instead of per finding. */
function familyOfCode(rulebook: Rulebook): Map<string, FamilyDefinition | undefined> {
  const families = new Map<string, FamilyDefinition | undefined>();
  for (const [code, violation] of Object.entries(rulebook.violations))
    families.set(code, rulebook.families[violation.family]);
  return families;
}

/**
 * Gives each finding the points it adds: the platform counts one case per order per family (an order with an
 * invalid AND a duplicate tracking number is one false-shipment case), so only the first finding of a family on an
 * order carries the family's per-case points. Findings must come grouped by order, as `scanOrders` emits them.
 */
export function assignPoints(findings: Finding[], rulebook: Rulebook): void {
  const families = familyOfCode(rulebook);
  // The run of one order's findings each family last counted a case in.
  const lastCounted = new Map<FamilyDefinition, number>();
  let currentOrder: string | undefined;
  let run = 0;
  for (let f = 0; f < findings.length; f++) {
    const item = findings[f] as Finding;
    if (item.orderId !== currentOrder) {
      currentOrder = item.orderId;
      run++;
    }
    const family = families.get(item.code);
    if (!family || lastCounted.get(family) === run) {
      item.points = 0;
      continue;
    }
    lastCounted.set(family, run);
    item.points = family.pointsPerCase.value;
  }
}

function escalationApplies(family: FamilyDefinition, casesInWindow: number, maxReuse: number): boolean {
  const tier = family.escalation;
  if (!tier) return false;
  if (casesInWindow >= tier.minCases.value) return true;
  return tier.minReuse !== undefined && maxReuse >= tier.minReuse.value;
}

interface FamilyTally {
  cases: number;
  casesInWindow: number;
  lastOrder?: string;
  lastOrderInWindow?: string;
}

/**
 * Points per track and the consequence, for findings whose points were assigned by `assignPoints` (grouped by
 * order, as `scanOrders` emits them).
 */
export function assessFindings(
  findings: readonly Finding[],
  rulebook: Rulebook,
  asOf: Instant,
  maxTrackingReuse = 0,
): Assessment {
  const families = familyOfCode(rulebook);
  const tallies = new Map<FamilyDefinition, FamilyTally>();
  for (let f = 0; f < findings.length; f++) {
    const item = findings[f] as Finding;
    const family = families.get(item.code);
    if (!family || (family.pointsPerCase.value === 0 && !family.escalation)) continue;
    let tally = tallies.get(family);
    if (!tally) {
      tally = { cases: 0, casesInWindow: 0 };
      tallies.set(family, tally);
    }
    if (tally.lastOrder !== item.orderId) {
      tally.lastOrder = item.orderId;
      tally.cases++;
    }
    const windowDays = family.escalation?.windowDays.value;
    const inWindow = windowDays !== undefined && (item.at === undefined || item.at >= asOf - windowDays * DAY);
    if (inWindow && tally.lastOrderInWindow !== item.orderId) {
      tally.lastOrderInWindow = item.orderId;
      tally.casesInWindow++;
    }
  }

  const pointsByTrack = new Map<string, number>();
  const escalations: Assessment["escalations"] = [];
  for (const [family, tally] of tallies) {
    let points = tally.cases * family.pointsPerCase.value;
    const reuse = family.id === "falseShipment" ? maxTrackingReuse : 0;
    if (family.escalation && escalationApplies(family, tally.casesInWindow, reuse)) {
      points += family.escalation.points.value;
      escalations.push({
        family: family.id,
        cases: tally.casesInWindow,
        points: family.escalation.points.value,
        reason: {
          en: `${family.escalation.names.en}: ${tally.casesInWindow} cases in ${family.escalation.windowDays.value} days`,
          zh: `${family.escalation.names.zh}：${family.escalation.windowDays.value} 天内 ${tally.casesInWindow} 例`,
        },
        name: family.escalation.names,
        windowDays: family.escalation.windowDays.value,
      });
    }
    pointsByTrack.set(family.track, (pointsByTrack.get(family.track) ?? 0) + points);
  }

  const byTrack: TrackAssessment[] = Object.values(rulebook.tracks).map((track) => {
    const points = pointsByTrack.get(track.id) ?? 0;
    return { track: track.id, name: track.names, points, consequence: consequenceFor(points, rulebook, track.id) };
  });
  const totalPoints = byTrack.reduce((sum, track) => sum + track.points, 0);
  const first = byTrack[0]?.consequence ?? consequenceFor(0, rulebook);
  const consequence = byTrack.reduce((worst, track) => worseConsequence(worst, track.consequence, rulebook), first);
  return { totalPoints, byTrack, consequence, escalations };
}

export class UnknownViolationError extends Error {
  constructor(name: string, accepted: string[]) {
    super(`Unknown violation "${name}". Use one of: ${accepted.join(", ")}`);
    this.name = "UnknownViolationError";
  }
}

const SEVERITY_WORDS: Record<string, Severity> = {
  general: "general",
  violation: "general",
  一般: "general",
  一般违规: "general",
  serious: "serious",
  严重: "serious",
  严重违规: "serious",
  veryserious: "verySerious",
  特别严重: "verySerious",
  特别严重违规: "verySerious",
};

export function parseSeverity(text: string): Severity | undefined {
  return SEVERITY_WORDS[
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s_-]+/g, "")
  ];
}

/**
 * Points for `cases` cases of a violation, exactly as a scan with that many cases (all inside the escalation
 * window) would total them; with a severity, the rulebook's points for that severity per case.
 */
export function penaltyPoints(violation: string, cases: number, rulebook: Rulebook, severity?: Severity): number {
  const resolved = resolveViolation(violation, rulebook);
  if (!resolved) throw new UnknownViolationError(violation, acceptedViolationNames(rulebook));
  const family = resolved.family;
  if (severity) {
    const perCase = family.severityPoints[severity]?.value;
    if (perCase === undefined) {
      throw new RangeError(`${family.names.en} has no "${severity}" severity in the rulebook`);
    }
    return cases * perCase;
  }
  let points = cases * family.pointsPerCase.value;
  if (family.escalation && cases >= family.escalation.minCases.value) points += family.escalation.points.value;
  return points;
}
