import { loadRulebook } from "../core/rulebook";
import { templateOverrideFromText } from "../core/actions/templateOverride";
import { sharedSettings } from "./sharedSettings";

/**
 * The readers of the seller's override files (rulebook, message wording) and their schema library. Kept out of
 * functions.js: settings.ts fetches this module only for a workbook that has an override (prepareFunctionSettings);
 * importing it puts the readers where both bundles of the runtime find them.
 */
export const OVERRIDE_READERS = { loadRulebook, templateOverrideFromText };
export type OverrideReaders = typeof OVERRIDE_READERS;

sharedSettings().readers = OVERRIDE_READERS;
