/**
 * The 2019 seller-centre export's 实际发货物流:运单号 cell: `YANWEN:UG123456785CN`,
 * `China Post Registered Air Mail:RR123456785CN`, full-width colon too, and one line (or `;`) per package.
 */

const PACKAGE_SEPARATOR = /[\r\n;；]+/;
/** A part without a colon is a tracking number when it looks like one: one word with at least this many digits. */
const MIN_TRACKING_DIGITS = 4;
const MIN_TRACKING_LENGTH = 8;

function looksLikeTrackingNumber(text: string): boolean {
  if (text.length < MIN_TRACKING_LENGTH || /\s/.test(text)) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) digits++;
  }
  return digits >= MIN_TRACKING_DIGITS;
}

export interface CarrierAndTracking {
  carrier?: string;
  trackingNumber?: string;
}

/** Splits at the last colon of each package (tracking numbers have none); carriers and numbers joined by ", ". */
export function splitCarrierTracking(text: string): CarrierAndTracking {
  const carriers: string[] = [];
  const numbers: string[] = [];
  for (const rawPart of text.split(PACKAGE_SEPARATOR)) {
    const part = rawPart.trim();
    if (!part) continue;
    const colon = Math.max(part.lastIndexOf(":"), part.lastIndexOf("："));
    let carrier = "";
    let trackingNumber = "";
    if (colon >= 0) {
      carrier = part.slice(0, colon).trim();
      trackingNumber = part.slice(colon + 1).trim();
    } else if (looksLikeTrackingNumber(part)) trackingNumber = part;
    else carrier = part;
    if (carrier && !carriers.includes(carrier)) carriers.push(carrier);
    if (trackingNumber && !numbers.includes(trackingNumber)) numbers.push(trackingNumber);
  }
  const result: CarrierAndTracking = {};
  if (carriers.length) result.carrier = carriers.join(", ");
  if (numbers.length) result.trackingNumber = numbers.join(", ");
  return result;
}
