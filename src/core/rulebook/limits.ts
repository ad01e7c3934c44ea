/** The range of handling days any rulebook (and any seller's setting) may hold: a day to a year. */
export const HANDLING_DAYS_RANGE = { min: 1, max: 365 } as const;
