import { checkTrackingCell, type TrackingCheck } from "../../core/tracking";
import type { Lang } from "../../core/model";
import type { ResolvedFunctionSettings } from "../settings";
import { notAvailable, type FunctionErrorValue } from "./errors";
import { cellAt, spill, toArg } from "./matrix";
import { cellReader, readTrackingText } from "./inputs";
import { say } from "./language";

function carrierLabel(check: TrackingCheck, lang: Lang): string | undefined {
  if (!check.carrier || check.placeholder) return undefined;
  const carrier = lang === "zh-CN" ? (check.carrierZh ?? check.carrier) : check.carrier;
  return check.format ? `${carrier} — ${check.format}` : carrier;
}

function noCarrier(checks: readonly TrackingCheck[], lang: Lang): FunctionErrorValue {
  const first = checks[0];
  const why = first ? say(lang, first.message, first.messageZh) : say(lang, "no tracking number", "没有运单号");
  return notAvailable(say(lang, `No known carrier: ${why}`, `无法识别物流商：${why}`));
}

/**
 * AE.TRACKINGCARRIER: "China Post — UPU S10" for the carrier and format a tracking number matches; several numbers in
 * one cell give each (separated by "; "); #N/A when none is recognised. A placeholder ("N/A", "000000") has no carrier.
 */
export function trackingCarrierResults(number: unknown, settings: ResolvedFunctionSettings): unknown[][] {
  const arg = toArg(number);
  const reader = cellReader(settings);
  const lang = settings.lang;
  return spill([arg], lang, (r, c) => {
    const text = readTrackingText(cellAt(arg, r, c), "number", reader);
    if (text === undefined) return "";
    if (typeof text !== "string") return text;
    const checks = checkTrackingCell(text);
    const labels: string[] = [];
    for (const check of checks) {
      const label = carrierLabel(check, lang);
      if (label && !labels.includes(label)) labels.push(label);
    }
    return labels.length > 0 ? labels.join("; ") : noCarrier(checks, lang);
  });
}

/**
 * AE.TRACKINGVALID: TRUE when every number in the cell matches a known format, passes its check digit and is not a
 * placeholder — the same test behind the scan's INVALID_TRACKING. Blank cells give blank results.
 */
export function trackingValidResults(number: unknown, settings: ResolvedFunctionSettings): unknown[][] {
  const arg = toArg(number);
  const reader = cellReader(settings);
  return spill([arg], settings.lang, (r, c) => {
    const text = readTrackingText(cellAt(arg, r, c), "number", reader);
    if (text === undefined) return "";
    if (typeof text !== "string") return text;
    const checks = checkTrackingCell(text);
    return checks.length > 0 && checks.every((check) => check.valid);
  });
}
