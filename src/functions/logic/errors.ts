/**
 * The errors a formula shows. Excel only carries a message on #VALUE! and #N/A, so those are the two we use.
 *
 * Inside Excel the runtime's `CustomFunctions.Error` is used, because Excel only recognises its own class; outside
 * (node tests, the bench, a runtime that has not loaded yet) a plain look-alike with the same `code` and `message`.
 * The global is looked up when an error is made, not at import time, so a runtime that arrives later is still used.
 */

export type FunctionErrorKind = "invalidValue" | "notAvailable";

const ERROR_TEXT: Record<FunctionErrorKind, string> = { invalidValue: "#VALUE!", notAvailable: "#N/A" };

/** Shape shared by `CustomFunctions.Error` and the stand-in. */
export interface FunctionErrorValue {
  code: string;
  message?: string;
}

/** Stand-in for `CustomFunctions.Error` where the runtime is absent. */
export class FunctionError implements FunctionErrorValue {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => FunctionErrorValue;
  ErrorCode: Record<string, string>;
}

function runtime(): CustomFunctionsRuntime | undefined {
  const candidate = (globalThis as { CustomFunctions?: Partial<CustomFunctionsRuntime> }).CustomFunctions;
  return typeof candidate?.Error === "function" && candidate.ErrorCode
    ? (candidate as CustomFunctionsRuntime)
    : undefined;
}

export function functionError(kind: FunctionErrorKind, message: string): FunctionErrorValue {
  const cf = runtime();
  if (cf) return new cf.Error(cf.ErrorCode[kind] ?? ERROR_TEXT[kind], message);
  return new FunctionError(ERROR_TEXT[kind], message);
}

export const invalidValue = (message: string): FunctionErrorValue => functionError("invalidValue", message);
export const notAvailable = (message: string): FunctionErrorValue => functionError("notAvailable", message);

/** True for a `CustomFunctions.Error` or the stand-in (used by tests and callers that post-process results). */
export function isFunctionError(value: unknown): value is FunctionErrorValue {
  if (value instanceof FunctionError) return true;
  const cf = runtime();
  return cf !== undefined && value instanceof cf.Error;
}
