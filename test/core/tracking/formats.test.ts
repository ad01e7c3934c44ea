import { checkTrackingNumber, TRACKING_FORMATS } from "../../../src/core/tracking";

describe("shapes without a check digit (AliExpress carriers)", () => {
  it.each([
    ["LP00724622449605", "cainiao", "Cainiao", "cainiao_lp"],
    ["LP0072462244960", "cainiao", "Cainiao", "cainiao_lp"],
    ["CNUSUP00016597663", "cainiao", "Cainiao", "cainiao_cnusup"],
    ["CN4172039586130", "cainiao", "Cainiao", "cainiao_cn"],
    ["YT2229521272164446", "yunexpress", "YunExpress", "yunexpress"],
    ["YT7392018465021", "yto", "YTO Express", "yto"],
    ["UA927364518YP", "yanwen", "Yanwen", "yanwen_yp"],
    ["BYS006086075", "yanwen", "Yanwen", "yanwen_bys"],
    ["4PX3000829925789CN", "4px", "4PX", "4px"],
    ["FPXE0012739485", "4px", "4PX", "4px"],
    ["SYUS00397415268", "sunyou", "SunYou", "sunyou"],
    ["SF1385628716739", "sf", "SF Express", "sf"],
    ["JT5261988016578", "jt", "J&T Express", "jt"],
    ["TBA502887274000", "amazon", "Amazon", "amazon_logistics"],
    ["GM2951173225174494", "dhl", "DHL", "dhl_ecommerce"],
  ])("%s is %s (%s)", (number, carrierId, carrier, formatId) => {
    const result = checkTrackingNumber(number);
    expect(result).toMatchObject({
      carrierId,
      carrier,
      formatId,
      checkDigit: "none",
      valid: true,
      placeholder: false,
    });
    expect(result.problem).toBeUndefined();
    expect(result.message).toContain("no check digit");
    expect(result.messageZh).toContain("无校验位");
  });

  it("gives distinctive shapes medium confidence and generic ones low", () => {
    expect(checkTrackingNumber("LP00724622449605").confidence).toBe("medium");
    expect(checkTrackingNumber("YT2229521272164446").confidence).toBe("medium");
    expect(checkTrackingNumber("73610555582883").confidence).toBe("low"); // any 14 digits: DHL E-Commerce shape
    expect(checkTrackingNumber("KYV009956937").confidence).toBe("low"); // any 3 letters + 9 digits
  });

  it("gives a passed check digit high confidence", () => {
    expect(checkTrackingNumber("EA152563251CN").confidence).toBe("high");
    expect(checkTrackingNumber("1Z5R89390357567127").confidence).toBe("high");
  });

  it("tells YunExpress (YT + 16 digits) from YTO (YT + 13) and rejects YT + 15", () => {
    expect(checkTrackingNumber("YT2229521272164446").carrierId).toBe("yunexpress");
    expect(checkTrackingNumber("YT7392018465021").carrierId).toBe("yto");
    expect(checkTrackingNumber("YT123456789012345")).toMatchObject({
      valid: false,
    });
    expect(checkTrackingNumber("YT738201956473829").problem).toBe("UNKNOWN_FORMAT");
  });
});

describe("when several formats match", () => {
  it("prefers a passing UPU S10 check digit over the DHL E-Commerce shape (LX…CN, CN…SG)", () => {
    expect(checkTrackingNumber("LX824628199CN")).toMatchObject({
      formatId: "s10",
      carrier: "China Post",
      valid: true,
    });
    expect(checkTrackingNumber("CN719203857SG")).toMatchObject({
      formatId: "s10",
      carrier: "SingPost",
      valid: true,
    });
  });

  it("reports a wrong S10 check digit instead of falling back to a shape-only match", () => {
    expect(checkTrackingNumber("LX824628190CN")).toMatchObject({
      formatId: "s10",
      problem: "CHECK_DIGIT",
      expectedCheckDigit: "9",
      valid: false,
      confidence: "medium",
    });
  });

  it("reads Yanwen's …YP numbers as Yanwen, not as an S10 number with a bad country", () => {
    expect(checkTrackingNumber("UA927364518YP")).toMatchObject({
      carrierId: "yanwen",
      valid: true,
    });
  });

  it("prefers the narrower Old Dominion prefix over DHL Express when both check digits pass", () => {
    expect(checkTrackingNumber("78045768393")).toMatchObject({
      carrierId: "old_dominion",
      valid: true,
    });
  });
});

