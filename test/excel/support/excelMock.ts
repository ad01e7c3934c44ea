/**
 * A small stand-in for the Excel JavaScript API over a FakeWorkbook, just wide enough to run OfficeWorkbookPort:
 * proxies queue their reads and writes, `context.sync()` runs the queue, and reading a property that was not loaded
 * and synced throws (as Office.js does). It counts syncs per `Excel.run`, so tests can check that the Office.js port
 * makes the round trips the fake accounts for. Test-only: it is not an Excel emulator.
 */
import { boxAddress, MAX_COLUMNS, MAX_ROWS, parseAreas, type CellBox } from "../../../src/excel/a1";
import {
  areaReading,
  FakeExcelError,
  FAKE_GET_RANGES_MAX_CHARS,
  readingOf,
  type FakeSheet,
  type FakeWorkbook,
} from "../../../src/excel/fake/fakeWorkbook";
import type { CellFill, Fill } from "../../../src/excel/port";

type Job = () => void;

export interface RunRecord {
  syncs: number;
  options: Record<string, unknown> | undefined;
  screenSuspensions: number;
  failed: boolean;
}

class Context {
  readonly queue: Job[] = [];
  syncs = 0;
  screenSuspensions = 0;
  readonly workbook: MockWorkbook;
  readonly application = { suspendScreenUpdatingUntilNextSync: (): void => void this.screenSuspensions++ };

  constructor(readonly backing: FakeWorkbook) {
    this.workbook = new MockWorkbook(this);
  }

  enqueue(job: Job): void {
    this.queue.push(job);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const jobs = this.queue.splice(0);
    for (const job of jobs) job();
  }
}

/** A proxy whose properties become readable after load + sync. */
class Loadable {
  protected readonly props = new Map<string, unknown>();

  constructor(protected readonly ctx: Context) {}

  protected loaded<T>(name: string): T {
    if (!this.props.has(name)) throw new Error(`PropertyNotLoaded: ${name} was read without load() and sync()`);
    return this.props.get(name) as T;
  }

  protected set(name: string, value: unknown): void {
    this.props.set(name, value);
  }

  load(spec: string | Record<string, unknown>): this {
    const paths = typeof spec === "string" ? spec.split(",").map((p) => p.trim()).filter(Boolean) : Object.keys(spec);
    this.ctx.enqueue(() => this.resolve(paths));
    return this;
  }

  protected resolve(_paths: string[]): void {
    throw new Error(`load not supported on ${this.constructor.name}`);
  }
}

class MockWorkbook {
  readonly worksheets: MockWorksheets;
  readonly settings: MockSettings;

  constructor(ctx: Context) {
    this.worksheets = new MockWorksheets(ctx);
    this.settings = new MockSettings(ctx);
    if (ctx.backing.exposesDateSystem) {
      let value: boolean | undefined;
      Object.defineProperty(this, "use1904DateSystem", { get: () => value, enumerable: true });
      Object.defineProperty(this, "load", {
        value: (spec: string) => {
          if (spec !== "use1904DateSystem") throw new Error(`unexpected workbook load ${spec}`);
          ctx.enqueue(() => (value = ctx.backing.date1904));
        },
      });
    }
  }
}

class MockWorksheets extends Loadable {
  get items(): MockWorksheet[] {
    return this.loaded("items");
  }

