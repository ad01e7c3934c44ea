import { formatDuration, formatTimeLeft } from "../../../src/core/evaluate/durations";
import { formatMinute } from "../../../src/core/dates/zone";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("spans and deadlines as a seller reads them: one precision, the minute", () => {
  it("reads days, hours and minutes in words, parts that are zero left out, in English and Chinese", () => {
    expect(formatDuration(11 * DAY + 5 * HOUR + 18 * MINUTE)).toEqual({
      en: "11 d 5 h 18 min",
      zh: "11 天 5 小时 18 分钟",
    });
    expect(formatDuration(1.5 * DAY)).toEqual({ en: "1 d 12 h", zh: "1 天 12 小时" });
    expect(formatDuration(45 * MINUTE)).toEqual({ en: "45 min", zh: "45 分钟" });
    expect(formatDuration(3 * DAY + 7 * MINUTE)).toEqual({ en: "3 d 7 min", zh: "3 天 7 分钟" });
  });

  it("rounds to the nearest minute and never says 0 min", () => {
    expect(formatDuration(269.3 * HOUR).en).toBe("11 d 5 h 18 min"); // the pane's old "269.3 h late"
    expect(formatDuration(59 * MINUTE + 31_000).en).toBe("1 h");
    expect(formatDuration(20_000)).toEqual({ en: "under 1 min", zh: "不到 1 分钟" });
  });

  it("says left or late by the sign", () => {
    expect(formatTimeLeft(-(269.3 * HOUR))).toEqual({ en: "11 d 5 h 18 min late", zh: "已超期 11 天 5 小时 18 分钟" });
    expect(formatTimeLeft(5 * HOUR + 18 * MINUTE)).toEqual({ en: "5 h 18 min left", zh: "剩余 5 小时 18 分钟" });
  });

  it("shows a deadline to the minute in the zone asked, without seconds", () => {
    const instant = Date.UTC(2025, 5, 8, 17, 0, 42);
    expect(formatMinute(instant, "America/Los_Angeles")).toBe("2025-06-08 10:00");
    expect(formatMinute(instant, "Asia/Shanghai")).toBe("2025-06-09 01:00");
  });
});
