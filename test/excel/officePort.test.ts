import { FakeWorkbook, FakeWorkbookPort } from "../../src/excel/fake/fakeWorkbook";
import { OfficeWorkbookPort } from "../../src/excel/office/officePort";
import { createWorkbookSession, type ExcelWorkbookSession } from "../../src/excel/scanService";
import { AS_OF, currentHost, describeHosts, HEADERS, orderRow, orderSheet, settings, type Kind } from "./fixtures";
import { installExcelMock, type RunRecord } from "./support/excelMock";

const KINDS: Kind[] = Array.from({ length: 120 }, (_, i) => (["ok", "late", "untracked", "shippedOk", "dueSoon", "ok"] as Kind[])[i % 6]!);

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook({ host: currentHost() });
  const rows = orderSheet(KINDS);
  rows[5]![0] = '=HYPERLINK("http://x","y")';
  const sheet = wb.addSheet("Orders", rows);
  sheet.hiddenRows.add(9);
  sheet.autoFilterActive = true;
  wb.addSheet("Notes", [["free text"]]);
  wb.paint("Orders", "A3:C3", { color: "#00B050" });
  wb.paint("Orders", "D4", { color: "#FFFFFF" });
  wb.paint("Orders", "A10:G11", { color: "#D9D9D9", pattern: "Gray25", patternColor: "#FF0000" });
  return wb;
}

/** The same seller session: scan, scan in Chinese after a fix, open the summary, pick a row, clear. */
async function journey(session: ExcelWorkbookSession, wb: FakeWorkbook): Promise<unknown[]> {
  const out: unknown[] = [];
  await session.saveSettings(settings());
  out.push(await session.loadSettings());
  out.push(await session.listSheets());
  const first = await session.scan(settings());
  out.push(first.plan.rows.length, first.hiddenFlaggedRows);
  orderRow(1, "shippedOk").forEach((v, j) => wb.sheet("Orders")!.setRawValue(3, j + 1, v ?? ""));
  const second = await session.scan(settings({ lang: "zh-CN" }));
  out.push(second.plan.rows.length);
  await session.openSummary();
  await session.selectRow("Orders", 5);
  out.push(await session.clearHighlights());
  return out;
}

function state(wb: FakeWorkbook): string {
  return JSON.stringify({
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      rows: [...s.rows],
      formulas: [...s.formulas].map(([r, m]) => [r, [...m]]),
      formats: [...s.numberFormats].map(([r, m]) => [r, [...m]]),
      fills: wb.fillSnapshot(s.name),
      links: [...s.hyperlinks].map(([r, m]) => [r, [...m]]),
      fonts: [...s.fonts].map(([r, m]) => [r, [...m]]),
      tables: s.tables,
      charts: s.charts,
      widths: [...s.columnWidths],
    })),
    active: wb.activeSheet,
    selection: wb.selection,
    settings: [...wb.settings],
  });
}

describeHosts((host) => {
  describe("the Office.js port", () => {
    let runs: RunRecord[];
    let uninstall: () => void;
    let excelBook: FakeWorkbook;

    beforeEach(() => {
      excelBook = workbook();
      ({ runs, uninstall } = installExcelMock(excelBook));
    });
    afterEach(() => uninstall());

    test("does what the fake does, with exactly the syncs the fake accounts for, and loads before every read", async () => {
      const fakeBook = workbook();
      const fakePort = new FakeWorkbookPort(fakeBook);
      const fakeResults = await journey(createWorkbookSession(fakePort, { now: () => Date.parse(AS_OF) }), fakeBook);

      const officePort = new OfficeWorkbookPort({ scan: true, mergeUndoGroup: true, delayForCellEdit: true });
      const officeResults = await journey(createWorkbookSession(officePort, { now: () => Date.parse(AS_OF) }), excelBook);

      expect(officeResults).toEqual(fakeResults);
      expect(state(excelBook)).toBe(state(fakeBook));
      expect(runs.map((r) => r.syncs)).toEqual(fakePort.syncsPerCall().map((c) => c.syncs));
      expect(runs.every((r) => r.options?.mergeUndoGroup === true && r.options?.delayForCellEdit === true)).toBe(true);
    });

    test("suspends screen updating once per write, and the round trips do not grow with rows", async () => {
      const syncsFor = async (rows: number): Promise<RunRecord[]> => {
        uninstall();
        const book = new FakeWorkbook({ host });
        book.addSheet("Orders", [HEADERS, ...Array.from({ length: rows }, (_, i) => orderRow(i, KINDS[i % KINDS.length]!))]);
        ({ runs, uninstall } = installExcelMock(book));
        const port = new OfficeWorkbookPort({ scan: true, mergeUndoGroup: false });
        await createWorkbookSession(port, { now: () => Date.parse(AS_OF) }).scan(settings());
        return runs;
      };
      const small = await syncsFor(120);
      const writes = small.filter((r) => r.screenSuspensions > 0);
      expect(writes).toHaveLength(1);
      expect(writes[0]!.screenSuspensions).toBe(1);
      expect(small.every((r) => r.options === undefined)).toBe(true);
      const total = (list: RunRecord[]): number => list.reduce((sum, r) => sum + r.syncs, 0);
      expect(total(await syncsFor(1_200))).toBe(total(small));
    });

    test("leaves out a table's totals row (loads showTotals)", async () => {
      uninstall();
      const wb = new FakeWorkbook({ host });
      const rows = orderSheet(["late", "ok", "untracked"]);
      rows.push(["Total", "", "", "", "", "", 3]);
      wb.addSheet("Orders", rows).tables.push({ name: "T", box: { firstRow: 1, firstColumn: 1, rowCount: rows.length, columnCount: HEADERS.length }, showHeaders: true, showTotals: true, style: "", filtered: false });
      ({ runs, uninstall } = installExcelMock(wb));
      const outcome = await createWorkbookSession(new OfficeWorkbookPort({ scan: true, mergeUndoGroup: false }), {
        now: () => Date.parse(AS_OF),
      }).scan(settings());
      expect(outcome.result.totals.orders).toBe(3);
    });

    test("reads the 1904 flag where the host exposes it", async () => {
      uninstall();
      const wb = new FakeWorkbook({ host, date1904: true, exposesDateSystem: true });
      wb.addSheet("Orders", orderSheet(["late", "ok"], true));
      ({ runs, uninstall } = installExcelMock(wb));
      const outcome = await createWorkbookSession(new OfficeWorkbookPort({ scan: true, mergeUndoGroup: false }), {
        now: () => Date.parse(AS_OF),
      }).scan(settings());
      expect(outcome.dateSystem).toEqual({ date1904: true, source: "host" });
      expect(outcome.plan.rows.map((r) => r.row)).toEqual([2]);
    });
  });
});
