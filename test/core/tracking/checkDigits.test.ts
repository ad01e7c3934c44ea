/**
 * Check digits, judged through the public API. The vectors were computed outside this project with an independent
 * implementation of the public algorithms (UPU S10 weights 8 6 4 2 3 5 9 7 mod 11; UPS mod 10 with odd positions
 * doubled and letters as (code − 3) mod 10; FedEx 3-1-7 weights mod 11 mod 10; DHL mod 7; USPS mod 10 with even
 * positions tripled). Each row: a valid number; a serial digit changed, with the check digit that number would
 * need; two adjacent serial digits swapped, with the check digit it would need; the check digit itself one off;
 * and the original check digit.
 */
import { checkTrackingNumber } from "../../../src/core/tracking";

type Row = readonly [
  valid: string,
  substituted: string,
  substitutedNeeds: string,
  swapped: string,
  swappedNeeds: string,
  oneOff: string,
  check: string,
];

const CASES: ReadonlyArray<{
  formatId: string;
  carrier: string;
  rows: readonly Row[];
}> = [
  {
    formatId: "s10",
    carrier: "China Post",
    rows: [
      ["RR526018152CN", "RR926018152CN", "3", "RR562018152CN", "5", "RR526018153CN", "2"],
      ["RR016613187CN", "RR016613087CN", "5", "RR016613817CN", "4", "RR016613188CN", "7"],
      ["RR913909960CN", "RR313909960CN", "3", "RR193909960CN", "4", "RR913909961CN", "0"],
      ["LX824628199CN", "LX824698199CN", "0", "LX824628919CN", "4", "LX824628190CN", "9"],
      ["LX219935181CN", "LX209935181CN", "7", "LX219953181CN", "5", "LX219935182CN", "1"],
      ["LX378657977CN", "LX378654977CN", "5", "LX387657977CN", "5", "LX378657978CN", "7"],
    ],
  },
  {
    formatId: "s10",
    carrier: "Hong Kong Post",
    rows: [
      ["EA231948753HK", "EA231948743HK", "0", "EA231984753HK", "5", "EA231948754HK", "3"],
      ["EA118625279HK", "EA118625079HK", "5", "EA118622579HK", "8", "EA118625270HK", "9"],
      ["EA189555973HK", "EA189555913HK", "1", "EA189555793HK", "7", "EA189555974HK", "3"],
    ],
  },
  {
    formatId: "ups_1z",
    carrier: "UPS",
    rows: [
      ["1Z1471049746507521", "1Z1471049046507521", "5", "1Z1470149746507521", "2", "1Z1471049746507522", "1"],
      ["1Z4236671276842685", "1Z4236771276842685", "4", "1Z4236617276842685", "1", "1Z4236671276842686", "5"],
      ["1Z6321223307924400", "1Z6371223307924400", "5", "1Z6321223370924400", "7", "1Z6321223307924401", "0"],
      ["1ZA8B2C36502014625", "1ZA8B2C31502014625", "0", "1ZA8B2C36502016425", "7", "1ZA8B2C36502014626", "5"],
      ["1ZA8B2C38493407227", "1ZA8B2C38493807227", "3", "1ZA8B2C34893407227", "3", "1ZA8B2C38493407228", "7"],
      ["1ZA8B2C34558530438", "1ZA8B2C34558520438", "0", "1ZA8B2C35458530438", "9", "1ZA8B2C34558530439", "8"],
    ],
  },
  {
    formatId: "fedex_12",
    carrier: "FedEx",
    rows: [
      ["599528907862", "599528607862", "4", "599528097862", "6", "599528907863", "2"],
      ["774218096792", "774018096792", "7", "774218096972", "6", "774218096793", "2"],
      ["092815901393", "092815201393", "4", "092851901393", "1", "092815901394", "3"],
    ],
  },
  {
    formatId: "dhl_express",
    carrier: "DHL",
    rows: [
      ["5957117773", "5957117473", "1", "5597117773", "2", "5957117774", "3"],
      ["2154728030", "2154728060", "3", "2145728030", "4", "2154728031", "0"],
      ["8084148520", "8084138520", "1", "8084184520", "2", "8084148521", "0"],
      ["39336338753", "09336338753", "6", "39333638753", "0", "39336338754", "3"],
      ["35379907511", "37379907511", "5", "35397907511", "0", "35379907512", "1"],
    ],
  },
  {
    formatId: "usps_impb_n",
    carrier: "USPS",
    rows: [
      [
        "9400111334018780175982",
        "9400111334018780975982",
        "8",
        "9400111334108780175982",
        "0",
        "9400111334018780175983",
        "2",
      ],
      [
        "9400111478878384837265",
        "9400111468878384837265",
        "8",
        "9400111478878348837265",
        "3",
        "9400111478878384837266",
        "5",
      ],
      [
        "9400111513613412524272",
        "9400111513113412524272",
        "7",
        "9400111513613142524272",
        "6",
        "9400111513613412524273",
        "2",
      ],
    ],
  },
  {
    formatId: "usps_impb_c",
    carrier: "USPS",
    rows: [
      [
        "9261290723268656355153",
        "9261290523268656355153",
        "5",
        "9261290723268653655153",
        "7",
        "9261290723268656355154",
        "3",
      ],
      [
        "9261290770658948113116",
        "9261290770648948113116",
        "7",
        "9261290776058948113116",
        "8",
        "9261290770658948113117",
        "6",
      ],
      [
        "9261290426462889751403",
        "9261290426462889751203",
        "5",
        "9261290462462889751403",
        "5",
        "9261290426462889751404",
        "3",
      ],
    ],
  },
  {
    formatId: "usps_20",
    carrier: "USPS",
    rows: [
      ["71401419314170586491", "71401409314170586491", "4", "71401419341170586491", "7", "71401419314170586492", "1"],
      ["71347017468145384012", "71347717468145384012", "5", "71347107468145384012", "4", "71347017468145384013", "2"],
      ["71088387371678684338", "71088387371638684338", "0", "71088378371678684338", "0", "71088387371678684339", "8"],
    ],
  },
];

