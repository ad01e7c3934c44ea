/**
 * Excel on the web refuses a request or response over 5 MB. The planners keep every call under a 4 MB estimate, but
 * Excel's envelope is its own, so each call that can grow (values, fill probes, cell fills, the state sheet, writes)
 * must cope with a refusal by going again in halves. Here Excel refuses anything over 40 kB while the adapter plans
 * for 4 MB: every kind of call is refused at first, and the seller still gets the exact result.
 */
import { writeWithRetry } from "../../src/excel/payloadRetry";
import { orderSheet, settings, setup, type Kind } from "./fixtures";

const LIMIT = 40_000;

test("every call Excel refuses as too large is made again in halves; scan, rescan and Clear stay exact", async () => {
  // 300 late rows in one block with the seller's colour on every other row (a large mixed block: cell fills), then
  // 8,000 rows alternating late / ok (thousands of areas: long address lists, a state of several chunks).
  const kinds: Kind[] = [
    ...Array.from({ length: 300 }, (): Kind => "late"),
    ...Array.from({ length: 8_000 }, (_, i): Kind => (i % 2 === 0 ? "late" : "ok")),
  ];
  const { session, workbook, port } = setup(orderSheet(kinds), { host: "web", port: { payloadLimitBytes: LIMIT } });
  for (let r = 2; r < 302; r += 2) workbook.paint("Orders", `B${r}`, { color: "#00B050", tintAndShade: 0.4 });
  for (let r = 302; r < 8_302; r += 4) workbook.paint("Orders", `A${r}:C${r}`, { color: "#FFFF00" });
  const before = workbook.fillSnapshot("Orders");

  const first = await session.scan(settings());
  expect(first.plan.rows).toHaveLength(300 + 4_000);
  await session.scan(settings({ lang: "zh-CN" }));
  const { restoredRows } = await session.clearHighlights();
  expect(restoredRows).toBe(4_300);
  expect(workbook.fillSnapshot("Orders")).toEqual(before);

  const refused = (call: string) =>
    port.ledger.filter((r) => r.call === call && Math.max(r.requestBytes, r.responseBytes) > LIMIT).length;
  for (const call of ["read", "probeFills", "readCellFills", "readTextBlock", "write"]) {
    expect({ call, refused: refused(call) > 0 }).toEqual({ call, refused: true });
  }
});

test("number formats asked for thousands of date cells are read again in halves when refused", async () => {
  // A payment time of serial 10 is only a date under a date format, so the scan reads those cells' formats.
  const rows = orderSheet(Array.from({ length: 4_000 }, (): Kind => "ok"));
  for (let r = 1; r < rows.length; r++) rows[r]![2] = 10;
  const { session, sheet } = setup(rows, { host: "web", port: { payloadLimitBytes: LIMIT } });
  for (let r = 2; r <= 4_001; r++) sheet.numberFormats.set(r, new Map([[3, "yyyy-mm-dd"]]));
  const outcome = await session.scan(settings());
  expect(outcome.result.totals.orders).toBe(4_000);
  expect(outcome.result.diagnostics.filter((d) => d.problem === "UNPARSEABLE_DATE")).toEqual([]);
});

test("an op Excel refuses even alone, and that cannot be cut, is a clear PayloadTooLarge error", async () => {
  const { port } = setup(orderSheet(["late"]), { host: "web", port: { payloadLimitBytes: 500 } });
  const chart = { op: "chart", sheet: "Orders", source: { firstRow: 1, firstColumn: 1, rowCount: 2, columnCount: 2 }, title: "x", anchor: { firstRow: 5, firstColumn: 5, rowCount: 10, columnCount: 5 } } as const;
  await expect(writeWithRetry(port, { batches: [[chart]] })).rejects.toMatchObject({ code: "PayloadTooLarge" });
});

test("a refused write resumes after the batches Excel applied, the refused one cut in two", async () => {
  const { port, workbook } = setup(orderSheet(["late", "late", "late", "late"]), { host: "web", port: { payloadLimitBytes: 1_500 } });
  const fill = (addresses: string) => ({ op: "fill", sheet: "Orders", addresses, fill: { color: "#FFC7CE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 } }) as const;
  await writeWithRetry(port, { batches: [[fill("A2:G2")], [fill("A3:G3"), fill("A4:G4"), fill("A5:G5")]] });
  const writes = port.ledger.filter((r) => r.call === "write" && r.requestBytes > 1_000);
  // Refused: the 3-op batch, then its 2-op half. Applied: each of the four ops once (the first is not sent again).
  expect(writes.map((r) => (r.requestBytes > 1_500 ? "refused" : "applied"))).toEqual([
    "applied",
    "refused",
    "refused",
    "applied",
    "applied",
    "applied",
  ]);
  expect(Object.keys(workbook.fillSnapshot("Orders"))).toHaveLength(4 * 7);
});
