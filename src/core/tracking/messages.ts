/** The English and Simplified Chinese sentences a TrackingCheck carries. */
import type { SerialPattern } from "./placeholders";

export interface Sentence {
  en: string;
  zh: string;
}

/** "UPU S10, China Post" — or just "UPS 1Z" when the format's name already says the carrier. */
function named(format: string, carrier: string, separator: string): string {
  return format.startsWith(carrier) ? format : `${format}${separator}${carrier}`;
}

export function validWithCheckDigit(format: string, formatZh: string, carrier: string, carrierZh: string): Sentence {
  return {
    en: `${named(format, carrier, ", ")}, check digit OK`,
    zh: `${named(formatZh, carrierZh, "，")}，校验位正确`,
  };
}

export function validShapeOnly(format: string, formatZh: string, carrier: string, carrierZh: string): Sentence {
  return {
    en: `${named(format, carrier, ", ")}, no check digit (shape only)`,
    zh: `${named(formatZh, carrierZh, "，")}，无校验位（仅格式匹配）`,
  };
}

export function wrongCheckDigit(
  format: string,
  formatZh: string,
  carrier: string,
  carrierZh: string,
  expected: string,
  actual: string,
): Sentence {
  return {
    en: `${format} (${carrier}): check digit should be ${expected}, not ${actual}`,
    zh: `${formatZh}（${carrierZh}）：校验位应为 ${expected}，而不是 ${actual}`,
  };
}

export function badCountry(code: string, expected: string | undefined, actual: string): Sentence {
  const digitEn = expected === undefined ? "" : `; its check digit should also be ${expected}, not ${actual}`;
  const digitZh = expected === undefined ? "" : `；校验位也应为 ${expected}，而不是 ${actual}`;
  return {
    en: `UPU S10 shape, but ${code} is not a UPU member country code${digitEn}`,
    zh: `符合 UPU S10 格式，但 ${code} 不是万国邮联成员国代码${digitZh}`,
  };
}

export const PLACEHOLDER_WORD: Sentence = {
  en: "placeholder, not a tracking number",
  zh: "占位内容，不是运单号",
};

export const EMPTY: Sentence = { en: "no tracking number", zh: "没有运单号" };

export const UNKNOWN_FORMAT: Sentence = {
  en: "matches no known carrier format",
  zh: "不符合任何已知承运商的单号格式",
};

export const SCIENTIFIC_NOTATION: Sentence = {
  en: "matches no known carrier format: Excel turned this number into scientific notation and lost digits; format the column as Text and enter it again",
  zh: "不符合任何已知承运商的单号格式：Excel 已把该单号转成科学计数法并丢失了数字，请将该列设为文本格式后重新录入",
};

const PATTERN_EN: Record<SerialPattern | "demo", string> = {
  demo: "a well-known demo number",
  zeros: "its serial is all zeros",
  repeated: "its serial repeats one character",
  sequence: "its serial is a run like 12345678",
};

const PATTERN_ZH: Record<SerialPattern | "demo", string> = {
  demo: "这是广为流传的示例单号",
  zeros: "序号全是 0",
  repeated: "序号由同一个字符重复组成",
  sequence: "序号是 12345678 这样的连号",
};

/** "placeholder number" with the reason, and the format it imitates when one matched. */
export function placeholderNumber(reason: SerialPattern | "demo", format?: string, formatZh?: string): Sentence {
  const asEn = format === undefined ? "" : ` (shaped like ${format})`;
  const asZh = formatZh === undefined ? "" : `（形似${formatZh}）`;
  return {
    en: `placeholder number: ${PATTERN_EN[reason]}${asEn}`,
    zh: `占位单号：${PATTERN_ZH[reason]}${asZh}`,
  };
}
