import type { CanonicalField, Diagnostic, DiagnosticProblem } from "../model";

/** Diagnostics of the reader, in English and Chinese. */

const MAX_VALUE_CHARS = 60;

function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, " ");
  return oneLine.length > MAX_VALUE_CHARS ? `${oneLine.slice(0, MAX_VALUE_CHARS - 1)}…` : oneLine;
}

export interface CellPlace {
  sheet: string;
  row: number;
  column: string;
  field?: CanonicalField;
}

function make(
  place: CellPlace,
  value: string,
  problem: DiagnosticProblem,
  message: string,
  messageZh: string,
): Diagnostic {
  return {
    sheet: place.sheet,
    row: place.row,
    column: place.column,
    ...(place.field ? { field: place.field } : {}),
    value,
    problem,
    message,
    messageZh,
  };
}

const CHECKED_WITHOUT = "the order is checked without it.";
const CHECKED_WITHOUT_ZH = "该订单按其余可读信息检查。";

export function unparseableDate(place: CellPlace, value: string): Diagnostic {
  return make(
    place,
    value,
    "UNPARSEABLE_DATE",
    `Row ${place.row}, ${place.column}: "${shown(value)}" is not a date AE Guard can read; ${CHECKED_WITHOUT}`,
    `第 ${place.row} 行「${place.column}」：无法识别日期“${shown(value)}”，${CHECKED_WITHOUT_ZH}`,
  );
}

export function unparseableNumber(place: CellPlace, value: string): Diagnostic {
  return make(
    place,
    value,
    "UNPARSEABLE_NUMBER",
    `Row ${place.row}, ${place.column}: "${shown(value)}" is not a number AE Guard can read; ${CHECKED_WITHOUT}`,
    `第 ${place.row} 行「${place.column}」：无法识别数字“${shown(value)}”，${CHECKED_WITHOUT_ZH}`,
  );
}

export function excelError(place: CellPlace, value: string): Diagnostic {
  return make(
    place,
    value,
    "EXCEL_ERROR",
    `Row ${place.row}, ${place.column}: the cell shows the Excel error ${value}; ${CHECKED_WITHOUT}`,
    `第 ${place.row} 行「${place.column}」：单元格为 Excel 错误值 ${value}，${CHECKED_WITHOUT_ZH}`,
  );
}

export function formulaText(place: CellPlace, value: string, expected: "date" | "number"): Diagnostic {
  const expectedZh = expected === "date" ? "日期" : "数字";
  return make(
    place,
    value,
    "FORMULA_TEXT",
    `Row ${place.row}, ${place.column}: the cell holds the formula text "${shown(value)}", not a ${expected}; ${CHECKED_WITHOUT}`,
    `第 ${place.row} 行「${place.column}」：单元格是公式文本“${shown(value)}”，不是${expectedZh}；${CHECKED_WITHOUT_ZH}`,
  );
}

export function errorOrderId(place: CellPlace, value: string): Diagnostic {
  return make(
    place,
    value,
    "EXCEL_ERROR",
    `Row ${place.row}, ${place.column}: the order number shows the Excel error ${value}; the row is not counted as an order.`,
    `第 ${place.row} 行「${place.column}」：订单号为 Excel 错误值 ${value}，该行未计为订单。`,
  );
}

export function missingOrderId(place: CellPlace): Diagnostic {
  return make(
    place,
    "",
    "MISSING_ORDER_ID",
    `Row ${place.row} has order data but no order number in ${place.column}; it is not counted as an order.`,
    `第 ${place.row} 行有订单数据，但「${place.column}」为空，未计为订单。`,
  );
}

/** `readings` are the two dates the text can be, month-first and day-first, as yyyy-mm-dd. */
export function ambiguousDate(place: CellPlace, value: string, monthFirst: string, dayFirst: string): Diagnostic {
  return make(
    place,
    value,
    "AMBIGUOUS_DATE",
    `Row ${place.row}, ${place.column}: "${shown(value)}" can be ${monthFirst} (month/day) or ${dayFirst} (day/month), ` +
      `and the column's other dates do not tell which (written both ways, or in another style); write it as yyyy-mm-dd. ${CHECKED_WITHOUT[0].toUpperCase()}${CHECKED_WITHOUT.slice(1)}`,
    `第 ${place.row} 行「${place.column}」：“${shown(value)}”可理解为 ${monthFirst}（月/日）或 ${dayFirst}（日/月），` +
      `该列其他日期无法说明（两种写法都有，或写法不同）；请写成 年-月-日。${CHECKED_WITHOUT_ZH}`,
  );
}

/**
 * One note per sheet: order ids that look cut by Excel (a 16-digit AliExpress number kept to 15 digits, or shown as
 * 8.1E+15), and rows that repeat an id but are other orders (kept apart). `place` is the first cut-looking id.
 */
export function cutOrderIds(place: CellPlace, value: string, cutRows: number, keptApart: number): Diagnostic {
  const rowsEn = (n: number): string => (n === 1 ? "1 row" : `${n} rows`);
  const where = place.row > 0 ? ` (first: row ${place.row}, "${shown(value)}")` : "";
  const cut =
    cutRows > 0
      ? `${rowsEn(cutRows)} of ${place.column} ${cutRows === 1 ? "holds" : "hold"} an order number Excel may have cut to 15 digits${where}. `
      : "";
  const apart =
    keptApart > 0
      ? `${rowsEn(keptApart)} ${keptApart === 1 ? "repeats" : "repeat"} an order number with another payment time, status or buyer: each is kept as its own order, named by its row. `
      : "";
  const cutZh =
    cutRows > 0
      ? `「${place.column}」有 ${cutRows} 行订单号可能被 Excel 截断为 15 位${place.row > 0 ? `（首个：第 ${place.row} 行“${shown(value)}”）` : ""}。`
      : "";
  const apartZh =
    keptApart > 0
      ? `${keptApart} 行与其他行订单号相同，但付款时间、状态或买家不同：各自按独立订单处理，以行号区分。`
      : "";
  return make(
    place,
    value,
    "CUT_ORDER_ID",
    `${cut}${apart}AliExpress order numbers have 16 digits: re-export the orders, or format the order-number column as Text before opening the CSV in Excel.`,
    `${cutZh}${apartZh}速卖通订单号为 16 位：请重新导出，或在 Excel 中打开 CSV 前先把订单号列设为“文本”格式。`,
  );
}

/** A table's totals row (its definition says so, or a total label over a row with no dates): not an order. */
export function totalsRow(place: CellPlace, value: string, byDefinition: boolean): Diagnostic {
  const why = byDefinition ? "the Excel table's totals row" : `a totals row ("${shown(value)}" with no dates)`;
  const whyZh = byDefinition ? "Excel 表格的汇总行" : `汇总行（“${shown(value)}”，没有日期）`;
  return make(
    place,
    value,
    "TOTALS_ROW",
    `Row ${place.row} is ${why}; it is not counted as an order.`,
    `第 ${place.row} 行是${whyZh}，未计为订单。`,
  );
}
