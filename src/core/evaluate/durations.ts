import type { Localized } from "../model";

const HOUR = 3_600_000;
const DAY = 86_400_000;

const oneDecimal = (n: number): string => (Math.round(n * 10) / 10).toString();

/** "1.5 days" / "5.2 hours": days from one day up, hours below, so "late by 3 hours" is not shown as "0.1 days". */
export function formatDuration(ms: number): Localized {
  const abs = Math.abs(ms);
  if (abs >= DAY) {
    const days = oneDecimal(abs / DAY);
    return { en: `${days} ${days === "1" ? "day" : "days"}`, zh: `${days} 天` };
  }
  const hours = oneDecimal(abs / HOUR);
  return { en: `${hours} ${hours === "1" ? "hour" : "hours"}`, zh: `${hours} 小时` };
}

export const HOURS = HOUR;
export const DAYS = DAY;
