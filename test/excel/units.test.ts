import { inferDate1904 } from "../../src/excel/dateSystem";
import { areaFill, cellFill, MIXED, UNRESTORABLE } from "../../src/excel/fills";
import { interpretInput } from "../../src/excel/fake/fakeWorkbook";
import { planHead, planNextRead, DEFAULT_READ_LIMITS } from "../../src/excel/readPlan";
import { detectCapabilities, EXCEL_REQUIREMENTS } from "../../src/excel/requirements";
import {
  decodeState,
  encodeState,
  STATE_CHUNK_CHARS,
  STATE_SHEET,
  stateWriteOps,
  type HighlightState,
} from "../../src/excel/state";
import { FakeWorkbook, FakeWorkbookPort } from "../../src/excel/fake/fakeWorkbook";
import { layoutSummary, looksLikeInput, textFormat } from "../../src/excel/summaryLayout";
import { opRequestBytes, planWrites } from "../../src/excel/writePlan";
import { readStateRows } from "../../src/excel/stateRead";
import { PAYLOAD_BUDGET_BYTES } from "../../src/excel/payload";
import { serial } from "./fixtures";
import type { SummaryHeadings } from "../../src/core/report/types";

describe("fill readings", () => {
  test("No Fill (white, no tint, pattern None) is told from a white fill", () => {
    expect(cellFill({ color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: null, patternTintAndShade: null })).toBeNull();
    expect(cellFill({ color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null })).toBeNull();
    expect(cellFill({ color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 })).toEqual({
      color: "#FFFFFF",
    });
  });

  test("pattern fills keep their pattern; gradients cannot be put back", () => {
    expect(cellFill({ color: "#00ff00", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0, patternTintAndShade: 0 })).toEqual({
      color: "#00FF00",
      pattern: "Gray50",
      patternColor: "#FF0000",
    });
    expect(cellFill({ color: "#00FF00", pattern: "LinearGradient", patternColor: null, tintAndShade: 0, patternTintAndShade: 0 })).toBe(
      UNRESTORABLE,
    );
  });

  test("a multi-cell reading counts only when Excel says every cell agrees", () => {
    expect(areaFill({ color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: null, patternTintAndShade: null })).toBeNull();
    expect(areaFill({ color: "#FFC7CE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 })).toEqual({
      color: "#FFC7CE",
    });
    // White and No Fill mixed: colour agrees, pattern and tint do not.
    expect(areaFill({ color: "#FFFFFF", pattern: null, patternColor: "#000000", tintAndShade: null, patternTintAndShade: null })).toBe(MIXED);
    expect(areaFill({ color: null, pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 })).toBe(MIXED);
  });
});

describe("what the fake does with typed input (as Excel does)", () => {
  test("formula-like and numeric strings are reinterpreted in a General cell", () => {
    expect(interpretInput('=HYPERLINK("http://x")')).toEqual({ formula: '=HYPERLINK("http://x")' });
    expect(interpretInput("+123")).toEqual({ value: 123 });
    expect(interpretInput("@x")).toEqual({ formula: "=x" });
    expect(interpretInput("8012345678901234")).toEqual({ value: 8012345678901230 });
    expect(interpretInput("Alice")).toEqual({ value: "Alice" });
  });
});

describe("text cells of the summary", () => {
  test("text that Excel could reinterpret is written as Text", () => {
    for (const risky of ['=HYPERLINK("x")', "+123", "-5", "@x", "0012", "8012345678901234", "TRUE", "#N/A", "1/2"]) {
      expect(looksLikeInput(risky)).toBe(true);
      expect(textFormat(risky)).toBe("@");
    }
    expect(textFormat("Alice")).toBe("@");
    // Excel shows #### for Text-formatted cells over 255 characters: long plain text stays General.
    expect(textFormat("a".repeat(300))).toBe("General");
    expect(textFormat("=" + "a".repeat(300))).toBe("@");
  });
});

describe("block sizing", () => {
  test("every planned read stays within the budget at the estimate, in blocks of bounded size", () => {
    const region = { firstRow: 1, firstColumn: 1, rowCount: 100_000, columnCount: 20 };
    const head = planHead(region, false);
    expect(head.batch.values[0]!.rowCount).toBe(250);
    let cursor = { region, nextRow: head.nextRow, readRowVisibility: true, bytesPerCell: 40 };
    let syncs = 0;
    for (let planned = planNextRead(cursor); planned; planned = planNextRead(cursor)) {
      const rows = planned.batch.values.reduce((sum, box) => sum + box.rowCount, 0);
      expect(rows * 20 * 40 + rows * 40).toBeLessThanOrEqual(DEFAULT_READ_LIMITS.budgetBytes);
      for (const box of planned.batch.values)
        expect(box.rowCount).toBeLessThanOrEqual(DEFAULT_READ_LIMITS.maxRowsPerBlock);
      expect(planned.batch.rowHidden).toHaveLength(planned.batch.values.length);
      cursor = { ...cursor, nextRow: planned.nextRow };
      syncs++;
    }
    expect(cursor.nextRow).toBe(100_001);
    expect(syncs).toBeLessThan(25);
  });

  test("a wide text-heavy sheet gets small blocks, and still at least one row per sync", () => {
    const region = { firstRow: 1, firstColumn: 1, rowCount: 10, columnCount: 16_384 };
    const planned = planNextRead({ region, nextRow: 1, readRowVisibility: false, bytesPerCell: 1_000 })!;
    expect(planned.rows).toBe(1);
  });
});

describe("the 1904 date system from displayed text", () => {
  test("the displayed year tells the systems apart", () => {
    const s1904 = serial(2025, 6, 1, 0, 0, true);
    expect(inferDate1904([{ serial: s1904, text: "2025-06-01 00:00" }])).toBe(true);
    const s1900 = serial(2025, 6, 1);
    expect(inferDate1904([{ serial: s1900, text: "6/1/2025" }])).toBe(false);
    expect(inferDate1904([{ serial: s1900, text: "6/1/25" }])).toBe(false);
    expect(inferDate1904([{ serial: s1900, text: "45809" }])).toBeUndefined();
    expect(inferDate1904([])).toBeUndefined();
  });
});

describe("state kept in the workbook", () => {
  test("round-trips through chunks of at most 30,000 characters, double-buffered; anything else reads as no state", async () => {
    const ranges = Array.from({ length: 5_000 }, (_, i) => `A${i * 2 + 2}:T${i * 2 + 2}`).join(",");
    const state: HighlightState = {
      format: "ae-guard/highlight-state",
      version: 1,
      sheets: [
        {
          sheet: "订单 'x'",
          scannedAt: "2025-06-15T19:00:00.000Z",
          highlights: [{ color: "#FFC7CE", ranges }],
          originals: [{ fill: null, ranges }],
        },
      ],
      summarySheet: "AE Violations",
    };
    const chunks = encodeState(state);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(STATE_CHUNK_CHARS);

    // Written twice through the fake (second write goes to the other slot), read back whole each time.
    const workbook = new FakeWorkbook();
    workbook.addSheet("Orders");
    const port = new FakeWorkbookPort(workbook);
    await port.write({ batches: [stateWriteOps(state, undefined)] });
    const first = decodeState(await readStateRows(port, PAYLOAD_BUDGET_BYTES));
    expect(first.state).toEqual(state);
    const smaller = { ...state, sheets: [] };
    await port.write({ batches: [stateWriteOps(smaller, first.slot)] });
    const second = decodeState(await readStateRows(port, PAYLOAD_BUDGET_BYTES));
    expect(second.slot).not.toBe(first.slot);
    expect(second.state).toEqual(smaller);
    expect(workbook.sheet(STATE_SHEET)!.visibility).toBe("VeryHidden");

    // A write stopped before the flip leaves the old state whole.
    const ops = stateWriteOps(state, second.slot);
    await port.write({ batches: [ops.slice(0, 3)] });
    expect(decodeState(await readStateRows(port, PAYLOAD_BUDGET_BYTES)).state).toEqual(smaller);

    expect(decodeState(undefined).state.sheets).toEqual([]);
    expect(decodeState([["banner"], ["B"], ["{not json"]]).state.sheets).toEqual([]);
    expect(
      decodeState([["banner", JSON.stringify({ format: "other", version: 1, sheets: [] })], ["B"]]).slot,
    ).toBeUndefined();
  });
});

const HEADING_KEYS = [
  "facts",
  "kpis",
  "legend",
  "rows",
  "byCode",
  "code",
  "violation",
  "category",
  "orders",
  "points",
  "tracks",
  "track",
  "consequence",
  "flagged",
  "carriers",
  "notes",
  "none",
];

describe("write batches", () => {
  test("a big summary is split into syncs under the budget, order kept", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      row: i + 2,
      orderId: `8012345678${i}`,
      codes: "SHIPPED_LATE, INVALID_TRACKING",
      points: 2,
      message: "Shipped 1 d 12 h after the deadline 2025-05-03 10:00; tracking number matches no known carrier",
      category: "late" as const,
    }));
    const layout = layoutSummary({
      model: {
        sheetName: "AE Violations",
        lang: "en",
        title: "t",
        facts: [],
        kpis: [],
        byCode: [],
        pointsByTrack: [],
        flagged: { headers: ["Row", "Order ID", "Violations", "Points", "Details"], rows },
        byCarrier: { headers: [], rows: [] },
        chart: { title: "c", categories: [], values: [] },
        notes: [],
        headings: Object.fromEntries(HEADING_KEYS.map((key) => [key, key])) as unknown as SummaryHeadings,
      },
      plan: { sheet: "Orders", firstColumn: 1, lastColumn: 7, rows: [], legend: [] },
      orderSheet: "Orders",
      linkColumn: 1,
      replaces: [],
    });
    const budget = 1_000_000;
    const plan = planWrites(layout.ops, budget);
    expect(plan.batches.length).toBeGreaterThan(3);
    for (const batch of plan.batches)
      expect(batch.reduce((sum, op) => sum + opRequestBytes(op), 0)).toBeLessThanOrEqual(budget);
    const kinds = plan.batches.flat().map((op) => op.op);
    expect(kinds.indexOf("table")).toBeGreaterThan(kinds.lastIndexOf("cells"));
    const written = plan.batches.flat().filter((op) => op.op === "cells" && op.values && op.box.columnCount === 5);
    expect(written.reduce((sum, op) => sum + (op.op === "cells" ? op.box.rowCount : 0), 0)).toBe(20_001);
  });
});

