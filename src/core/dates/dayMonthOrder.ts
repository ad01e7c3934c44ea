import { ORDER_EVIDENCE_DAY_FIRST, ORDER_EVIDENCE_MONTH_FIRST } from "./text";

/**
 * Whether `03/04/2025` is 4 March or 3 April, settled per column (or per formula argument), never across the sheet:
 * the one rule the sheet reader and the AE.* formulas share.
 *
 * A date such as `13/06/2025` can only be day-first, `06/13/2025` only month-first; a cell that could be either
 * follows its column's evidence only when that evidence is consistent and written the same way. A column with
 * dates of both kinds, or whose day-first dates look different (`13/06/2025` beside `6/9/2025 10:00 AM`, a US
 * style), leaves its either-way cells ambiguous: the caller reports them instead of guessing. A column with no
 * day-first date keeps the reader's default order.
 */
export type DayMonthReading = "asRead" | "swapped" | "ambiguous";

/** A date text's shape: its separators, clock and AM/PM marks, with every run of digits alike. */
export function dateShape(text: string): string {
  return text.trim().replace(/\d+/g, "9").replace(/\s+/g, " ").toUpperCase();
}

export class DayMonthEvidence {
  private dayFirst = 0;
  private monthFirst = 0;
  /** The shapes of the dates that could only be day-first. */
  private readonly dayFirstShapes = new Set<string>();

  /** Notes a cell that could be read only one way (`ORDER_EVIDENCE_DAY_FIRST` or `_MONTH_FIRST`). */
  note(text: string, evidence: number): void {
    if (evidence === ORDER_EVIDENCE_DAY_FIRST) {
      this.dayFirst++;
      this.dayFirstShapes.add(dateShape(text));
    } else if (evidence === ORDER_EVIDENCE_MONTH_FIRST) this.monthFirst++;
  }

  /** How to read a cell of this column that could be either way, once the whole column has been seen. */
  settle(text: string): DayMonthReading {
    if (this.dayFirst === 0) return "asRead";
    if (this.monthFirst > 0) return "ambiguous";
    return this.dayFirstShapes.has(dateShape(text)) ? "swapped" : "ambiguous";
  }
}
