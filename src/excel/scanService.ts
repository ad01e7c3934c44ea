import { isUnreadableCell } from "../core/model";
import { cellText, isBlankCell, readOrderSheet, type ColumnMapping } from "../core/sheet";
import type { CellBox } from "./a1";
import { WorkbookError } from "./errors";
import { isOurSheet, orderSheets } from "./ownSheets";
import type { WorkbookInspection, WorkbookPort } from "./port";
import { PAYLOAD_BUDGET_BYTES } from "./payload";
import { readSheet } from "./readSheet";
import { DEFAULT_READ_LIMITS, type ReadPlanLimits } from "./readPlan";
import { EXCEL_REQUIREMENTS } from "./requirements";
import type { SessionContext } from "./scanEngine";
import type { ScanOutcome, ScanProgress, ScanSettings, SheetPreview, WorkbookSession } from "./session";

/** Key of the per-workbook scan settings in `workbook.settings`. */
export const SETTINGS_KEY = "AEGuard.scanSettings";

export interface SessionDeps {
  /** The moment a scan without `asOf` judges as now. */
  now?: () => number;
  readLimits?: ReadPlanLimits;
  /** Request/response budget per sync for fills and writes. */
  budgetBytes?: number;
  /** Told how long the core (scan, highlight plan, summary model) took, for the benchmark. */
  onCoreTime?: (ms: number) => void;
}

/** The Excel session's outcome: ScanOutcome with the Excel-only figures always present. */
export type ExcelScanOutcome = ScanOutcome &
  Required<Pick<ScanOutcome, "hiddenFlaggedRows" | "dateSystem" | "skippedCells">>;

/** The session over Office.js or the fake; its scan tells a little more than the pane's interface requires. */
export interface ExcelWorkbookSession extends WorkbookSession {
  scan(settings: ScanSettings, progress?: (p: ScanProgress) => void, signal?: AbortSignal): Promise<ExcelScanOutcome>;
}

/** The scan engine and the writes (scanEngine.ts), fetched on the first Scan, Clear or "Open summary". */
const engine = () => import(/* webpackChunkName: "scan" */ "./scanEngine");

/**
 * The pane's workbook session. The first screen (sheets, the column mapping's preview) needs only the sheet reader;
 * the scan engine, the writes and the core's judgement load when first used, so Excel opens the pane without them.
 */
export function createWorkbookSession(port: WorkbookPort, deps: SessionDeps = {}): ExcelWorkbookSession {
  const requireHost = (): void => {
    if (!port.capabilities.scan) {
      const { set, version } = EXCEL_REQUIREMENTS.minimum;
      throw new WorkbookError(
        "RequirementNotSupported",
        `This Excel does not support ${set} ${version}, which the scan needs (Excel 2021, Microsoft 365 or Excel on the web).`,
      );
    }
  };

  const resolveSheet = async (
    requested: string | undefined,
  ): Promise<{ sheet: string; inspection: WorkbookInspection }> => {
    let inspection = await port.inspect(requested);
    const candidates = orderSheets(inspection);
    if (requested) {
      if (!inspection.layout) throw new WorkbookError("SheetNotFound", `There is no sheet named "${requested}".`);
      if (isOurSheet(inspection.layout.name)) {
        throw new WorkbookError(
          "SheetNotFound",
          `"${inspection.layout.name}" is AE Guard's own sheet, not an order sheet.`,
        );
      }
      return { sheet: inspection.layout.name, inspection };
    }
    if (inspection.layout && candidates.includes(inspection.layout.name))
      return { sheet: inspection.layout.name, inspection };
    const fallback = candidates[0];
    if (!fallback) throw new WorkbookError("SheetNotFound", "The workbook has no sheet to scan.");
    inspection = await port.inspect(fallback);
    return { sheet: fallback, inspection };
  };

  const context: SessionContext = {
    port,
    deps,
    now: deps.now ?? Date.now,
    readLimits: deps.readLimits ?? DEFAULT_READ_LIMITS,
    budget: deps.budgetBytes ?? PAYLOAD_BUDGET_BYTES,
    lastColumns: new Map(),
    requireHost,
    resolveSheet,
  };

  return {
    async listSheets() {
      const inspection = await port.inspect();
      return orderSheets(inspection).map((name) => ({ name, active: name === inspection.activeSheet }));
    },

    async preview(sheet?: string, mapping?: ColumnMapping): Promise<SheetPreview> {
      requireHost();
      const resolved = await resolveSheet(sheet);
      const read = await readSheet(port, resolved.sheet, {
        mapping,
        inspection: resolved.inspection,
        limits: context.readLimits,
      });
      const sheetRead = readOrderSheet(read.grid, { timeZone: "UTC", mapping });
      const samples: Record<string, string> = {};
      const headerIndex = read.header.headerRow - read.region.firstRow;
      for (const [field, match] of Object.entries(sheetRead.header.columns)) {
        if (!match) continue;
        for (let i = headerIndex + 1; i < read.grid.rows.length; i++) {
          const value = read.grid.rows[i]?.[match.index];
          if (!isBlankCell(value)) {
            samples[field] = cellText(value);
            break;
          }
        }
      }
      return {
        sheet: read.sheet,
        sheets: orderSheets(read.inspection),
        header: sheetRead.header,
        samples,
        unreadableCells: sheetRead.diagnostics.filter(isUnreadableCell).length,
        orders: sheetRead.table.count,
      };
    },

    async scan(settings, progress, signal) {
      return (await engine()).runScan(context, settings, progress, signal);
    },

    async clearHighlights(sheet?: string) {
      return (await engine()).clearHighlights(context, sheet);
    },

    async openSummary() {
      return (await engine()).openSummary(context);
    },

    async selectRow(sheet: string, row: number): Promise<void> {
      const columns = context.lastColumns.get(sheet);
      const box: CellBox = columns
        ? { firstRow: row, firstColumn: columns.first, rowCount: 1, columnCount: columns.last - columns.first + 1 }
        : { firstRow: row, firstColumn: 1, rowCount: 1, columnCount: 1 };
      await port.select(sheet, box);
    },

    async loadSettings(): Promise<Partial<ScanSettings>> {
      const text = await port.getSetting(SETTINGS_KEY);
      if (!text) return {};
      try {
        const parsed = JSON.parse(text) as unknown;
        return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Partial<ScanSettings>) : {};
      } catch {
        return {};
      }
    },

    async saveSettings(settings: ScanSettings): Promise<void> {
      await port.setSetting(SETTINGS_KEY, JSON.stringify(settings));
    },
  };
}
