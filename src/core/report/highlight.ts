import type { Category } from "../model";
import type { HighlightPlan, ScanResult } from "./types";
import { CATEGORIES, CATEGORY_STYLE } from "./colors";

/** Which rows get which fill: every row of a flagged order, the most serious category winning. */
export function buildHighlightPlan(result: ScanResult): HighlightPlan {
  const categoryByRow = new Map<number, Category>();
  for (const finding of result.findings) {
    for (const row of finding.rows) {
      const current = categoryByRow.get(row);
      if (!current || CATEGORY_STYLE[finding.category].priority > CATEGORY_STYLE[current].priority) {
        categoryByRow.set(row, finding.category);
      }
    }
  }
  const rows = [...categoryByRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, category]) => ({ row, category }));
  const counts = new Map<Category, number>();
  for (const { category } of rows) counts.set(category, (counts.get(category) ?? 0) + 1);
  return {
    sheet: result.source.sheet,
    firstColumn: result.source.firstColumn,
    lastColumn: result.source.lastColumn,
    rows,
    legend: CATEGORIES.map((category) => ({
      category,
      color: CATEGORY_STYLE[category].color,
      label: CATEGORY_STYLE[category].label,
      rows: counts.get(category) ?? 0,
    })),
  };
}
