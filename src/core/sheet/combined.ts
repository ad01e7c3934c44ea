/**
 * The 2019 seller-centre export's 实际发货物流:运单号 cell: `YANWEN:UG123456785CN`,
 * `China Post Registered Air Mail:RR123456785CN`, full-width colon too, and one pair per package: on its own line,
 * or after a comma, semicolon or space (`YANWEN:UG…CN,CAINIAO:LP…`).
 */

/** Separators between packages; a space separates pairs too, but carrier names have spaces of their own. */
const PACKAGE_SEPARATOR = /[\r\n;；,，、]+/;
const COLON = /[:：]/;
const SPACE = /\s/;
/** A number before another pair runs to the next space (or colon, where a carrier's name holds one). */
const WORD_END = /[\s:：]/;
const DIGIT = /[0-9０-９]/;
/** A part without a colon is a tracking number when it looks like one: one word with at least this many digits. */
const MIN_TRACKING_DIGITS = 4;
const MIN_TRACKING_LENGTH = 8;

function looksLikeTrackingNumber(text: string): boolean {
  if (text.length < MIN_TRACKING_LENGTH || SPACE.test(text)) return false;
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

/**
 * The carrier:number pairs of one package part. The number after the last colon is the rest of the part, spaces and
 * all (`CPAM:lx 4837 2916 5cn`, typed from a label); a number before another pair runs to the next space
 * (`YANWEN:UG… CAINIAO:LP…`), and the text from there to the next colon is that pair's carrier. A word with no digit
 * before a further colon is part of the carrier's name (`Cainiao: Standard:LP…`), since tracking numbers have digits.
 */
function pairsOf(part: string, carriers: string[], numbers: string[]): void {
  let carrier = "";
  let rest = part;
  for (;;) {
    const colon = COLON.exec(rest);
    if (!colon) break;
    carrier += rest.slice(0, colon.index);
    const afterColon = rest.slice(colon.index + 1);
    const after = afterColon.trimStart();
    const end = after.search(WORD_END);
    const anotherPair = end >= 0 && COLON.test(after.slice(end));
    if (!anotherPair) {
      add(carriers, carrier.trim());
      add(numbers, after.trim());
      return;
    }
    const word = after.slice(0, end);
    rest = after.slice(end);
    if (!DIGIT.test(word)) {
      // A colon inside the carrier's name: keep the name as typed.
      carrier += colon[0] + afterColon.slice(0, afterColon.length - after.length) + word;
      continue;
    }
    add(carriers, carrier.trim());
    add(numbers, word);
    carrier = "";
  }
  const tail = (carrier + rest).trim();
  if (!tail) return;
  if (looksLikeTrackingNumber(tail)) add(numbers, tail);
  else add(carriers, tail);
}

function add(list: string[], item: string): void {
  if (item && !list.includes(item)) list.push(item);
}

/** Every package's carrier and number; carriers and numbers joined by ", " (each once). */
export function splitCarrierTracking(text: string): CarrierAndTracking {
  const carriers: string[] = [];
  const numbers: string[] = [];
  for (const rawPart of text.split(PACKAGE_SEPARATOR)) {
    const part = rawPart.trim();
    if (part) pairsOf(part, carriers, numbers);
  }
  const result: CarrierAndTracking = {};
  if (carriers.length) result.carrier = carriers.join(", ");
  if (numbers.length) result.trackingNumber = numbers.join(", ");
  return result;
}
