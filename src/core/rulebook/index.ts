import { ALIEXPRESS_RULEBOOK } from "./aliexpress";
import { applyRulebookOverride, parseRulebookOverride } from "./override";
import type { Rulebook } from "./types";

export * from "./types";
export { ALIEXPRESS_RULEBOOK } from "./aliexpress";
export {
  RulebookOverrideError,
  parseRulebookOverride,
  applyRulebookOverride,
  rulebookOverrideSchema,
} from "./override";
export { classifyStatus, isBuyerSideReason, normalizeWord, type StatusClass } from "./statuses";

/** The default rulebook, or the default with the user's override JSON applied (throws RulebookOverrideError). */
export function loadRulebook(overrideJson?: string): Rulebook {
  if (overrideJson === undefined || overrideJson.trim() === "") return ALIEXPRESS_RULEBOOK;
  return applyRulebookOverride(ALIEXPRESS_RULEBOOK, parseRulebookOverride(overrideJson));
}