describe("requirement sets", () => {
  test("feature detection never throws outside Office", () => {
    const none = { scan: false, mergeUndoGroup: false, delayForCellEdit: false, hyperlinks: false };
    expect(detectCapabilities(undefined)).toEqual(none);
    expect(detectCapabilities({ context: {} })).toEqual(none);
    expect(
      detectCapabilities({
        context: {
          requirements: {
            isSetSupported: () => {
              throw new Error("not in Office");
            },
          },
        },
      }),
    ).toEqual(none);
    // Versions compare as minor numbers: 1.20 is newer than 1.9.
    const upTo = (maxMinor: number) => ({
      context: { requirements: { isSetSupported: (_: string, v?: string) => Number(v?.split(".")[1]) <= maxMinor } },
    });
    expect(detectCapabilities(upTo(9))).toEqual({ scan: true, mergeUndoGroup: false, delayForCellEdit: false, hyperlinks: true });
    // ExcelApi 1.7 has hyperlinks but not the scan's 1.9.
    expect(detectCapabilities(upTo(7))).toEqual({ ...none, hyperlinks: true });
    expect(detectCapabilities(upTo(8))).toEqual({ ...none, hyperlinks: true });
    expect(detectCapabilities(upTo(6))).toEqual(none);
    expect(detectCapabilities(upTo(20))).toEqual({ scan: true, mergeUndoGroup: true, delayForCellEdit: true, hyperlinks: true });
    expect(EXCEL_REQUIREMENTS.minimum.version).toBe("1.9");
  });
});
