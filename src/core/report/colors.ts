import type { Category, Localized } from "../model";

/**
 * Fill colours for highlighted rows: Excel's own "Bad" and "Neutral" cell-style fills plus a light blue, so the
 * colours read the same in Excel, LibreOffice and print, and black text on them stays legible.
 */
export const CATEGORY_STYLE: Record<Category, { color: string; label: Localized; priority: number }> = {
  late: { color: "#FFC7CE", label: { en: "Late", zh: "超期" }, priority: 3 },
  untracked: { color: "#FFEB9C", label: { en: "Untracked", zh: "无有效跟踪" }, priority: 2 },
  "at-risk": { color: "#BDD7EE", label: { en: "Due soon", zh: "即将超期" }, priority: 1 },
};

export const CATEGORIES: readonly Category[] = ["late", "untracked", "at-risk"];