describe.each(CASES)("$formatId check digit ($carrier)", ({ formatId, carrier, rows }) => {
  it.each(rows)(
    "accepts %s and rejects its corrupted copies",
    (valid, substituted, substitutedNeeds, swapped, swappedNeeds, oneOff, check) => {
      const good = checkTrackingNumber(valid);
      expect(good).toMatchObject({
        formatId,
        carrier,
        checkDigit: "valid",
        valid: true,
        confidence: "high",
      });

      for (const [corrupted, needs] of [
        [substituted, substitutedNeeds],
        [swapped, swappedNeeds],
        [oneOff, check],
      ] as const) {
        const bad = checkTrackingNumber(corrupted);
        expect(bad).toMatchObject({
          formatId,
          checkDigit: "invalid",
          expectedCheckDigit: needs,
          valid: false,
          problem: "CHECK_DIGIT",
        });
        expect(bad.message).toContain(`check digit should be ${needs}`);
        expect(bad.messageZh).toContain(`校验位应为 ${needs}`);
      }
    },
  );
});

describe("published UPU S10 examples", () => {
  it.each(["EA152563251CN", "UG586285221CN", "LW505109082CN"])("%s is a valid China Post number", (number) => {
    expect(checkTrackingNumber(number)).toMatchObject({
      carrier: "China Post",
      carrierZh: "中国邮政",
      carrierId: "s10",
      format: "UPU S10",
      countryCode: "CN",
      checkDigit: "valid",
      valid: true,
      message: "UPU S10, China Post, check digit OK",
    });
  });

  it("RA157275288FI is a valid Finnish number", () => {
    expect(checkTrackingNumber("RA157275288FI")).toMatchObject({
      carrier: "Posti Ltd",
      countryCode: "FI",
      valid: true,
    });
  });

  it.each([
    ["RM131516216CN", "1"],
    ["EA152563254CN", "1"],
    ["EA152563242CN", "8"],
    ["EA152565241CN", "9"],
  ])("%s has the wrong check digit (should be %s)", (number, expected) => {
    expect(checkTrackingNumber(number)).toMatchObject({
      carrier: "China Post",
      checkDigit: "invalid",
      expectedCheckDigit: expected,
      problem: "CHECK_DIGIT",
      valid: false,
    });
  });

  it("a check digit that is a letter on a UPS 1Z number is reported, with the digit it should be", () => {
    expect(checkTrackingNumber("1Z5R8939035756712X")).toMatchObject({
      checkDigit: "invalid",
      expectedCheckDigit: "7",
      problem: "CHECK_DIGIT",
    });
  });
});

describe("numeric check digits are weak evidence", () => {
  // A one-in-ten chance: a mistyped all-digit number can pass another carrier's check digit. The result then names
  // that carrier, not the intended one; only the distinctive shapes (S10, 1Z, IMpb) are safe from this.
  it("a mistyped 12-digit FedEx number can pass as Purolator", () => {
    expect(checkTrackingNumber("167031372151")).toMatchObject({
      formatId: "purolator_12",
      valid: true,
    });
  });

  it("a mistyped USPS 20 number can pass as a USPS legacy number printed without its 91", () => {
    expect(checkTrackingNumber("71214023448347824507")).toMatchObject({
      carrierId: "usps",
      formatId: "usps_legacy_short",
      valid: true,
    });
  });
});
