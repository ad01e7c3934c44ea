import type { OverrideReaders } from "./overrideReaders";
import type { functionSettings, givenFunctionSettings, prepareFunctionSettings, setFunctionSettings } from "./settings";

/**
 * The formulas' settings as the runtime's global object holds them (under a registered symbol), so the pane's
 * bundle and the functions' bundle, which share one runtime, see the same settings. The functions' copy of
 * settings.ts also puts its functions here (`api`): the pane uses those and does not carry a second copy of the
 * settings' resolver (the rulebook loader and its schema library) in its first download.
 */
export interface SharedSettings<Given, Resolved> {
  given: Given;
  resolved?: Resolved;
  /** The override files' readers, once a workbook with an override has fetched them (overrideReaders.ts). */
  readers?: OverrideReaders;
  api?: {
    prepareFunctionSettings: typeof prepareFunctionSettings;
    setFunctionSettings: typeof setFunctionSettings;
    givenFunctionSettings: typeof givenFunctionSettings;
    functionSettings: typeof functionSettings;
  };
}

const STORE_KEY = Symbol.for("ae-guard.function-settings");

export function sharedSettings<Given, Resolved>(): SharedSettings<Given, Resolved> {
  const global = globalThis as {
    [STORE_KEY]?: SharedSettings<Given, Resolved>;
  };
  let current = global[STORE_KEY];
  if (!current) {
    current = { given: {} as Given };
    global[STORE_KEY] = current;
  }
  return current;
}
