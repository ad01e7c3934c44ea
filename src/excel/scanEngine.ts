/**
 * What a scan, Clear and "Open summary" do to the workbook: the scan engine (the core's scan, highlight plan, summary
 * and to-do) and the writes. The session (scanService.ts) imports this module on the first of those, so the pane's
 * first screen (sheets, column mapping) loads without it.
 */
import type { Lang, ScanOptions } from "../core/model";
import { readAsOf } from "../core/dates/asOf";
import { buildHighlightPlan } from "../core/report/highlight";
import { buildSummaryModel } from "../core/report/summary";
import { buildActionsSheet } from "../core/report/actionsSheet";
import type { HighlightPlan, ScanResult, SummaryModel } from "../core/report/types";
// The default rulebook's data only: the override loader and its schema library are fetched for an override.
import { ALIEXPRESS_RULEBOOK } from "../core/rulebook/aliexpress";
import { DEFAULT_SHIP_NOW_WINDOWS, scanActions } from "../core/actions";
import { scanGrid } from "../core/scan";
import type { CellBox } from "./a1";
import { throwIfAborted } from "./abort";
import { runs } from "./addresses";
import { CellMap } from "./cellMap";
import { WorkbookError } from "./errors";
import { packBySize, readCurrentFills } from "./fillRead";
import { planHighlightWork, rememberedBoxes, targetCells, type HighlightWork } from "./highlightPlanner";
import { actionsSheetNames, isOurSheet, STATE_SHEET, summaryNames } from "./ownSheets";
import type { WorkbookInspection, WorkbookPort, WriteOp } from "./port";
import { CALL_OVERHEAD_BYTES } from "./payload";
import { halvingOnPayloadError, splitBoxRows, writeWithRetry } from "./payloadRetry";
import { readSheet, type SheetRead } from "./readSheet";
import type { ReadPlanLimits } from "./readPlan";
import type { ScanProgress, ScanSettings } from "./session";
import type { ExcelScanOutcome, SessionDeps } from "./scanService";
import {
  currentSheetOf,
  decodeState,
  sheetState,
  stateWriteOps,
  withSheetState,
  type HighlightState,
  type SheetKey,
  type StoredState,
} from "./state";
import { readStateRows } from "./stateRead";
import { layoutSummary } from "./summaryLayout";
import { layoutActions } from "./actionsLayout";
import { planWrites } from "./writePlan";

/** What the session hands the engine: its port, its settings and what it remembers between calls. */
export interface SessionContext {
  port: WorkbookPort;
  deps: SessionDeps;
  now: () => number;
  readLimits: ReadPlanLimits;
  budget: number;
  /** Columns highlighted per sheet by this session's last scan, for selecting a whole row of the table. */
  lastColumns: Map<string, { first: number; last: number }>;
  requireHost(): void;
  resolveSheet(requested: string | undefined): Promise<{ sheet: string; inspection: WorkbookInspection }>;
}

const clock = (): number => globalThis.performance?.now() ?? Date.now();

/** Response bytes per number-format cell ("yyyy-mm-dd hh:mm" quoted). */
const FORMAT_BYTES = 24;

/** Where the stages sit on the task pane's progress bar. */
const STAGES: Record<ScanProgress["stage"], [number, number]> = {
  read: [0, 0.6],
  evaluate: [0.6, 0.7],
  highlight: [0.7, 0.9],
  summary: [0.9, 1],
};

/** ISO 8601 as-of, read by the core's one as-of reader: with an offset an instant, without a wall clock in the zone. */
export function parseAsOf(text: string | undefined, zone: string, now: number): number {
  if (!text) return now;
  const reading = readAsOf(text, zone);
  if (!reading.ok) throw new RangeError(`As-of moment ${reading.problem}.`);
  return reading.instant;
}

function hiddenNote(count: number, sheet: string, lang: Lang): string {
  return lang === "zh-CN"
    ? `工作表“${sheet}”有 ${count} 个问题行被筛选或隐藏；这些行同样已高亮，取消筛选即可看到。`
    : `${count} flagged rows of "${sheet}" are hidden by a filter or by hand; they are highlighted too and show when the filter is cleared.`;
}

/** The rows (absolute) and columns the core asked number formats for, as boxes per column. */
function formatBoxes(asked: Map<number, Set<number>>): CellBox[] {
  const boxes: CellBox[] = [];
  for (const [column, rows] of asked) {
    for (const run of runs([...rows].sort((a, b) => a - b)))
      boxes.push({ firstRow: run.first, firstColumn: column, rowCount: run.count, columnCount: 1 });
  }
  return boxes;
}

/**
 * Number formats only where the core needs them: it asks for a date cell's format only when the number alone does
 * not tell (outside the years a serial plausibly means). A first pass records those cells; they are read (usually
 * none, else a handful of boxes) and the scan runs again with them.
 */
