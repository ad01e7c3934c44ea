import type { CellValue } from "../../src/core/model";
import { boxAddress } from "../../src/excel/a1";
import type { FakeWorkbook } from "../../src/excel/fake/fakeWorkbook";
import { FakeWorkbook as Workbook, FakeWorkbookPort } from "../../src/excel/fake/fakeWorkbook";
import { EXCEL_PAYLOAD_LIMIT_BYTES, PAYLOAD_BUDGET_BYTES } from "../../src/excel/payload";
import { createWorkbookSession } from "../../src/excel/scanService";
import { AS_OF, currentHost, describeHosts, HEADERS, orderRow, orderSheet, settings, setup, type Kind } from "./fixtures";

const KINDS: Kind[] = ["ok", "late", "untracked", "shippedOk", "dueSoon", "late", "ok", "untracked"];

function findingsOf(outcome: { result: { findings: Array<{ row: number; code: string }> } }): string[] {
  return outcome.result.findings.map((f) => `${f.row}:${f.code}`).sort();
}

/** Everything a seller could notice: sheets, values, formulas, formats, fills, links, tables, charts. */
function snapshot(workbook: FakeWorkbook): string {
  return JSON.stringify(
    workbook.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      rows: [...s.rows],
      formulas: [...s.formulas].map(([r, m]) => [r, [...m]]),
      formats: [...s.numberFormats].map(([r, m]) => [r, [...m]]),
      fills: workbook.fillSnapshot(s.name),
      links: [...s.hyperlinks].map(([r, m]) => [r, [...m]]),
      tables: s.tables,
      charts: s.charts,
    })),
  );
}

function formatDates(workbook: FakeWorkbook, sheet: string, rows: number): void {
  const target = workbook.sheet(sheet)!;
  for (let r = 2; r <= rows + 1; r++) for (const c of [3, 4, 5]) target.numberFormats.set(r, new Map([...(target.numberFormats.get(r) ?? []), [c, "yyyy-mm-dd hh:mm"]]));
}

