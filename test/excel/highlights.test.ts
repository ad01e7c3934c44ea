import { boxAddress, parseAreas } from "../../src/excel/a1";
import { decodeState, STATE_SHEET, stateWriteOps } from "../../src/excel/state";
import type { FakeWorkbook } from "../../src/excel/fake/fakeWorkbook";
import { classifyError } from "../../src/taskpane/errors";
import { stringsFor } from "../../src/taskpane/i18n";
import { describeHosts, orderRow, orderSheet, s10, settings, setup, type Kind } from "./fixtures";

const KINDS: Kind[] = ["ok", "late", "late", "untracked", "shippedOk", "dueSoon", "ok", "late", "untracked", "ok"];

/** The fills the scan should leave: the plan's rows across its columns, in the legend's colours. */
function expectedFills(plan: { rows: Array<{ row: number; category: string }>; legend: Array<{ category: string; color: string }>; firstColumn: number; lastColumn: number }): Record<string, string> {
  const out: Record<string, string> = {};
  const color = new Map(plan.legend.map((l) => [l.category, l.color]));
  for (const { row, category } of plan.rows) {
    for (let c = plan.firstColumn; c <= plan.lastColumn; c++) {
      out[boxAddress({ firstRow: row, firstColumn: c, rowCount: 1, columnCount: 1 })] = JSON.stringify({ color: color.get(category) });
    }
  }
  return out;
}

function storedState(workbook: FakeWorkbook) {
  const sheet = workbook.sheet(STATE_SHEET)!;
  const used = sheet.usedRange()!;
  const rows: string[][] = [];
  for (let r = 1; r < used.firstRow + used.rowCount; r++) rows.push([1, 2, 3].map((c) => String(sheet.value(r, c))));
  return decodeState(rows);
}

function stateOf(workbook: FakeWorkbook) {
  return storedState(workbook).state;
}