async function scanWithFormats(
  port: WorkbookPort,
  read: SheetRead,
  run: (grid: SheetRead["grid"]) => ScanResult,
  budget: number,
  signal?: AbortSignal,
): Promise<ScanResult> {
  const { grid } = read;
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  const asked = new Map<number, Set<number>>();
  const first = run({
    ...grid,
    numberFormat: (i, j) => {
      const column = firstColumn + j;
      let rows = asked.get(column);
      if (!rows) asked.set(column, (rows = new Set()));
      rows.add(firstRow + i);
      return undefined;
    },
  });
  if (asked.size === 0) return first;
  const formats = new CellMap<string>();
  const boxes = formatBoxes(asked);
  for (const group of packBySize(boxes, (box) => box.rowCount * FORMAT_BYTES + 2 * CALL_OVERHEAD_BYTES, budget)) {
    throwIfAborted(signal);
    const blocks = await halvingOnPayloadError(
      group,
      async (part) =>
        (await port.read(read.sheet, { values: [], numberFormats: part, rowHidden: [], text: [] })).numberFormats,
      splitBoxRows,
      ([top, bottom]) => (top && bottom ? [...top, ...bottom] : null),
    );
    group.forEach((box, b) =>
      blocks[b]?.forEach((row, i) => formats.set(box.firstRow + i, box.firstColumn, row[0] ?? "General")),
    );
  }
  return run({ ...grid, numberFormat: (i, j) => formats.get(firstRow + i, firstColumn + j) });
}

const loadState = async (context: SessionContext): Promise<StoredState> =>
  decodeState(await readStateRows(context.port, context.budget));

export async function runScan(
  context: SessionContext,
  settings: ScanSettings,
  progress?: (p: ScanProgress) => void,
  signal?: AbortSignal,
): Promise<ExcelScanOutcome> {
  const { port, budget, now, deps } = context;
  context.requireHost();
  const report = (stage: ScanProgress["stage"], within: number): void => {
    const [from, to] = STAGES[stage];
    progress?.({ stage, fraction: from + (to - from) * Math.min(1, Math.max(0, within)) });
  };
  throwIfAborted(signal);
  const rulebook =
    settings.rulebookOverride === undefined || settings.rulebookOverride.trim() === ""
      ? ALIEXPRESS_RULEBOOK
      : (await import(/* webpackChunkName: "rulebook" */ "../core/rulebook")).loadRulebook(settings.rulebookOverride);
  const options: ScanOptions = {
    asOf: parseAsOf(settings.asOf, settings.timeZone, now()),
    timeZone: settings.timeZone,
    handlingDays: settings.handlingDays,
    dueSoonHours: settings.dueSoonHours,
    lang: settings.lang,
  };

  report("read", 0);
  const resolved = await context.resolveSheet(settings.sheet);
  const read = await readSheet(port, resolved.sheet, {
    mapping: settings.mapping,
    signal,
    inspection: resolved.inspection,
    limits: context.readLimits,
    onProgress: (fraction) => report("read", fraction),
  });

  report("evaluate", 0);
  let coreMs = 0;
  const timedScan = (grid: SheetRead["grid"]): ScanResult => {
    const start = clock();
    try {
      return scanGrid({ grid, options, mapping: settings.mapping, rulebook });
    } finally {
      coreMs += clock() - start;
    }
  };
  const result = await scanWithFormats(port, read, timedScan, budget, signal);
  const modelStart = clock();
  const plan: HighlightPlan = buildHighlightPlan(result);
  const summary: SummaryModel = buildSummaryModel(result, settings.lang);
  const templates = settings.templatesOverride
    ? (await import(/* webpackChunkName: "rulebook" */ "../core/actions/templateOverride")).templateOverrideFromText(
        settings.templatesOverride.json,
        settings.templatesOverride.file,
      )
    : undefined;
  const actions = scanActions(
    result,
    { ...DEFAULT_SHIP_NOW_WINDOWS, sellerTimeZone: localTimeZone() },
    rulebook,
    templates,
  );
  const actionsSheet = buildActionsSheet(actions, settings.lang, { sheet: read.sheet, column: plan.firstColumn });
  deps.onCoreTime?.(coreMs + clock() - modelStart);
  const hiddenFlaggedRows = plan.rows.filter(({ row }) => read.hiddenRows.has(row)).length;
  if (hiddenFlaggedRows > 0) summary.notes.push(hiddenNote(hiddenFlaggedRows, read.sheet, settings.lang));
  report("evaluate", 1);

  report("highlight", 0);
  const stored = await loadState(context);
  const state = stored.state;
  const sheetKey: SheetKey = {
    id: read.inspection.sheets.find((s) => s.name === read.sheet)?.id,
    name: read.sheet,
  };
  const previous = sheetState(state, sheetKey);
  const target = targetCells(plan);
  const union = new CellMap<true>();
  for (const box of [...target.boxes, ...rememberedBoxes(previous)]) union.setBox(box, true);
  const unionBoxes = [...union.boxesBy(() => "all").values()].flatMap((group) => group.boxes);
  const current = await readCurrentFills(port, read.sheet, unionBoxes, signal, budget);
  const work: HighlightWork = planHighlightWork({
    sheet: sheetKey,
    previous,
    target: target.cells,
    current,
    scannedAt: new Date(now()).toISOString(),
  });
  report("highlight", 0.5);

  // Last point where a cancel is honoured: nothing has been written yet.
  throwIfAborted(signal);
  // Saved before any fill changes: this scan's cells and those about to be put back, with the seller's fills.
  const stateDuringWrite: HighlightState = {
    ...withSheetState(state, sheetKey, work.during),
    summarySheet: summary.sheetName,
  };
  const positions = new Map(read.inspection.sheets.map((s) => [s.name, s.position]));
  const replaces = [...summaryNames(), ...(state.summarySheet ? [state.summarySheet] : [])];
  const existing = replaces.map((name) => positions.get(name)).find((p) => p !== undefined);
  const summaryPosition = existing ?? (positions.get(read.sheet) ?? 0) + 1;
  const layout = layoutSummary({
    model: summary,
    plan,
    orderSheet: read.sheet,
    linkColumn: plan.firstColumn,
    replaces,
    position: summaryPosition,
  });
  const hyperlinks = port.capabilities.hyperlinks !== false;
  // The to-do sits right after the summary, rewritten under this scan's language name.
  const actionsLayout = layoutActions({
    model: actionsSheet,
    replaces: actionsSheetNames(),
    position: summaryPosition + 1,
    hyperlinks,
  });
  // Order matters for a write that stops half-way (Excel lost focus, the network dropped): remember, put back,
  // colour, then the summary. The seller's fills are saved before any fill changes, and any prefix leaves fills
  // and state consistent, because Clear and the next scan only put back cells still wearing one of our colours.
  const ops: WriteOp[] = [
    ...stateWriteOps(stateDuringWrite, stored.slot),
    ...work.restoreOps,
    ...work.highlightOps,
    // Without hyperlinks (ExcelApi 1.7) the summary's row numbers stay as plain numbers.
    ...layout.ops.filter((op) => hyperlinks || !(op.op === "cells" && op.hyperlinks)),
    ...actionsLayout.ops,
  ];
  report("summary", 0);
  try {
    await writeWithRetry(port, planWrites(ops, budget));
  } catch (error) {
    if (error instanceof Error) (error as Error & { stage?: string }).stage = "write";
    throw error;
  }
  context.lastColumns.set(read.sheet, { first: plan.firstColumn, last: plan.lastColumn });
  report("summary", 1);
  return {
    result,
    plan,
    summary,
    actions,
    actionsSheet,
    hiddenFlaggedRows,
    dateSystem: { date1904: read.date1904, source: read.dateSystemSource },
    skippedCells: work.skippedCells,
  };
}

