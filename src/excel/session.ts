import type { HeaderDetection, ColumnMapping } from "../core/sheet";
import type { ScanActions } from "../core/actions";
import type { ActionsSheetModel } from "../core/report/actionsSheet";
import type { Lang } from "../core/model";
import type { ScanResult, SummaryModel, HighlightPlan } from "../core/report/types";

/** What the task pane remembers per workbook (document settings) so the next scan is one click. */
export interface ScanSettings {
  sheet?: string;
  mapping?: ColumnMapping;
  timeZone: string;
  handlingDays: number;
  dueSoonHours: number;
  /** ISO 8601; undefined = now. */
  asOf?: string;
  /** A user rulebook override, as JSON text. */
  rulebookOverride?: string;
  /** The seller's wording for the buyer message drafts (templateOverride), with the file's name for its notes. */
  templatesOverride?: { file: string; json: string };
  lang: Lang;
}

export interface SheetPreview {
  sheet: string;
  sheets: string[];
  header: HeaderDetection;
  /** A sample value per detected field, for the mapping table. */
  samples: Record<string, string>;
  unreadableCells: number;
  orders: number;
}

export interface ScanProgress {
  stage: "read" | "evaluate" | "highlight" | "summary";
  /** 0..1 over the whole scan. */
  fraction: number;
}

export interface ScanOutcome {
  result: ScanResult;
  plan: HighlightPlan;
  summary: SummaryModel;
  /** The to-do: orders to ship by time left (deadlines also in the computer's zone) and the what-if line. */
  actions?: ScanActions;
  /** The AE Actions sheet the scan wrote, as data (set by the Excel session). */
  actionsSheet?: ActionsSheetModel;
  /** Flagged rows currently hidden by a filter or by hand (highlighted too). Set by the Excel session. */
  hiddenFlaggedRows?: number;
  /** The workbook's date system and how it was told: the host said, the displayed dates said, or Excel's default. */
  dateSystem?: { date1904: boolean; source: "host" | "displayed-text" | "default" };
  /** Cells left uncoloured because their gradient fill could not be put back. */
  skippedCells?: number;
}

/** The operations the task pane drives; implemented over Office.js and over the in-memory workbook (browser preview). */
export interface WorkbookSession {
  listSheets(): Promise<Array<{ name: string; active: boolean }>>;
  preview(sheet?: string, mapping?: ColumnMapping): Promise<SheetPreview>;
  scan(settings: ScanSettings, progress?: (p: ScanProgress) => void, signal?: AbortSignal): Promise<ScanOutcome>;
  /** Restores the seller's own fills on the rows the last scan coloured. */
  clearHighlights(sheet?: string): Promise<{ restoredRows: number }>;
  openSummary(): Promise<void>;
  selectRow(sheet: string, row: number): Promise<void>;
  loadSettings(): Promise<Partial<ScanSettings>>;
  saveSettings(settings: ScanSettings): Promise<void>;
}
