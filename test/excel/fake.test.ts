/**
 * The fake workbook follows documented Excel (sources in src/excel/README.md, "The fake and its sources"); these
 * tests pin each behaviour so the adapter's tests cannot pass against a fake that agrees with the adapter instead.
 */
import { FakeWorkbook, FakeWorkbookPort, FAKE_GET_RANGES_MAX_CHARS, readingOf } from "../../src/excel/fake/fakeWorkbook";
import { EXCEL_ERROR } from "../../src/excel/port";
import { EXCEL_PAYLOAD_LIMIT_BYTES } from "../../src/excel/payload";

function book(host: "desktop" | "web"): FakeWorkbook {
  const wb = new FakeWorkbook({ host });
  wb.addSheet("Orders", [["a", "", 3], ["", "b", ""]]);
  return wb;
}

describe("desktop and web differ as office-js issues report", () => {
  test("a blank cell reaches a custom function as 0 on desktop and null on the web (office-js#4702, #5262, #1951)", () => {
    expect(book("desktop").functionArgument("Orders", "A1:C2")).toEqual([["a", 0, 3], [0, "b", 0]]);
    expect(book("web").functionArgument("Orders", "A1:C2")).toEqual([["a", null, 3], [null, "b", null]]);
  });

  test("Range.values gives \"\" for a blank cell on both", async () => {
    for (const host of ["desktop", "web"] as const) {
      const port = new FakeWorkbookPort(book(host));
      const box = { firstRow: 1, firstColumn: 1, rowCount: 2, columnCount: 3 };
      const result = await port.read("Orders", { values: [box], numberFormats: [], rowHidden: [], text: [] });
      expect(result.values[0]).toEqual([["a", "", 3], ["", "b", ""]]);
    }
  });

  test("No Fill reads white with tint null on both, pattern None on desktop and null on the web (office-js#4900)", () => {
    expect(readingOf(null, "desktop")).toMatchObject({ color: "#FFFFFF", pattern: "None", tintAndShade: null });
    expect(readingOf(null, "web")).toMatchObject({ color: "#FFFFFF", pattern: null, tintAndShade: null });
    expect(readingOf({ color: "#FFFFFF" }, "web")).toMatchObject({ pattern: "Solid", tintAndShade: 0 });
  });

  test("only Excel on the web refuses a response over 5 MB", async () => {
    for (const host of ["desktop", "web"] as const) {
      const wb = new FakeWorkbook({ host });
      const big = "x".repeat(30_000);
      wb.addSheet("Big", Array.from({ length: 200 }, () => [big]));
      const port = new FakeWorkbookPort(wb);
      const read = port.read("Big", { values: [{ firstRow: 1, firstColumn: 1, rowCount: 200, columnCount: 1 }], numberFormats: [], rowHidden: [], text: [] });
      if (host === "web") await expect(read).rejects.toMatchObject({ code: EXCEL_ERROR.responseTooLarge });
      else await expect(read).resolves.toBeDefined();
      expect(port.largestResponse).toBeGreaterThan(EXCEL_PAYLOAD_LIMIT_BYTES);
    }
  });
});

