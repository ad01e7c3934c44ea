import {
  VIOLATION_CODES,
  type CanonicalField,
  type Confidence,
  type Lang,
  type Localized,
  type ViolationCode,
} from "../core/model";
// The default rulebook's data only: its names for the codes are the ones the summary sheet uses too.
import { ALIEXPRESS_RULEBOOK } from "../core/rulebook/aliexpress";
import type { ScanProgress } from "../excel/session";
import { sentence } from "./sentences";

/** Every piece of text the task pane shows. Components read from here only; nothing is hard-coded in JSX. */
/** The sections of the to-do a scan gives (ship now, fix tracking, buyer messages, appeal evidence). */
export type ToDoSection = "shipNow" | "trackingFixes" | "messages" | "appeals";

export interface Strings {
  appTitle: string;
  appSubtitle: string;
  loading: string;

  // Sheet and mapping
  mappingHeading: string;
  sheetLabel: string;
  headerRowNote: (row: number) => string;
  ordersFound: (orders: number) => string;
  unreadableCells: (count: number) => string;
  fieldColumn: string;
  headerColumn: string;
  sampleColumn: string;
  columnAndSample: string;
  sampleValue: (sample: string) => string;
  notMapped: string;
  noSample: string;
  requiredField: string;
  columnsFound: (found: number, total: number) => string;
  reviewColumns: string;
  columnDoubtful: string;
  columnMissing: string;
  fieldLabels: Record<CanonicalField, string>;

  // Options
  optionsHeading: string;
  asOfLabel: string;
  asOfHint: string;
  asOfNow: string;
  asOfInvalid: string;
  asOfPlaceholder: string;
  timeZoneLabel: string;
  timeZoneHint: string;
  timeZoneInvalid: (zone: string) => string;
  timeZoneOther: string;
  timeZoneCustomLabel: string;
  timeZoneNames: Record<string, string>;
  handlingDaysLabel: string;
  handlingDaysHint: string;
  dueSoonLabel: string;
  dueSoonHint: string;
  rulebookLabel: string;
  rulebookHint: string;
  rulebookChoose: string;
  rulebookRemove: string;
  rulebookDefault: string;
  rulebookLoaded: (file: string, id: string, version: string) => string;
  rulebookSaved: (id: string, version: string) => string;
  rulebookInvalid: (file: string, reason: Localized) => string;
  rulebookUnreadable: (file: string, reason: string) => string;
  templatesLabel: string;
  templatesHint: string;
  templatesChoose: string;
  templatesRemove: string;
  templatesDefault: string;
  templatesLoaded: (file: string) => string;
  templatesInvalid: (reason: Localized) => string;
  numberInvalid: string;
  handlingDaysOutOfRange: (min: number, max: number) => string;
  handlingDaysUnused: (deadlineColumn: string) => string;
  scanBlocked: string;
  outOfDate: string;

  // Scan
  scanButton: string;
  scanAgainButton: string;
  cancelButton: string;
  scanningTitle: string;
  stageLabels: Record<ScanProgress["stage"], string>;
  progressPercent: (fraction: number) => string;
  scanCancelled: string;