describe("UPU S10 country code", () => {
  it("rejects a country code that is no UPU member, with its own problem and message", () => {
    const result = checkTrackingNumber("RB123456785XX");
    expect(result).toMatchObject({
      formatId: "s10",
      problem: "BAD_COUNTRY",
      valid: false,
      countryCode: "XX",
    });
    expect(result.carrier).toBeUndefined();
    expect(result.message).toBe("UPU S10 shape, but XX is not a UPU member country code");
    expect(result.messageZh).toContain("XX 不是万国邮联成员国代码");
  });

  it("mentions the check digit too when both are wrong", () => {
    const result = checkTrackingNumber("RR719203850ZZ");
    expect(result).toMatchObject({
      problem: "BAD_COUNTRY",
      checkDigit: "invalid",
      expectedCheckDigit: "7",
    });
    expect(result.message).toContain("check digit should also be 7");
  });

  it("names the postal operator of the country code", () => {
    expect(checkTrackingNumber("RR719203857HK")).toMatchObject({
      carrier: "Hong Kong Post",
      carrierZh: "香港邮政",
      countryCode: "HK",
      valid: true,
    });
    expect(checkTrackingNumber("RR719203857MO")).toMatchObject({
      carrier: "Macao Post",
      countryCode: "MO",
      valid: true,
    });
    expect(checkTrackingNumber("RR719203857US")).toMatchObject({
      carrier: "United States Postal Service",
      valid: true,
    });
  });
});

describe("messages and links", () => {
  it("says why a number is valid, in English and Chinese", () => {
    const result = checkTrackingNumber("EA152563251CN");
    expect(result.message).toBe("UPU S10, China Post, check digit OK");
    expect(result.messageZh).toBe("UPU S10 国际邮件，中国邮政，校验位正确");
  });

  it("does not repeat the carrier when the format's name already says it", () => {
    expect(checkTrackingNumber("1Z5R89390357567127").message).toBe("UPS 1Z, check digit OK");
  });

  it("says a number matches no known format", () => {
    const result = checkTrackingNumber("HELLO WORLD 42");
    expect(result).toMatchObject({
      problem: "UNKNOWN_FORMAT",
      valid: false,
      checkDigit: "none",
      confidence: "low",
    });
    expect(result.message).toBe("matches no known carrier format");
    expect(result.messageZh).toBe("不符合任何已知承运商的单号格式");
  });

  it("explains a number Excel turned into scientific notation", () => {
    const result = checkTrackingNumber("9.40011E+21");
    expect(result.problem).toBe("UNKNOWN_FORMAT");
    expect(result.message).toContain("scientific notation");
    expect(result.messageZh).toContain("科学计数法");
  });

  it("says an empty input is empty", () => {
    expect(checkTrackingNumber("   ")).toMatchObject({
      problem: "EMPTY",
      valid: false,
      message: "no tracking number",
      messageZh: "没有运单号",
    });
  });

  it("builds the tracking link from the normalized number", () => {
    expect(checkTrackingNumber("1z5r 8939 0357 5671 27").trackingUrl).toBe(
      "https://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=1Z5R89390357567127",
    );
    expect(checkTrackingNumber("LP00724622449605").trackingUrl).toContain("LP00724622449605");
    expect(checkTrackingNumber("HELLO").trackingUrl).toBeUndefined();
  });
});

describe("the format table", () => {
  it("has unique ids and patterns anchored at both ends", () => {
    const ids = TRACKING_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const format of TRACKING_FORMATS) {
      expect(format.pattern.source.startsWith("^")).toBe(true);
      expect(format.pattern.source.endsWith("$")).toBe(true);
      expect(format.pattern.flags).not.toContain("g"); // a global regex would carry lastIndex between calls
      expect(format.minLength).toBeLessThanOrEqual(format.maxLength);
    }
  });

  it("gives every tracking URL a place for the number", () => {
    for (const format of TRACKING_FORMATS)
      if (format.trackingUrl !== undefined) expect(format.trackingUrl).toContain("%s");
  });
});
