import type { Lang, Localized } from "../core/model";

/**
 * The pane's sentences that carry values, as whole sentences per language with named placeholders ({points}), never
 * joined from fragments: word order differs between English and Chinese ("at 24 points, store frozen 14 days" /
 * "达到 24 分将店铺冻结 14 天"). One table, so a reviewer reads each sentence in both languages side by side.
 *
 * Chinese reviewed against the domain notes (/work/shared/domain/aliexpress-rules.md) and the rulebook's own names:
 * 发货期限 (shipping deadline), 备货期 (handling days), 上网 (first carrier scan), 成交不卖 / 虚假发货 (the rulebook's
 * violation names, which the values bring), 扣分 / 考核项 (points / penalty track), 自定义规则文件 (rulebook override).
 */
export const SENTENCES = {
  consequence: {
    en: "Likely consequence at {points} points: {reached} ({note}).",
    zh: "按 {points} 分计，可能的处罚：{reached}（{note}）。",
  },
  consequenceWithNext: {
    en: "Likely consequence at {points} points: {reached}; at {nextPoints} points: {next} ({note}).",
    zh: "按 {points} 分计，可能的处罚：{reached}；达到 {nextPoints} 分将{next}（{note}）。",
  },
  escalation: {
    en: "{points} more points for {name}: {cases} cases in {days} days.",
    zh: "{days} 天内 {cases} 例，按{name}另加 {points} 分。",
  },
  deadlineOneZone: {
    en: "Deadline {sheetTime} ({sheetZone})",
    zh: "发货期限 {sheetTime}（{sheetZone}）",
  },
  deadlineTwoZones: {
    en: "Deadline {sheetTime} ({sheetZone}), {yourTime} your time ({yourZone})",
    zh: "发货期限 {sheetTime}（{sheetZone}），即您的时间 {yourTime}（{yourZone}）",
  },
  overdueCount: { en: "{count} overdue", zh: "{count} 个已超期" },
  dueWithinCount: { en: "{count} due within {hours} h", zh: "{count} 个将在 {hours} 小时内到期" },
  errorAnnouncement: { en: "{title}. {action}", zh: "{title}。{action}" },
  rulebookRefused: { en: "{file} was not used. {reason}.", zh: "未使用 {file}。{reason}。" },
  rulebookUnreadable: { en: "{file} could not be read: {reason}", zh: "无法读取 {file}：{reason}" },
} satisfies Record<string, Localized>;

export type SentenceKey = keyof typeof SENTENCES;

/** The sentence `key` in `lang` with its placeholders filled; a placeholder without a value stays visible. */
export function sentence(key: SentenceKey, lang: Lang, values: Record<string, string | number>): string {
  const template = lang === "zh-CN" ? SENTENCES[key].zh : SENTENCES[key].en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}
