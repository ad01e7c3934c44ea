/**
 * The scan judges tracking cells with `judgeTrackingCell` / `judgeTrackingNumber`, which skip building a
 * TrackingCheck; AE.TRACKINGVALID, AE.TRACKINGCARRIER and finding messages use `checkTrackingCell` /
 * `checkTrackingNumber`. A seller must get the same verdict from both, so they are compared here on the project's
 * own numbers, on the shared public vectors when present, and on random cells.
 */
import * as fs from "fs";
import * as path from "path";
import * as fc from "fast-check";
import {
  checkTrackingCell,
  checkTrackingNumber,
  judgeTrackingCell,
  judgeTrackingNumber,
  newTrackingCellVerdict,
  type TrackingVerdict,
} from "../../../src/core/tracking";
import { s10Check } from "../../../src/core/tracking/checksums";
import { checkIssuer } from "../../../src/core/tracking/issuer";

function verdictOf(text: string): TrackingVerdict {
  return judgeTrackingNumber(text);
}

function expectSameNumberVerdict(text: string): void {
  const check = checkTrackingNumber(text);
  expect({ text, ...verdictOf(text) }).toEqual({
    text,
    normalized: check.normalized,
    valid: check.valid,
    placeholder: check.placeholder,
    carrier: check.carrier,
    issuer: checkIssuer(check),
  });
}

function expectSameCellVerdict(cell: string): void {
  const checks = checkTrackingCell(cell);
  const verdict = judgeTrackingCell(cell, newTrackingCellVerdict());
  expect({
    cell,
    valid: verdict.valid,
    carrier: verdict.carrier,
    numbers: verdict.numbers.slice(0, verdict.count),
    issuers: verdict.issuers.slice(0, verdict.count),
  }).toEqual({
    cell,
    valid: checks.every((check) => check.valid),
    carrier: checks.find((check) => check.carrier)?.carrier,
    numbers: checks.filter((check) => !check.placeholder && check.normalized).map((check) => check.normalized),
    issuers: checks.filter((check) => !check.placeholder && check.normalized).map(checkIssuer),
  });
}

const s10 = (body: string, country: string): string => body + String.fromCharCode(s10Check(body, 2, 10)) + country;

/** One of each kind a sheet holds: valid, wrong check digit, unknown country, placeholder, demo, garbage, blank. */
const OWN_NUMBERS = [
  s10("LX12345678", "CN"),
  s10("RB98765432", "SG"),
  s10("LX20431765", "CN"),
  "LX123456780CN", // wrong check digit (unless it happens to be right, which the comparison does not care about)
  s10("LX12345678", "QQ"), // no such country
  "RR123456785CN", // a documentation demo number
  "LP00724622449605",
  "1Z999AA10123456784",
  "00000000000",
  "1111111111",
  "1234567890",
  "N/A",
  "无",
  "-",
  "",
  "   ",
  "hello",
  "1.23E+21",
  "ea152563251cn",
  "ＬＰ００７２４６２２４４９６０５",
];

describe("judgeTrackingNumber gives the verdict of checkTrackingNumber", () => {
  it.each(OWN_NUMBERS.map((n) => [n]))("%j", (text) => expectSameNumberVerdict(text));

  it("on random text near the shapes sellers paste", () => {
    const alphabet = fc.constantFrom(..."0123456789ABCDEFLPRXYZ -_ｌｐ１２\n".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => expectSameNumberVerdict(chars.join(""))),
      { numRuns: 2000 },
    );
  });

  it("on S10-shaped numbers with a passing check digit, which the scan reads on a path of its own", () => {
    const letter = fc.constantFrom(..."ABCDELNRSUVXZ".split(""));
    const digits = fc.oneof(
      fc.stringMatching(/^\d{8}$/),
      fc.constantFrom("00000000", "12345678", "77777777", "98765432"), // placeholder serials
    );
    const country = fc.constantFrom("CN", "GB", "US", "SG", "YP", "QQ", "ZZ");
    fc.assert(
      fc.property(letter, letter, digits, country, (a, b, serial, code) => {
        const number = s10(`${a}${b}${serial}`, code);
        expectSameNumberVerdict(number);
        expectSameCellVerdict(number);
      }),
      { numRuns: 3000 },
    );
  });

  it("on near misses of S10 numbers: a wrong check digit, a letter among the digits, a digit among the letters", () => {
    const serial = fc.stringMatching(/^\d{8}$/);
    const change = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(..."0123456789ACLNRX".split("")));
    fc.assert(
      fc.property(serial, fc.array(change, { minLength: 1, maxLength: 2 }), (digits, changes) => {
        const chars = s10(`LX${digits}`, "CN").split("");
        for (const [at, character] of changes) chars[at] = character;
        const text = chars.join("");
        expectSameNumberVerdict(text);
        expectSameCellVerdict(text);
      }),
      { numRuns: 3000 },
    );
  });

  const vectorsPath = path.resolve(__dirname, "../../../../shared/vectors/tracking-numbers.json");
  const sharedVectors: Array<{ number: string }> = fs.existsSync(vectorsPath)
    ? (JSON.parse(fs.readFileSync(vectorsPath, "utf8")) as Array<{ number: string }>)
    : [];
  (sharedVectors.length > 0 ? it : it.skip)("on every shared public vector", () => {
    for (const vector of sharedVectors) expectSameNumberVerdict(vector.number);
  });
});

describe("judgeTrackingCell gives the verdict of checkTrackingCell", () => {
  const cells = [
    ...OWN_NUMBERS,
    `${s10("LX12345678", "CN")}, LX123456780CN`,
    `N/A, ${s10("LX12345678", "CN")}`,
    `${s10("LX12345678", "CN")}\n${s10("LX20431766", "CN")}`,
    "LP 0072 4622 4496 05",
    `${s10("LX12345678", "CN")} ${s10("LX20431766", "CN")}`,
    "0, 0",
  ];
  it.each(cells.map((c) => [c]))("%j", (cell) => expectSameCellVerdict(cell));

  it("on random cells with separators", () => {
    const piece = fc.constantFrom(
      s10("LX12345678", "CN"),
      "LX123456780CN",
      "N/A",
      "无",
      "-",
      "LP00724622449605",
      "",
      " ",
    );
    const separator = fc.constantFrom(", ", "\n", "; ", " / ", " ", "、");
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { maxLength: 4 }), (parts) =>
        expectSameCellVerdict(parts.map(([p, s]) => p + s).join("")),
      ),
      { numRuns: 1000 },
    );
  });

  it("reuses the verdict without keeping the previous cell's numbers", () => {
    const verdict = newTrackingCellVerdict();
    judgeTrackingCell(`${s10("LX20431765", "CN")}, ${s10("LX20431766", "CN")}`, verdict);
    expect(verdict.count).toBe(2);
    judgeTrackingCell("N/A", verdict);
    expect(verdict.count).toBe(0);
    expect(verdict.valid).toBe(false);
  });
});
