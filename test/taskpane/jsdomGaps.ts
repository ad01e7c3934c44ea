import { deserialize, serialize } from "v8";

/**
 * jest-environment-jsdom hides Node's structuredClone, which every browser the pane runs in has (the core's
 * rulebook override uses it). Give the jsdom window the same function.
 */
if (typeof globalThis.structuredClone !== "function") {
  globalThis.structuredClone = (<T>(value: T): T => deserialize(serialize(value))) as typeof structuredClone;
}
