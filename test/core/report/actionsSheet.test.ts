import { scanGrid } from "../../../src/core/scan";
import { ALIEXPRESS_RULEBOOK } from "../../../src/core/rulebook";
import { DEFAULT_SHIP_NOW_WINDOWS, scanActions, type ScanActions } from "../../../src/core/actions";
import { ACTIONS_SHEET_NAME, buildActionsSheet } from "../../../src/core/report/actionsSheet";
import { SAMPLE_AS_OF, SAMPLE_TIME_ZONE, sampleSheet } from "../../../src/samples";

const SELLER_ZONE = "Asia/Shanghai";

function sampleActions(lang: "en" | "zh-CN") {
  const sheet = sampleSheet(lang);
  const result = scanGrid({
    grid: { name: sheet.name, rows: sheet.rows },
    options: { asOf: Date.parse(SAMPLE_AS_OF), timeZone: SAMPLE_TIME_ZONE, lang },
  });
  const actions = scanActions(
    result,
    { ...DEFAULT_SHIP_NOW_WINDOWS, sellerTimeZone: SELLER_ZONE },
    ALIEXPRESS_RULEBOOK,
  );
  return { sheet, result, actions };
}

describe("the AE Actions sheet model, on the bundled sample", () => {
  const { sheet, result, actions } = sampleActions("en");
  const model = buildActionsSheet(actions, "en", { sheet: sheet.name, column: 1 });
  const section = (id: string) => model.sections.find((s) => s.id === id)!;

  it("is named AE Actions, leads with the what-if line, then ship now, tracking fixes and buyer messages", () => {
    expect(model.sheetName).toBe("AE Actions");
    expect(model.whatIf).toBe(actions.whatIf.sentence.en);
    expect(model.whatIf).toMatch(/^Ship these \d+ orders in time and you stay at \d+ points/);
    expect(model.sections.map((s) => s.id)).toEqual(["shipNow", "trackingFixes", "messages", "appealEvidence"]);
  });

  it("lists every order awaiting shipment, most urgent first, with both zones' deadlines, hours left and band", () => {
    const shipNow = section("shipNow");
    expect(shipNow.rows).toHaveLength(result.awaiting.length);
    expect(shipNow.columns.map((c) => c.label)).toEqual([
      "Row",
      "Order ID",
      "Deadline (America/Los_Angeles, the sheet's zone)",
      "Deadline (Asia/Shanghai, yours)",
      "Hours left",
      "When",
    ]);
    const first = actions.shipNow.items[0]!;
    expect(shipNow.rows[0]!.cells).toEqual([
      first.row,
      first.orderId,
      first.deadlineInSheetZone,
      first.deadlineInSellerZone,
      first.hoursLeft,
      "Overdue",
    ]);
    const hours = shipNow.rows.map((r) => r.cells[4] as number);
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
    const urgent = shipNow.rows.find((r) => r.cells[5] === "Due within 24 h");
    expect(urgent?.cells[4]).toBeGreaterThanOrEqual(0);
    expect(urgent?.cells[4]).toBeLessThanOrEqual(24);
    // Beijing is 15 hours ahead of Pacific daylight time.
    const [, , sheetZone, sellerZone] = shipNow.rows[0]!.cells as string[];
    expect(Date.parse(`${sellerZone}Z`) - Date.parse(`${sheetZone}Z`)).toBe(15 * 3_600_000);
    expect(shipNow.heading).toBe(`Ship now (most urgent first): ${result.awaiting.length}`);
  });

  it("links each row to its order's first row on the order sheet", () => {
    for (const s of model.sections)
      for (const row of s.rows) {
        expect(row.link).toEqual({ sheet: "Orders", row: row.cells[0], column: 1 });
        const orderId = row.cells[1] as string;
        expect(sheet.orderRows[orderId]?.[0]).toBe(row.link.row);
      }
  });

  it("gives each tracking finding its problem and fix, and each overdue or urgent order a draft in its language", () => {
    const tracking = section("trackingFixes");
    expect(tracking.rows).toHaveLength(actions.trackingFixes.length);
    expect(tracking.rows.length).toBeGreaterThan(3);
    const mismatch = actions.trackingFixes.find((fix) => fix.code === "CARRIER_MISMATCH")!;
    expect(tracking.rows.find((r) => r.cells[1] === mismatch.orderId)?.cells.slice(2)).toEqual([
      mismatch.problem.en,
      mismatch.fix.en,
    ]);
    const messages = section("messages");
    expect(messages.rows).toHaveLength(actions.messages.length);
    const delays = messages.rows.filter((r) => r.cells[2] === "Not shipped yet");
    expect(delays).toHaveLength(actions.shipNow.counts.overdue + actions.shipNow.counts.urgent);
    expect(messages.rows.some((r) => r.cells[2] === "Shipped late")).toBe(true);
    expect(new Set(messages.rows.map((r) => r.cells[3])).size).toBeGreaterThan(2);
    for (const r of messages.rows) expect(r.cells[4]).toContain(r.cells[1]);
  });

  it("lists each false-shipment order's appeal evidence with what to attach", () => {
    const appeal = section("appealEvidence");
    expect(appeal.rows).toHaveLength(actions.appealEvidence.length);
    expect(appeal.rows.length).toBeGreaterThan(0);
    const first = actions.appealEvidence[0]!;
    const row = appeal.rows.find((r) => r.cells[1] === first.orderId)!;
    expect(row.cells[2]).toBe(first.codes.join(", "));
    expect(row.cells[5]).toBe(first.trackingNumber ?? "");
    expect(String(row.cells[10])).toContain(first.checklist[0]!.en);
  });
});

