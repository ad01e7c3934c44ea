import type { PaneErrorKind } from "./i18n";

/** An error the pane shows in its MessageBar: what happened (kind) and, when useful, the host's own words. */
export interface PaneError {
  kind: PaneErrorKind;
  detail?: string;
  /** What the MessageBar's "Try again" button re-runs. */
  retry?: "load" | "scan";
}

/** Warnings (the seller can go on) rather than errors (the action failed). */
export const WARNING_KINDS: ReadonlySet<PaneErrorKind> = new Set<PaneErrorKind>(["noOrders", "settingsUnsaved"]);

/**
 * Patterns over an error's `code` and `name` (Office.js `OfficeExtension.Error.code`, the adapter's own error
 * classes) and, last, its message. Order matters: the first match wins.
 */
const PATTERNS: Array<[PaneErrorKind, RegExp]> = [
  // The Excel adapter's WorkbookError codes (src/excel/errors.ts).
  ["noOrders", /^\s*(NoHeader|EmptySheet)\b/],
  ["sheetMissing", /^\s*(SheetNotFound|ItemNotFound)\b/],
  ["noSummary", /^\s*NoSummary\b/],
  ["apiUnavailable", /^\s*RequirementNotSupported\b/],
  // Office.js error codes and names, then words in messages.
  ["cellEditing", /cell\s*edit/i],
  ["sheetProtected", /protect|access\s*denied|locked/i],
  ["sheetChanged", /changed|modified|edited|conflict/i],
  [
    "apiUnavailable",
    /api\s*not\s*found|requirement|api\s*unavailable|not\s*supported|unsupported|excel\s*is\s*not\s*defined/i,
  ],
  ["noOrders", /no\s*orders?|no\s*header|order\s*table\s*not\s*found|missing.*order\s*id/i],
];

/**
 * Excel's catch-all code when nothing more specific applies. Adding, activating or selecting a sheet fails with it
 * while another workbook has the focus (office-js#771), and clicking the workbook is what cures it; so it is the
 * guidance when the message names no other cause (a protected sheet, say).
 */
const FOCUS_LOST = /^\s*GeneralException\b/;

function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

/** Sorts any thrown value into a kind the pane has guidance for. Never throws. */
export function classifyError(error: unknown, retry?: PaneError["retry"]): PaneError {
  const record = typeof error === "object" && error !== null ? (error as Record<string, unknown>) : {};
  const identity = `${textOf(record.code)} ${textOf(record.name)} ${textOf(record.kind)}`;
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : textOf(record.message);
  const byIdentity = PATTERNS.find(([, pattern]) => pattern.test(identity));
  const byMessage = byIdentity ?? PATTERNS.find(([, pattern]) => pattern.test(message));
  const kind = byMessage ? byMessage[0] : FOCUS_LOST.test(identity) ? "focusLost" : "unknown";
  // A sheet that vanished needs the sheet list read again, whatever was being done.
  return { kind, detail: message || undefined, retry: kind === "sheetMissing" ? "load" : retry };
}