describeHosts((host) => {
  test("highlights exactly the flagged rows, across the table's columns, and nothing else", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    const { plan, result } = await session.scan(settings());
    const flaggedRows = new Set(result.findings.flatMap((f) => f.rows));
    expect(plan.rows.map((r) => r.row).sort((a, b) => a - b)).toEqual([...flaggedRows].sort((a, b) => a - b));
    expect(plan.rows.map((r) => r.row)).toEqual([3, 4, 5, 7, 9, 10]);
    expect(workbook.fillSnapshot("Orders")).toEqual(expectedFills(plan));
  });

  test("fills are applied per block of rows, never per cell or per row", async () => {
    const kinds: Kind[] = Array.from({ length: 400 }, (_, i) => (i % 50 < 20 ? "late" : "ok"));
    const { session, port } = setup(orderSheet(kinds));
    const fillOps: string[] = [];
    const write = port.write.bind(port);
    port.write = async (plan) => {
      for (const op of plan.batches.flat()) if (op.op === "fill" && op.sheet === "Orders") fillOps.push(op.addresses);
      return write(plan);
    };
    await session.scan(settings());
    // 8 runs of 20 late rows: one RangeAreas with 8 full-width blocks.
    expect(fillOps).toHaveLength(1);
    expect(parseAreas(fillOps[0]!).map(boxAddress)).toEqual(Array.from({ length: 8 }, (_, k) => `A${2 + k * 50}:G${21 + k * 50}`));
  });

  test("Clear gives back the seller's own fills exactly: colours, patterns, white, No Fill, partly coloured rows", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "B3", { color: "#00B050" }); // one cell of a late row
    workbook.paint("Orders", "A4:C4", { color: "#FFFF00" }); // part of a late row
    workbook.paint("Orders", "E5:G5", { color: "#FFFFFF" }); // white fill (hides gridlines) on a flagged row
    workbook.paint("Orders", "A7:G7", { color: "#D9D9D9", pattern: "Gray25", patternColor: "#FF0000" });
    workbook.paint("Orders", "A2:G2", { color: "#DDEBF7" }); // an unflagged row the scan must not touch
    const before = workbook.fillSnapshot("Orders");

    await session.scan(settings());
    expect(workbook.fillSnapshot("Orders")["A2"]).toBe(JSON.stringify({ color: "#DDEBF7" }));
    expect(workbook.fillSnapshot("Orders")["B3"]).toBe(JSON.stringify({ color: "#FFC7CE" }));

    const { restoredRows } = await session.clearHighlights("Orders");
    expect(restoredRows).toBe(6);
    expect(workbook.fillSnapshot("Orders")).toEqual(before);
    expect(stateOf(workbook).sheets).toEqual([]);
  });

  test("Clear gives back tinted theme colours and pattern tints exactly (\"Accent 1, Lighter 80%\" does not come back darker)", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "A3:G3", { color: "#4472C4", tintAndShade: 0.8 }); // Accent 1, Lighter 80%
    workbook.paint("Orders", "B4", { color: "#4472C4", tintAndShade: 0.8 });
    workbook.paint("Orders", "C4", { color: "#ED7D31", tintAndShade: -0.25 }); // Accent 2, Darker 25%
    workbook.paint("Orders", "A7:C7", { color: "#D9D9D9", pattern: "Gray25", patternColor: "#4472C4", patternTintAndShade: 0.4 });
    const before = workbook.fillSnapshot("Orders");

    await session.scan(settings());
    await session.scan(settings()); // a re-scan must not take the highlight for the seller's fill
    await session.clearHighlights("Orders");
    expect(workbook.fillSnapshot("Orders")).toEqual(before);
  });

  test("a highlight is a plain solid fill: no pattern or tint of the seller's survives under it", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "A3:G3", { color: "#D9D9D9", pattern: "Gray25", patternColor: "#FF0000" });
    workbook.paint("Orders", "A4:G4", { color: "#4472C4", tintAndShade: 0.8 });
    const before = workbook.fillSnapshot("Orders");
    await session.scan(settings());
    const fills = workbook.fillSnapshot("Orders");
    expect(fills.A3).toBe(JSON.stringify({ color: "#FFC7CE" }));
    expect(fills.G4).toBe(JSON.stringify({ color: "#FFC7CE" }));
    await session.clearHighlights();
    expect(workbook.fillSnapshot("Orders")).toEqual(before);
  });

  test("scans are idempotent: a second scan gives the same fills and the state keeps the ORIGINAL fills", async () => {
    const { session, workbook, port } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "B3", { color: "#00B050" });
    const before = workbook.fillSnapshot("Orders");

    await session.scan(settings());
    const afterFirst = workbook.fillSnapshot("Orders");
    const stateFirst = stateOf(workbook);
    const writesBefore = port.ledger.length;
    await session.scan(settings());
    expect(workbook.fillSnapshot("Orders")).toEqual(afterFirst);
    expect(stateOf(workbook).sheets[0]!.originals).toEqual(stateFirst.sheets[0]!.originals);
    const originals = stateOf(workbook).sheets[0]!.originals;
    const green = originals.find((o) => o.fill?.color === "#00B050");
    expect(green?.ranges).toBe("B3");
    expect(originals.some((o) => o.fill?.color === "#FFC7CE")).toBe(false);
    expect(port.ledger.length).toBeGreaterThan(writesBefore);

    await session.clearHighlights();
    expect(workbook.fillSnapshot("Orders")).toEqual(before);
  });

  test("renaming the order sheet after a scan loses nothing: Clear gives the seller's fills back", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "A3:G3", { color: "#4472C4", tintAndShade: 0.8 });
    workbook.paint("Orders", "B4", { color: "#00B050" });
    const before = workbook.fillSnapshot("Orders");
    await session.scan(settings());
    workbook.renameSheet("Orders", "June orders");
    const { restoredRows } = await session.clearHighlights("June orders");
    expect(restoredRows).toBe(6);
    expect(workbook.fillSnapshot("June orders")).toEqual(before);
    expect(stateOf(workbook).sheets).toEqual([]);
  });

  test("Clear from the pane, which still names the sheet as it was scanned, works after a rename", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "B4", { color: "#00B050" });
    const before = workbook.fillSnapshot("Orders");
    const { plan } = await session.scan(settings());
    workbook.renameSheet("Orders", "June orders");
    expect((await session.clearHighlights(plan.sheet)).restoredRows).toBe(6);
    expect(workbook.fillSnapshot("June orders")).toEqual(before);
  });

  test("a rescan after a rename never records AE Guard's own colours as the seller's", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "B4", { color: "#00B050" });
    const before = workbook.fillSnapshot("Orders");
    await session.scan(settings());
    workbook.renameSheet("Orders", "June orders");
    await session.scan(settings({ sheet: "June orders" }));
    const entries = stateOf(workbook).sheets;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sheet).toBe("June orders");
    expect(entries[0]!.originals.some((o) => o.fill?.color === "#FFC7CE")).toBe(false);
    await session.clearHighlights();
    expect(workbook.fillSnapshot("June orders")).toEqual(before);
  });

  test("state written before sheet ids were kept is still found by the sheet's name", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "B4", { color: "#00B050" });
    const before = workbook.fillSnapshot("Orders");
    await session.scan(settings());
    const { state, slot } = storedState(workbook);
    const old = { ...state, sheets: state.sheets.map(({ sheetId: _id, ...entry }) => entry) };
    for (const op of stateWriteOps(old, slot)) workbook.apply(op);
    expect(stateOf(workbook).sheets[0]!.sheetId).toBeUndefined();
    await session.scan(settings());
    expect(stateOf(workbook).sheets).toHaveLength(1);
    await session.clearHighlights("Orders");
    expect(workbook.fillSnapshot("Orders")).toEqual(before);
  });

  test("a row fixed since the last scan gets its own fill back; a row the seller recoloured keeps the new colour", async () => {
    const { session, workbook, sheet } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "A4:G4", { color: "#E2EFDA" });
    await session.scan(settings());
    expect(workbook.fillSnapshot("Orders")["A4"]).toBe(JSON.stringify({ color: "#FFC7CE" }));

    // Row 4 (late) gets shipped with tracking; the seller paints row 3's first cell purple by hand.
    const fixed = orderRow(2, "shippedOk");
    fixed.forEach((value, j) => sheet.setRawValue(4, j + 1, value ?? ""));
    workbook.paint("Orders", "A3", { color: "#7030A0" });

    const { plan } = await session.scan(settings());
    expect(plan.rows.map((r) => r.row)).not.toContain(4);
    expect(workbook.fillSnapshot("Orders")["A4"]).toBe(JSON.stringify({ color: "#E2EFDA" }));
    expect(workbook.fillSnapshot("Orders")["G4"]).toBe(JSON.stringify({ color: "#E2EFDA" }));
    // The seller's purple is now what the scan keeps as original for A3, and Clear gives it back.
    await session.clearHighlights("Orders");
    expect(workbook.fillSnapshot("Orders")["A3"]).toBe(JSON.stringify({ color: "#7030A0" }));
    expect(workbook.fillSnapshot("Orders")["B3"]).toBeUndefined();
  });

  test("a cell with a gradient fill is left alone (the API cannot put a gradient back)", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "D3", { gradient: true, color: "#5B9BD5" });
    const outcome = await session.scan(settings());
    expect(outcome.skippedCells).toBe(1);
    expect(workbook.fillSnapshot("Orders")["D3"]).toBe(JSON.stringify({ gradient: true, color: "#5B9BD5" }));
    expect(workbook.fillSnapshot("Orders")["C3"]).toBe(JSON.stringify({ color: "#FFC7CE" }));
    await session.clearHighlights();
    expect(workbook.fillSnapshot("Orders")).toEqual({ D3: JSON.stringify({ gradient: true, color: "#5B9BD5" }) });
  });

  test("exact whether No Fill reads pattern None (desktop) or null (the web, where it is read cell by cell)", async () => {
    const { session, workbook, port } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "C4:D4", { color: "#FFFFFF" });
    const before = workbook.fillSnapshot("Orders");
    await session.scan(settings());
    // Web: first probe every No Fill area ambiguous, second probe cell by cell in one address list. Desktop: C4:D4's
    // row is mixed (white and No Fill), so it is read again cell by cell too.
    const probes = port.ledger.filter((r) => r.call === "probeFills");
    expect(probes).toHaveLength(2);
    await session.clearHighlights();
    expect(workbook.fillSnapshot("Orders")).toEqual(before);
  });

  test("partly coloured rows cost address lists, not calls per row; a large partly coloured block is read in one call", async () => {
    // 300 late rows in one block, the seller's colour on column B of every other row; then 200 scattered late rows
    // each partly coloured.
    const kinds: Kind[] = [...Array.from({ length: 300 }, (): Kind => "late"), ...Array.from({ length: 600 }, (_, i): Kind => (i % 3 === 0 ? "late" : "ok"))];
    const { session, workbook, port } = setup(orderSheet(kinds));
    for (let r = 2; r < 302; r += 2) workbook.paint("Orders", `B${r}`, { color: "#00B050" });
    for (let r = 302; r < 902; r += 3) workbook.paint("Orders", `A${r}:C${r}`, { color: "#FFFF00" });
    const before = workbook.fillSnapshot("Orders");
    await session.scan(settings());
    const calls = (name: string) => port.ledger.filter((r) => r.call === name).reduce((sum, r) => sum + r.apiCalls, 0);
    expect(calls("readCellFills")).toBe(2); // the 300-row block: one getCellProperties
    expect(calls("probeFills")).toBeLessThanOrEqual(3 * 3); // whole areas, then the 200 small rows cell by cell
    await session.clearHighlights();
    expect(workbook.fillSnapshot("Orders")).toEqual(before);
  });

  test("a write that stops at any sync leaves fills and state consistent: Clear still restores the seller's fills", async () => {
    const kinds: Kind[] = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? "late" : i % 3 === 1 ? "untracked" : "ok"));
    const run = async (failAtWrite: number | undefined): Promise<{ writes: number; failed: boolean }> => {
      let armed = false;
      let writes = 0;
      const { session, workbook } = setup(orderSheet(kinds), {
        budgetBytes: 2_000,
        port: {
          failSync: (record) => {
            if (!armed || record.call !== "write") return undefined;
            return writes++ === failAtWrite ? new Error("Excel stopped") : undefined;
          },
        },
      });
      workbook.paint("Orders", "A2:B40", { color: "#92D050" });
      workbook.paint("Orders", "C10:G12", { color: "#FFFFFF" });
      const before = workbook.fillSnapshot("Orders");
      await session.scan(settings());
      // The seller ships some late orders, then scans again in Chinese; that write stops at sync `failAtWrite`.
      for (const i of [0, 6, 12, 30]) orderRow(i, "shippedOk").forEach((v, j) => workbook.sheet("Orders")!.setRawValue(i + 2, j + 1, v ?? ""));
      // Two rows change category, so their highlight changes colour (late → untracked, untracked → late).
      orderRow(3, "untracked").forEach((v, j) => workbook.sheet("Orders")!.setRawValue(5, j + 1, v ?? ""));
      orderRow(4, "late").forEach((v, j) => workbook.sheet("Orders")!.setRawValue(6, j + 1, v ?? ""));
      armed = true;
      const failed = await session.scan(settings({ lang: "zh-CN" })).then(() => false, () => true);
      armed = false;
      await session.clearHighlights();
      expect(workbook.fillSnapshot("Orders")).toEqual(before);
      return { writes, failed };
    };
    const { writes } = await run(undefined);
    expect(writes).toBeGreaterThan(4);
    for (let at = 0; at < writes; at++) expect((await run(at)).failed).toBe(true);
  });

  test("the seller's fills are saved in the state before any fill is changed", async () => {
    const { session, workbook, port } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "A3:G3", { color: "#92D050" });
    await session.scan(settings());
    orderRow(1, "shippedOk").forEach((v, j) => workbook.sheet("Orders")!.setRawValue(3, j + 1, v ?? "")); // row 3 fixed
    const order: string[] = [];
    const write = port.write.bind(port);
    port.write = async (plan) => {
      for (const op of plan.batches.flat()) order.push(op.op === "cells" && op.sheet === STATE_SHEET ? "state" : op.op);
      return write(plan);
    };
    await session.scan(settings());
    expect(order.indexOf("fill")).toBeGreaterThan(order.lastIndexOf("state"));
    expect(workbook.fillSnapshot("Orders").A3).toBe(JSON.stringify({ color: "#92D050" }));
  });

  test("focus lost mid-scan (another workbook in front): Excel's error reaches the pane, nothing half-written is left", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    workbook.paint("Orders", "B3", { color: "#00B050" });
    const before = workbook.fillSnapshot("Orders");

    // First scan: the state sheet cannot be added, so nothing at all is written.
    workbook.focusElsewhere = true;
    await expect(session.scan(settings())).rejects.toMatchObject({ code: "GeneralException" });
    expect(workbook.sheet(STATE_SHEET)).toBeUndefined();
    expect(workbook.fillSnapshot("Orders")).toEqual(before);

    // A rescan loses focus when it adds the summary sheet: highlights and state are whole, Clear gives fills back.
    workbook.focusElsewhere = false;
    await session.scan(settings());
    orderRow(1, "shippedOk").forEach((v, j) => workbook.sheet("Orders")!.setRawValue(3, j + 1, v ?? ""));
    workbook.focusElsewhere = true;
    const error: unknown = await session.scan(settings({ lang: "zh-CN" })).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: "GeneralException" });
    const { kind } = classifyError(error, "scan");
    expect(stringsFor("en").errors[kind].action).toBe("Click the workbook and scan again.");
    expect(stringsFor("zh-CN").errors[kind].action).toBe("请点击此工作簿，然后重新扫描。");
    workbook.focusElsewhere = false;
    await session.clearHighlights();
    expect(workbook.fillSnapshot("Orders")).toEqual(before);
  });

  test("tracking numbers written by the seller are never touched", async () => {
    const { session, sheet } = setup(orderSheet(["shippedOk", "late"]));
    const before = JSON.stringify([...sheet.rows]);
    await session.scan(settings());
    expect(JSON.stringify([...sheet.rows])).toBe(before);
    expect(sheet.value(2, 6)).toBe(s10(10_000_000));
  });
});
