import type { Category, Finding, Lang, ViolationCode } from "../core/model";
import { VIOLATION_CODES } from "../core/model";
import type { HighlightPlan, ScanResult } from "../core/report/types";

/** One flagged order as the list shows it: every code it raised, its points, its worst category. */
export interface FlaggedOrder {
  row: number;
  rows: number[];
  orderId: string;
  codes: ViolationCode[];
  points: number;
  category: Category;
  message: string;
}

const CATEGORY_RANK: Record<Category, number> = { late: 0, untracked: 1, "at-risk": 2 };

/** Findings grouped per order, worst first: most points, then late before untracked before at-risk, then sheet order. */
export function flaggedOrders(findings: Finding[], lang: Lang): FlaggedOrder[] {
  const byRow = new Map<number, FlaggedOrder>();
  for (const finding of findings) {
    const message = lang === "zh-CN" ? finding.messageZh : finding.message;
    const order = byRow.get(finding.row);
    if (!order) {
      byRow.set(finding.row, {
        row: finding.row,
        rows: finding.rows,
        orderId: finding.orderId,
        codes: [finding.code],
        points: finding.points,
        category: finding.category,
        message,
      });
      continue;
    }
    if (!order.codes.includes(finding.code)) order.codes.push(finding.code);
    order.points += finding.points;
    if (CATEGORY_RANK[finding.category] < CATEGORY_RANK[order.category]) {
      order.category = finding.category;
      order.message = message;
    }
  }
  return [...byRow.values()].sort(
    (a, b) => b.points - a.points || CATEGORY_RANK[a.category] - CATEGORY_RANK[b.category] || a.row - b.row,
  );
}

export interface CodeCount {
  code: ViolationCode;
  orders: number;
  category?: Category;
  color?: string;
}

/** The scan's per-code order counts in the rulebook's code order, each with its highlight colour. */
export function codeCounts(result: ScanResult, plan: HighlightPlan): CodeCount[] {
  const categoryOf = new Map<ViolationCode, Category>();
  for (const finding of result.findings)
    if (!categoryOf.has(finding.code)) categoryOf.set(finding.code, finding.category);
  const colorOf = new Map(plan.legend.map((entry) => [entry.category, entry.color] as const));
  return VIOLATION_CODES.filter((code) => (result.totals.byCode[code] ?? 0) > 0).map((code) => {
    const category = categoryOf.get(code);
    return {
      code,
      orders: result.totals.byCode[code] ?? 0,
      category,
      color: category ? colorOf.get(category) : undefined,
    };
  });
}

/** `#RRGGBB` or `RRGGBB` (as Office.js and exceljs write fills) → a CSS colour. */
export function cssColor(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const trimmed = color.trim();
  if (/^[0-9a-f]{6}$/i.test(trimmed)) return `#${trimmed}`;
  if (/^[0-9a-f]{8}$/i.test(trimmed)) return `#${trimmed.slice(2)}`; // ARGB
  return trimmed;
}

/** A rule id the rulebook appends to a name for its own readers ("serious false shipment (R4)"). */
const RULE_ID_SUFFIX = /\s*[(（]\s*R\d+\s*[)）]\s*$/;

/** A rulebook name as a seller reads it: the rule id stays in the rule's details (the rulebook, the summary). */
export function withoutRuleId(name: string): string {
  return name.replace(RULE_ID_SUFFIX, "");
}

/** The flagged orders that raised `code` (all of them when no filter is chosen). */
export function ordersWith(orders: FlaggedOrder[], code: ViolationCode | undefined): FlaggedOrder[] {
  return code === undefined ? orders : orders.filter((order) => order.codes.includes(code));
}
