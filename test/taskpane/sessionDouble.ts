import type { CellValue, SheetGrid } from "../../src/core/model";
import type { ColumnMapping } from "../../src/core/sheet";
import { detectHeader } from "../../src/core/sheet";
import type { ScanOutcome, ScanProgress, ScanSettings, SheetPreview, WorkbookSession } from "../../src/excel/session";
import { sampleOutcome } from "./fixtures";

/** A small seller-centre-like sheet: a title row, the header on row 2, six orders. */
const ORDERS: CellValue[][] = [
  ["订单导出 2025-06", null, null, null, null, null],
  ["订单号", "订单状态", "付款时间", "发货期限", "运单号", "备注"],
  ["8100000000000001", "已发货", "2025-06-01 10:00", "2025-06-08 10:00", "LP00123456789012", ""],
  ["8100000000000002", "等待发货", "32/13/2025", "2025-06-20 10:00", "", "VIP"],
  ["8100000000000003", "等待发货", "2025-06-02 09:00", "2025-06-09 09:00", "", ""],
  ["", "", "", "", "", "second item"],
  ["8100000000000004", "已发货", "2025-06-03 09:00", "2025-06-10 09:00", "XX1", ""],
  ["8100000000000005", "已完成", "2025-06-04 09:00", "2025-06-11 09:00", "UG123456785CN", ""],
  ["8100000000000006", "等待发货", "2025-06-14 20:00", "2025-06-16 08:00", "", ""],
];

type Deferred<T> = {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
};

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function abortError(): Error {
  const error = new Error("The scan was cancelled.");
  error.name = "AbortError";
  return error;
}

/**
 * A hand-written WorkbookSession for component tests: it records every call, answers preview() by running the
 * core's header detection over a tiny in-memory sheet, and lets a test hold a scan open to watch progress, cancel
 * it, or make any method fail with a chosen error.
 */
export class SessionDouble implements WorkbookSession {
  sheets: Record<string, CellValue[][]> = {
    Orders: ORDERS,
    Notes: [["just some notes"]],
  };
  activeSheet = "Orders";
  saved: Partial<ScanSettings> = {};
  outcome: ScanOutcome = sampleOutcome();
  /** When true, scan() waits for finishScan()/failScan() instead of resolving at once. */
  holdScan = false;
  /** Errors the next call of a method throws (once). */
  failures: Partial<Record<keyof WorkbookSession, unknown>> = {};

  readonly calls = {
    preview: [] as Array<{ sheet?: string; mapping?: ColumnMapping }>,
    scan: [] as Array<{ settings: ScanSettings; signal?: AbortSignal }>,
    saveSettings: [] as ScanSettings[],
    selectRow: [] as Array<{ sheet: string; row: number }>,
    clearHighlights: [] as Array<string | undefined>,
    openSummary: 0,
  };

  private pending?: {
    done: Deferred<ScanOutcome>;
    progress?: (p: ScanProgress) => void;
  };

  private failIfAsked(method: keyof WorkbookSession): void {
    if (method in this.failures) {
      const error = this.failures[method];
      delete this.failures[method];
      throw error;
    }
  }

  async listSheets() {
    this.failIfAsked("listSheets");
    return Object.keys(this.sheets).map((name) => ({
      name,
      active: name === this.activeSheet,
    }));
  }

  async preview(sheet?: string, mapping?: ColumnMapping): Promise<SheetPreview> {
    this.calls.preview.push({ sheet, mapping });
    this.failIfAsked("preview");
    const name = sheet ?? this.activeSheet;
    const grid: SheetGrid = { name, rows: this.sheets[name] ?? [] };
    const header = detectHeader(grid, mapping) ?? {
      headerRow: 1,
      columns: {},
      missing: [],
      confidence: 0,
      headers: [],
      mappingNotFound: [],
    };
    const firstData = grid.rows[header.headerRow] ?? [];
    const samples: Record<string, string> = {};
    for (const [field, match] of Object.entries(header.columns)) {
      if (match) samples[field] = String(firstData[match.index] ?? "");
    }
    const orders = header.columns.orderId
      ? grid.rows.slice(header.headerRow).filter((row) => String(row[header.columns.orderId!.index] ?? "") !== "")
          .length
      : 0;
    return {
      sheet: name,
      sheets: Object.keys(this.sheets),
      header,
      samples,
      unreadableCells: orders > 0 ? 1 : 0,
      orders,
    };
  }

  async scan(settings: ScanSettings, progress?: (p: ScanProgress) => void, signal?: AbortSignal): Promise<ScanOutcome> {
    this.calls.scan.push({ settings, signal });
    this.failIfAsked("scan");
    if (!this.holdScan) return this.outcome;
    const done = deferred<ScanOutcome>();
    signal?.addEventListener("abort", () => done.reject(abortError()));
    this.pending = { done, progress };
    return done.promise;
  }

  /** Reports progress on the held scan. */
  report(p: ScanProgress): void {
    this.pending?.progress?.(p);
  }

  finishScan(): void {
    this.pending?.done.resolve(this.outcome);
  }

  failScan(error: unknown): void {
    this.pending?.done.reject(error);
  }

  async clearHighlights(sheet?: string) {
    this.calls.clearHighlights.push(sheet);
    this.failIfAsked("clearHighlights");
    return { restoredRows: this.outcome.plan.rows.length };
  }

  async openSummary() {
    this.calls.openSummary++;
    this.failIfAsked("openSummary");
  }

  async selectRow(sheet: string, row: number) {
    this.calls.selectRow.push({ sheet, row });
    this.failIfAsked("selectRow");
  }

  async loadSettings() {
    this.failIfAsked("loadSettings");
    return this.saved;
  }

  async saveSettings(settings: ScanSettings) {
    this.calls.saveSettings.push(settings);
    this.failIfAsked("saveSettings");
    this.saved = settings;
  }
}
