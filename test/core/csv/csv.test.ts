import { csvToGrid, decodeText, parseCsv, sniffDelimiter } from "../../../src/core/csv";
import { readOrderSheet } from "../../../src/core/sheet";

const TEXT = "订单号,Payment Time,Tracking No.\r\n8012345678901234,2025-06-01 10:00,UG123456785CN\r\n";

const utf16le = (text: string) => Uint8Array.from(Buffer.from(text, "utf16le"));
const utf16be = (text: string) => {
  const bytes = utf16le(text);
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
  return bytes;
};
const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((part) => Array.from(part)));
const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));

describe("decodeText", () => {
  it("reads UTF-8 with and without BOM", () => {
    const bytes = new TextEncoder().encode(TEXT);
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: "utf-8", bom: false });
    expect(decodeText(concat([0xef, 0xbb, 0xbf], bytes))).toEqual({ text: TEXT, encoding: "utf-8", bom: true });
  });

  it("reads UTF-16 LE and BE with BOM, and LE without one", () => {
    expect(decodeText(concat([0xff, 0xfe], utf16le(TEXT)))).toEqual({ text: TEXT, encoding: "utf-16le", bom: true });
    expect(decodeText(concat([0xfe, 0xff], utf16be(TEXT)))).toEqual({ text: TEXT, encoding: "utf-16be", bom: true });
    expect(decodeText(utf16le(TEXT))).toMatchObject({ text: TEXT, encoding: "utf-16le" });
  });

  it("falls back to GB18030 for what a Chinese Excel saves", () => {
    // 订单号 in GBK, then ASCII.
    const bytes = concat([0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5], ascii(",Tracking\r\n1,LP1\r\n"));
    expect(decodeText(bytes)).toEqual({ text: "订单号,Tracking\r\n1,LP1\r\n", encoding: "gb18030", bom: false });
  });
});

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, embedded line breaks and all line ends", () => {
    const text = 'a,"b ""quoted""","multi\nline"\r\n1,,3\r4,5,6\n';
    expect(parseCsv(text)).toEqual([
      ["a", 'b "quoted"', "multi\nline"],
      ["1", "", "3"],
      ["4", "5", "6"],
    ]);
  });

  it("keeps blank lines as rows and a trailing delimiter as an empty cell", () => {
    expect(parseCsv("a,b\n\nc,\n")).toEqual([["a", "b"], [""], ["c", ""]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("is lenient with stray quotes and unclosed quotes", () => {
    expect(parseCsv('ab"c,"d"e,"open\nrest')).toEqual([['ab"c', "de", "open\nrest"]]);
  });

  it("sniffs semicolons (decimal commas), tabs and commas", () => {
    expect(sniffDelimiter("Order ID;Amount\n1;12,50\n2;3,00\n")).toBe(";");
    expect(parseCsv("Order ID;Amount\n1;12,50\n")).toEqual([["Order ID", "Amount"], ["1", "12,50"]]);
    expect(parseCsv("a\tb\n1\t2,5\n")).toEqual([["a", "b"], ["1", "2,5"]]);
    expect(sniffDelimiter('a,b,c\n"x;y",2,3\n')).toBe(",");
  });

  it("honours and drops Excel's sep= line", () => {
    expect(parseCsv("sep=;\r\na;b,c\r\n")).toEqual([["a", "b,c"]]);
  });

  it("drops a BOM left in the text", () => {
    expect(parseCsv("\ufeffa,b")).toEqual([["a", "b"]]);
  });
});

describe("csvToGrid", () => {
  it("turns each encoding into the same grid and the same orders", () => {
    const variants = [
      concat([0xef, 0xbb, 0xbf], new TextEncoder().encode(TEXT)),
      concat([0xff, 0xfe], utf16le(TEXT)),
      concat([0xfe, 0xff], utf16be(TEXT)),
      concat([0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5], ascii(TEXT.slice(3))),
    ];
    const grids = variants.map((bytes) => csvToGrid("orders.csv", bytes));
    for (const grid of grids) expect(grid.rows).toEqual(grids[0].rows);
    const result = readOrderSheet(grids[3], { timeZone: "Asia/Shanghai" });
    expect(result.orders).toEqual([
      { orderId: "8012345678901234", rows: [2], paidAt: Date.parse("2025-06-01T02:00:00Z"), trackingNumber: "UG123456785CN" },
    ]);
  });

  it('shows ="..." cells as the text Excel shows', () => {
    const grid = csvToGrid("x.csv", new TextEncoder().encode('Order ID,Note\n="8012345678901234","=SUM(1,2)"\n'));
    expect(grid.rows[1]).toEqual(["8012345678901234", "=SUM(1,2)"]);
  });
});
