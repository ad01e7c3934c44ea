import { checkTrackingNumber } from "../../../src/core/tracking";

describe("placeholder numbers", () => {
  it.each([
    ["RR123456785CN", "China Post"],
    ["RB123456785GB", "Royal Mail Group plc"],
    ["RR000000005CN", "China Post"],
  ])("%s is recognised as S10 (%s) but is a placeholder", (number, carrier) => {
    const result = checkTrackingNumber(number);
    expect(result).toMatchObject({
      formatId: "s10",
      carrier,
      checkDigit: "valid",
      placeholder: true,
      valid: false,
      problem: "PLACEHOLDER",
    });
    expect(result.message).toContain("placeholder number");
    expect(result.messageZh).toContain("占位单号");
  });

  it("names a well-known demo number as such", () => {
    expect(checkTrackingNumber("RB123456785GB").message).toBe(
      "placeholder number: a well-known demo number (shaped like UPU S10)",
    );
    expect(checkTrackingNumber("1Z999AA10123456784")).toMatchObject({
      formatId: "ups_1z",
      placeholder: true,
      valid: false,
    });
  });

  it.each([
    ["LP00000000000000", "all zeros"],
    ["YT0000000000000000", "all zeros"],
    ["YT1111111111111111", "repeats one character"],
    ["RR777777770CN", "repeats one character"],
    ["LP00123456789012", "a run like 12345678"],
    ["RR876543213CN", "a run like 12345678"],
    ["0000000000", "all zeros"],
  ])("%s: serial %s", (number, reason) => {
    const result = checkTrackingNumber(number);
    expect(result).toMatchObject({
      placeholder: true,
      valid: false,
      problem: "PLACEHOLDER",
    });
    expect(result.message).toContain(reason);
  });

  it("calls a fake serial a placeholder even when its check digit is also wrong", () => {
    expect(checkTrackingNumber("RR000000000CN")).toMatchObject({
      problem: "PLACEHOLDER",
      checkDigit: "invalid",
      expectedCheckDigit: "5",
    });
  });

  it.each(["123456789", "1234567890", "987654321", "1111", "AAAAAAAAAAAAAAAAAA"])(
    "%s matches no format and is a placeholder",
    (number) => {
      expect(checkTrackingNumber(number)).toMatchObject({
        placeholder: true,
        valid: false,
        problem: "PLACEHOLDER",
      });
    },
  );

  it.each(["N/A", "n/a", "无", "-", "--", "000", "none", "None", "null", "NULL", "TBD", "暂无", "— ", "／"])(
    "the word %j says there is no number",
    (word) => {
      const result = checkTrackingNumber(word);
      expect(result).toMatchObject({
        placeholder: true,
        valid: false,
        problem: "PLACEHOLDER",
        message: "placeholder, not a tracking number",
      });
      expect(result.messageZh).toBe("占位内容，不是运单号");
      expect(result.carrier).toBeUndefined();
    },
  );

  it("leaves real numbers alone", () => {
    for (const number of [
      "EA152563251CN",
      "LP00724622449605",
      "YT2229521272164446",
      "1Z5R89390357567127",
      "986578788855",
    ]) {
      expect(checkTrackingNumber(number)).toMatchObject({
        placeholder: false,
        valid: true,
      });
    }
  });
});