export async function clearHighlights(context: SessionContext, sheet?: string): Promise<{ restoredRows: number }> {
  const { port, budget } = context;
  context.requireHost();
  const stored = await loadState(context);
  let state = stored.state;
  if (state.sheets.length === 0) return { restoredRows: 0 };
  // Entries find their sheet by id, so a sheet renamed since the scan still gets its fills back.
  const inspection = await port.inspect();
  const entries = state.sheets
    .map((entry) => ({ entry, now: currentSheetOf(entry, inspection.sheets) }))
    // The pane names the sheet as it was when scanned; the seller may name it as it is now.
    .filter(({ entry, now }) => sheet === undefined || entry.sheet === sheet || now?.name === sheet);
  if (entries.length === 0) return { restoredRows: 0 };
  const ops: WriteOp[] = [];
  let restoredRows = 0;
  for (const { entry, now } of entries) {
    state = { ...state, sheets: state.sheets.filter((other) => other !== entry) };
    if (!now) continue;
    const current = await readCurrentFills(port, now.name, rememberedBoxes(entry), undefined, budget);
    const work = planHighlightWork({
      sheet: now,
      previous: entry,
      target: new CellMap<string>(),
      current,
      scannedAt: "",
    });
    ops.push(...work.restoreOps);
    restoredRows += work.restoredRows;
  }
  // The summary and the to-do describe the highlights: once no sheet keeps any, Clear removes them too.
  const reportSheets =
    state.sheets.length === 0
      ? inspection.sheets
          .filter((s) => isOurSheet(s.name, state.summarySheet) && s.name !== STATE_SHEET)
          .map((s) => s.name)
      : [];
  if (reportSheets.length > 0) state = { ...state, summarySheet: undefined };
  ops.push(...stateWriteOps(state, stored.slot));
  for (const name of reportSheets) ops.push({ op: "deleteSheet", sheet: name });
  await writeWithRetry(port, planWrites(ops, budget));
  return { restoredRows };
}

export async function openSummary(context: SessionContext): Promise<void> {
  const { port } = context;
  const { state } = await loadState(context);
  const inspection = await port.inspect();
  const names = [state.summarySheet, ...summaryNames()].filter((n): n is string => !!n);
  const found = names.find((name) => inspection.sheets.some((s) => s.name === name));
  if (!found) throw new WorkbookError("NoSummary", "There is no summary sheet yet: run a scan first.");
  await port.select(found, { firstRow: 1, firstColumn: 1, rowCount: 1, columnCount: 1 });
}

/** The zone of the computer Excel runs on: the one the seller thinks in. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
