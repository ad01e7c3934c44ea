import type { Lang, Localized } from "../../core/model";

/** The text in the formulas' language. */
export const say = (lang: Lang, en: string, zh: string): string => (lang === "zh-CN" ? zh : en);

export const pick = (lang: Lang, text: Localized): string => (lang === "zh-CN" ? text.zh : text.en);
