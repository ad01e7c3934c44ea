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
}

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
      // not UTF-8: a Chinese Excel's CSV
    }
  }
  for (const label of ["gb18030", "gbk"]) if (decoder(label, false)) return decodeWith(label, bytes, false);
  return decodeWith("windows-1252", bytes, false);
}
