/**
 * The public test numbers of jkeen/tracking_number_data v2.0.0 (shared/vectors/tracking-numbers.json, beside the
 * repository). Every number labelled valid must be recognised as its own carrier and format (a placeholder such as
 * RB123456785GB still counts as recognised: carrier and format are set, only `valid` is false); no number labelled
 * invalid may pass as its own format (it may match another carrier's).
 */
import * as fs from "fs";
import * as path from "path";
import { checkTrackingNumber } from "../../../src/core/tracking";
import type { TrackingCheck } from "../../../src/core/tracking";

interface Vector {
  number: string;
  courier: string;
  valid: boolean;
  source: string;
}

const VECTORS_PATH = path.resolve(__dirname, "../../../../shared/vectors/tracking-numbers.json");

/** Upstream "Carrier / Format" → our carrier id and the format ids that stand for that format. */
const FORMATS: Record<string, { carrierId: string; formatIds: string[] }> = {
  "S10 International Standard / S10": { carrierId: "s10", formatIds: ["s10"] },
  "YunExpress / YunExpress": {
    carrierId: "yunexpress",
    formatIds: ["yunexpress"],
  },
  "DHL / DHL Express": { carrierId: "dhl", formatIds: ["dhl_express"] },
  "DHL / DHL Express (Piece ID)": {
    carrierId: "dhl",
    formatIds: ["dhl_express_piece_id"],
  },
  "DHL / DHL E-Commerce": { carrierId: "dhl", formatIds: ["dhl_ecommerce"] },
  "DHL / DHL E-Commerce (14)": {
    carrierId: "dhl",
    formatIds: ["dhl_ecommerce_14"],
  },
  "UPS / UPS": { carrierId: "ups", formatIds: ["ups_1z"] },
  "UPS / UPS Waybill": { carrierId: "ups", formatIds: ["ups_waybill"] },
  "FedEx / FedEx Express (12)": { carrierId: "fedex", formatIds: ["fedex_12"] },
  "FedEx / FedEx Express (34)": { carrierId: "fedex", formatIds: ["fedex_34"] },
  "FedEx / FedEx ASTRA (32)": {
    carrierId: "fedex",
    formatIds: ["fedex_astra_32"],
  },
  "FedEx / FedEx Ground": {
    carrierId: "fedex",
    formatIds: ["fedex_ground_15"],
  },
  "FedEx / FedEx Ground (SSCC-18)": {
    carrierId: "fedex",
    formatIds: ["fedex_sscc_18"],
  },
  "FedEx / FedEx Ground 96 (22)": {
    carrierId: "fedex",
    formatIds: ["fedex_ground_96"],
  },
  "FedEx / FedEx Ground GSN": {
    carrierId: "fedex",
    formatIds: ["fedex_gsn_34"],
  },
  "United States Postal Service / USPS 20": {
    carrierId: "usps",
    formatIds: ["usps_20"],
  },
  "United States Postal Service / USPS IMpb N": {
    carrierId: "usps",
    formatIds: ["usps_impb_n"],
  },
  "United States Postal Service / USPS IMpb C": {
    carrierId: "usps",
    formatIds: ["usps_impb_c"],
  },
  "United States Postal Service / USPS Legacy": {
    carrierId: "usps",
    formatIds: ["usps_legacy", "usps_legacy_short"],
  },
  "Amazon / Amazon Logistics": {
    carrierId: "amazon",
    formatIds: ["amazon_logistics"],
  },
  "Amazon / Amazon International": {
    carrierId: "amazon",
    formatIds: ["amazon_international"],
  },
  "Canada Post / Canada Post (16)": {
    carrierId: "canada_post",
    formatIds: ["canada_post_16"],
  },
  "DPD / DPD (28)": { carrierId: "dpd", formatIds: ["dpd_28"] },
  "DPD / DPD (14)": { carrierId: "dpd", formatIds: ["dpd_14"] },
  "OnTrac / OnTrac": { carrierId: "ontrac", formatIds: ["ontrac_c"] },
  "OnTrac / OnTrac D": { carrierId: "ontrac", formatIds: ["ontrac_d"] },
  "Purolator / Purolator (12)": {
    carrierId: "purolator",
    formatIds: ["purolator_12"],
  },
  "Purolator / Purolator (alpha + 9)": {
    carrierId: "purolator",
    formatIds: ["purolator_alpha"],
  },
  "Yodel / Yodel": { carrierId: "yodel", formatIds: ["yodel"] },
  "LaserShip / LaserShip LX": {
    carrierId: "lasership",
    formatIds: ["lasership_lx"],
  },
  "LaserShip / LaserShip 1LS7 (15)": {
    carrierId: "lasership",
    formatIds: ["lasership_1ls7_15"],
  },
  "LaserShip / LaserShip 1LS7 (18)": {
    carrierId: "lasership",
    formatIds: ["lasership_1ls7_18"],
  },
  "LaserShip / LaserShip 1LSCX (15)": {
    carrierId: "lasership",
    formatIds: ["lasership_1lscx"],
  },
  "Canpar / Canpar (22)": { carrierId: "canpar", formatIds: ["canpar_22"] },
  "GOFO Express / GOFO Express (US)": {
    carrierId: "gofo",
    formatIds: ["gofo_us"],
  },
  "Landmark Global LTN / Landmark Global LTN": {
    carrierId: "landmark",
    formatIds: ["landmark_ltn"],
  },
  "Old Dominion Freight Line / Old Dominion": {
    carrierId: "old_dominion",
    formatIds: ["old_dominion"],
  },
  "Old Dominion Freight Line / Old Dominion Guaranteed Shipment": {
    carrierId: "old_dominion",
    formatIds: ["old_dominion_guaranteed"],
  },
  "Spee-Dee Delivery / Spee-Dee (20)": {
    carrierId: "speedee",
    formatIds: ["speedee_20"],
  },
};

