/**
 * A minimal stand-in for the Excel runtime's `CustomFunctions` global (only what the functions use: `Error` and
 * `ErrorCode`), installed when a test file imports this module, before the functions run. The codes are the
 * documented `CustomFunctions.ErrorCode` values (learn.microsoft.com/javascript/api/custom-functions-runtime/
 * customfunctions.errorcode); #NAME? and #REF! are documented as input errors only.
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
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/**
 * An error cell as Excel hands it to a function whose metadata sets allowErrorForDataTypeAny: a
 * `CustomFunctions.Error` with the error's `CustomFunctions.ErrorCode` (learn.microsoft.com/office/dev/add-ins/excel/
 * custom-functions-errors, "Errors as custom function inputs"; the ErrorCode reference names #NAME? and #REF! as
 * supported "as a custom function input error").
 */
export const errorCell = (code: keyof typeof StubErrorCode): StubCustomFunctionsError =>
  new StubCustomFunctionsError(StubErrorCode[code]);

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