  // Results
  resultsHeading: string;
  flaggedSummary: (flagged: number, orders: number) => string;
  warehouseFact: (orders: number) => string;
  onlineRateHeading: string;
  noFlagged: string;
  asOfFact: (when: string, zone: string) => string;
  byCodeHeading: string;
  codeColumn: string;
  ordersColumn: string;
  colourColumn: string;
  legendHeading: string;
  legendRows: (rows: number) => string;
  legendEntry: (label: string, rows: number) => string;
  codeLabels: Record<ViolationCode, string>;
  pointsHeading: string;
  trackColumn: string;
  pointsColumn: string;
  totalPoints: (points: number) => string;
  consequenceLabel: string;
  confidenceLabel: Record<Confidence, string>;
  escalationNote: (reason: string, points: number) => string;
  skippedHeading: string;
  diagnosticsNote: (count: number) => string;
  consequenceSentence: (description: string, confidence: string) => string;
  unreadableCell: (cell: { sheet: string; row: number; column: string; value: string }) => string;
  jumpToRow: (row: number) => string;
  filterHeading: string;
  filterAll: (orders: number) => string;
  filterChip: (label: string, orders: number) => string;
  filteredSummary: (shown: number, label: string) => string;
  flaggedHeading: string;
  /** The to-do's sections, counted at the top of the results. */
  toDoHeading: string;
  toDoSections: Record<ToDoSection, string>;
  shipNowHeading: string;
  shipNowCounts: (
    counts: { overdue: number; urgent: number; soon: number },
    hours: { urgent: number; soon: number },
  ) => string;
  shipNowNothing: string;
  shipNowDeadlines: (sheet: string, sheetZone: string, yours: string, yourZone: string) => string;
  shippedLateHeading: string;
  fixTrackingHeading: string;
  trackingUpdatedDraft: string;
  messageDraft: string;
  copyMessage: string;
  messageCopied: string;
  flaggedHint: string;
  flaggedRow: (row: number) => string;
  flaggedTitle: (row: number, orderId: string) => string;
  codeList: (labels: string[]) => string;
  flaggedPoints: (points: number) => string;
  showAllFlagged: (count: number) => string;
  clearButton: string;
  clearedRows: (rows: number) => string;
  summaryButton: string;
  rulebookFact: (id: string, version: string) => string;

  // Errors: a title and what to do
  errors: Record<PaneErrorKind, { title: string; action: string }>;
  errorDetail: (detail: string) => string;
  errorAnnouncement: (title: string, action: string) => string;
  retryButton: string;
  dismissButton: string;

  // Browser preview
  previewBanner: (asOf: string, zone: string) => string;
  previewGridHeading: string;
  previewGridCap: (shown: number, total: number) => string;
  previewSheetsLabel: string;
  previewGridLabel: (sheet: string) => string;
  previewSelectedRow: (row: number) => string;
}

export type PaneErrorKind =
  | "noOrders"
  | "sheetProtected"
  | "sheetChanged"
  | "sheetMissing"
  | "noSummary"
  | "cellEditing"
  | "apiUnavailable"
  | "settingsUnsaved"
  | "focusLost"
  | "unknown";

/** The rulebook's name of every code, in one language: the pane and the summary sheet name each code the same way. */
function rulebookNames(language: keyof Localized): Record<ViolationCode, string> {
  const names = {} as Record<ViolationCode, string>;
  for (const code of VIOLATION_CODES) names[code] = ALIEXPRESS_RULEBOOK.violations[code].names[language];
  return names;
}