describe("fills", () => {
  test("tints are kept per cell and read back (RangeFill.tintAndShade, patternTintAndShade)", () => {
    const wb = book("desktop");
    wb.paint("Orders", "A1", { color: "#4472C4", tintAndShade: 0.8 });
    wb.paint("Orders", "B1", { color: "#D9D9D9", pattern: "Gray25", patternColor: "#ED7D31", patternTintAndShade: -0.25 });
    const sheet = wb.sheet("Orders")!;
    expect(readingOf(sheet.fill(1, 1))).toMatchObject({ color: "#4472C4", pattern: "Solid", tintAndShade: 0.8 });
    expect(readingOf(sheet.fill(1, 2))).toMatchObject({ pattern: "Gray25", patternColor: "#ED7D31", patternTintAndShade: -0.25 });
  });

  test("a fill property set keeps the properties it does not give; clear() is No Fill", () => {
    const wb = book("desktop");
    wb.paint("Orders", "A1:B1", { color: "#D9D9D9", pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0.4 });
    wb.apply({ op: "fill", sheet: "Orders", addresses: "A1", fill: { color: "#FFC7CE" } });
    expect(wb.fillSnapshot("Orders").A1).toBe(
      JSON.stringify({ color: "#FFC7CE", pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0.4 }),
    );
    wb.apply({ op: "fill", sheet: "Orders", addresses: "C1", fill: { color: "#FFC7CE" } });
    expect(wb.fillSnapshot("Orders").C1).toBe(JSON.stringify({ color: "#FFC7CE" }));
    wb.apply({ op: "fill", sheet: "Orders", addresses: "B1", fill: null });
    expect(wb.fillSnapshot("Orders").B1).toBeUndefined();
  });

  test("getRanges refuses an address over 8,192 characters (office-js#5198); 8,000 is accepted", async () => {
    const port = new FakeWorkbookPort(book("web"));
    const list = (chars: number): string => {
      const out: string[] = [];
      let length = -1;
      for (let row = 1; length < chars - 12; row += 2) {
        out.push(`A${row}:C${row}`);
        length += out[out.length - 1]!.length + 1;
      }
      return out.join(",");
    };
    const short = list(8_000);
    const long = list(FAKE_GET_RANGES_MAX_CHARS + 20);
    expect(short.length).toBeLessThanOrEqual(8_000);
    expect(long.length).toBeGreaterThan(FAKE_GET_RANGES_MAX_CHARS);
    await expect(port.probeFills("Orders", [short])).resolves.toHaveLength(1);
    await expect(port.probeFills("Orders", [long])).rejects.toMatchObject({ code: EXCEL_ERROR.invalidArgument });
  });
});

describe("sheets and tables", () => {
  test("a very hidden sheet cannot be deleted until it is made hidden (office-js#365)", () => {
    const wb = book("web");
    wb.addSheet("State").visibility = "VeryHidden";
    expect(() => wb.deleteSheet("State")).toThrow(expect.objectContaining({ code: EXCEL_ERROR.general }));
    expect(wb.sheet("State")).toBeDefined();
    wb.apply({ op: "deleteSheet", sheet: "State" }); // what the port does: hidden first, then delete
    expect(wb.sheet("State")).toBeUndefined();
  });

  test("a sheet keeps its id when renamed (Worksheet.id)", async () => {
    const wb = book("web");
    const port = new FakeWorkbookPort(wb);
    const before = (await port.inspect()).sheets[0]!;
    wb.renameSheet("Orders", "June");
    const after = (await port.inspect()).sheets[0]!;
    expect(after).toEqual({ ...before, name: "June" });
  });

  test("a table reports its totals row (Table.showTotals)", async () => {
    const wb = book("web");
    wb.sheet("Orders")!.tables.push({ name: "T", box: { firstRow: 1, firstColumn: 1, rowCount: 2, columnCount: 3 }, showHeaders: true, showTotals: true, style: "", filtered: false });
    const { layout } = await new FakeWorkbookPort(wb).inspect("Orders");
    expect(layout?.tables[0]).toMatchObject({ name: "T", showHeaders: true, showTotals: true });
  });

  test("with another workbook in front, adding or activating a sheet throws GeneralException; what came before in the batch stays (office-js#771)", async () => {
    const wb = book("web");
    const port = new FakeWorkbookPort(wb);
    wb.focusElsewhere = true;
    const write = port.write({
      batches: [[
        { op: "fill", sheet: "Orders", addresses: "A1", fill: { color: "#FFC7CE" } },
        { op: "ensureSheet", sheet: "New", visibility: "Visible" },
        { op: "fill", sheet: "Orders", addresses: "B1", fill: { color: "#FFC7CE" } },
      ]],
    });
    await expect(write).rejects.toMatchObject({ code: EXCEL_ERROR.general });
    expect(Object.keys(wb.fillSnapshot("Orders"))).toEqual(["A1"]);
    expect(wb.sheet("New")).toBeUndefined();
    await expect(port.select("Orders")).rejects.toMatchObject({ code: EXCEL_ERROR.general });
    wb.focusElsewhere = false;
    await expect(port.select("Orders")).resolves.toBeUndefined();
  });
});
