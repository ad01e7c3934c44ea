import type { CellValue } from "../../src/core/model";
import { SharedStrings, SheetCells } from "../../src/cli/package/sheetCells";
import { XmlShapeError } from "../../src/cli/package/xmlTokens";

/** Rows as the reader hands them out, each cut into chunks of `chunk` characters to cross every boundary. */
function rowsOf(
  xml: string,
  shared: string[] = [],
  chunk = 7,
): Array<{ row: number; cells: CellValue[]; styles: number[] }> {
  const rows: Array<{ row: number; cells: CellValue[]; styles: number[] }> = [];
  const reader = new SheetCells(shared, (row, cells, styles, width) =>
    rows.push({ row, cells: cells.slice(0, width), styles: [...styles.subarray(0, width)] }),
  );
  for (let at = 0; at < xml.length; at += chunk) reader.write(xml.slice(at, at + chunk));
  reader.end();
  return rows;
}

const sheet = (rows: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe("SheetCells: a worksheet's XML as the cell values the core reads (ECMA-376 18.3.1.4, 18.18.11)", () => {
  it("resolves shared strings, keeps numbers as stored and reads booleans", () => {
    const rows = rowsOf(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="3"><v>45812.5</v></c><c r="C1" t="b"><v>1</v></c></row>',
      ),
      ["Order ID", "订单号"],
    );
    expect(rows).toEqual([{ row: 1, cells: ["订单号", 45812.5, true], styles: [0, 3, 0] }]);
  });

  it("reads inline strings and rich text as their plain text, without phonetic guides", () => {
    const rows = rowsOf(
      sheet(
        '<row r="2"><c r="A2" t="inlineStr"><is><t>LP&amp;001</t></is></c>' +
          '<c r="B2" t="inlineStr"><is><r><t>等待</t></r><r><rPr><b/></rPr><t xml:space="preserve">您发货</t></r><rPh sb="0" eb="2"><t>deng</t></rPh></is></c></row>',
      ),
    );
    expect(rows[0].cells).toEqual(["LP&001", "等待您发货"]);
  });

  it("takes a formula's cached value and reads an error cell as an error", () => {
    const rows = rowsOf(
      sheet(
        '<row r="3"><c r="A3"><f>B3+1</f><v>7</v></c><c r="B3" t="str"><f>"LP"&amp;C3</f><v>LP9</v></c>' +
          '<c r="C3" t="e"><f>VLOOKUP(A3,X!A:B,2,0)</f><v>#N/A</v></c><c r="D3"><f>NOW()</f></c></row>',
      ),
    );
    expect(rows[0].cells).toEqual([7, "LP9", { error: "#N/A" }, null]);
  });

  it("places cells by their reference, leaving gaps empty, and numbers rows without r after the previous one", () => {
    const rows = rowsOf(sheet('<row r="5"><c r="C5"><v>1</v></c></row><row><c><v>2</v></c><c><v>3</v></c></row>'));
    expect(rows).toEqual([
      { row: 5, cells: [null, null, 1], styles: [0, 0, 0] },
      { row: 6, cells: [2, 3], styles: [0, 0] },
    ]);
  });

  it('reads prefixed SpreadsheetML (x:row, x:c) and ISO date cells (t="d") as wall clocks', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="d"><x:v>2025-06-01T10:30:00</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(rowsOf(xml)[0].cells).toEqual([new Date(Date.UTC(2025, 5, 1, 10, 30))]);
  });

  it("refuses XML that is not well-formed", () => {
    expect(() => rowsOf(sheet('<row r="1"><c r="A1"><v>1</c></row>'))).toThrow(XmlShapeError);
    expect(() => rowsOf('<worksheet><sheetData><row r="1">')).toThrow(XmlShapeError);
  });
});

describe("SharedStrings: the shared-string table (ECMA-376 18.4.8)", () => {
  it("joins rich-text runs, leaves phonetic guides out and keeps empty items in place", () => {
    const reader = new SharedStrings();
    const xml =
      '<sst count="3" uniqueCount="3"><si><t>Order ID</t></si><si><r><t>已</t></r><r><t>发货</t></r><rPh><t>yi</t></rPh></si><si><t/></si><si><t>a &lt; b</t></si></sst>';
    for (let at = 0; at < xml.length; at += 5) reader.write(xml.slice(at, at + 5));
    reader.end();
    expect(reader.strings).toEqual(["Order ID", "已发货", "", "a < b"]);
  });
});
