import { isUnreadableCell, VIOLATION_CODES, type Lang, type Localized } from "../model";
import { ALIEXPRESS_RULEBOOK } from "../rulebook/aliexpress";
import { formatInstant } from "../dates/zone";
import { CATEGORY_STYLE } from "./colors";
import { SUMMARY_SHEET_NAME } from "./sheetNames";
import type { ScanResult, SummaryHeadings, SummaryModel } from "./types";
import type { OnlineRate } from "../evaluate/onlineRate";

export { SUMMARY_SHEET_NAME };

/** The most order ids a note lists behind an online-rate miss (the JSON report lists them all). */
const MISSED_NAMED = 10;

const windowName = (hours: number): Localized =>
  hours % 24 === 0 && hours > 72
    ? { en: `${hours / 24}-day`, zh: `${hours / 24}天` }
    : { en: `${hours}-hour`, zh: `${hours}小时` };

/** The online-rate KPIs: one per window that has a rate. */
export function onlineRateKpis(rate: OnlineRate | undefined, lang: Lang): SummaryModel["kpis"] {
  const t = (text: Localized): string => (lang === "zh-CN" ? text.zh : text.en);
  return (rate?.windows ?? [])
    .filter((window) => window.rate !== null)
    .map((window) => ({
      label: t({ en: `${windowName(window.hours).en} online rate`, zh: `${windowName(window.hours).zh}上网率` }),
      value: window.rate as number,
      format: "percent" as const,
    }));
}

/**
 * One sentence per online-rate window: the share, the parcels behind each miss, and a verdict only when the user set
 * the platform's threshold (none is known).
 */
export function onlineRateNotes(rate: OnlineRate | undefined, lang: Lang): string[] {
  const zh = lang === "zh-CN";
  return (rate?.windows ?? []).map((window) => {
    const name = windowName(window.hours);
    if (window.rate === null) {
      return zh
        ? `${name.zh}上网率：还没有发货满${name.zh}的包裹。`
        : `${name.en} online rate: no parcel was shipped that long ago yet.`;
    }
    const percent = `${(window.rate * 100).toFixed(1)}%`;
    const ids = window.missed.slice(0, MISSED_NAMED).map((miss) => miss.orderId);
    const more = window.missed.length - ids.length;
    const missed =
      window.missed.length === 0
        ? ""
        : zh
          ? `；未按时上网：${ids.join("、")}${more > 0 ? ` 等 ${window.missed.length} 个` : ""}`
          : `; not online in time: ${ids.join(", ")}${more > 0 ? ` (+${more})` : ""}`;
    const verdict =
      window.threshold === null
        ? zh
          ? "（平台标准未知，不作判断）"
          : " (the platform's threshold is not known, so no verdict)"
        : window.verdict === "meets"
          ? zh
            ? `（达到设定标准 ${(window.threshold * 100).toFixed(1)}%）`
            : ` (meets the threshold of ${(window.threshold * 100).toFixed(1)}%)`
          : zh
            ? `（低于设定标准 ${(window.threshold * 100).toFixed(1)}%）`
            : ` (below the threshold of ${(window.threshold * 100).toFixed(1)}%)`;
    return zh
      ? `${name.zh}上网率：${percent}（${window.online}/${window.shipped} 个包裹）${verdict}${missed}。`
      : `${name.en} online rate: ${percent} (${window.online} of ${window.shipped} parcels)${verdict}${missed}.`;
  });
}

