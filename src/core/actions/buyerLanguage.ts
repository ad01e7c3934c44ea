import { normalizeWord } from "../rulebook/statuses";

/** The languages AE Guard has reviewed message drafts in (templates/<language>.json). */
export const MESSAGE_LANGUAGES = ["en", "ru", "es", "fr", "pt-BR", "pl", "ko", "de", "zh-CN"] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * Buyer country (ISO code, English or Chinese name as exports write it) → the language of its drafts. Countries
 * whose language has no reviewed template get English, as do unknown ones.
 */
const COUNTRY_LANGUAGE: ReadonlyArray<[MessageLanguage, string[]]> = [
  [
    "ru",
    ["RU", "Russia", "Russian Federation", "俄罗斯", "BY", "Belarus", "白俄罗斯", "KZ", "Kazakhstan", "哈萨克斯坦"],
  ],
  [
    "es",
    [
      "ES",
      "Spain",
      "西班牙",
      "MX",
      "Mexico",
      "墨西哥",
      "CL",
      "Chile",
      "智利",
      "AR",
      "Argentina",
      "阿根廷",
      "CO",
      "Colombia",
      "哥伦比亚",
      "PE",
      "Peru",
      "秘鲁",
      "UY",
      "Uruguay",
      "乌拉圭",
    ],
  ],
  ["fr", ["FR", "France", "法国", "BE", "Belgium", "比利时"]],
  ["pt-BR", ["BR", "Brazil", "Brasil", "巴西", "PT", "Portugal", "葡萄牙"]],
  ["pl", ["PL", "Poland", "波兰"]],
  ["ko", ["KR", "Korea", "South Korea", "Republic of Korea", "韩国"]],
  ["de", ["DE", "Germany", "德国", "AT", "Austria", "奥地利"]],
  ["zh-CN", ["CN", "China", "中国"]],
];

const byCountry = new Map<string, MessageLanguage>();
for (const [language, countries] of COUNTRY_LANGUAGE) {
  for (const country of countries) byCountry.set(normalizeWord(country), language);
}

/** The draft language for a buyer country; English when the country is missing or has no reviewed template. */
export function buyerLanguage(country: string | undefined): MessageLanguage {
  if (country === undefined) return "en";
  return byCountry.get(normalizeWord(country)) ?? "en";
}