const en: Strings = {
  appTitle: "AE Guard",
  appSubtitle: "Late and untracked AliExpress orders, and what they cost",
  loading: "Reading the workbook…",

  mappingHeading: "Sheet and columns",
  sheetLabel: "Order sheet",
  headerRowNote: (row) => `Header found on row ${row}.`,
  ordersFound: (orders) => (orders === 1 ? "1 order found." : `${orders} orders found.`),
  unreadableCells: (count) =>
    count === 0
      ? "Every cell could be read."
      : count === 1
        ? "1 cell could not be read."
        : `${count} cells could not be read.`,
  fieldColumn: "Field",
  headerColumn: "Column",
  sampleColumn: "Sample",
  columnAndSample: "Column / sample",
  sampleValue: (sample) => `Sample: ${sample}`,
  notMapped: "(not used)",
  noSample: "—",
  requiredField: "required",
  columnsFound: (found, total) => `${found} of ${total} columns found`,
  reviewColumns: "Review",
  columnDoubtful: "Check this column: its header only partly matches.",
  columnMissing: "Not found: pick the column that holds it.",
  fieldLabels: {
    orderId: "Order ID",
    status: "Order status",
    createdAt: "Order created",
    paidAt: "Paid at",
    shipDeadline: "Ship-by deadline",
    shippedAt: "Shipped at",
    trackingNumber: "Tracking number",
    carrier: "Carrier",
    buyerCarrier: "Buyer's chosen carrier",
    firstScanAt: "First carrier scan",
    deliveredAt: "Delivered at",
    buyerCountry: "Buyer country",
    buyerName: "Buyer name",
    amount: "Order amount",
    cancelReason: "Cancel reason",
    handlingDays: "Handling days",
    businessMode: "Business mode",
  },

  optionsHeading: "Scan options",
  asOfLabel: "Judge the orders as of",
  asOfHint: "A date and time such as 2025-06-15 12:00, in the sheet's time zone. Leave empty to use the current time.",
  asOfNow: "Now",
  asOfInvalid: "Not a real date. Enter a date and time such as 2025-06-15 12:00, or press Now.",
  asOfPlaceholder: "2025-06-15 12:00",
  timeZoneLabel: "Sheet time zone",
  timeZoneHint: "The zone the sheet's dates are written in.",
  timeZoneOther: "Other (type a zone name)…",
  timeZoneCustomLabel: "Time zone name (IANA, e.g. Europe/Paris)",
  timeZoneInvalid: (zone) => `"${zone}" is not a time zone name. Try e.g. America/Los_Angeles.`,
  timeZoneNames: {
    "America/Los_Angeles": "Pacific time — seller-centre exports",
    "Asia/Shanghai": "Beijing time — most Chinese ERPs",
    UTC: "UTC",
    "Europe/Moscow": "Moscow time",
    "Europe/Madrid": "Central European time",
    "America/Sao_Paulo": "Brasília time",
    "Asia/Seoul": "Korea time",
  },
  handlingDaysLabel: "Default handling days",
  handlingDaysHint: "Used when the sheet has no ship-by deadline for an order.",
  dueSoonLabel: "Due-soon window (hours)",
  dueSoonHint: "Unshipped orders due within this window are marked at risk.",
  rulebookLabel: "Rulebook",
  rulebookHint: "Optional: a JSON file that overrides the built-in AliExpress rules.",
  rulebookChoose: "Choose JSON file…",
  rulebookRemove: "Use built-in rules",
  rulebookDefault: "Built-in AliExpress rules.",
  rulebookLoaded: (file, id, version) => `Using ${file} (${id} ${version}).`,
  rulebookSaved: (id, version) => `Using the override saved in this workbook (${id} ${version}).`,
  rulebookInvalid: (file, reason) => sentence("rulebookRefused", "en", { file, reason: reason.en }),
  rulebookUnreadable: (file, reason) => sentence("rulebookUnreadable", "en", { file, reason }),
  templatesLabel: "Buyer message wording",
  templatesHint:
    "Optional: a JSON file with your own wording for the buyer message drafts, by language and kind (delay, shippedLate, trackingUpdated), as the built-in files hold it.",
  templatesChoose: "Choose JSON file…",
  templatesRemove: "Use built-in wording",
  templatesDefault: "Built-in wording.",
  templatesLoaded: (file) => `Using your wording from ${file}.`,
  templatesInvalid: (reason) => `Not used: ${reason.en}`,
  numberInvalid: "Enter a whole number of 0 or more.",
  handlingDaysOutOfRange: (min, max) => `Enter a number of days from ${min} to ${max}.`,
  handlingDaysUnused: (column) =>
    `The sheet's "${column}" column gives the ship-by deadline; these days apply only where that cell is blank.`,
  scanBlocked: "Fix the option marked in Scan options first.",
  outOfDate: "These results are out of date: the columns or options changed after the scan.",

  scanButton: "Scan orders",
  scanAgainButton: "Scan again",
  cancelButton: "Cancel",
  scanningTitle: "Scanning",
  stageLabels: {
    read: "Reading the sheet",
    evaluate: "Checking the orders",
    highlight: "Colouring flagged rows",
    summary: "Writing the summary sheet",
  },
  progressPercent: (fraction) => `${Math.round(fraction * 100)}%`,
  scanCancelled: "Scan cancelled.",

  resultsHeading: "Results",
  flaggedSummary: (flagged, orders) => `${flagged} of ${orders} orders need attention.`,
  warehouseFact: (orders) =>
    `${orders} ${orders === 1 ? "order was" : "orders were"} shipped by the platform warehouse (semi-managed) and not judged.`,
  onlineRateHeading: "Online rate (上网率)",
  noFlagged: "No late or untracked orders. Nothing was coloured.",
  asOfFact: (when, zone) => `As of ${when} (${zone}).`,
  byCodeHeading: "Problems found",
  codeColumn: "Problem",
  ordersColumn: "Orders",
  colourColumn: "Colour",
  legendHeading: "Row colours",
  legendRows: (rows) => (rows === 1 ? "1 row" : `${rows} rows`),
  legendEntry: (label, rows) => `${label} · ${rows === 1 ? "1 row" : `${rows} rows`}`,
  codeLabels: rulebookNames("en"),
  pointsHeading: "Penalty points",
  trackColumn: "Track",
  pointsColumn: "Points",
  totalPoints: (points) => (points === 1 ? "1 point in total" : `${points} points in total`),
  consequenceLabel: "Likely consequence",
  confidenceLabel: { high: "High confidence", medium: "Medium confidence", low: "Low confidence" },
  escalationNote: (reason, points) =>
    `${reason.charAt(0).toUpperCase()}${reason.slice(1)} adds ${points === 1 ? "1 point" : `${points} points`}.`,
  consequenceSentence: (description, confidence) => `Likely consequence — ${description} (${confidence}).`,
  unreadableCell: (cell) => `${cell.sheet}, row ${cell.row}, ${cell.column}: "${cell.value}"`,
  jumpToRow: (row) => `Go to row ${row}`,
  filterHeading: "Show orders with",
  filterAll: (orders) => `All ${orders}`,
  filterChip: (label, orders) => `${label} ${orders}`,
  filteredSummary: (shown, label) => (shown === 1 ? `1 order: ${label}` : `${shown} orders: ${label}`),
  skippedHeading: "Checks not run",
  diagnosticsNote: (count) =>
    count === 1
      ? "1 cell could not be read; its order was judged on the rest."
      : `${count} cells could not be read; their orders were judged on the rest.`,
  flaggedHeading: "Flagged orders",
  toDoHeading: "To do",
  toDoSections: {
    shipNow: "Ship now",
    trackingFixes: "Fix tracking",
    messages: "Message drafts",
    appeals: "Appeal evidence",
  },
  shipNowHeading: "Ship now",
  shipNowCounts: (counts, hours) =>
    [
      counts.overdue > 0 ? sentence("overdueCount", "en", { count: counts.overdue }) : "",
      counts.urgent > 0 ? sentence("dueWithinCount", "en", { count: counts.urgent, hours: hours.urgent }) : "",
      counts.soon > 0 ? sentence("dueWithinCount", "en", { count: counts.soon, hours: hours.soon }) : "",
    ]
      .filter(Boolean)
      .join(" · "),
  shipNowNothing: "No order is waiting to be shipped soon.",
  shipNowDeadlines: (sheet, sheetZone, yours, yourZone) =>
    sentence(sheetZone === yourZone ? "deadlineOneZone" : "deadlineTwoZones", "en", {
      sheetTime: sheet,
      sheetZone,
      yourTime: yours,
      yourZone,
    }),
  shippedLateHeading: "Shipped late: apologise to the buyer",
  fixTrackingHeading: "Fix tracking",
  trackingUpdatedDraft: "Message to the buyer once fixed (draft)",
  messageDraft: "Message to the buyer (draft)",
  copyMessage: "Copy message",
  messageCopied: "Copied",
  flaggedHint: "Worst first. Select an order to go to its row.",
  flaggedRow: (row) => `Row ${row}`,
  flaggedTitle: (row, orderId) => `Row ${row} · ${orderId}`,
  codeList: (labels) => labels.join(" · "),
  flaggedPoints: (points) => (points === 1 ? "1 pt" : `${points} pts`),
  showAllFlagged: (count) => `Show all ${count}`,
  clearButton: "Clear highlights",
  clearedRows: (rows) =>
    rows === 1
      ? "Highlights cleared; 1 row has its own colours back."
      : `Highlights cleared; ${rows} rows have their own colours back.`,
  summaryButton: "Open summary sheet",
  rulebookFact: (id, version) => `Rulebook: ${id} ${version}`,

  errors: {
    noOrders: {
      title: "No orders found on this sheet",
      action: "Pick the sheet that holds your order export, or map the Order ID column below.",
    },
    sheetProtected: {
      title: "The sheet is protected",
      action: "Unprotect it (Review › Unprotect Sheet) so AE Guard can colour rows, then scan again.",
    },
    sheetChanged: {
      title: "The sheet changed during the scan",
      action: "Finish editing, then scan again so the results match what is in the sheet.",
    },
    sheetMissing: {
      title: "The sheet is no longer there",
      action: "It was renamed or deleted. Try again to read the workbook's sheets, then pick the order sheet.",
    },
    noSummary: {
      title: "There is no summary sheet yet",
      action: "Scan the orders first: the scan writes the summary sheet.",
    },
    cellEditing: {
      title: "A cell is being edited",
      action: "Press Enter or Esc to leave the cell, then try again.",
    },
    apiUnavailable: {
      title: "This version of Excel cannot run AE Guard",
      action: "Update Office (Excel 2016 or later, or Microsoft 365), or open the workbook in Excel on the web.",
    },
    settingsUnsaved: {
      title: "Your choices could not be saved in the workbook",
      action: "The scan still ran. Save the workbook or check it is not read-only so they are remembered next time.",
    },
    focusLost: {
      title: "Excel stopped the scan: another window had the focus",
      action: "Click the workbook and scan again.",
    },
    unknown: {
      title: "Something went wrong",
      action: "Try again. If it keeps happening, close and reopen the AE Guard pane.",
    },
  },
  errorDetail: (detail) => `Details: ${detail}`,
  errorAnnouncement: (title, action) => sentence("errorAnnouncement", "en", { title, action }),
  retryButton: "Try again",
  dismissButton: "Dismiss",

  previewBanner: (asOf, zone) =>
    `Browser preview: AE Guard is running on a bundled sample workbook, not in Excel. "Now" is ${asOf} (${zone}), the sample's own date.`,
  previewGridHeading: "Sample workbook",
  previewGridCap: (shown, total) => `Showing the first ${shown} of ${total} rows.`,
  previewSheetsLabel: "Sheets",
  previewGridLabel: (sheet) => `Cells of sheet ${sheet}`,
  previewSelectedRow: (row) => `Selected: row ${row}`,
};

