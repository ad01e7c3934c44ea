import type { FakeSheet, FakeWorkbook } from "../../src/excel/fake/fakeWorkbook";
import { HEADERS, describeHosts, orderRow, orderSheet, settings, setup, type Kind } from "./fixtures";

const KINDS: Kind[] = ["ok", "late", "untracked", "dueSoon", "shippedOk", "late", "dueSoon"];

function columnA(sheet: FakeSheet): Array<{ row: number; value: unknown }> {
  const out: Array<{ row: number; value: unknown }> = [];
  for (const [row, cells] of sheet.rows) out.push({ row, value: cells[0] });
  return out.sort((a, b) => a.row - b.row);
}

const visible = (workbook: FakeWorkbook): string[] =>
  workbook.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);

const rowOf = (sheet: FakeSheet, text: RegExp): number => {
  const hit = columnA(sheet).find((c) => typeof c.value === "string" && text.test(c.value));
  if (!hit) throw new Error(`no row matching ${String(text)}`);
  return hit.row;
};

describeHosts(() => {
  test("a scan writes AE Actions after the summary: what-if line, then ship now with links to each order's row", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    const { actions, actionsSheet } = await session.scan(settings());
    expect(visible(workbook)).toEqual(["Orders", "AE Violations", "AE Actions"]);
    const sheet = workbook.sheet("AE Actions")!;
    expect(sheet.value(1, 1)).toBe("AE Guard — what to do now");
    expect(sheet.value(3, 1)).toBe(actions!.whatIf.sentence.en);
    expect(sheet.value(3, 1)).toMatch(/^Ship these 2 orders in time and you stay at \d+ points; miss them/);

    const heading = rowOf(sheet, /^Ship now/);
    expect(sheet.value(heading, 1)).toBe("Ship now (most urgent first): 5");
    expect(sheet.value(heading + 1, 3)).toBe("Deadline (America/Los_Angeles, the sheet's zone)");
    const orders = workbook.sheet("Orders")!;
    const items = actions!.shipNow.items;
    items.forEach((item, i) => {
      const r = heading + 2 + i;
      const link = sheet.hyperlink(r, 1)!;
      expect(link.documentReference).toBe(`'Orders'!A${item.row}`);
      expect(orders.value(item.row, 1)).toBe(sheet.value(r, 2));
      expect(sheet.value(r, 5)).toBe(item.hoursLeft);
      expect(sheet.numberFormat(r, 5)).toBe("0.0");
    });
    expect(sheet.value(heading + 2, 6)).toBe("Overdue");
    expect(sheet.value(heading + 4, 6)).toBe("Due within 24 h");
    // Plain values only: a colleague without the add-in works from it as is.
    for (const [r, cells] of sheet.rows) cells.forEach((_, j) => expect(sheet.formula(r, j + 1)).toBeUndefined());
    expect(actionsSheet!.sections.map((s) => s.rows.length)).toEqual([
      5,
      1,
      actions!.messages.length,
      actions!.appealEvidence.length,
    ]);
  });

  test("tracking fixes and buyer message drafts each get their rows, linked to the order", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    const { actions } = await session.scan(settings());
    const sheet = workbook.sheet("AE Actions")!;
    const fixes = rowOf(sheet, /^Fix tracking/);
    const fix = actions!.trackingFixes[0]!;
    expect(sheet.value(fixes + 2, 2)).toBe(fix.orderId);
    expect(sheet.value(fixes + 2, 3)).toBe(fix.problem.en);
    expect(sheet.value(fixes + 2, 4)).toBe(fix.fix.en);
    expect(sheet.hyperlink(fixes + 2, 1)?.documentReference).toBe(`'Orders'!A${fix.row}`);
    const drafts = rowOf(sheet, /^Tell the buyer/);
    expect(sheet.value(drafts + 1, 5)).toBe("Draft");
    const message = actions!.messages[0]!;
    expect(sheet.value(drafts + 2, 4)).toBe("en");
    expect(sheet.value(drafts + 2, 5)).toBe(message.text);
    expect(String(sheet.value(drafts + 2, 5))).toContain(message.orderId);
    // The note why drafts are English (the test sheet has no buyer-country column).
    expect(sheet.value(4, 1)).toBe("The sheet has no buyer-country column: the buyer message drafts are in English.");
  });

  test("rescanning rewrites the sheet, never a second one; in Chinese it is AE 待办 and replaces AE Actions", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    await session.scan(settings());
    await session.scan(settings());
    expect(workbook.sheets.filter((s) => s.name.startsWith("AE ")).map((s) => s.name)).toEqual([
      "AE Violations",
      "AE Actions",
    ]);
    await session.scan(settings({ lang: "zh-CN" }));
    expect(visible(workbook)).toEqual(["Orders", "AE 违规汇总", "AE 待办"]);
    const sheet = workbook.sheet("AE 待办")!;
    expect(sheet.value(1, 1)).toBe("AE Guard — 待办事项");
    expect(sheet.value(rowOf(sheet, /^立即发货/) + 2, 6)).toBe("已超期");
    // Not offered as an order sheet.
    expect((await session.listSheets()).map((s) => s.name)).toEqual(["Orders"]);
  });

  test("order ids that look like formulas or numbers stay that very text", async () => {
    const tricky = ['=HYPERLINK("http://evil.example","x")', "+8612345", "@x", "8012345678901234", "-5"];
    const rows = [HEADERS, ...tricky.map((id, i) => [id, ...orderRow(i, "late").slice(1)])];
    const { session, workbook } = setup(rows);
    await session.scan(settings());
    const sheet = workbook.sheet("AE Actions")!;
    const heading = rowOf(sheet, /^Ship now/);
    const ids = tricky.map((_, i) => heading + 2 + i);
    expect(ids.map((r) => sheet.value(r, 2)).sort()).toEqual([...tricky].sort());
    for (const r of ids) {
      expect(sheet.formula(r, 2)).toBeUndefined();
      expect(sheet.numberFormat(r, 2)).toBe("@");
    }
  });

  test("Clear puts the fills back and removes the summary and the Actions sheet with them", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    await session.scan(settings());
    await session.clearHighlights("Orders");
    expect(visible(workbook)).toEqual(["Orders"]);
    await expect(session.openSummary()).rejects.toThrow(/no summary sheet yet/);
    // And the next scan writes them again.
    await session.scan(settings());
    expect(workbook.sheets.map((s) => s.name)).toContain("AE Actions");
  });

  test("a rescan stopped by another workbook's focus leaves no second sheet; the next scan or Clear tidies up", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    await session.scan(settings());
    workbook.focusElsewhere = true;
    await expect(session.scan(settings({ lang: "zh-CN" }))).rejects.toMatchObject({ code: "GeneralException" });
    workbook.focusElsewhere = false;
    expect(visible(workbook).filter((name) => name.startsWith("AE "))).toEqual(["AE Actions"]);
    await session.scan(settings({ lang: "zh-CN" }));
    expect(visible(workbook)).toEqual(["Orders", "AE 违规汇总", "AE 待办"]);
    await session.clearHighlights();
    expect(visible(workbook)).toEqual(["Orders"]);
  });

  test("many orders: the sheet is written in syncs that each stay within the request budget", async () => {
    const kinds: Kind[] = Array.from({ length: 6_000 }, (_, i) => (["late", "dueSoon", "ok"] as const)[i % 3]!);
    const budget = 400_000;
    const { session, workbook, port } = setup(orderSheet(kinds), { budgetBytes: budget });
    const { actionsSheet } = await session.scan(settings());
    const sheet = workbook.sheet("AE Actions")!;
    const heading = rowOf(sheet, /^Ship now/);
    expect(sheet.value(heading, 1)).toBe("Ship now (most urgent first): 6000");
    const last = actionsSheet!.sections[0]!.rows[5_999]!;
    expect(sheet.value(heading + 2 + 5_999, 2)).toBe(last.cells[1]);
    expect(sheet.hyperlink(heading + 2 + 5_999, 1)?.documentReference).toBe(`'Orders'!A${last.link.row}`);
    const writes = port.ledger.filter((record) => record.call === "write");
    expect(Math.max(...writes.map((record) => record.requestBytes))).toBeLessThanOrEqual(budget);
    expect(writes.length).toBeGreaterThan(5);
  });
});

