/**
 * A minimal stand-in for the Excel runtime's `CustomFunctions` global (only what the functions use: `Error` and
 * `ErrorCode`), installed when a test file imports this module, before the functions run.
 */
export class StubCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const StubErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;

(globalThis as Record<string, unknown>).CustomFunctions = { Error: StubCustomFunctionsError, ErrorCode: StubErrorCode };

/** The cell is an Excel error made by the runtime's class, with this code (and a message). */
export function expectError(value: unknown, code: "#VALUE!" | "#N/A", messagePart?: string | RegExp): void {
  expect(value).toBeInstanceOf(StubCustomFunctionsError);
  const error = value as StubCustomFunctionsError;
  expect(error.code).toBe(code);
  expect(error.message).toBeTruthy();
  if (messagePart !== undefined) expect(error.message).toMatch(messagePart);
}

/** Column of values, as Excel passes a one-column range. */
export const column = (...values: unknown[]): unknown[][] => values.map((value) => [value]);
