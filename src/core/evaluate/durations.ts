import type { Localized } from "../model";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Every span a seller reads (a finding's "late by", the pane's time left, the summary) is one precision: whole
 * minutes, in days, hours and minutes, parts that are zero left out: "11 d 5 h 18 min" / "11 天 5 小时 18 分钟".
 * Rounded to the nearest minute; under half a minute reads "under 1 min", never "0 min".
 */
export function formatDuration(ms: number): Localized {
  const minutes = Math.round(Math.abs(ms) / MINUTE);
  if (minutes === 0) return { en: "under 1 min", zh: "不到 1 分钟" };
  const days = Math.floor(minutes / (DAY / MINUTE));
  const hours = Math.floor((minutes % (DAY / MINUTE)) / (HOUR / MINUTE));
  const rest = minutes % (HOUR / MINUTE);
  const parts = [
    { count: days, en: "d", zh: "天" },
    { count: hours, en: "h", zh: "小时" },
    { count: rest, en: "min", zh: "分钟" },
  ].filter((part) => part.count > 0);
  return {
    en: parts.map((part) => `${part.count} ${part.en}`).join(" "),
    zh: parts.map((part) => `${part.count} ${part.zh}`).join(" "),
  };
}

/** Time to a deadline as a seller reads it: "5 h 18 min left" / "11 d 5 h 18 min late" (剩余… / 已超期…). */
export function formatTimeLeft(msLeft: number): Localized {
  const span = formatDuration(msLeft);
  return msLeft < 0
    ? { en: `${span.en} late`, zh: `已超期 ${span.zh}` }
    : { en: `${span.en} left`, zh: `剩余 ${span.zh}` };
}

export const HOURS = HOUR;
export const DAYS = DAY;