  protected resolve(paths: string[]): void {
    this.set(
      "items",
      this.ctx.backing.sheets.map((sheet) => {
        const proxy = new MockWorksheet(this.ctx, () => sheet);
        proxy.resolveNow(paths.map((p) => p.replace(/^items\//, "")));
        return proxy;
      }),
    );
  }

  getActiveWorksheet(): MockWorksheet {
    return new MockWorksheet(this.ctx, () => this.ctx.backing.sheet(this.ctx.backing.activeSheet));
  }

  getItem(name: string): MockWorksheet {
    return new MockWorksheet(this.ctx, () => {
      const sheet = this.ctx.backing.sheet(name);
      if (!sheet) throw new FakeExcelError("ItemNotFound", `no sheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): MockWorksheet {
    const proxy = new MockWorksheet(this.ctx, () => this.ctx.backing.sheet(name));
    proxy.trackNull();
    return proxy;
  }

  add(name: string): MockWorksheet {
    this.ctx.enqueue(() => {
      this.ctx.backing.requireFocus(`adding sheet ${name}`);
      this.ctx.backing.addSheet(name);
    });
    return new MockWorksheet(this.ctx, () => this.ctx.backing.sheet(name));
  }
}

class MockWorksheet extends Loadable {
  readonly tables: MockTables;
  readonly charts: MockCharts;
  readonly autoFilter: MockAutoFilter;

  constructor(
    ctx: Context,
    readonly find: () => FakeSheet | undefined,
  ) {
    super(ctx);
    this.tables = new MockTables(ctx, this);
    this.charts = new MockCharts(ctx, this);
    this.autoFilter = new MockAutoFilter(ctx, this);
  }

  sheet(): FakeSheet {
    const sheet = this.find();
    if (!sheet) throw new FakeExcelError("ItemNotFound", "sheet not found");
    return sheet;
  }

  trackNull(): void {
    this.ctx.enqueue(() => this.set("isNullObject", this.find() === undefined));
  }

  get isNullObject(): boolean {
    return this.loaded("isNullObject");
  }

  resolveNow(paths: string[]): void {
    const sheet = this.sheet();
    for (const path of paths) {
      if (path === "name") this.set("name", sheet.name);
      else if (path === "id") this.set("id", sheet.id);
      else if (path === "visibility") this.set("visibility", sheet.visibility);
      else if (path === "position") this.set("position", this.ctx.backing.sheets.indexOf(sheet));
      else throw new Error(`unexpected worksheet load ${path}`);
    }
  }

  protected resolve(paths: string[]): void {
    if (this.find() === undefined) return; // a null object loads nothing
    this.resolveNow(paths);
  }

  get name(): string {
    return this.loaded("name");
  }

  get id(): string {
    return this.loaded("id");
  }

  get visibility(): string {
    return this.loaded("visibility");
  }

  set visibility(value: string) {
    this.ctx.enqueue(() => (this.sheet().visibility = value as FakeSheet["visibility"]));
  }

  get position(): number {
    return this.loaded("position");
  }

  set position(value: number) {
    this.ctx.enqueue(() => {
      const sheets = this.ctx.backing.sheets;
      const sheet = this.sheet();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(value, sheets.length), 0, sheet);
    });
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): MockRange {
    const range = new MockRange(this.ctx, this, () => this.sheet().usedRange());
    range.trackNull();
    return range;
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): MockRange {
    const box = { firstRow: row + 1, firstColumn: column + 1, rowCount, columnCount };
    return new MockRange(this.ctx, this, () => box);
  }

  getRange(address?: string): MockRange {
    const box = address ? parseAreas(address)[0]! : { firstRow: 1, firstColumn: 1, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };
    return new MockRange(this.ctx, this, () => box);
  }

  getRanges(address: string): MockRangeAreas {
    return new MockRangeAreas(this.ctx, this, address);
  }

  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.backing.requireFocus(`activating sheet ${this.sheet().name}`);
      this.ctx.backing.activeSheet = this.sheet().name;
    });
  }

  delete(): void {
    this.ctx.enqueue(() => this.ctx.backing.deleteSheet(this.sheet().name));
  }
}

class ClientResult<T> {
  private resolved = false;
  private data: T | undefined;

  constructor(ctx: Context, compute: () => T) {
    ctx.enqueue(() => {
      this.data = compute();
      this.resolved = true;
    });
  }

  get value(): T {
    if (!this.resolved) throw new Error("PropertyNotLoaded: ClientResult read before sync()");
    return this.data as T;
  }
}

/** RangeFill: property sets queue one by one; the fake applies each to every cell, keeping the others. */
class MockFill {
  constructor(
    private readonly ctx: Context,
    private readonly apply: (fill: CellFill) => void,
  ) {}

  private stage(change: Partial<Fill>): void {
    this.ctx.enqueue(() => this.apply(change as CellFill));
  }

  set color(value: string) {
    this.stage({ color: value });
  }

  set pattern(value: string) {
    this.stage({ pattern: value });
  }

  set patternColor(value: string) {
    this.stage({ patternColor: value });
  }

  set tintAndShade(value: number) {
    this.stage({ tintAndShade: value });
  }

  set patternTintAndShade(value: number) {
    this.stage({ patternTintAndShade: value });
  }

  clear(): void {
    this.ctx.enqueue(() => this.apply(null));
  }
}

class MockRange extends Loadable {
  readonly format: { fill: MockFill; font: { bold: boolean; size: number }; columnWidth: number };

  constructor(
    ctx: Context,
    private readonly worksheet: MockWorksheet,
    private readonly box: () => CellBox | null,
  ) {
    super(ctx);
    const range = this;
    const paint = (fill: CellFill): void =>
      ctx.backing.apply({ op: "fill", sheet: worksheet.sheet().name, addresses: boxAddress(range.requireBox()), fill });
    const cells = (extra: Record<string, unknown>): void =>
      ctx.enqueue(() => ctx.backing.apply({ op: "cells", sheet: worksheet.sheet().name, box: range.requireBox(), ...extra }));
    this.format = {
      fill: new MockFill(ctx, paint),
      font: {
        set bold(value: boolean) {
          cells({ bold: value });
        },
        set size(value: number) {
          cells({ fontSize: value });
        },
      } as { bold: boolean; size: number },
      set columnWidth(value: number) {
        ctx.enqueue(() => worksheet.sheet().columnWidths.set(range.requireBox().firstColumn, value / 7));
      },
    } as MockRange["format"];
  }

  requireBox(): CellBox {
    const box = this.box();
    if (!box) throw new FakeExcelError("ItemNotFound", "null range");
    return box;
  }

  trackNull(): void {
    this.ctx.enqueue(() => this.set("isNullObject", this.box() === null));
  }

  get isNullObject(): boolean {
    return this.loaded("isNullObject");
  }

  private grid<T>(cell: (sheet: FakeSheet, row: number, column: number) => T): T[][] {
    const box = this.requireBox();
    const sheet = this.worksheet.sheet();
    return Array.from({ length: box.rowCount }, (_, i) =>
      Array.from({ length: box.columnCount }, (_, j) => cell(sheet, box.firstRow + i, box.firstColumn + j)),
    );
  }

  protected resolve(paths: string[]): void {
    const box = this.box();
    if (!box) return;
    for (const path of paths) {
      if (path === "values") this.set("values", this.grid((s, r, c) => s.value(r, c)));
      else if (path === "numberFormat") this.set("numberFormat", this.grid((s, r, c) => s.numberFormat(r, c)));
      else if (path === "text") this.set("text", this.grid((s, r, c) => String(s.value(r, c))));
      else if (path === "rowIndex") this.set("rowIndex", box.firstRow - 1);
      else if (path === "columnIndex") this.set("columnIndex", box.firstColumn - 1);
      else if (path === "rowCount") this.set("rowCount", box.rowCount);
      else if (path === "columnCount") this.set("columnCount", box.columnCount);
      else if (path === "rowHidden") {
        const sheet = this.worksheet.sheet();
        const hidden = Array.from({ length: box.rowCount }, (_, i) => sheet.hiddenRows.has(box.firstRow + i));
        this.set("rowHidden", hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false);
      } else throw new Error(`unexpected range load ${path}`);
    }
  }

  get values(): unknown[][] {
    return this.loaded("values");
  }

  set values(values: unknown[][]) {
    this.ctx.enqueue(() =>
      this.ctx.backing.apply({ op: "cells", sheet: this.worksheet.sheet().name, box: this.requireBox(), values: values as never }),
    );
  }

  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }

  set numberFormat(formats: string[][]) {
    this.ctx.enqueue(() =>
      this.ctx.backing.apply({ op: "cells", sheet: this.worksheet.sheet().name, box: this.requireBox(), numberFormat: formats }),
    );
  }

  get text(): string[][] {
    return this.loaded("text");
  }

  get rowIndex(): number {
    return this.loaded("rowIndex");
  }

  get columnIndex(): number {
    return this.loaded("columnIndex");
  }

  get rowCount(): number {
    return this.loaded("rowCount");
  }

  get columnCount(): number {
    return this.loaded("columnCount");
  }

  get rowHidden(): boolean | null {
    return this.loaded("rowHidden");
  }

  getRowProperties(_options: unknown): ClientResult<Array<{ rowHidden: boolean }>> {
    return new ClientResult(this.ctx, () => {
      const box = this.requireBox();
      const sheet = this.worksheet.sheet();
      return Array.from({ length: box.rowCount }, (_, i) => ({ rowHidden: sheet.hiddenRows.has(box.firstRow + i) }));
    });
  }

  getCellProperties(_options: unknown): ClientResult<Array<Array<{ format: { fill: unknown } }>>> {
    return new ClientResult(this.ctx, () =>
      this.grid((s, r, c) => ({ format: { fill: readingOf(s.fill(r, c), this.ctx.backing.host) } })),
    );
  }

  setCellProperties(properties: Array<Array<{ hyperlink?: { documentReference: string; textToDisplay: string } }>>): void {
    this.ctx.enqueue(() =>
      this.ctx.backing.apply({
        op: "cells",
        sheet: this.worksheet.sheet().name,
        box: this.requireBox(),
        hyperlinks: properties.map((row) => row.map((cell) => cell.hyperlink ?? null)) as never,
      }),
    );
  }

  clear(_applyTo?: string): void {
    this.ctx.enqueue(() => this.ctx.backing.apply({ op: "clear", sheet: this.worksheet.sheet().name, box: this.requireBox() }));
  }

  select(): void {
    this.ctx.enqueue(() => this.ctx.backing.requireFocus("selecting a range"));
    this.ctx.enqueue(() => (this.ctx.backing.selection = { sheet: this.worksheet.sheet().name, address: boxAddress(this.requireBox()) }));
  }

  getEntireColumn(): MockRange {
    return new MockRange(this.ctx, this.worksheet, () => ({ ...this.requireBox(), firstRow: 1, rowCount: MAX_ROWS }));
  }
}

class MockRangeAreas extends Loadable {
  readonly format: { fill: MockFill };

  constructor(
    ctx: Context,
    private readonly worksheet: MockWorksheet,
    private readonly address: string,
  ) {
    super(ctx);
    ctx.enqueue(() => {
      if (address.length > FAKE_GET_RANGES_MAX_CHARS) throw new FakeExcelError("InvalidArgument", "address too long");
    });
    this.format = {
      fill: new MockFill(ctx, (fill) => ctx.backing.apply({ op: "fill", sheet: worksheet.sheet().name, addresses: address, fill })),
    };
  }

  get areas(): { items: Array<{ address: string; format: { fill: unknown } }> } {
    return { items: this.loaded("areas") };
  }

  protected resolve(paths: string[]): void {
    if (!paths.every((p) => p.startsWith("areas/items/"))) throw new Error(`unexpected RangeAreas load ${paths.join()}`);
    const sheet = this.worksheet.sheet();
    this.set(
      "areas",
      parseAreas(this.address).map((box) => {
        const fills: Array<ReturnType<FakeSheet["fill"]>> = [];
        for (let r = box.firstRow; r < box.firstRow + box.rowCount; r++) {
          for (let c = box.firstColumn; c < box.firstColumn + box.columnCount; c++) fills.push(sheet.fill(r, c));
        }
        const host = this.ctx.backing.host;
        const fill = fills.length === 1 ? readingOf(fills[0]!, host) : areaReading(fills, host);
        return { address: `${sheet.name}!${boxAddress(box)}`, format: { fill } };
      }),
    );
  }
}

class MockTables extends Loadable {
  constructor(
    ctx: Context,
    private readonly worksheet: MockWorksheet,
  ) {
    super(ctx);
  }

  get items(): MockTable[] {
    return this.loaded("items");
  }

  protected resolve(paths: string[]): void {
    const sheet = this.worksheet.sheet();
    this.set(
      "items",
      sheet.tables.map((table) => {
        const proxy = new MockTable(this.ctx, this.worksheet, () => table);
        for (const path of paths) proxy.resolveNow(path.replace(/^items\//, ""));
        return proxy;
      }),
    );
  }

  add(range: MockRange, _hasHeaders: boolean): MockTable {
    let created: FakeSheet["tables"][number] | undefined;
    this.ctx.enqueue(() => {
      const sheet = this.worksheet.sheet();
      created = { name: `Table${Date.now()}${Math.random()}`, box: range.requireBox(), showHeaders: true, style: "", filtered: false };
      sheet.tables.push(created);
    });
    return new MockTable(this.ctx, this.worksheet, () => created!);
  }
}

class MockTable extends Loadable {
  readonly autoFilter: { load: (s: string) => void; isDataFiltered: boolean };

  constructor(
    ctx: Context,
    private readonly worksheet: MockWorksheet,
    private readonly table: () => FakeSheet["tables"][number],
  ) {
    super(ctx);
    const self = this;
    this.autoFilter = {
      load: () => ctx.enqueue(() => self.set("filtered", self.table().filtered)),
      get isDataFiltered(): boolean {
        return self.loaded("filtered");
      },
    };
  }

  resolveNow(path: string): void {
    if (path === "name") this.set("name", this.table().name);
    else if (path === "showHeaders") this.set("showHeaders", this.table().showHeaders);
    else if (path === "showTotals") this.set("showTotals", this.table().showTotals === true);
    else throw new Error(`unexpected table load ${path}`);
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(value: string) {
    this.ctx.enqueue(() => {
      if (this.ctx.backing.sheets.some((s) => s.tables.some((t) => t !== this.table() && t.name.toLowerCase() === value.toLowerCase()))) {
        throw new FakeExcelError("InvalidArgument", `table name ${value} exists`);
      }
      this.table().name = value;
    });
  }

  set style(value: string) {
    this.ctx.enqueue(() => (this.table().style = value));
  }

  get showHeaders(): boolean {
    return this.loaded("showHeaders");
  }

  get showTotals(): boolean {
    return this.loaded("showTotals");
  }

  getRange(): MockRange {
    return new MockRange(this.ctx, this.worksheet, () => this.table().box);
  }
}

class MockCharts {
  constructor(
    private readonly ctx: Context,
    private readonly worksheet: MockWorksheet,
  ) {}

  add(type: string, source: MockRange, _seriesBy: string) {
    const chart = { type, title: "", source: { firstRow: 0, firstColumn: 0, rowCount: 0, columnCount: 0 }, anchor: { firstRow: 0, firstColumn: 0, rowCount: 0, columnCount: 0 } };
    this.ctx.enqueue(() => {
      chart.source = source.requireBox();
      this.worksheet.sheet().charts.push(chart);
    });
    const ctx = this.ctx;
    return {
      title: {
        set text(value: string) {
          ctx.enqueue(() => (chart.title = value));
        },
      },
      legend: { visible: true },
      setPosition(start: string, end: string) {
        ctx.enqueue(() => {
          const a = parseAreas(start)[0]!;
          const b = parseAreas(end)[0]!;
          chart.anchor = { firstRow: a.firstRow, firstColumn: a.firstColumn, rowCount: b.firstRow - a.firstRow + 1, columnCount: b.firstColumn - a.firstColumn + 1 };
        });
      },
    };
  }
}

class MockAutoFilter extends Loadable {
  constructor(
    ctx: Context,
    private readonly worksheet: MockWorksheet,
  ) {
    super(ctx);
  }

  protected resolve(): void {
    const sheet = this.worksheet.sheet();
    this.set("enabled", sheet.autoFilterActive);
    this.set("isDataFiltered", sheet.autoFilterActive);
  }

  get enabled(): boolean {
    return this.loaded("enabled");
  }

  get isDataFiltered(): boolean {
    return this.loaded("isDataFiltered");
  }
}

class MockSettings {
  constructor(private readonly ctx: Context) {}

  getItemOrNullObject(key: string) {
    const ctx = this.ctx;
    let value: string | undefined;
    let loaded = false;
    return {
      load: () => ctx.enqueue(() => ((value = ctx.backing.settings.get(key)), (loaded = true))),
      get isNullObject(): boolean {
        if (!loaded) throw new Error("PropertyNotLoaded: isNullObject");
        return value === undefined;
      },
      get value(): string | undefined {
        if (!loaded) throw new Error("PropertyNotLoaded: value");
        return value;
      },
    };
  }

  add(key: string, value: string): void {
    this.ctx.enqueue(() => this.ctx.backing.settings.set(key, value));
  }
}

/** Installs `Excel` on globalThis over `backing`; returns the run records and a function that removes it again. */
export function installExcelMock(backing: FakeWorkbook): { runs: RunRecord[]; uninstall: () => void } {
  const runs: RunRecord[] = [];
  const run = async (...args: unknown[]): Promise<unknown> => {
    const batch = args[args.length - 1] as (ctx: unknown) => Promise<unknown>;
    const options = args.length > 1 ? (args[0] as Record<string, unknown>) : undefined;
    const ctx = new Context(backing);
    const record: RunRecord = { syncs: 0, options, screenSuspensions: 0, failed: false };
    runs.push(record);
    try {
      return await batch(ctx);
    } catch (error) {
      record.failed = true;
      throw error;
    } finally {
      record.syncs = ctx.syncs;
      record.screenSuspensions = ctx.screenSuspensions;
      if (ctx.queue.length > 0) throw new Error(`${ctx.queue.length} queued commands were never synced`);
    }
  };
  const g = globalThis as Record<string, unknown>;
  const previous = g.Excel;
  g.Excel = {
    run,
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ClearApplyTo: { all: "All" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };
  return { runs, uninstall: () => (g.Excel = previous) };
}