test("a host without hyperlinks (ExcelApi 1.7) gets 'row N' as text instead of links", async () => {
  const { session, workbook } = setup(orderSheet(KINDS), {
    port: { capabilities: { scan: true, mergeUndoGroup: false, hyperlinks: false } },
  });
  const { actions } = await session.scan(settings());
  const sheet = workbook.sheet("AE Actions")!;
  const heading = rowOf(sheet, /^Ship now/);
  expect(sheet.value(heading + 2, 1)).toBe(`row ${actions!.shipNow.items[0]!.row}`);
  expect(sheet.hyperlink(heading + 2, 1)).toBeUndefined();
});

test("the fake refuses a hyperlink on a host without ExcelApi 1.7, as Excel does (ApiNotFound)", async () => {
  const { port, workbook } = setup(orderSheet(KINDS), {
    port: { capabilities: { scan: true, mergeUndoGroup: false, hyperlinks: false } },
  });
  const box = { firstRow: 1, firstColumn: 9, rowCount: 1, columnCount: 1 };
  await expect(
    port.write({
      batches: [
        [
          { op: "cells", sheet: "Orders", box, values: [["before"]] },
          {
            op: "cells",
            sheet: "Orders",
            box,
            hyperlinks: [[{ documentReference: "'Orders'!A1", textToDisplay: "x" }]],
          },
        ],
      ],
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
  expect(workbook.sheet("Orders")!.value(1, 9)).toBe("before");
});

describeHosts(() => {
  const wording = JSON.stringify({
    en: { delay: "Dear buyer, order {orderId} leaves by {shipDate}. Sorry for the wait!" },
  });

  test("the seller's own wording replaces the built-in drafts in the scan and on the Actions sheet", async () => {
    const { session, workbook } = setup(orderSheet(KINDS));
    const { actions } = await session.scan({ ...settings(), templatesOverride: { file: "shop.json", json: wording } });
    const delays = actions!.messages.filter((message) => message.kind === "delay");
    expect(delays.length).toBeGreaterThan(0);
    for (const message of delays) expect(message.text).toMatch(/^Dear buyer, order \S+ leaves by \d{4}-\d\d-\d\d\./);
    const sheet = workbook.sheet("AE Actions")!;
    const drafts = rowOf(sheet, /^Tell the buyer/);
    expect(sheet.value(drafts + 2, 5)).toBe(actions!.messages[0]!.text);
    expect(actions!.notes.some((note) => note.en.includes("shop.json"))).toBe(false);
  });

  test("a wording file without {shipDate} is refused with a note naming the file and key; built-in drafts are used", async () => {
    const { session } = setup(orderSheet(KINDS));
    const bad = JSON.stringify({ en: { delay: "Order {orderId} is late." } });
    const { actions } = await session.scan({ ...settings(), templatesOverride: { file: "bad.json", json: bad } });
    expect(actions!.notes.map((note) => note.en)).toContainEqual(
      expect.stringMatching(/^bad\.json: .*en\.delay.*built-in/),
    );
    const delay = actions!.messages.find((message) => message.kind === "delay")!;
    expect(delay.text).toMatch(/^Hello, thank you for your order/);
  });
});
