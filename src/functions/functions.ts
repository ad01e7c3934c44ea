// PLACEHOLDER: replaced by the rulebook-backed custom functions. It exists so the metadata/associate chain builds.

// Placeholder points per case until the rulebook supplies the real table.
const PLACEHOLDER_POINTS_PER_CASE: Readonly<Record<string, number>> = { LATE_SHIPMENT: 2 };

/**
 * Penalty points for one kind of logistics violation (placeholder values).
 * @customfunction PENALTY
 * @param violation Violation code, for example "LATE_SHIPMENT".
 * @param cases Number of orders with this violation. Defaults to 1.
 * @returns Penalty points.
 */
export function penalty(violation: string, cases?: number): number {
  const perCase = PLACEHOLDER_POINTS_PER_CASE[String(violation).trim().toUpperCase()] ?? 0;
  return perCase * (typeof cases === "number" ? cases : 1);
}