describeHosts((host) => {
  describe("the 1904 date system", () => {
    const baseline = async () => findingsOf(await setup(orderSheet(KINDS)).session.scan(settings()));

    test("read from the host when it exposes the flag", async () => {
      const { session } = setup(orderSheet(KINDS, true), { date1904: true, exposesDateSystem: true });
      const outcome = await session.scan(settings());
      expect(outcome.dateSystem).toEqual({ date1904: true, source: "host" });
      expect(findingsOf(outcome)).toEqual(await baseline());
    });

    test("told from the displayed dates when the host hides it (today's GA Excel)", async () => {
      const { session, workbook } = setup(orderSheet(KINDS, true), { date1904: true });
      formatDates(workbook, "Orders", KINDS.length);
      const outcome = await session.scan(settings());
      expect(outcome.dateSystem).toEqual({ date1904: true, source: "displayed-text" });
      expect(findingsOf(outcome)).toEqual(await baseline());
    });

    test("a 1900 workbook stays 1900", async () => {
      const { session, workbook } = setup(orderSheet(KINDS));
      formatDates(workbook, "Orders", KINDS.length);
      const outcome = await session.scan(settings());
      expect(outcome.dateSystem).toEqual({ date1904: false, source: "displayed-text" });
      expect(findingsOf(outcome)).toEqual(await baseline());
    });
  });

  test("a header row below the top and a table that does not start at A1", async () => {
    const workbook = new Workbook({ host: currentHost() });
    const body = orderSheet(KINDS);
    const rows: CellValue[][] = [["My shop — June orders"], [], ["exported 2025-06-15"], [], ...body];
    const sheet = workbook.addSheet("订单", rows, { firstRow: 2, firstColumn: 3 });
    sheet.setRawValue(1, 12, "note far right"); // something outside the table
    sheet.tables.push({ name: "Orders", box: { firstRow: 6, firstColumn: 3, rowCount: body.length, columnCount: HEADERS.length }, showHeaders: true, style: "TableStyleLight1", filtered: false });
    const port = new FakeWorkbookPort(workbook);
    const session = createWorkbookSession(port, { now: () => Date.parse(AS_OF) });

    const outcome = await session.scan(settings({ sheet: "订单" }));
    expect(outcome.result.source.headerRow).toBe(6);
    expect(outcome.plan.firstColumn).toBe(3);
    expect(outcome.plan.lastColumn).toBe(9);
    // The same orders as the A1 sheet, five rows further down.
    expect(outcome.plan.rows.map((r) => r.row)).toEqual([3, 4, 6, 7, 9].map((r) => r + 5));
    const fills = workbook.fillSnapshot("订单");
    const cells = Object.keys(fills);
    expect(cells.length).toBe(outcome.plan.rows.length * 7);
    for (const { row } of outcome.plan.rows) {
      expect(fills[boxAddress({ firstRow: row, firstColumn: 3, rowCount: 1, columnCount: 1 })]).toBeDefined();
      expect(fills[boxAddress({ firstRow: row, firstColumn: 9, rowCount: 1, columnCount: 1 })]).toBeDefined();
      expect(fills[boxAddress({ firstRow: row, firstColumn: 2, rowCount: 1, columnCount: 1 })]).toBeUndefined();
    }
    const summary = workbook.sheet("AE Violations")!;
    const table = summary.tables[0]!;
    expect(summary.hyperlink(table.box.firstRow + 1, 1)!.documentReference).toBe(`'订单'!C${outcome.summary.flagged.rows[0]!.row}`);
  });

  test("an Excel table with its totals row shown: the totals row is never read as an order", async () => {
    const rows = orderSheet(KINDS);
    // Excel's totals row: a label under the first column, a count and a latest date under others.
    rows.push(["Total", "", "", 45_900, "", "", KINDS.length]);
    const { session, sheet, workbook } = setup(rows);
    sheet.tables.push({ name: "Orders", box: { firstRow: 1, firstColumn: 1, rowCount: rows.length, columnCount: HEADERS.length }, showHeaders: true, showTotals: true, style: "TableStyleMedium2", filtered: false });
    const totalsRow = rows.length;
    const outcome = await session.scan(settings());
    expect(outcome.result.totals.orders).toBe(KINDS.length);
    expect(outcome.result.findings.filter((f) => f.row === totalsRow)).toEqual([]);
    // Left out with a note naming it (the table's definition says it is the totals row).
    expect(outcome.result.diagnostics.filter((d) => d.row === totalsRow).map((d) => d.problem)).toEqual(["TOTALS_ROW"]);
    expect(workbook.fillSnapshot("Orders")[`A${totalsRow}`]).toBeUndefined();
  });

  test("flagged rows hidden by a filter are highlighted too, and counted for the seller", async () => {
    const { session, workbook, sheet } = setup(orderSheet(KINDS));
    sheet.hiddenRows.add(3); // late
    sheet.hiddenRows.add(4); // untracked
    sheet.hiddenRows.add(5); // not flagged
    sheet.autoFilterActive = true;
    const outcome = await session.scan(settings());
    expect(outcome.hiddenFlaggedRows).toBe(2);
    expect(workbook.fillSnapshot("Orders")["A3"]).toBeDefined();
    expect(workbook.fillSnapshot("Orders")["A4"]).toBeDefined();
    expect(outcome.summary.notes.some((n) => n.includes("2 flagged rows"))).toBe(true);
  });

  describe("cancellation", () => {
    const many: Kind[] = Array.from({ length: 3_000 }, (_, i) => (i % 7 === 0 ? "late" : "ok"));

    test("cancelling mid-read stops the scan and leaves the workbook exactly as it was", async () => {
      const { session, workbook, port } = setup(orderSheet(many));
      workbook.paint("Orders", "A2:C9", { color: "#92D050" });
      const before = snapshot(workbook);
      const controller = new AbortController();
      let reads = 0;
      const read = port.read.bind(port);
      port.read = async (sheet, batch) => {
        if (++reads === 2) controller.abort();
        return read(sheet, batch);
      };
      await expect(session.scan(settings(), undefined, controller.signal)).rejects.toMatchObject({ name: "AbortError" });
      expect(reads).toBe(2);
      expect(port.ledger.some((r) => r.call === "write")).toBe(false);
      expect(snapshot(workbook)).toBe(before);
    });

    test("cancelling while fills are being read writes nothing either", async () => {
      const { session, workbook, port } = setup(orderSheet(many));
      const before = snapshot(workbook);
      const controller = new AbortController();
      const progress = (p: { stage: string }) => p.stage === "highlight" && controller.abort();
      await expect(session.scan(settings(), progress, controller.signal)).rejects.toMatchObject({ name: "AbortError" });
      expect(port.ledger.some((r) => r.call === "write")).toBe(false);
      expect(snapshot(workbook)).toBe(before);
    });
  });

  describe("payload limits", () => {
    test("wide, text-heavy rows are read in blocks that keep every response under the budget", async () => {
      const note = "买家留言：请尽快发货，谢谢！包装需要结实一点，不要放发票。".repeat(5); // ~150 CJK chars
      const extra = Array.from({ length: 33 }, (_, i) => `备注${i + 1}`);
      const rows: CellValue[][] = [[...HEADERS, ...extra]];
      for (let i = 0; i < 2_000; i++) rows.push([...orderRow(i, i % 10 === 0 ? "late" : "ok"), ...extra.map(() => note)]);
      const { session, port } = setup(rows);
      const outcome = await session.scan(settings());
      expect(outcome.result.totals.orders).toBe(2_000);
      const reads = port.ledger.filter((r) => r.call === "read");
      const total = reads.reduce((sum, r) => sum + r.responseBytes, 0);
      expect(total).toBeGreaterThan(5 * EXCEL_PAYLOAD_LIMIT_BYTES); // far more than one request could carry
      for (const record of port.ledger) {
        expect(record.responseBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
        expect(record.requestBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
      }
    });

    test("a text-heavy stretch further down is refused a few times at most, then read in smaller blocks", async () => {
      const big = "x".repeat(2_000);
      const rows: CellValue[][] = [[...HEADERS, ...Array.from({ length: 20 }, (_, i) => `note ${i}`)]];
      for (let i = 0; i < 3_000; i++) rows.push([...orderRow(i, i % 9 === 0 ? "late" : "ok"), ...Array.from({ length: 20 }, () => (i >= 1_500 ? big : ""))]);
      const { session, port } = setup(rows);
      const outcome = await session.scan(settings());
      expect(outcome.result.totals.orders).toBe(3_000);
      const refused = port.ledger.filter((r) => r.responseBytes > EXCEL_PAYLOAD_LIMIT_BYTES);
      // Only Excel on the web refuses a response over 5 MB; desktop sends it (the limit is online only).
      if (host === "web") {
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.length).toBeLessThanOrEqual(5);
      }
      expect(port.ledger.filter((r) => r.call === "read").length).toBeLessThan(60);
    });

    test("10,000 scattered flagged rows: every getRanges address stays under 8,000 characters", async () => {
      const kinds: Kind[] = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? "late" : "ok"));
      const { session, port, workbook } = setup(orderSheet(kinds));
      const addresses: string[] = [];
      const write = port.write.bind(port);
      port.write = async (plan) => {
        for (const op of plan.batches.flat()) if (op.op === "fill") addresses.push(op.addresses);
        return write(plan);
      };
      const outcome = await session.scan(settings());
      expect(outcome.plan.rows).toHaveLength(10_000);
      expect(addresses.length).toBeGreaterThan(1);
      for (const address of addresses) expect(address.length).toBeLessThanOrEqual(8_000);
      expect(Object.keys(workbook.fillSnapshot("Orders"))).toHaveLength(10_000 * 7);
    });
  });

  describe("number formats", () => {
    test("are read only for date cells the core cannot judge by their number, and then change the verdict", async () => {
      const numberFormatReads = (port: FakeWorkbookPort): number => port.ledger.filter((r) => r.call === "read").length;
      const plain = setup(orderSheet(KINDS));
      await plain.session.scan(settings());
      const readsWithoutFormats = numberFormatReads(plain.port);

      // A payment time of serial 10 (1900-01-10) is only a date if its cell is formatted as one.
      const rows = orderSheet(KINDS);
      rows[1]![2] = 10;
      const withFormat = setup(rows);
      withFormat.sheet.numberFormats.set(2, new Map([[3, "yyyy-mm-dd"]]));
      const withoutFormat = setup(rows);
      const dated = await withFormat.session.scan(settings());
      const undated = await withoutFormat.session.scan(settings());
      const problem = (outcome: typeof dated) => outcome.result.diagnostics.filter((d) => d.row === 2 && d.problem === "UNPARSEABLE_DATE");
      expect(problem(dated)).toHaveLength(0);
      expect(problem(undated)).toHaveLength(1);
      expect(numberFormatReads(withFormat.port)).toBe(readsWithoutFormats + 1);
    });
  });

  describe("session odds and ends", () => {
    test("settings round-trip through the workbook; sheets listed without the add-in's own", async () => {
      const { session, workbook } = setup(orderSheet(KINDS));
      workbook.addSheet("Hidden stuff").visibility = "Hidden";
      expect(await session.loadSettings()).toEqual({});
      await session.saveSettings(settings({ sheet: "Orders" }));
      expect(await session.loadSettings()).toEqual(settings({ sheet: "Orders" }));
      await session.scan(settings());
      expect(await session.listSheets()).toEqual([{ name: "Orders", active: true }]);
      await session.selectRow("Orders", 4);
      expect(workbook.selection).toEqual({ sheet: "Orders", address: "A4:G4" });
    });

    test("preview finds the header, samples each field and counts unreadable cells", async () => {
      const rows = orderSheet(KINDS);
      rows[2]![2] = "32/13/2025";
      const { session } = setup(rows);
      const preview = await session.preview();
      expect(preview.sheet).toBe("Orders");
      expect(preview.header.headerRow).toBe(1);
      expect(preview.header.columns.orderId?.header).toBe("订单号");
      expect(preview.samples.orderId).toBe(rows[1]![0]);
      expect(preview.unreadableCells).toBe(1);
      expect(preview.orders).toBe(KINDS.length);
    });

    test("clear errors: empty sheet, no header, host too old", async () => {
      const { session, workbook } = setup([]);
      await expect(session.scan(settings())).rejects.toMatchObject({ code: "EmptySheet" });
      workbook.addSheet("Notes", [["hello"], ["world"]]);
      await expect(session.scan(settings({ sheet: "Notes" }))).rejects.toMatchObject({ code: "NoHeader" });
      await expect(session.scan(settings({ sheet: "AE Violations" }))).rejects.toMatchObject({ code: "SheetNotFound" });
      workbook.addSheet("AE Violations", [["订单号", "付款时间"], ["1", "2025-06-01"]]);
      await expect(session.scan(settings({ sheet: "AE Violations" }))).rejects.toMatchObject({ code: "SheetNotFound" });
      expect(workbook.sheet("AE Violations")).toBeDefined();
      const old = createWorkbookSession(new FakeWorkbookPort(new Workbook({ host }), { capabilities: { scan: false, mergeUndoGroup: false } }));
      await expect(old.scan(settings())).rejects.toMatchObject({ code: "RequirementNotSupported" });
    });
  });
});
