import { csvToGrid, decodeText, parseCsv, sniffDelimiter } from "../../../src/core/csv";
import type { UnclosedQuote } from "../../../src/core/csv/parse";
import { detectHeader, readOrderSheet } from "../../../src/core/sheet";

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
    expect(parseCsv('ab"c,"d"e,"open\nrest')).toEqual([['ab"c', "de", '"open'], ["rest"]]);
  });

  it("sniffs semicolons (decimal commas), tabs and commas", () => {
    expect(sniffDelimiter("Order ID;Amount\n1;12,50\n2;3,00\n")).toBe(";");
    expect(parseCsv("Order ID;Amount\n1;12,50\n")).toEqual([
      ["Order ID", "Amount"],
      ["1", "12,50"],
    ]);
    expect(parseCsv("a\tb\n1\t2,5\n")).toEqual([
      ["a", "b"],
      ["1", "2,5"],
    ]);
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
      {
        orderId: "8012345678901234",
        rows: [2],
        paidAt: Date.parse("2025-06-01T02:00:00Z"),
        trackingNumber: "UG123456785CN",
      },
    ]);
  });

  it('shows ="..." cells as the text Excel shows', () => {
    const grid = csvToGrid("x.csv", new TextEncoder().encode('Order ID,Note\n="8012345678901234","=SUM(1,2)"\n'));
    expect(grid.rows[1]).toEqual(["8012345678901234", "=SUM(1,2)"]);
  });
});

describe("one bad byte in a UTF-8 CSV", () => {
  const utf8 = (text: string) => Array.from(new TextEncoder().encode(text));
  // A buyer name saved by a tool that wrote one Latin-1 byte (0xE9, "é") into an otherwise UTF-8 file.
  const damaged = () =>
    concat(
      utf8("订单号,付款时间,订单状态,买家名称\r\n8100000000000001,2025-06-01 10:00,等待卖家发货,张伟\r\n"),
      utf8("8100000000000002,2025-06-02 10:00,等待卖家发货,Jos"),
      [0xe9],
      utf8("\r\n8100000000000003,2025-06-03 10:00,卖家已发货,李娜\r\n"),
    );

  it("is read as UTF-8 with the byte replaced, not as GB18030", () => {
    expect(decodeText(damaged())).toMatchObject({ encoding: "utf-8", undecodable: 1 });
  });

  it("keeps the header and every order, and reports the row that held the byte", () => {
    const grid = csvToGrid("orders.csv", damaged());
    expect(detectHeader(grid)?.columns.orderId?.header).toBe("订单号");
    expect(grid.rows.map((row) => row[0])).toEqual([
      "订单号",
      "8100000000000001",
      "8100000000000002",
      "8100000000000003",
    ]);
    expect(grid.rows[3][3]).toBe("李娜");
    expect(grid.diagnostics).toHaveLength(1);
    expect(grid.diagnostics[0]).toMatchObject({
      row: 3,
      column: "D",
      value: "Jos\uFFFD",
      problem: "UNDECODABLE_BYTES",
    });
    expect(grid.diagnostics[0].message).toMatch(/^Row 3, column D: "Jos�" holds bytes that are not UTF-8/);
  });

  it("an ASCII file with one stray byte stays ASCII around it", () => {
    const bytes = concat(utf8("Order ID,Buyer\n1,Jos"), [0xe9], utf8(",\n2,Ana\n"));
    const grid = csvToGrid("orders.csv", bytes);
    expect(grid.rows).toEqual([
      ["Order ID", "Buyer"],
      ["1", "Jos\uFFFD", ""],
      ["2", "Ana"],
    ]);
    expect(grid.diagnostics.map((d) => d.row)).toEqual([2]);
  });

  it("a GBK file, where some byte pairs happen to be valid UTF-8, is still read as GB18030", () => {
    const hex =
      "b6a9b5a5bac52cb8b6bfeecab1bce42cb6a9b5a5d7b4ccac2cceefc1f7b5a5bac52cc2f2bcd2c3fbb3c60d0a383130303030303030303030303030312c323032352d30362d30312031303a30302cb5c8b4fdc2f4bcd2b7a2bbf52c4c5030303132333435363738393031302cd5c5ceb00d0a383130303030303030303030303030322c323032352d30362d30322031313a30302cc2f4bcd2d2d1b7a2bbf52c5547313233343536373835434e2cc0eec4c80d0a";
    const decoded = decodeText(Uint8Array.from(Buffer.from(hex, "hex")));
    expect(decoded).toMatchObject({ encoding: "gb18030" });
    expect(decoded.undecodable).toBeUndefined();
    expect(decoded.text.split("\r\n")[1]).toBe("8100000000000001,2025-06-01 10:00,等待卖家发货,LP00123456789010,张伟");
  });
});

describe("an unterminated quote in a CSV", () => {
  it("does not swallow the rows after it, and is reported with the row it started on", () => {
    const text = 'Order ID,Note,Tracking\n1,"left open,LP1\n2,fine,LP2\n3,fine,LP3\n';
    const unclosed: UnclosedQuote[] = [];
    expect(parseCsv(text, undefined, unclosed)).toEqual([
      ["Order ID", "Note", "Tracking"],
      ["1", '"left open', "LP1"],
      ["2", "fine", "LP2"],
      ["3", "fine", "LP3"],
    ]);
    expect(unclosed).toEqual([{ row: 2, column: 2, reason: "never-closed" }]);
  });

  it("takes a quoted field across dozens of lines as a stray quote, however it ends", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i + 2},ok`).join("\n");
    const text = `Order ID,Note\n1,"stray\n${lines}\n99,"closed by another stray"\n`;
    const unclosed: UnclosedQuote[] = [];
    const rows = parseCsv(text, undefined, unclosed);
    expect(rows).toHaveLength(43);
    expect(rows[2]).toEqual(["2", "ok"]);
    expect(unclosed[0]).toEqual({ row: 2, column: 2, reason: "too-many-lines" });
  });

  it("still reads a quoted address over a few lines as one cell", () => {
    const unclosed: UnclosedQuote[] = [];
    expect(parseCsv('id,address\n1,"Calle 1\n28001 Madrid\nSpain"\n', undefined, unclosed)).toEqual([
      ["id", "address"],
      ["1", "Calle 1\n28001 Madrid\nSpain"],
    ]);
    expect(unclosed).toEqual([]);
  });

  it("becomes a located diagnostic of the grid", () => {
    const grid = csvToGrid("orders.csv", new TextEncoder().encode('Order ID,Note\n1,"left open\n2,fine\n'));
    expect(grid.rows).toHaveLength(3);
    expect(grid.diagnostics).toEqual([
      expect.objectContaining({ row: 2, column: "B", problem: "UNCLOSED_QUOTE", value: '"left open' }),
    ]);
    expect(grid.diagnostics[0].message).toMatch(/^Row 2, column B: the quote that opens ""left open" is never closed/);
  });
});
