import type { CanonicalField, ScanOptions } from "../model";
import type { Rulebook } from "../rulebook/types";
import type { EvaluationContext } from "./evaluateOrder";

/** What judging a sheet's (or a formula's) orders needs: the options, the rulebook and which columns it has. */
export function evaluationContext(
  options: ScanOptions,
  rulebook: Rulebook,
  present: ReadonlySet<CanonicalField>,
): EvaluationContext {
  return {
    rulebook,
    asOf: options.asOf,
    dueSoonHours: options.dueSoonHours ?? rulebook.dueSoonHours.value,
    checkTracking: present.has("trackingNumber"),
    checkOnline: present.has("firstScanAt"),
    deadlines: { rulebook, handlingDays: options.handlingDays ?? rulebook.handlingDays.value },
    text: { timeZone: options.timeZone, rulebook },
  };
}