const LABELS = {
  title: { en: "AE Guard — violation summary", zh: "AE Guard — 违规汇总" },
  file: { en: "File", zh: "文件" },
  sheet: { en: "Sheet", zh: "工作表" },
  asOf: { en: "As of", zh: "截至" },
  timeZone: { en: "Time zone of the sheet", zh: "表格时区" },
  rulebook: { en: "Rulebook", zh: "规则版本" },
  orders: { en: "Orders", zh: "订单数" },
  flagged: { en: "Flagged orders", zh: "问题订单" },
  lateRate: { en: "Late rate", zh: "超期率" },
  points: { en: "Penalty points", zh: "扣分" },
  consequence: { en: "Consequence", zh: "后果" },
  unreadable: { en: "Unreadable cells", zh: "无法读取的单元格" },
  row: { en: "Row", zh: "行" },
  orderId: { en: "Order ID", zh: "订单号" },
  codes: { en: "Violations", zh: "违规" },
  message: { en: "Details", zh: "说明" },
  carrier: { en: "Carrier", zh: "物流商" },
  carrierOrders: { en: "Orders", zh: "订单数" },
  carrierFlagged: { en: "Flagged", zh: "问题订单" },
  carrierUntracked: { en: "Untracked", zh: "无有效跟踪" },
  carrierRate: { en: "Untracked rate", zh: "无有效跟踪率" },
  chart: { en: "Violations by type", zh: "各类违规数量" },
  unknownCarrier: { en: "(not given)", zh: "（未填写）" },
  warehouseOrders: { en: "Shipped by the platform warehouse (not judged)", zh: "半托管仓发订单（不检查）" },
} satisfies Record<string, Localized>;

/** The summary's wording, for other sheets that show the same things (the Actions sheet's Row and Order ID). */
export { LABELS as SUMMARY_LABELS };

const HEADINGS = {
  facts: { en: "Scan", zh: "扫描信息" },
  kpis: { en: "Key figures", zh: "关键指标" },
  legend: { en: "Highlight colours", zh: "高亮颜色说明" },
  rows: { en: "Rows", zh: "行数" },
  byCode: { en: "Violations by type", zh: "各类违规" },
  code: { en: "Code", zh: "违规代码" },
  violation: { en: "Violation", zh: "违规类型" },
  category: { en: "Category", zh: "类别" },
  orders: { en: "Orders", zh: "订单数" },
  points: { en: "Points", zh: "扣分" },
  tracks: { en: "Points by penalty track", zh: "各考核项扣分" },
  track: { en: "Penalty track", zh: "考核项" },
  consequence: { en: "Consequence", zh: "后果" },
  flagged: { en: "Flagged orders (click a row number to go to the order)", zh: "问题订单（点击行号跳转到订单）" },
  carriers: { en: "By carrier", zh: "按物流商" },
  notes: { en: "Notes", zh: "说明" },
  none: { en: "No flagged orders.", zh: "没有问题订单。" },
} satisfies Record<keyof SummaryHeadings, Localized>;

