/**
 * CSV bytes to text. What sellers' files come in: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (Excel's
 * "Unicode text"), and GBK/GB18030 (what Excel on a Chinese Windows saves as "CSV"). Uses the global TextDecoder
 * (browsers and Node both have it; see text-decoder.d.ts).
 */

export interface DecodedText {
  text: string;
  /** WHATWG encoding name: "utf-8", "utf-16le", "utf-16be", "gb18030" (or the fallback used). */
  encoding: string;
  /** Whether the bytes began with a byte-order mark (it is not part of `text`). */
  bom: boolean;
  /**
   * Byte sequences of a UTF-8 file that are not UTF-8, each shown as U+FFFD in `text` (absent when there were none).
   * The rows that hold them are reported; the rest of the file is read as it is.
   */
  undecodable?: number;
}

/**
 * A file is read as UTF-8 despite some bytes that are not when its well-formed multi-byte sequences outnumber the
 * broken ones by this much. GBK text read as UTF-8 is mostly broken sequences (about one pair in ten forms a valid
 * one by chance), UTF-8 text with a damaged byte is almost all well formed.
 */
const UTF8_MAJORITY = 3;
/** How many leading bytes are looked at to spot UTF-16 written without a BOM. */
const UTF16_SNIFF_BYTES = 1024;
/** Share of zero bytes in one half of the byte pairs that marks UTF-16 text of mostly ASCII characters. */
const UTF16_ZERO_SHARE = 0.3;

function decoder(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined; // a runtime without that encoding
  }
}

function decodeWith(label: string, bytes: Uint8Array, bom: boolean): DecodedText {
  const textDecoder = decoder(label, false) ?? new TextDecoder("utf-8");
  return { text: textDecoder.decode(bytes), encoding: textDecoder.encoding, bom };
}

function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const length = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros / pairs >= UTF16_ZERO_SHARE && evenZeros === 0) return "utf-16le";
  if (evenZeros / pairs >= UTF16_ZERO_SHARE && oddZeros === 0) return "utf-16be";
  return undefined;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith("utf-8", bytes.subarray(3), true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return decodeWith("utf-16le", bytes.subarray(2), true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return decodeWith("utf-16be", bytes.subarray(2), true);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeWith(utf16, bytes, false);
  const strictUtf8 = decoder("utf-8", true);
  if (strictUtf8) {
    try {
      return { text: strictUtf8.decode(bytes), encoding: "utf-8", bom: false };
    } catch {
      // Not all UTF-8: the whole file decides between damaged UTF-8 and a Chinese Excel's GB18030.
    }
  }
  const evidence = utf8Evidence(bytes);
  if (evidence.broken === 0) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", bom: false };
  const mostlyUtf8 = evidence.wellFormed >= UTF8_MAJORITY * evidence.broken;
  // No valid UTF-8 either way: a Chinese Excel's CSV has pairs of high bytes, stray single ones are damage.
  if (mostlyUtf8 || (evidence.wellFormed === 0 && evidence.highPairs === 0)) {
    return {
      text: new TextDecoder("utf-8").decode(bytes),
      encoding: "utf-8",
      bom: false,
      undecodable: evidence.broken,
    };
  }
  for (const label of ["gb18030", "gbk"]) if (decoder(label, false)) return decodeWith(label, bytes, false);
  return decodeWith("windows-1252", bytes, false);
}

/**
 * Over the whole file: multi-byte UTF-8 sequences that are well formed, bytes that cannot start or continue one, and
 * pairs of bytes both at or above 0x81 (how GBK writes a Chinese character).
 */
function utf8Evidence(bytes: Uint8Array): { wellFormed: number; broken: number; highPairs: number } {
  let wellFormed = 0;
  let broken = 0;
  let highPairs = 0;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (i + 1 < n && lead >= 0x81 && bytes[i + 1] >= 0x81) highPairs++;
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let k = 1;
    while (k < length && i + k < n && (bytes[i + k] & 0xc0) === 0x80) k++;
    if (length > 0 && k === length) {
      wellFormed++;
      i += length;
    } else {
      broken++;
      i += Math.max(1, k);
    }
  }
  return { wellFormed, broken, highPairs };
}
