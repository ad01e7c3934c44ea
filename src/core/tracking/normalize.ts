/**
 * Normalisation: what a person would consider "the same number". Upper case, half-width, and without the
 * spaces, line breaks, hyphens/dashes, quotes and underscores people type or paste around and inside numbers.
 */

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

/** Characters dropped by normalisation (after full-width folding). */
function isDropped(c: number): boolean {
  if (c <= 32) return true; // controls, tab, line breaks, space
  switch (c) {
    case 34: // "
    case 39: // '
    case 45: // -
    case 95: // _
    case 96: // `
    case 0xad: // soft hyphen
    case 0x1680:
    case 0x2212: // minus sign
    case 0x3000: // ideographic space
    case 0x30fc: // "ー", typed for a dash by Japanese/Chinese IMEs
    case 0xfe58:
    case 0xfe63:
    case 0xfeff: // byte-order mark / zero-width no-break space
      return true;
  }
  return (
    (c >= 0x7f && c <= 0xa0) || // DEL, C1 controls, no-break space
    (c >= 0x2000 && c <= 0x201f) || // spaces, zero-width marks, dashes, quotes
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x2064)
  );
}

const BUFFER_SIZE = 256;
const buffer = new Uint16Array(BUFFER_SIZE);

/**
 * The number in canonical form. Equal for "lp 0012-3456 789012", "LP00123456789012" and "ＬＰ００１２３４５６７８９０１２".
 * Nothing else is changed: letters, digits and other characters stay in order.
 */
export function normalizeTrackingNumber(raw: string): string {
  const n = raw.length;
  let i = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) break;
  }
  if (i === n) return raw; // already canonical: the common case costs no allocation
  if (n > BUFFER_SIZE) return normalizeLong(raw);
  let length = 0;
  let nonAscii = false;
  for (let j = 0; j < n; j++) {
    let c = raw.charCodeAt(j);
    if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) c -= FULLWIDTH_OFFSET;
    if (isDropped(c)) continue;
    if (c >= 97 && c <= 122) c -= 32;
    else if (c > 127) nonAscii = true;
    buffer[length++] = c;
  }
  const out = String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
  return nonAscii ? out.toUpperCase() : out;
}

function normalizeLong(raw: string): string {
  let out = "";
  for (let j = 0; j < raw.length; j++) {
    let c = raw.charCodeAt(j);
    if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) c -= FULLWIDTH_OFFSET;
    if (isDropped(c)) continue;
    out += String.fromCharCode(c);
  }
  return out.toUpperCase();
}
