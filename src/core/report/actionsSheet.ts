import type { Lang, Localized } from "../model";
import type { ScanActions, ShipNowBand, ShipNowItem, TrackingFix, BuyerMessage, MessageKind } from "../actions";
import type { AppealEvidence } from "../actions/appealEvidence";
import { fillTemplate } from "../actions";
import { SUMMARY_LABELS } from "./summary";
import { ACTIONS_SHEET_NAME } from "./sheetNames";

/**
 * The "AE Actions" sheet as data: a title, the what-if line, the notes, then one section per kind of to-do. Every
 * value is plain (a string or a number, never a formula); each row names the order row it links to. Hosts draw it
 * with their own library (Office.js, the CLI's worksheet XML) and decide nothing.
 *
 * A section is one entry of `ACTIONS_SECTIONS`: a heading, columns and how one item of ScanActions becomes a row
 * (`section({...})`). A new kind of to-do is one more entry.
 */

export { ACTIONS_SHEET_NAME };

/** How a host shows a column: the order row (a link), text (kept as typed), or a number. */
export type ActionsColumnKind = "row" | "text" | "number";

export interface ActionsColumn {
  label: string;
  kind: ActionsColumnKind;
  /** Column width in characters, a hint. */
  width: number;
}

export interface ActionsRow {
  /** One value per column: strings stay text whatever they look like (an order id "=1+1" is that text). */
  cells: Array<string | number>;
  /** The cell this row links to: the order's first row on the order sheet. */
  link: { sheet: string; row: number; column: number };
}

export interface ActionsSection {
  id: string;
  heading: string;
  columns: ActionsColumn[];
  rows: ActionsRow[];
  /** Shown in place of the rows when there are none. */
  empty: string;
}

export interface ActionsSheetModel {
  sheetName: string;
  lang: Lang;
  title: string;
  /** The one what-if line from the rulebook's assessment. */
  whatIf: string;
  /** Why drafts fall back to English, and the like. */
  notes: string[];
  sections: ActionsSection[];
}

/** Where the links land: the scanned order sheet and its first scanned column. */
export interface ActionsLinkTarget {
  sheet: string;
  column: number;
}

interface ColumnSpec<T> {
  /** `{sheetZone}` and `{sellerZone}` are filled with the ship-now list's zones. */
  label: Localized;
  kind: ActionsColumnKind;
  width: number;
  value: (item: T, t: (text: Localized) => string) => string | number;
}

interface SectionSpec<T extends { orderId: string; row: number }> {
  id: string;
  heading: Localized;
  empty: Localized;
  items: (actions: ScanActions) => readonly T[];
  columns: ReadonlyArray<ColumnSpec<T>>;
}

const BAND_NAMES: Record<ShipNowBand, Localized> = {
  overdue: { en: "Overdue", zh: "已超期" },
  urgent: { en: "Due within {hours} h", zh: "{hours} 小时内到期" },
  soon: { en: "Due within {hours} h", zh: "{hours} 小时内到期" },
  later: { en: "Later", zh: "更晚" },
};

const rowColumn = <T extends { row: number }>(): ColumnSpec<T> => ({
  label: SUMMARY_LABELS.row,
  kind: "row",
  width: 8,
  value: (item) => item.row,
});
const orderColumn = <T extends { orderId: string }>(): ColumnSpec<T> => ({
  label: SUMMARY_LABELS.orderId,
  kind: "text",
  width: 22,
  value: (item) => item.orderId,
});

interface BandedItem extends ShipNowItem {
  bandHours: number;
}

const shipNowSection: SectionSpec<BandedItem> = {
  id: "shipNow",
  heading: { en: "Ship now (most urgent first)", zh: "立即发货（最紧急的在前）" },
  empty: { en: "Nothing waits to be shipped.", zh: "没有待发货的订单。" },
  items: (actions) =>
    actions.shipNow.items.map((item) => ({
      ...item,
      bandHours: item.band === "urgent" ? actions.shipNow.urgentHours : actions.shipNow.soonHours,
    })),
  columns: [
    rowColumn(),
    orderColumn(),
    {
      label: { en: "Deadline ({sheetZone}, the sheet's zone)", zh: "期限（{sheetZone}，表格时区）" },
      kind: "text",
      width: 24,
      value: (item) => item.deadlineInSheetZone,
    },
    {
      label: { en: "Deadline ({sellerZone}, yours)", zh: "期限（{sellerZone}，您的时区）" },
      kind: "text",
      width: 24,
      value: (item) => item.deadlineInSellerZone,
    },
    { label: { en: "Hours left", zh: "剩余小时" }, kind: "number", width: 12, value: (item) => item.hoursLeft },
    {
      label: { en: "When", zh: "紧急程度" },
      kind: "text",
      width: 18,
      value: (item, t) => fillTemplate(t(BAND_NAMES[item.band]), { hours: String(item.bandHours) }),
    },
  ],
};

const trackingSection: SectionSpec<TrackingFix> = {
  id: "trackingFixes",
  heading: { en: "Fix tracking before the platform checks it", zh: "在平台核查前修正运单" },
  empty: { en: "No tracking problem found.", zh: "没有发现运单问题。" },
  items: (actions) => actions.trackingFixes,
  columns: [
    rowColumn(),
    orderColumn(),
    { label: { en: "Problem", zh: "问题" }, kind: "text", width: 60, value: (fix, t) => t(fix.problem) },
    { label: { en: "Fix", zh: "处理方法" }, kind: "text", width: 60, value: (fix, t) => t(fix.fix) },
  ],
};

