import {
  newTextDateScan,
  ORDER_EVIDENCE_DAY_FIRST,
  ORDER_EVIDENCE_EITHER,
  ORDER_EVIDENCE_MONTH_FIRST,
  ORDER_EVIDENCE_NONE,
  parseDateText,
  scanDateText,
} from "../../../src/core/dates/text";

const wall = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => ({ wallMs: Date.UTC(y, m - 1, d, h, mi, s, ms) });
const instant = (iso: string) => ({ instant: Date.parse(iso) });

describe("parseDateText: wall-clock forms", () => {
  it.each([
    ["2025-06-01T10:00:00", wall(2025, 6, 1, 10)],
    ["2025-06-01 10:00:00", wall(2025, 6, 1, 10)],
    ["2025-06-01 10:00", wall(2025, 6, 1, 10)],
    ["2025-06-01 10:00:00.250", wall(2025, 6, 1, 10, 0, 0, 250)],
    ["2025/06/01 10:00", wall(2025, 6, 1, 10)],
    ["2025/6/1 10:00:00", wall(2025, 6, 1, 10)],
    ["2025/6/1 9:05", wall(2025, 6, 1, 9, 5)],
    ["2025.06.01", wall(2025, 6, 1)],
    ["01.06.2025 10:00", wall(2025, 6, 1, 10)],
    ["2025年6月1日 10:00", wall(2025, 6, 1, 10)],
    ["2025年6月1日 10时00分", wall(2025, 6, 1, 10)],
    ["2025年6月1日10时05分30秒", wall(2025, 6, 1, 10, 5, 30)],
    ["2025年6月1日 10点30", wall(2025, 6, 1, 10, 30)],
    ["2025年6月1日 下午3:00", wall(2025, 6, 1, 15)],
    ["2025年6月1日 上午12:30", wall(2025, 6, 1, 0, 30)],
    ["06/01/2025 10:00 AM", wall(2025, 6, 1, 10)],
    ["06/01/2025 12:00 AM", wall(2025, 6, 1, 0)],
    ["06/01/2025 12:30 PM", wall(2025, 6, 1, 12, 30)],
    ["6/25/2025 9:05pm", wall(2025, 6, 25, 21, 5)],
    ["25/06/2025 10:00", wall(2025, 6, 25, 10)],
    ["Jun 1, 2025 10:00", wall(2025, 6, 1, 10)],
    ["June 1st, 2025 3 PM", wall(2025, 6, 1, 15)],
    ["1 Jun 2025", wall(2025, 6, 1)],
    ["01-Jun-25", wall(2025, 6, 1)],
    ["Sunday, June 1, 2025 at 10:00 AM", wall(2025, 6, 1, 10)],
    ["2025-06-01", wall(2025, 6, 1)],
    ["20250601", wall(2025, 6, 1)],
    ["20250601100000", wall(2025, 6, 1, 10)],
    ["  2025-06-01 10:00:00\n", wall(2025, 6, 1, 10)],
    ["２０２５－０６－０１　１０：００", wall(2025, 6, 1, 10)],
    ["２０２５年６月１日　１０：００", wall(2025, 6, 1, 10)],
    ["2024-02-29", wall(2024, 2, 29)],
  ])("%j", (text, expected) => {
    expect(parseDateText(text)).toEqual(expected);
  });
});

describe("parseDateText: texts with their own offset are instants", () => {
  it.each([
    ["2025-06-01T10:00:00Z", instant("2025-06-01T10:00:00Z")],
    ["2025-06-01T10:00:00.123+08:00", instant("2025-06-01T02:00:00.123Z")],
    ["2025-06-01T10:00:00+0800", instant("2025-06-01T02:00:00Z")],
    ["2025-06-01 10:00:00 -07:00", instant("2025-06-01T17:00:00Z")],
    ["20250601100000000-0700", instant("2025-06-01T17:00:00Z")],
    ["20120801154220368+0800", instant("2012-08-01T07:42:20.368Z")],
    ["Sun Jun 01 2025 10:00:00 GMT+0800 (China Standard Time)", instant("2025-06-01T02:00:00Z")],
    ["Sun, 01 Jun 2025 10:00:00 GMT", instant("2025-06-01T10:00:00Z")],
    ["2025-06-01 10:00 UTC+8", instant("2025-06-01T02:00:00Z")],
  ])("%j", (text, expected) => {
    expect(parseDateText(text)).toEqual(expected);
  });
});

describe("parseDateText: what is not a date", () => {
  it.each([
    "",
    "abc",
    "2025-02-29",
    "2025-06-31",
    "13/13/2025",
    "32/01/2025",
    "12:30:45",
    "2025-06-01 25:00",
    "2025-06-01 10:60",
    "2025-06-01 10",
    "06/01/25",
    "45809.5",
    "=HYPERLINK(\"https://example.com\",\"2025-06-01\")",
    "#N/A",
    "UG123456785CN",
    "2025-06-01 10:00 +15:00",
    "1800-01-01",
    "2025--06-01",
    "Order 2025-06-01",
  ])("%j", (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });
});

describe("day/month order of a/b/yyyy", () => {
  const scan = newTextDateScan();
  const read = (text: string, order: "mdy" | "dmy" = "mdy") => {
    scanDateText(text, order, scan);
    return { date: new Date(scan.ms).toISOString().slice(0, 10), evidence: scan.evidence, swapped: scan.swappedMs };
  };

  it("reads both parts 12 or less month-first by default, day-first on request, and says it was ambiguous", () => {
    expect(read("03/04/2025")).toMatchObject({ date: "2025-03-04", evidence: ORDER_EVIDENCE_EITHER, swapped: Date.UTC(2025, 3, 3) });
    expect(read("03/04/2025", "dmy")).toMatchObject({ date: "2025-04-03", evidence: ORDER_EVIDENCE_EITHER, swapped: Date.UTC(2025, 2, 4) });
    expect(read("03-04-2025")).toMatchObject({ date: "2025-03-04", evidence: ORDER_EVIDENCE_EITHER });
  });

  it("lets a part above 12 settle the order whatever the default, and reports which way", () => {
    expect(read("25/06/2025")).toMatchObject({ date: "2025-06-25", evidence: ORDER_EVIDENCE_DAY_FIRST });
    expect(read("06/25/2025", "dmy")).toMatchObject({ date: "2025-06-25", evidence: ORDER_EVIDENCE_MONTH_FIRST });
  });

  it("treats equal parts and the dotted European form as unambiguous", () => {
    expect(read("05/05/2025")).toMatchObject({ date: "2025-05-05", evidence: ORDER_EVIDENCE_NONE });
    expect(read("03.04.2025")).toMatchObject({ date: "2025-04-03", evidence: ORDER_EVIDENCE_NONE });
    expect(read("04.25.2025")).toMatchObject({ date: "2025-04-25", evidence: ORDER_EVIDENCE_NONE });
  });

  it("parseDateText takes the order as its second argument", () => {
    expect(parseDateText("03/04/2025 10:00", "dmy")).toEqual(wall(2025, 4, 3, 10));
  });
});
