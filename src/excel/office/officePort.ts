/**
 * The workbook port over Office.js. Thin on purpose: every method is one `Excel.run`, queues everything it can, and
 * syncs a bounded number of times (stated per method in port.ts); all sizing, chunking and state logic lives above
 * the port in pure code that the fake exercises in tests.
 *
 * Requirement sets: see requirements.ts (ExcelApi 1.9 minimum; 1.20 for one undo group; 1.11 for delayForCellEdit).
 */
import type { CellValue } from "../../core/model";
import { boxAddress, type CellBox } from "../a1";
import type {
  AreaFillReading,
  CellFill,
  FillReading,
  ReadBatch,
  ReadResult,
  SheetInfo,
  SheetLayout,
  SheetVisibility,
  TableInfo,
  TextBlock,
  WorkbookInspection,
  WorkbookPort,
  WriteOp,
  WritePlan,
} from "../port";
import { detectCapabilities, type Capabilities } from "../requirements";
import { createWorkbookSession, type ExcelWorkbookSession, type SessionDeps } from "../scanService";

/** Worksheet.getRangeByIndexes is 0-based. */
function rangeOf(sheet: Excel.Worksheet, box: CellBox): Excel.Range {
  return sheet.getRangeByIndexes(box.firstRow - 1, box.firstColumn - 1, box.rowCount, box.columnCount);
}

