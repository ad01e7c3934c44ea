import type { TrackingCheck } from "./types";

/**
 * Who issued a number, in the words of the rulebook's logistics table (`carries`): `post:CN` for a UPU S10 number
 * (the post of its country), else its format's carrier id; undefined when the format has no carrier.
 */
export function issuerOf(carrierId: string | undefined, countryCode: string | undefined): string | undefined {
  if (carrierId === undefined) return undefined;
  return carrierId === "s10" ? `post:${countryCode ?? ""}` : carrierId;
}

/** The issuer of a checked number: none for a placeholder or a number no format recognises. */
export function checkIssuer(check: TrackingCheck): string | undefined {
  if (check.formatId === undefined || check.placeholder) return undefined;
  return issuerOf(check.carrierId, check.countryCode);
}
