import { isUnreadableCell, type Lang, type Localized } from "../core/model";
import type { ScanResult, SummaryModel } from "../core/report/types";
import { formatInstant } from "../core/dates/zone";
import { formatTimeLeft } from "../core/evaluate/durations";
import type { ScanActions, ShipNowBand } from "../core/actions";

/** How many ship-now orders the terminal lists (the JSON report has them all). */
const SHIP_NOW_SHOWN = 10;

const TOP_ORDERS = 10;

/** How many orders the appeal-evidence section lists (the JSON report has every one, with its checklist). */
const APPEALS_SHOWN = 3;

const TEXT = {
  scanned: { en: "Scanned", zh: "已扫描" },
  sheet: { en: "sheet", zh: "工作表" },
  headerRow: { en: "header row", zh: "表头行" },
  asOf: { en: "as of", zh: "截至" },
  orders: { en: "orders", zh: "个订单" },
  flagged: { en: "flagged", zh: "个有问题" },
  points: { en: "penalty points", zh: "扣分" },
  track: { en: "Points by track", zh: "各考核项扣分" },
  top: { en: "Top flagged orders", zh: "主要问题订单" },
  more: {
    en: "more: use --out for the highlighted workbook or --json for every finding",
    zh: "更多：用 --out 生成标记后的工作簿，或用 --json 查看全部",
  },
  shipNow: { en: "Ship now", zh: "立即发货" },
  nothingToShip: { en: "Nothing waits to be shipped.", zh: "没有待发货的订单。" },
  hoursLeft: { en: "Time left", zh: "剩余时间" },
  deadlineSheet: { en: "Deadline (sheet)", zh: "期限（表格时区）" },
  deadlineYours: { en: "Deadline (yours)", zh: "期限（您的时区）" },
  orderId: { en: "Order ID", zh: "订单号" },
  appeal: {
    en: "Appeal evidence: {n} orders with a false-shipment finding",
    zh: "申诉材料：{n} 个订单有虚假发货问题",
  },
  codes: { en: "Codes", zh: "问题" },
  tracking: { en: "Tracking number (carrier)", zh: "运单号（所属物流商）" },
  shipped: { en: "Shipped", zh: "发货时间" },
  firstScan: { en: "First scan", zh: "首次扫描" },
  attach: { en: "Attach: ", zh: "需附上：" },
  appealMore: {
    en: "(every order's record and checklist: --json (actions.appealEvidence))",
    zh: "（每个订单的记录和材料清单：见 --json 的 actions.appealEvidence）",
  },
  row: { en: "Row", zh: "行" },
  moreToShip: { en: "more to ship (--json lists them all)", zh: "个待发货（--json 列出全部）" },
  warehouse: { en: "shipped by the platform warehouse, not judged", zh: "个半托管仓发订单（不检查）" },
  unreadable: { en: "unreadable cells (listed with --json)", zh: "个无法读取的单元格（用 --json 查看）" },
} satisfies Record<string, Localized>;

/** Terminal columns a character takes: 2 for East Asian wide and full-width forms. */
function charWidth(code: number): number {
  if (code < 0x1100) return 1;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) as number);
  return width;
}

function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const char of text) {
    const w = charWidth(char.codePointAt(0) as number);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return out + "…";
}

const padEnd = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number): string => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

/** A plain-text table; `align` "r" right-aligns a column. Columns with a maximum are cut with "…". */
function table(headers: string[], rows: string[][], align: Array<"l" | "r">, maxWidths: number[] = []): string[] {
  const widths = headers.map((header, c) =>
    Math.min(
      maxWidths[c] ?? Infinity,
      Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[c] ?? ""))),
    ),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => {
        const text = fit(cell, widths[c] as number);
        return align[c] === "r" ? padStart(text, widths[c] as number) : padEnd(text, widths[c] as number);
      })
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)];
}

/** The human summary printed when neither --json nor only files are asked for. */
export function renderSummaryText(result: ScanResult, summary: SummaryModel, lang: Lang, terminalWidth = 100): string {
  const t = (text: Localized): string => (lang === "zh-CN" ? text.zh : text.en);
  const lines: string[] = [];
  const file = result.source.file ? `${result.source.file}, ` : "";
  lines.push(
    `${t(TEXT.scanned)} ${file}${t(TEXT.sheet)} "${result.source.sheet}" (${t(TEXT.headerRow)} ${result.source.headerRow}), ` +
      `${t(TEXT.asOf)} ${formatInstant(result.asOf, result.timeZone)} ${result.timeZone}`,
  );
  lines.push(
    `${result.totals.orders} ${t(TEXT.orders)}, ${result.totals.flaggedOrders} ${t(TEXT.flagged)}, ` +
      `${result.assessment.totalPoints} ${t(TEXT.points)}` +
      (result.totals.warehouseOrders > 0 ? `, ${result.totals.warehouseOrders} ${t(TEXT.warehouse)}` : ""),
  );
  lines.push(`${summary.headings.consequence}: ${t(result.assessment.consequence.description)}`);
  lines.push("");
  if (summary.byCode.length === 0) {
    lines.push(summary.headings.none);
  } else {
    lines.push(
      ...table(
        [summary.headings.code, summary.headings.violation, summary.headings.orders, summary.headings.points],
        summary.byCode.map((entry) => [
          entry.code,
          entry.label.replace(` (${entry.code})`, ""),
          String(entry.orders),
          String(entry.points),
        ]),
        ["l", "l", "r", "r"],
      ),
    );
    if (summary.pointsByTrack.length > 0) {
      lines.push("");
      lines.push(
        `${t(TEXT.track)}: ${summary.pointsByTrack.map((track) => `${track.label} ${track.points}`).join(", ")}`,
      );
    }
    lines.push("");
    lines.push(`${t(TEXT.top)}:`);
    const top = [...summary.flagged.rows].sort((a, b) => b.points - a.points || a.row - b.row).slice(0, TOP_ORDERS);
    const messageWidth = Math.max(20, terminalWidth - 6 - 18 - 30 - 6 - 8);
    lines.push(
      ...table(
        summary.flagged.headers.map((header, i) => (i === 3 ? summary.headings.points : header)),
        top.map((row) => [String(row.row), row.orderId, row.codes, String(row.points), row.message]),
        ["r", "l", "l", "r", "l"],
        [6, 20, 30, 6, messageWidth],
      ),
    );
    const rest = summary.flagged.rows.length - top.length;
    if (rest > 0) lines.push(`(+${rest} ${t(TEXT.more)})`);
  }
  const unreadable = result.diagnostics.filter(isUnreadableCell).length;
  if (unreadable > 0) lines.push("", `${unreadable} ${t(TEXT.unreadable)}`);
  if (summary.notes.length > 0) {
    lines.push("", `${summary.headings.notes}:`, ...summary.notes.map((note) => `- ${note}`));
  }
  return lines.join("\n") + "\n";
}