/**
 * Valid vectors we knowingly read as another carrier. Both are 12-digit Purolator numbers whose digits also pass the
 * FedEx Express (12) check digit; with two passing readings we name FedEx, far more common in AliExpress shipping.
 */
const EXCLUDED_VALID: Record<string, string> = {
  "287809468872": "also a valid FedEx Express (12) number; FedEx is preferred",
  "320610804900": "also a valid FedEx Express (12) number; FedEx is preferred",
};

/** Accepted as this format: it matched, and neither its check digit nor its country code failed. */
function acceptedAs(check: TrackingCheck, formatIds: string[]): boolean {
  return (
    check.formatId !== undefined &&
    formatIds.includes(check.formatId) &&
    check.checkDigit !== "invalid" &&
    check.problem !== "BAD_COUNTRY"
  );
}

const vectors: Vector[] | undefined = fs.existsSync(VECTORS_PATH)
  ? (JSON.parse(fs.readFileSync(VECTORS_PATH, "utf8")) as Vector[])
  : undefined;

if (vectors === undefined) {
  console.warn(`Skipping the public tracking-number vectors: ${VECTORS_PATH} is absent.`);
  describe.skip(`public tracking-number vectors (skipped: ${VECTORS_PATH} is absent)`, () => {
    it("needs the vectors file", () => undefined);
  });
} else {
  const all = vectors;
  describe("public tracking-number vectors (jkeen/tracking_number_data v2.0.0)", () => {
    it("covers every upstream format", () => {
      const unmapped = [...new Set(all.map((v) => v.courier))].filter((courier) => FORMATS[courier] === undefined);
      expect(unmapped).toEqual([]);
    });

    const valid = all.filter((v) => v.valid && EXCLUDED_VALID[v.number] === undefined);
    it.each(valid.map((v) => [v.courier, v.number] as const))("%s: %j is recognised", (courier, number) => {
      const expected = FORMATS[courier];
      const check = checkTrackingNumber(number);
      expect(check.carrierId).toBe(expected.carrierId);
      expect(acceptedAs(check, expected.formatIds)).toBe(true);
    });

    const invalid = all.filter((v) => !v.valid);
    it.each(invalid.map((v) => [v.courier, v.number] as const))(
      "%s: %j does not pass as that format",
      (courier, number) => {
        const check = checkTrackingNumber(number);
        expect(acceptedAs(check, FORMATS[courier].formatIds)).toBe(false);
      },
    );

    it("excludes only the documented valid vectors, and they are read as FedEx", () => {
      const excluded = all.filter((v) => v.valid && EXCLUDED_VALID[v.number] !== undefined);
      expect(excluded.map((v) => v.number).sort()).toEqual(Object.keys(EXCLUDED_VALID).sort());
      for (const v of excluded)
        expect(checkTrackingNumber(v.number)).toMatchObject({
          carrierId: "fedex",
          valid: true,
        });
    });
  });
}