describe("the AE Actions sheet model in Chinese", () => {
  it("is AE 待办 with Chinese headings, bands, problems and what-if", () => {
    const { sheet, actions } = sampleActions("zh-CN");
    const model = buildActionsSheet(actions, "zh-CN", { sheet: sheet.name, column: 1 });
    expect(model.sheetName).toBe(ACTIONS_SHEET_NAME.zh);
    expect(model.sheetName).toBe("AE 待办");
    expect(model.whatIf).toBe(actions.whatIf.sentence.zh);
    const shipNow = model.sections[0]!;
    expect(shipNow.heading).toMatch(/^立即发货/);
    expect(shipNow.columns[0]!.label).toBe("行");
    expect(shipNow.columns[2]!.label).toBe("期限（America/Los_Angeles，表格时区）");
    expect(shipNow.rows[0]!.cells[5]).toBe("已超期");
    expect(shipNow.rows.some((r) => r.cells[5] === "24 小时内到期")).toBe(true);
    const fix = model.sections[1]!.rows[0]!;
    expect(fix.cells[2]).toBe(actions.trackingFixes[0]!.problem.zh);
  });
});

describe("order text in the Actions sheet", () => {
  const emptyActions = (orderId: string): ScanActions => {
    const item = {
      orderId,
      row: 12,
      deadline: 0,
      hoursLeft: -3,
      band: "overdue" as const,
      deadlineInSheetZone: "2025-06-15 09:00",
      deadlineInSellerZone: "2025-06-16 00:00",
    };
    return {
      shipNow: {
        sheetTimeZone: "America/Los_Angeles",
        sellerTimeZone: "Asia/Shanghai",
        urgentHours: 24,
        soonHours: 48,
        items: [item],
        counts: { overdue: 1, urgent: 0, soon: 0, later: 0 },
      },
      whatIf: {
        orders: [],
        pointsIfShipped: 0,
        pointsIfMissed: 0,
        consequenceIfShipped: { level: "none", description: { en: "", zh: "" }, confidence: "high" },
        consequenceIfMissed: { level: "none", description: { en: "", zh: "" }, confidence: "high" },
        sentence: { en: "No order is due within 48 hours; you stay at 0 points.", zh: "" },
      },
      messages: [],
      trackingFixes: [],
      appealEvidence: [],
      notes: [{ en: "The sheet has no buyer-country column.", zh: "" }],
    } as unknown as ScanActions;
  };

  it.each(['=HYPERLINK("http://x")', "+8613800000000", "-12", "@sum", "8012345678901234"])(
    "keeps the order id %s as that very text",
    (orderId) => {
      const model = buildActionsSheet(emptyActions(orderId), "en", { sheet: "Bob's orders", column: 3 });
      expect(model.sections[0]!.rows[0]!.cells[1]).toBe(orderId);
      expect(model.sections[0]!.rows[0]!.link).toEqual({ sheet: "Bob's orders", row: 12, column: 3 });
    },
  );

  it("says so when a section is empty, and carries the notes", () => {
    const model = buildActionsSheet(emptyActions("1"), "en", { sheet: "Orders", column: 1 });
    expect(model.sections[1]!.rows).toEqual([]);
    expect(model.sections[1]!.empty).toBe("No tracking problem found.");
    expect(model.sections[2]!.empty).toBe("No buyer needs a message now.");
    expect(model.sections[3]!.empty).toBe("No false-shipment finding to appeal.");
    expect(model.notes).toEqual(["The sheet has no buyer-country column."]);
  });
});
