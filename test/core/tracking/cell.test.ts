import * as fc from "fast-check";
import {
  checkTrackingCell,
  checkTrackingNumber,
  isPlaceholderTrackingCell,
  normalizeTrackingNumber,
  splitTrackingNumbers,
} from "../../../src/core/tracking";

const A = "LP00724622449605";
const B = "EA152563251CN";

describe("splitTrackingNumbers", () => {
  it.each([
    [`${A}, ${B}`],
    [`${A},${B}`],
    [`${A}\n${B}`],
    [`${A}\r\n${B}`],
    [`${A}; ${B}`],
    [`${A} / ${B}`],
    [`${A} | ${B}`],
    [`${A}，${B}`], // full-width comma
    [`${A}；${B}`],
    [`${A}、${B}`],
    [`${A}\t${B}`],
    [`${A} ${B}`], // two recognisable numbers separated by a space
    [`  ${A}\n\n${B}  ,`],
  ])("splits %j into two numbers", (cell) => {
    expect(splitTrackingNumbers(cell)).toEqual([A, B]);
  });

  it("keeps a number written with spaces in one piece", () => {
    expect(splitTrackingNumbers("0414 4176 0228 964")).toEqual(["041441760228964"]);
    expect(splitTrackingNumbers("lp 0072 4622 4496 05")).toEqual([A]);
    expect(splitTrackingNumbers("EA 1525 6325 1CN")).toEqual([B]);
  });

  it("normalizes each part and keeps the order", () => {
    expect(splitTrackingNumbers("ea152563251cn, lp0072-4622-4496-05")).toEqual([B, A]);
  });

  it("drops empty parts and placeholder words next to real numbers", () => {
    expect(splitTrackingNumbers(`${A},, ;`)).toEqual([A]);
    expect(splitTrackingNumbers(`${A}, N/A`)).toEqual([A]);
    expect(splitTrackingNumbers(`${A} / 无`)).toEqual([A]);
  });

  it("gives nothing for a blank cell or a cell that only says 'no number'", () => {
    expect(splitTrackingNumbers("")).toEqual([]);
    expect(splitTrackingNumbers("   ")).toEqual([]);
    expect(splitTrackingNumbers("N/A")).toEqual([]);
    expect(splitTrackingNumbers("-")).toEqual([]);
  });

  it("keeps text it cannot read as one part, to be reported", () => {
    expect(splitTrackingNumbers("shipped tomorrow")).toEqual(["SHIPPEDTOMORROW"]);
  });
});

describe("checkTrackingCell", () => {
  it("judges every number in the cell, each with its part as typed", () => {
    const checks = checkTrackingCell("EA152563251CN / rm131516216cn");
    expect(checks).toHaveLength(2);
    expect(checks[0]).toMatchObject({ input: "EA152563251CN", valid: true });
    expect(checks[1]).toMatchObject({
      input: "rm131516216cn",
      normalized: "RM131516216CN",
      valid: false,
      problem: "CHECK_DIGIT",
      expectedCheckDigit: "1",
    });
  });

  it("gives [] for a blank cell", () => {
    expect(checkTrackingCell("")).toEqual([]);
    expect(checkTrackingCell(" \n ")).toEqual([]);
  });

  it("gives one placeholder check for a cell that only says 'no number'", () => {
    for (const cell of ["N/A", "无", "-", "暂无", " none "]) {
      const checks = checkTrackingCell(cell);
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({
        placeholder: true,
        valid: false,
        problem: "PLACEHOLDER",
      });
    }
  });

  it("agrees with splitTrackingNumbers on every cell that holds numbers", () => {
    for (const cell of [`${A}, ${B}`, `${A} ${B}`, "0414 4176 0228 964", `${A}; N/A`, "RB123456785XX\nfoo"]) {
      expect(checkTrackingCell(cell).map((c) => c.normalized)).toEqual(splitTrackingNumbers(cell));
    }
  });

  it("flags each fake number in a multi-number cell", () => {
    const checks = checkTrackingCell(`${A}, RR123456785CN`);
    expect(checks.map((c) => c.valid)).toEqual([true, false]);
    expect(checks[1].problem).toBe("PLACEHOLDER");
  });
});

describe("isPlaceholderTrackingCell", () => {
  it.each(["N/A", "n/a", "NA", "无", "-", "—", "--", "000", "0", "none", "null", "TBD", "暂无", "  N/A  ", "ｎ／ａ"])(
    "%j says 'no number'",
    (cell) => {
      expect(isPlaceholderTrackingCell(cell)).toBe(true);
    },
  );

  it.each(["", "   ", B, A, "RR123456785CN", `${A}, N/A`, "HELLO"])("%j does not", (cell) => {
    expect(isPlaceholderTrackingCell(cell)).toBe(false);
  });
});

describe("bad input is normal input", () => {
  it("never throws, whatever the cell holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        const checks = checkTrackingCell(text);
        for (const check of checks) {
          expect(typeof check.message).toBe("string");
          expect(check.messageZh.length).toBeGreaterThan(0);
          expect(check.valid).toBe(check.problem === undefined);
        }
        checkTrackingNumber(text);
        isPlaceholderTrackingCell(text);
        expect(splitTrackingNumbers(text).every((s) => s.length > 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("normalizes idempotently and leaves no spaces, hyphens or lower-case ASCII", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const once = normalizeTrackingNumber(text);
        expect(normalizeTrackingNumber(once)).toBe(once);
        expect(once).not.toMatch(/[\s\-a-z]/);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts values that are not strings without throwing", () => {
    const loose = checkTrackingNumber as (raw: unknown) => ReturnType<typeof checkTrackingNumber>;
    expect(loose(986578788855)).toMatchObject({
      formatId: "fedex_12",
      valid: true,
    });
    expect(loose(undefined)).toMatchObject({ problem: "EMPTY" });
    expect((checkTrackingCell as (cell: unknown) => unknown[])(null)).toEqual([]);
  });

  it("treats formula-like text as an unknown format", () => {
    expect(checkTrackingNumber('=HYPERLINK("https://t.cn/x","LP00724622449605")').problem).toBe("UNKNOWN_FORMAT");
  });
});