function boxOf(range: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): CellBox {
  return {
    firstRow: range.rowIndex + 1,
    firstColumn: range.columnIndex + 1,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}

function reading(fill: {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}): FillReading {
  return {
    color: fill.color ?? null,
    pattern: fill.pattern ?? null,
    patternColor: fill.patternColor ?? null,
    tintAndShade: fill.tintAndShade ?? null,
    patternTintAndShade: fill.patternTintAndShade ?? null,
  };
}

/** Sets the fill properties the op gives (planners give all of them), in the order Excel needs: pattern first. */
function applyFill(target: Excel.RangeAreas, fill: CellFill): void {
  if (!fill) {
    target.format.fill.clear();
    return;
  }
  const format = target.format.fill;
  if (fill.pattern !== undefined) format.pattern = fill.pattern as Excel.FillPattern;
  format.color = fill.color;
  if (fill.tintAndShade !== undefined) format.tintAndShade = fill.tintAndShade;
  if (fill.patternColor !== undefined) format.patternColor = fill.patternColor;
  if (fill.patternTintAndShade !== undefined) format.patternTintAndShade = fill.patternTintAndShade;
}

/** The office.js global when running inside Office, else undefined (browser preview, tests). */
function officeGlobal(): Parameters<typeof detectCapabilities>[0] {
  return typeof Office === "undefined" ? undefined : (Office as unknown as Parameters<typeof detectCapabilities>[0]);
}

export class OfficeWorkbookPort implements WorkbookPort {
  readonly capabilities: Capabilities;

  constructor(capabilities: Capabilities = detectCapabilities(officeGlobal())) {
    this.capabilities = capabilities;
  }

  /** Excel.run with the options the host supports: one undo group, and waiting out cell-edit mode. */
  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions = {};
    if (this.capabilities.mergeUndoGroup) options.mergeUndoGroup = true;
    if (this.capabilities.delayForCellEdit) options.delayForCellEdit = true;
    return Object.keys(options).length > 0 ? Excel.run(options, batch) : Excel.run(batch);
  }

  async inspect(sheetName?: string): Promise<WorkbookInspection> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/id,items/name,items/visibility,items/position");
      const active = worksheets.getActiveWorksheet();
      active.load("name");
      const named = sheetName === undefined ? undefined : worksheets.getItemOrNullObject(sheetName);
      named?.load("name");
      await context.sync();

      const sheets: SheetInfo[] = worksheets.items.map((ws) => ({
        id: ws.id,
        name: ws.name,
        visibility: ws.visibility as SheetVisibility,
        position: ws.position,
      }));
      const inspection: WorkbookInspection = { sheets, activeSheet: active.name, layout: null };
      const target = named === undefined ? active : named.isNullObject ? undefined : named;

      if (target) {
        const used = target.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden");
        const tables = target.tables;
        tables.load("items/name,items/showHeaders,items/showTotals");
        const autoFilter = target.autoFilter;
        autoFilter.load("enabled,isDataFiltered");
        await context.sync();

        const tableRanges = tables.items.map((table) => {
          const range = table.getRange();
          range.load("rowIndex,columnIndex,rowCount,columnCount");
          const filter = table.autoFilter;
          filter.load("isDataFiltered");
          return { table, range, filter };
        });
        if (tableRanges.length > 0) await context.sync();

        const tableInfos: TableInfo[] = tableRanges.map(({ table, range, filter }) => ({
          name: table.name,
          box: boxOf(range),
          showHeaders: table.showHeaders,
          showTotals: table.showTotals,
          filtered: filter.isDataFiltered === true,
        }));
        const layout: SheetLayout = {
          name: target.name,
          used: used.isNullObject ? null : boxOf(used),
          tables: tableInfos,
          filtered: (autoFilter.enabled && autoFilter.isDataFiltered) || tableInfos.some((t) => t.filtered),
          // rowHidden is true when every row is hidden, false when none is, null when some are.
          hasHiddenRows: !used.isNullObject && used.rowHidden !== false,
        };
        inspection.layout = layout;
      }

      // Workbook.use1904DateSystem is preview-only (not in any ExcelApi set yet): read it only where this office.js
      // defines it, and treat any failure as "unknown" (the session then looks at displayed dates).
      const workbook = context.workbook as Excel.Workbook & { use1904DateSystem?: boolean };
      if ("use1904DateSystem" in workbook) {
        try {
          workbook.load("use1904DateSystem");
          await context.sync();
          if (typeof workbook.use1904DateSystem === "boolean") inspection.date1904 = workbook.use1904DateSystem;
        } catch {
          inspection.date1904 = undefined;
        }
      }
      return inspection;
    });
  }

  async read(sheetName: string, batch: ReadBatch): Promise<ReadResult> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const values = batch.values.map((box) => rangeOf(sheet, box).load("values"));
      const formats = batch.numberFormats.map((box) => rangeOf(sheet, box).load("numberFormat"));
      const texts = batch.text.map((box) => rangeOf(sheet, box).load("text"));
      const rows = batch.rowHidden.map((box) => rangeOf(sheet, box).getRowProperties({ rowHidden: true }));
      await context.sync();
      return {
        // Excel may answer a read over its cell limit with null values instead of an error.
        values: values.map((range) => (range.values ?? null) as CellValue[][] | null),
        numberFormats: formats.map((range) => (range.numberFormat ?? null) as string[][] | null),
        text: texts.map((range) => range.text ?? null),
        rowHidden: rows.map((result) => result.value.map((row) => row.rowHidden === true)),
      };
    });
  }

  async probeFills(sheetName: string, addressLists: string[]): Promise<AreaFillReading[][]> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      // One RangeAreas per address list; each area's fill comes back with the collection (no call per area).
      const lists = addressLists.map((addresses) =>
        sheet
          .getRanges(addresses)
          .load(
            "areas/items/address,areas/items/format/fill/color,areas/items/format/fill/pattern," +
              "areas/items/format/fill/patternColor,areas/items/format/fill/tintAndShade," +
              "areas/items/format/fill/patternTintAndShade",
          ),
      );
      await context.sync();
      return lists.map((rangeAreas) =>
        rangeAreas.areas.items.map((area) => ({ address: area.address, ...reading(area.format.fill) })),
      );
    });
  }

  async readCellFills(sheetName: string, boxes: CellBox[]): Promise<FillReading[][][]> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const results = boxes.map((box) =>
        rangeOf(sheet, box).getCellProperties({
          format: {
            fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true },
          },
        }),
      );
      await context.sync();
      return results.map((result) => result.value.map((row) => row.map((cell) => reading(cell.format?.fill ?? {}))));
    });
  }

  async readTextBlock(sheetName: string, box: CellBox): Promise<TextBlock | undefined> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) return undefined;
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,rowCount");
      const block = rangeOf(sheet, box).load("values");
      await context.sync();
      return {
        values: block.values.map((row) =>
          row.map((value) => (value === undefined || value === null ? "" : String(value))),
        ),
        lastRow: used.isNullObject ? 0 : used.rowIndex + used.rowCount,
      };
    });
  }

  async write(plan: WritePlan): Promise<void> {
    let completedBatches = 0;
    try {
      await this.writeBatches(plan, () => completedBatches++);
    } catch (error) {
      if (error && typeof error === "object") Object.assign(error, { completedBatches });
      throw error;
    }
  }

  private async writeBatches(plan: WritePlan, onBatch: () => void): Promise<void> {
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      await context.sync();
      const sheets = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
      const queue = (op: WriteOp): void => queueWrite(context, sheets, op);
      // One sync per batch; the batches were sized by request payload above the port, so their number grows with
      // bytes written, not with rows. Screen updating is suspended once, for the first (fills) batch.
      context.application.suspendScreenUpdatingUntilNextSync();
      await plan.batches.reduce(async (previous, batch) => {
        await previous;
        batch.forEach(queue);
        await context.sync();
        onBatch();
      }, Promise.resolve());
    });
  }

  async select(sheetName: string, box?: CellBox): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(box ? boxAddress(box) : "A1").select();
      await context.sync();
    });
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load("value");
      await context.sync();
      return setting.isNullObject || typeof setting.value !== "string" ? undefined : setting.value;
    });
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }
}