const BAND_NAMES: Record<ShipNowBand, { en: string; zh: string }> = {
  overdue: { en: "overdue", zh: "已超期" },
  urgent: { en: "due within {h} h", zh: "{h} 小时内到期" },
  soon: { en: "due within {h} h", zh: "{h} 小时内到期" },
  later: { en: "later", zh: "更晚" },
};

/** The to-do the terminal output leads with: counts, the most urgent orders, the what-if line. */
export function renderActionsText(actions: ScanActions, lang: Lang, terminalWidth = 100): string {
  const t = (text: Localized): string => (lang === "zh-CN" ? text.zh : text.en);
  const list = actions.shipNow;
  const lines: string[] = [];
  const bandText = (band: ShipNowBand): string =>
    t(BAND_NAMES[band]).replace("{h}", String(band === "urgent" ? list.urgentHours : list.soonHours));
  const counts = (["overdue", "urgent", "soon", "later"] as const)
    .filter((band) => list.counts[band] > 0)
    .map((band) => `${list.counts[band]} ${bandText(band)}`);
  lines.push(`${t(TEXT.shipNow)}: ${counts.length > 0 ? counts.join(", ") : t(TEXT.nothingToShip)}`);
  const shown = list.items.filter((item) => item.band !== "later").slice(0, SHIP_NOW_SHOWN);
  if (shown.length > 0) {
    lines.push(
      ...table(
        [
          t(TEXT.row),
          t(TEXT.orderId),
          t(TEXT.hoursLeft),
          `${t(TEXT.deadlineSheet)} ${list.sheetTimeZone}`,
          `${t(TEXT.deadlineYours)} ${list.sellerTimeZone}`,
        ],
        shown.map((item) => [
          String(item.row),
          item.orderId,
          t(formatTimeLeft(item.msLeft)),
          item.deadlineInSheetZone,
          item.deadlineInSellerZone,
        ]),
        ["r", "l", "r", "l", "l"],
        [6, Math.max(16, terminalWidth - 104), 28, 40, 40],
      ),
    );
    const rest = list.items.filter((item) => item.band !== "later").length - shown.length;
    if (rest > 0) lines.push(`(+${rest} ${t(TEXT.moreToShip)})`);
  }
  lines.push(t(actions.whatIf.sentence));
  if (actions.messages.length > 0 || actions.trackingFixes.length > 0) {
    lines.push(
      lang === "zh-CN"
        ? `${actions.messages.length} 条买家消息草稿，${actions.trackingFixes.length} 个运单问题的处理建议：见 --json（actions.messages、actions.trackingFixes）。`
        : `${actions.messages.length} buyer message drafts and ${actions.trackingFixes.length} tracking fixes: see --json (actions.messages, actions.trackingFixes).`,
    );
  }
  lines.push(...appealLines(actions, t));
  for (const note of actions.notes) lines.push(t(note));
  lines.push("");
  return lines.join("\n") + "\n";
}

/** The appeal-evidence section: the count, the first orders' logistics record, and what every appeal attaches. */
function appealLines(actions: ScanActions, t: (text: Localized) => string): string[] {
  const evidence = actions.appealEvidence;
  if (evidence.length === 0) return [];
  const lines = [t(TEXT.appeal).replace("{n}", String(evidence.length))];
  lines.push(
    ...table(
      [t(TEXT.row), t(TEXT.orderId), t(TEXT.codes), t(TEXT.tracking), t(TEXT.shipped), t(TEXT.firstScan)],
      evidence
        .slice(0, APPEALS_SHOWN)
        .map((item) => [
          String(item.row),
          item.orderId,
          item.codes.join(", "),
          [item.trackingNumber ?? "—", item.numberCarrier ? `(${item.numberCarrier})` : ""].join(" ").trim(),
          item.shippedAt ?? "—",
          item.firstScanAt ?? "—",
        ]),
      ["r", "l", "l", "l", "l", "l"],
      [6, 20, 30, 36, 16, 16],
    ),
  );
  const always = evidence[0]?.checklist.filter((item) => evidence.every((other) => other.checklist.includes(item)));
  if (always && always.length > 0) lines.push(t(TEXT.attach) + always.map(t).join(t({ en: " ", zh: "" })));
  lines.push(t(TEXT.appealMore));
  return lines;
}