/** The summary sheet as data, in the seller's language. Every value is plain: no formulas. */
export function buildSummaryModel(result: ScanResult, lang: Lang): SummaryModel {
  const t = (text: Localized): string => (lang === "zh-CN" ? text.zh : text.en);
  const rulebook = ALIEXPRESS_RULEBOOK;
  const lateOrders = new Set(result.findings.filter((f) => f.category === "late").map((f) => f.orderId)).size;

  const pointsByCode = new Map<string, number>();
  for (const finding of result.findings)
    pointsByCode.set(finding.code, (pointsByCode.get(finding.code) ?? 0) + finding.points);
  const byCode = VIOLATION_CODES.filter((code) => (result.totals.byCode[code] ?? 0) > 0).map((code) => {
    const violation = rulebook.violations[code];
    return {
      code,
      label: `${t(violation.names)} (${code})`,
      category: violation.category,
      color: CATEGORY_STYLE[violation.category].color,
      orders: result.totals.byCode[code] ?? 0,
      points: pointsByCode.get(code) ?? 0,
    };
  });

  const codesByOrder = new Map<
    string,
    {
      row: number;
      orderId: string;
      codes: string[];
      points: number;
      messages: string[];
      category: SummaryModel["flagged"]["rows"][number]["category"];
    }
  >();
  for (const finding of result.findings) {
    let entry = codesByOrder.get(finding.orderId);
    if (!entry) {
      entry = {
        row: finding.row,
        orderId: finding.orderId,
        codes: [],
        points: 0,
        messages: [],
        category: finding.category,
      };
      codesByOrder.set(finding.orderId, entry);
    }
    entry.codes.push(finding.code);
    entry.points += finding.points;
    entry.messages.push(lang === "zh-CN" ? finding.messageZh : finding.message);
    if (CATEGORY_STYLE[finding.category].priority > CATEGORY_STYLE[entry.category].priority)
      entry.category = finding.category;
  }

  return {
    sheetName: t(SUMMARY_SHEET_NAME),
    lang,
    title: t(LABELS.title),
    facts: [
      ...(result.source.file ? [{ label: t(LABELS.file), value: result.source.file }] : []),
      { label: t(LABELS.sheet), value: result.source.sheet },
      { label: t(LABELS.asOf), value: formatInstant(result.asOf, result.timeZone) },
      { label: t(LABELS.timeZone), value: result.timeZone },
      { label: t(LABELS.rulebook), value: `${result.rulebook.id} ${result.rulebook.version}` },
    ],
    kpis: [
      { label: t(LABELS.orders), value: result.totals.orders, format: "integer" },
      { label: t(LABELS.flagged), value: result.totals.flaggedOrders, format: "integer" },
      {
        label: t(LABELS.lateRate),
        value: result.totals.orders ? lateOrders / result.totals.orders : 0,
        format: "percent",
      },
      { label: t(LABELS.points), value: result.assessment.totalPoints, format: "integer" },
      { label: t(LABELS.consequence), value: t(result.assessment.consequence.description), format: "text" },
      { label: t(LABELS.unreadable), value: result.diagnostics.filter(isUnreadableCell).length, format: "integer" },
      ...(result.totals.warehouseOrders > 0
        ? [{ label: t(LABELS.warehouseOrders), value: result.totals.warehouseOrders, format: "integer" as const }]
        : []),
      ...onlineRateKpis(result.totals.onlineRate, lang),
    ],
    byCode,
    pointsByTrack: result.assessment.byTrack.map((track) => ({
      track: track.track,
      label: t(track.name),
      points: track.points,
      consequence: t(track.consequence.description),
    })),
    flagged: {
      headers: [t(LABELS.row), t(LABELS.orderId), t(LABELS.codes), t(LABELS.points), t(LABELS.message)],
      rows: [...codesByOrder.values()]
        .sort((a, b) => a.row - b.row)
        .map((entry) => ({
          row: entry.row,
          orderId: entry.orderId,
          codes: entry.codes.join(", "),
          points: entry.points,
          message: entry.messages.join("; "),
          category: entry.category,
        })),
    },
    byCarrier: {
      headers: [
        t(LABELS.carrier),
        t(LABELS.carrierOrders),
        t(LABELS.carrierFlagged),
        t(LABELS.carrierUntracked),
        t(LABELS.carrierRate),
      ],
      rows: result.carriers.map((carrier) => ({
        carrier: carrier.carrier === "—" ? t(LABELS.unknownCarrier) : carrier.carrier,
        orders: carrier.orders,
        flagged: carrier.flaggedOrders,
        untracked: carrier.untrackedOrders,
        untrackedRate: carrier.orders ? carrier.untrackedOrders / carrier.orders : 0,
      })),
    },
    chart: {
      title: t(LABELS.chart),
      categories: byCode.map((entry) => entry.code),
      values: byCode.map((entry) => entry.orders),
    },
    notes: [
      ...result.skipped.map((skipped) => t(skipped.message)),
      ...result.assessment.escalations.map((escalation) => t(escalation.reason)),
      ...onlineRateNotes(result.totals.onlineRate, lang),
    ],
    headings: Object.fromEntries(
      Object.entries(HEADINGS).map(([key, text]) => [key, t(text)]),
    ) as unknown as SummaryHeadings,
  };
}