/** Queues one write op. `sheets` maps lower-case names to the worksheets known in this run (added ones included). */
function queueWrite(context: Excel.RequestContext, sheets: Map<string, Excel.Worksheet>, op: WriteOp): void {
  const worksheets = context.workbook.worksheets;
  const sheet = (name: string): Excel.Worksheet => sheets.get(name.toLowerCase()) ?? worksheets.getItem(name);
  switch (op.op) {
    case "fill":
      applyFill(sheet(op.sheet).getRanges(op.addresses), op.fill);
      return;
    case "deleteSheet": {
      const existing = sheets.get(op.sheet.toLowerCase());
      if (!existing) return;
      // Excel refuses to delete a very hidden sheet.
      existing.visibility = Excel.SheetVisibility.hidden;
      existing.delete();
      sheets.delete(op.sheet.toLowerCase());
      return;
    }
    case "ensureSheet": {
      let target = sheets.get(op.sheet.toLowerCase());
      if (!target) {
        target = worksheets.add(op.sheet);
        sheets.set(op.sheet.toLowerCase(), target);
      }
      target.visibility = op.visibility as Excel.SheetVisibility;
      if (op.position !== undefined) target.position = op.position;
      return;
    }
    case "clear": {
      const target = sheet(op.sheet);
      (op.box ? rangeOf(target, op.box) : target.getRange()).clear(Excel.ClearApplyTo.all);
      return;
    }
    case "cells": {
      const range = rangeOf(sheet(op.sheet), op.box);
      // Text format before the values, so text that looks like a formula or a number stays text.
      if (op.numberFormat) range.numberFormat = op.numberFormat;
      if (op.values) range.values = op.values as Array<Array<string | number | boolean>>;
      if (op.hyperlinks) {
        range.setCellProperties(op.hyperlinks.map((row) => row.map((link) => (link ? { hyperlink: link } : {}))));
      }
      if (op.bold !== undefined) range.format.font.bold = op.bold;
      if (op.fontSize !== undefined) range.format.font.size = op.fontSize;
      if (op.fill !== undefined) range.format.fill.color = op.fill;
      return;
    }
    case "table": {
      const table = sheet(op.sheet).tables.add(rangeOf(sheet(op.sheet), op.box), true);
      table.name = op.name;
      table.style = op.style;
      return;
    }
    case "chart": {
      const target = sheet(op.sheet);
      const chart = target.charts.add(
        Excel.ChartType.columnClustered,
        rangeOf(target, op.source),
        Excel.ChartSeriesBy.columns,
      );
      chart.title.text = op.title;
      chart.legend.visible = false;
      const end = {
        ...op.anchor,
        firstRow: op.anchor.firstRow + op.anchor.rowCount - 1,
        firstColumn: op.anchor.firstColumn + op.anchor.columnCount - 1,
        rowCount: 1,
        columnCount: 1,
      };
      chart.setPosition(boxAddress({ ...op.anchor, rowCount: 1, columnCount: 1 }), boxAddress(end));
      return;
    }
    case "columnWidths": {
      const target = sheet(op.sheet);
      op.widths.forEach((width, i) => {
        // Widths are in characters; the API takes points (about 7 points per character of the default font).
        target.getRangeByIndexes(0, op.firstColumn - 1 + i, 1, 1).getEntireColumn().format.columnWidth = width * 7;
      });
      return;
    }
    case "activate":
      sheet(op.sheet).activate();
      return;
  }
}

/** The task pane's session inside Excel: call after `Office.onReady`. */
export function createOfficeWorkbookSession(deps?: SessionDeps): ExcelWorkbookSession {
  return createWorkbookSession(new OfficeWorkbookPort(), deps);
}
