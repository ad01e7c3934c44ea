import type { CanonicalField, Diagnostic } from "../model";
import type { Rulebook } from "../rulebook";
import { TEXT, type OrderTable, type TextField } from "../orders/orderTable";
import { businessMode } from "./businessMode";
import { lookupLogistics } from "./logistics";

/**
 * Located notes for names the rulebook's tables do not know: a carrier or service no entry lists (its checks are
 * skipped for those orders, never guessed) and a business mode that is neither warehouse- nor seller-shipped (the
 * order is judged as the seller's). One note per distinct value, at the first row that holds it.
 */

/** A sheet of free-typed carrier names could hold thousands: the report names this many and counts the rest. */
const NOTES_KEPT = 50;

interface Seen {
  value: string;
  row: number;
  orders: number;
}

function unknownValues(table: OrderTable, field: TextField, isUnknown: (text: string) => string[]): Map<string, Seen> {
  const seen = new Map<string, Seen>();
  const verdicts = new Map<string, string[]>();
  for (let i = 0; i < table.count; i++) {
    const text = table.text(i, TEXT[field]);
    if (text === undefined || text.trim() === "") continue;
    let unknown = verdicts.get(text);
    if (!unknown) {
      unknown = isUnknown(text);
      verdicts.set(text, unknown);
    }
    for (const value of unknown) {
      const known = seen.get(value);
      if (known) known.orders++;
      else seen.set(value, { value, row: table.firstRow(i), orders: 1 });
    }
  }
  return seen;
}

const ordersEn = (n: number): string => (n === 1 ? "1 order" : `${n} orders`);

export function logisticsNotes(
  table: OrderTable,
  present: ReadonlySet<CanonicalField>,
  columns: Partial<Record<CanonicalField, string>>,
  sheet: string,
  rulebook: Rulebook,
): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const note = (field: CanonicalField, seen: Seen, problem: Diagnostic["problem"], en: string, zh: string): void => {
    notes.push({
      sheet,
      row: seen.row,
      column: columns[field] ?? field,
      field,
      value: seen.value,
      problem,
      message: en,
      messageZh: zh,
    });
  };
  for (const field of ["carrier", "buyerCarrier"] as const) {
    if (!present.has(field)) continue;
    const seen = unknownValues(table, field, (text) => lookupLogistics(text, rulebook).unknown);
    let listed = 0;
    for (const item of seen.values()) {
      if (listed++ === NOTES_KEPT) break;
      const column = columns[field] ?? field;
      note(
        field,
        item,
        "UNKNOWN_LOGISTICS_NAME",
        `Row ${item.row}, ${column}: "${item.value}" (${ordersEn(item.orders)}) is not in the rulebook's carrier and ` +
          "service table; the carrier and service checks skip it. Add it to logistics.names in a rules file to check it.",
        `第 ${item.row} 行「${column}」：“${item.value}”（${item.orders} 个订单）不在规则库的物流商/物流服务表中，` +
          "已跳过物流商与物流档次检查；可在规则文件的 logistics.names 中添加。",
      );
    }
    if (seen.size > NOTES_KEPT) {
      const more = seen.size - NOTES_KEPT;
      const column = columns[field] ?? field;
      notes.push({
        sheet,
        row: 0,
        column,
        field,
        value: "",
        problem: "UNKNOWN_LOGISTICS_NAME",
        message: `${column}: ${more} more names are not in the rulebook's carrier and service table.`,
        messageZh: `「${column}」：另有 ${more} 个名称不在规则库的物流商/物流服务表中。`,
      });
    }
  }
  if (present.has("businessMode")) {
    const seen = unknownValues(table, "businessMode", (text) =>
      businessMode(text, rulebook) === "unknown" ? [text.trim()] : [],
    );
    for (const item of [...seen.values()].slice(0, NOTES_KEPT)) {
      const column = columns.businessMode ?? "businessMode";
      note(
        "businessMode",
        item,
        "UNKNOWN_BUSINESS_MODE",
        `Row ${item.row}, ${column}: "${item.value}" (${ordersEn(item.orders)}) is neither a warehouse-shipped ` +
          "(半托管仓发订单) nor a seller-shipped (非半托管订单) mode; those orders are judged as the seller's own shipments.",
        `第 ${item.row} 行「${column}」：“${item.value}”（${item.orders} 个订单）既不是半托管仓发订单也不是非半托管订单，` +
          "这些订单按卖家自发货检查。",
      );
    }
  }
  return notes;
}
