import { checkTrackingNumber, normalizeTrackingNumber } from "../../../src/core/tracking";

describe("normalizeTrackingNumber", () => {
  it("makes the spellings of one number equal, so duplicates can be found", () => {
    const canonical = "LP00123456789012";
    for (const spelling of [
      "lp 0012-3456 789012",
      "LP00123456789012",
      " lp00123456789012 ",
      "ＬＰ００１２３４５６７８９０１２", // full-width, as a Chinese IME types it
      "ｌｐ　００１２－３４５６－７８９０１２", // full-width lower case, ideographic space and full-width hyphen
      "LP0012\n3456\r\n789012", // line breaks inside one number
      "LP0012\u00a03456\u200b789012", // no-break space, zero-width space
      "LP0012–3456—789012", // en and em dashes
      "'LP00123456789012'",
      "LP_0012_3456_789012",
    ]) {
      expect(normalizeTrackingNumber(spelling)).toBe(canonical);
    }
  });

  it("upper-cases letters", () => {
    expect(normalizeTrackingNumber("ea152563251cn")).toBe("EA152563251CN");
  });

  it("keeps characters that are not separators, so garbage stays visible", () => {
    expect(normalizeTrackingNumber("无单号")).toBe("无单号");
    expect(normalizeTrackingNumber("N/A")).toBe("N/A");
    expect(normalizeTrackingNumber("=HYPERLINK(x)")).toBe("=HYPERLINK(X)");
  });

  it("returns an empty string for separators only", () => {
    expect(normalizeTrackingNumber(" - \t")).toBe("");
  });

  it("handles very long input", () => {
    const long = "ab-".repeat(200);
    expect(normalizeTrackingNumber(long)).toBe("AB".repeat(200));
  });

  it("lets a number typed in any of these ways be judged the same", () => {
    const forms = ["ea152563251cn", "EA 1525 6325 1CN", "ＥＡ１５２５６３２５１ＣＮ", "EA-152-563-251-CN"];
    for (const form of forms) {
      expect(checkTrackingNumber(form)).toMatchObject({
        input: form,
        normalized: "EA152563251CN",
        valid: true,
        carrier: "China Post",
      });
    }
  });
});
