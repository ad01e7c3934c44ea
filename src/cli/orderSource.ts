import type { Diagnostic, Lang } from "../core/model";
import type { HighlightPlan, SummaryModel } from "../core/report/types";
import type { ActionsSheetModel } from "../core/report/actionsSheet";
import type { ColumnMapping, ReadOptions, SheetReadResult } from "../core/sheet";
import type { InputKind } from "./input";
import type { ProgressBar } from "./progress";
import type { ChosenSheet } from "./sheetChoice";

export interface CopyRequest {
  /** Where to write the copy: a temporary file beside the --out target, moved into place when every output is written. */
  out: string;
  plan: HighlightPlan;
  summary: SummaryModel;
  /** The AE Actions sheet, added after the summary (replacing a previous one). */
  actions?: ActionsSheetModel;
  headerRow: number;
  lang: Lang;
  progress: ProgressBar;
}

/** The orders to scan, and how to write the scanned copy of the file they came from. */
export interface OrderSource {
  /** Reads the order sheet through the core's reader (an .xlsx streams its rows; the whole sheet is never held). */
  readOrders(options: ReadOptions): Promise<SheetReadResult>;
  /** How the sheet was chosen among the workbook's sheets (absent for a CSV, which has one). */
  choice?: ChosenSheet;
  /** Problems met while reading the file itself (a CSV's undecodable bytes, an unclosed quote), as located notes. */
  readNotes?: Diagnostic[];
  /** Writes the scanned copy; returns notes for the user about what the copy could not keep. */
  writeCopy(request: CopyRequest): Promise<string[]>;
}

export interface OpenRequest {
  file: string;
  bytes: Uint8Array;
  kind: InputKind;
  sheet?: string;
  mapping?: ColumnMapping;
  progress: ProgressBar;
}