const zhCN: Strings = {
  appTitle: "AE Guard 速卖通发货卫士",
  appSubtitle: "找出发货超时、无物流信息的订单，以及它们会导致的扣分",
  loading: "正在读取工作簿…",

  mappingHeading: "工作表和列",
  sheetLabel: "订单工作表",
  headerRowNote: (row) => `表头在第 ${row} 行。`,
  ordersFound: (orders) => `找到 ${orders} 个订单。`,
  unreadableCells: (count) => (count === 0 ? "所有单元格都能读取。" : `${count} 个单元格无法读取。`),
  fieldColumn: "字段",
  headerColumn: "列",
  sampleColumn: "示例",
  columnAndSample: "列 / 示例",
  sampleValue: (sample) => `示例：${sample}`,
  notMapped: "（不使用）",
  noSample: "—",
  requiredField: "必填",
  columnsFound: (found, total) => `已找到 ${found}/${total} 列`,
  reviewColumns: "查看",
  columnDoubtful: "请核对此列：表头只部分匹配。",
  columnMissing: "未找到：请选择包含它的列。",
  fieldLabels: {
    orderId: "订单号",
    status: "订单状态",
    createdAt: "下单时间",
    paidAt: "付款时间",
    shipDeadline: "发货期限",
    shippedAt: "发货时间",
    trackingNumber: "运单号",
    carrier: "实际发货物流",
    buyerCarrier: "买家选择的物流",
    firstScanAt: "上网时间（首次物流扫描）",
    deliveredAt: "签收时间",
    buyerCountry: "买家国家",
    buyerName: "买家名称",
    amount: "订单金额",
    cancelReason: "取消原因",
    handlingDays: "备货期（天）",
    businessMode: "订单业务模式",
  },

  optionsHeading: "扫描选项",
  asOfLabel: "以此时间判断订单",
  asOfHint: "填写日期和时间，例如 2025-06-15 12:00，按工作表的时区。留空则使用当前时间。",
  asOfNow: "现在",
  asOfInvalid: "这不是一个真实的日期。请输入日期和时间，例如 2025-06-15 12:00，或点击“现在”。",
  asOfPlaceholder: "2025-06-15 12:00",
  timeZoneLabel: "工作表时区",
  timeZoneHint: "工作表中日期所用的时区。",
  timeZoneOther: "其他（输入时区名）…",
  timeZoneCustomLabel: "时区名（IANA，例如 Europe/Paris）",
  timeZoneInvalid: (zone) => `“${zone}”不是时区名。例如：Asia/Shanghai。`,
  timeZoneNames: {
    "America/Los_Angeles": "太平洋时间 — 卖家后台导出",
    "Asia/Shanghai": "北京时间 — 多数 ERP",
    UTC: "协调世界时 UTC",
    "Europe/Moscow": "莫斯科时间",
    "Europe/Madrid": "欧洲中部时间",
    "America/Sao_Paulo": "巴西利亚时间",
    "Asia/Seoul": "韩国时间",
  },
  handlingDaysLabel: "默认备货期（天）",
  handlingDaysHint: "订单没有发货期限时使用。",
  dueSoonLabel: "即将超时提醒（小时）",
  dueSoonHint: "在此时间内到期且未发货的订单标为有风险。",
  rulebookLabel: "自定义规则文件",
  rulebookHint: "可选：用 JSON 文件覆盖内置的速卖通规则。",
  rulebookChoose: "选择 JSON 文件…",
  rulebookRemove: "使用内置规则",
  rulebookDefault: "内置速卖通规则。",
  rulebookLoaded: (file, id, version) => `正在使用 ${file}（${id} ${version}）。`,
  rulebookSaved: (id, version) => `正在使用此工作簿中保存的规则（${id} ${version}）。`,
  rulebookInvalid: (file, reason) => sentence("rulebookRefused", "zh-CN", { file, reason: reason.zh }),
  rulebookUnreadable: (file, reason) => sentence("rulebookUnreadable", "zh-CN", { file, reason }),
  templatesLabel: "买家留言措辞",
  templatesHint:
    "可选：用 JSON 文件提供您自己的买家留言草稿措辞，按语言和类型（delay、shippedLate、trackingUpdated）排列，格式同内置文件。",
  templatesChoose: "选择 JSON 文件…",
  templatesRemove: "使用内置措辞",
  templatesDefault: "内置措辞。",
  templatesLoaded: (file) => `正在使用 ${file} 中您的措辞。`,
  templatesInvalid: (reason) => `未使用：${reason.zh}`,
  numberInvalid: "请输入大于等于 0 的整数。",
  handlingDaysOutOfRange: (min, max) => `请输入 ${min} 到 ${max} 之间的天数。`,
  handlingDaysUnused: (column) => `发货期限取自工作表的“${column}”列；只有该单元格为空的订单才按此天数计算。`,
  scanBlocked: "请先修正扫描选项中标出的项目。",
  outOfDate: "这些结果已过时：扫描后更改了列或选项。",

  scanButton: "扫描订单",
  scanAgainButton: "重新扫描",
  cancelButton: "取消",
  scanningTitle: "正在扫描",
  stageLabels: {
    read: "正在读取工作表",
    evaluate: "正在检查订单",
    highlight: "正在为问题行着色",
    summary: "正在生成汇总表",
  },
  progressPercent: (fraction) => `${Math.round(fraction * 100)}%`,
  scanCancelled: "已取消扫描。",

  resultsHeading: "扫描结果",
  flaggedSummary: (flagged, orders) => `${orders} 个订单中有 ${flagged} 个需要处理。`,
  warehouseFact: (orders) => `${orders} 个半托管仓发订单由平台仓库发货，未检查。`,
  onlineRateHeading: "上网率",
  noFlagged: "没有超时或无物流信息的订单，未着色。",
  asOfFact: (when, zone) => `判断时间：${when}（${zone}）。`,
  byCodeHeading: "发现的问题",
  codeColumn: "问题",
  ordersColumn: "订单数",
  colourColumn: "颜色",
  legendHeading: "行颜色说明",
  legendRows: (rows) => `${rows} 行`,
  legendEntry: (label, rows) => `${label}：${rows} 行`,
  codeLabels: rulebookNames("zh"),
  pointsHeading: "扣分",
  trackColumn: "考核项",
  pointsColumn: "分数",
  totalPoints: (points) => `共 ${points} 分`,
  consequenceLabel: "可能的处罚",
  confidenceLabel: { high: "可信度高", medium: "可信度中", low: "可信度低" },
  escalationNote: (reason, points) => `${reason}，另加 ${points} 分。`,
  consequenceSentence: (description, confidence) => `可能的处罚：${description}（${confidence}）。`,
  unreadableCell: (cell) => `${cell.sheet}，第 ${cell.row} 行「${cell.column}」：“${cell.value}”`,
  jumpToRow: (row) => `转到第 ${row} 行`,
  filterHeading: "按问题筛选",
  filterAll: (orders) => `全部 ${orders}`,
  filterChip: (label, orders) => `${label} ${orders}`,
  filteredSummary: (shown, label) => `${shown} 个订单：${label}`,
  skippedHeading: "未执行的检查",
  diagnosticsNote: (count) => `${count} 个单元格无法读取，相关订单已按其余信息判断。`,
  flaggedHeading: "问题订单",
  toDoHeading: "待办",
  toDoSections: {
    shipNow: "立即发货",
    trackingFixes: "修正运单号",
    messages: "买家消息草稿",
    appeals: "申诉材料",
  },
  shipNowHeading: "立即发货",
  shipNowCounts: (counts, hours) =>
    [
      counts.overdue > 0 ? sentence("overdueCount", "zh-CN", { count: counts.overdue }) : "",
      counts.urgent > 0 ? sentence("dueWithinCount", "zh-CN", { count: counts.urgent, hours: hours.urgent }) : "",
      counts.soon > 0 ? sentence("dueWithinCount", "zh-CN", { count: counts.soon, hours: hours.soon }) : "",
    ]
      .filter(Boolean)
      .join(" · "),
  shipNowNothing: "近期没有待发货的订单。",
  shipNowDeadlines: (sheet, sheetZone, yours, yourZone) =>
    sentence(sheetZone === yourZone ? "deadlineOneZone" : "deadlineTwoZones", "zh-CN", {
      sheetTime: sheet,
      sheetZone,
      yourTime: yours,
      yourZone,
    }),
  shippedLateHeading: "已延迟发货：向买家致歉",
  fixTrackingHeading: "修正运单号",
  trackingUpdatedDraft: "修正后发给买家的消息（草稿）",
  messageDraft: "给买家的消息（草稿）",
  copyMessage: "复制消息",
  messageCopied: "已复制",
  flaggedHint: "最严重的在前。选择订单可跳到对应行。",
  flaggedRow: (row) => `第 ${row} 行`,
  flaggedTitle: (row, orderId) => `第 ${row} 行 · ${orderId}`,
  codeList: (labels) => labels.join("、"),
  flaggedPoints: (points) => `${points} 分`,
  showAllFlagged: (count) => `显示全部 ${count} 个`,
  clearButton: "清除着色",
  clearedRows: (rows) => `已清除着色，${rows} 行恢复为原来的颜色。`,
  summaryButton: "打开汇总表",
  rulebookFact: (id, version) => `规则：${id} ${version}`,

  errors: {
    noOrders: {
      title: "此工作表中没有找到订单",
      action: "请选择包含订单导出数据的工作表，或在下方指定“订单号”列。",
    },
    sheetProtected: {
      title: "工作表受保护",
      action: "请先撤消保护（审阅 › 撤消工作表保护），以便为行着色，然后重新扫描。",
    },
    sheetChanged: {
      title: "扫描期间工作表被修改",
      action: "请完成编辑后重新扫描，使结果与工作表内容一致。",
    },
    sheetMissing: {
      title: "找不到该工作表",
      action: "它已被重命名或删除。请点击“重试”重新读取工作表，然后选择订单工作表。",
    },
    noSummary: {
      title: "还没有汇总表",
      action: "请先扫描订单，扫描会生成汇总表。",
    },
    cellEditing: {
      title: "有单元格正在编辑",
      action: "请按 Enter 或 Esc 退出单元格编辑，然后重试。",
    },
    apiUnavailable: {
      title: "此版本的 Excel 无法运行 AE Guard",
      action: "请更新 Office（Excel 2016 及以上或 Microsoft 365），或在网页版 Excel 中打开工作簿。",
    },
    settingsUnsaved: {
      title: "无法在工作簿中保存您的选择",
      action: "扫描已完成。请保存工作簿并确认其不是只读，以便下次记住这些选择。",
    },
    focusLost: {
      title: "扫描被 Excel 中断：焦点在另一个窗口",
      action: "请点击此工作簿，然后重新扫描。",
    },
    unknown: {
      title: "出现问题",
      action: "请重试。如果反复出现，请关闭并重新打开 AE Guard 窗格。",
    },
  },
  errorDetail: (detail) => `详细信息：${detail}`,
  errorAnnouncement: (title, action) => sentence("errorAnnouncement", "zh-CN", { title, action }),
  retryButton: "重试",
  dismissButton: "关闭",

  previewBanner: (asOf, zone) =>
    `浏览器预览：AE Guard 正在内置示例工作簿上运行，而非 Excel。“现在”为示例自身的日期 ${asOf}（${zone}）。`,
  previewGridHeading: "示例工作簿",
  previewGridCap: (shown, total) => `显示前 ${shown} 行，共 ${total} 行。`,
  previewSheetsLabel: "工作表",
  previewGridLabel: (sheet) => `工作表 ${sheet} 的单元格`,
  previewSelectedRow: (row) => `已选择：第 ${row} 行`,
};

const dictionaries: Record<Lang, Strings> = { en, "zh-CN": zhCN };

export function stringsFor(lang: Lang): Strings {
  return dictionaries[lang];
}

/** Picks the language's half of a core `Localized` text. */
export function localized(text: Localized, lang: Lang): string {
  return lang === "zh-CN" ? text.zh : text.en;
}