const messagesSection: SectionSpec<BuyerMessage> = {
  id: "messages",
  heading: {
    en: "Tell the buyer (drafts to copy into the order messages)",
    zh: "告知买家（复制到订单留言的草稿）",
  },
  empty: { en: "No buyer needs a message now.", zh: "目前没有需要联系的买家。" },
  items: (actions) => actions.messages,
  columns: [
    rowColumn(),
    orderColumn(),
    {
      label: { en: "Why", zh: "原因" },
      kind: "text",
      width: 22,
      value: (message, t) => t(MESSAGE_KINDS[message.kind]),
    },
    { label: { en: "Language", zh: "语言" }, kind: "text", width: 10, value: (message) => message.language },
    { label: { en: "Draft", zh: "草稿" }, kind: "text", width: 100, value: (message) => message.text },
  ],
};

const MESSAGE_KINDS: Record<MessageKind, Localized> = {
  delay: { en: "Not shipped yet", zh: "尚未发货" },
  shippedLate: { en: "Shipped late", zh: "延迟发货" },
  trackingUpdated: { en: "Tracking number fixed", zh: "运单号已更正" },
};

const optional = (value: string | undefined): string => value ?? "";

const appealSection: SectionSpec<AppealEvidence> = {
  id: "appealEvidence",
  heading: {
    en: "Appeal evidence (false-shipment findings: what to attach)",
    zh: "申诉材料（虚假发货：需附上的证明）",
  },
  empty: { en: "No false-shipment finding to appeal.", zh: "没有需要申诉的虚假发货。" },
  items: (actions) => actions.appealEvidence,
  columns: [
    rowColumn(),
    orderColumn(),
    { label: { en: "Findings", zh: "问题" }, kind: "text", width: 24, value: (item) => item.codes.join(", ") },
    {
      label: { en: "Buyer country", zh: "买家国家" },
      kind: "text",
      width: 12,
      value: (item) => optional(item.buyerCountry),
    },
    {
      label: { en: "Carrier / service", zh: "物流商 / 服务" },
      kind: "text",
      width: 28,
      value: (item) => [item.carrier, item.service].filter(Boolean).join(" / "),
    },
    {
      label: { en: "Tracking number", zh: "运单号" },
      kind: "text",
      width: 22,
      value: (item) => optional(item.trackingNumber),
    },
    {
      label: { en: "Number's carrier", zh: "运单号所属物流商" },
      kind: "text",
      width: 18,
      value: (item) => optional(item.numberCarrier),
    },
    { label: { en: "Shipped", zh: "发货时间" }, kind: "text", width: 17, value: (item) => optional(item.shippedAt) },
    {
      label: { en: "First scan", zh: "上网时间" },
      kind: "text",
      width: 17,
      value: (item) => optional(item.firstScanAt),
    },
    {
      label: { en: "Delivered", zh: "妥投时间" },
      kind: "text",
      width: 17,
      value: (item) => optional(item.deliveredAt),
    },
    {
      label: { en: "Attach", zh: "需附上" },
      kind: "text",
      width: 80,
      value: (item, t) => item.checklist.map((entry) => t(entry)).join("; "),
    },
  ],
};

/** A section spec with its item type settled: how the sheet builder runs it. */
type SectionBuilder = (
  actions: ScanActions,
  t: (text: Localized) => string,
  target: ActionsLinkTarget,
) => ActionsSection;

function section<T extends { orderId: string; row: number }>(spec: SectionSpec<T>): SectionBuilder {
  return (actions, t, target) => {
    const zones = { sheetZone: actions.shipNow.sheetTimeZone, sellerZone: actions.shipNow.sellerTimeZone };
    const items = spec.items(actions);
    return {
      id: spec.id,
      heading: `${t(spec.heading)}: ${items.length}`,
      columns: spec.columns.map((column) => ({
        label: fillTemplate(t(column.label), zones),
        kind: column.kind,
        width: column.width,
      })),
      rows: items.map((item) => ({
        cells: spec.columns.map((column) => column.value(item, t)),
        link: { sheet: target.sheet, row: item.row, column: target.column },
      })),
      empty: t(spec.empty),
    };
  };
}

/** The sections in the order a seller works through them; a new kind of to-do is one more entry. */
export const ACTIONS_SECTIONS: readonly SectionBuilder[] = [
  section(shipNowSection),
  section(trackingSection),
  section(messagesSection),
  section(appealSection),
];

const TITLE: Localized = { en: "AE Guard — what to do now", zh: "AE Guard — 待办事项" };

/** The Actions sheet as data, in the seller's language, from the scan's to-do (no second judgement). */
export function buildActionsSheet(actions: ScanActions, lang: Lang, target: ActionsLinkTarget): ActionsSheetModel {
  const t = (text: Localized): string => (lang === "zh-CN" ? text.zh : text.en);
  return {
    sheetName: t(ACTIONS_SHEET_NAME),
    lang,
    title: t(TITLE),
    whatIf: t(actions.whatIf.sentence),
    notes: actions.notes.map(t),
    sections: ACTIONS_SECTIONS.map((build) => build(actions, t, target)),
  };
}

/** The sheet names either language gives the Actions sheet (a scan replaces whichever is there). */
export function actionsSheetNames(): string[] {
  return [ACTIONS_SHEET_NAME.en, ACTIONS_SHEET_NAME.zh];
}
