/**
 * The core keeps a missing number (a date the sheet did not give, an offset not cached yet) as NaN, so typed arrays
 * and plain numbers can hold it; this is the one test of "a number was given".
 */
export function isKnown(value: number): boolean {
  return value === value;
}
