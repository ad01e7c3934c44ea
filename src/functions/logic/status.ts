import { isKnown } from "../../core/numbers";
import type { CanonicalField, ScanOptions, ViolationCode } from "../../core/model";
import { evaluationContext } from "../../core/evaluate/evaluationContext";
import { judgeOrders, type OrderSink } from "../../core/evaluate/judgeOrders";
import { NUMBER, OrderTable, TEXT } from "../../core/orders/orderTable";
import type { ResolvedFunctionSettings } from "../settings";
import { invalidValue, type FunctionErrorValue } from "./errors";
import {
  cellAt,
  fill,
  isOmitted,
  outsideAny,
  resultShape,
  sizeMismatchError,
  toArg,
  unexpectedError,
  type Arg,
  type Shape,
} from "./matrix";
import { cellReader, readHandlingDays, readInstant, readTrackingText, type CellReader } from "./inputs";
import { dateErrorAt, instantsByPosition, readDateArgs, type DateArg } from "./dateArgs";
import { say } from "./language";

/** What AE.STATUS shows for an order with no findings. */
export const STATUS_OK = "OK";
export const CODE_SEPARATOR = ", ";

/**
 * Where AE.STATUS hears the codes of its orders: each order's codes, joined in the order they come. A range has a
 * handful of distinct code lists, so each list is joined once and its rows share the text.
 */
class StatusCodes implements OrderSink {
  readonly codesOnly = true;
  readonly codes: string[];
  private readonly joined = new Map<string, Map<string, string>>();

  constructor(count: number) {
    this.codes = new Array<string>(count).fill("");
  }

  flag(index: number, code: ViolationCode): void {
    const known = this.codes[index] as string;
    this.codes[index] = known === "" ? code : this.join(known, code);
  }

  private join(known: string, code: string): string {
    let after = this.joined.get(known);
    if (after === undefined) {
      after = new Map();
      this.joined.set(known, after);
    }
    let joined = after.get(code);
    if (joined === undefined) {
      joined = known + CODE_SEPARATOR + code;
      after.set(code, joined);
    }
    return joined;
  }
}

export interface StatusArguments {
  paidAt: unknown;
  shippedAt: unknown;
  trackingNumber: unknown;
  deadline?: unknown;
  asOf?: unknown;
  handlingDays?: unknown;
  /** The declared carrier or logistics service (实际发货物流), for CARRIER_MISMATCH and SERVICE_DOWNGRADE. */
  carrier?: unknown;
  /** The buyer's chosen logistics service (买家选择物流), for SERVICE_DOWNGRADE. */
  buyerService?: unknown;
  /** The carrier's first scan (上网时间), for NOT_ONLINE and SCAN_BEFORE_PAYMENT. */
  firstScan?: unknown;
}

/**
 * The one moment the whole range is judged at: left out or blank means `now`; a range must hold one date
 * (the scan judges every order at the same moment).
 */
function judgedAt(asOf: Arg, reader: CellReader, now: number): number | FunctionErrorValue {
  if (isOmitted(asOf)) return now;
  let moment: number | undefined;
  for (let r = 0; r < asOf.rows; r++) {
    for (let c = 0; c < asOf.cols; c++) {
      const value = readInstant(cellAt(asOf, r, c), "asOf", reader);
      if (value === undefined) continue;
      if (typeof value !== "number") return value;
      if (moment !== undefined && moment !== value) {
        return invalidValue(
          say(
            reader.lang,
            "asOf must be one date for the whole range (one cell)",
            "asOf 对整个区域必须是同一个日期（一个单元格）",
          ),
        );
      }
      moment = value;
    }
  }
  return moment ?? now;
}

/** The #VALUE! a cell's reading gave, if it gave one. */
function errorOf(read: string | number | undefined | FunctionErrorValue): FunctionErrorValue | undefined {
  return typeof read === "object" ? read : undefined;
}

/**
 * AE.STATUS: the report codes the scan gives each order, comma-separated, or OK. The orders of the whole range are
 * judged together by the scan's `judgeOrders`, so DUPLICATE_TRACKING sees every row of the range (and only those rows: a formula
 * in a single cell cannot see the other orders). The columns the formula has (payment, ship time, tracking, and
 * the deadline when given) are the columns the scan treats as present.
 *
 * Blank rows give blank results. A row with a cell that cannot be read shows #VALUE!, and is still judged on what
 * could be read (as the scan judges it), so its tracking number still counts for other rows' duplicates.
 */
export function statusResults(input: StatusArguments, settings: ResolvedFunctionSettings, now: number): unknown[][] {
  const paid = toArg(input.paidAt);
  const shipped = toArg(input.shippedAt);
  const tracking = toArg(input.trackingNumber);
  const deadline = toArg(input.deadline);
  const asOfArg = toArg(input.asOf);
  const handling = toArg(input.handlingDays);
  const carrier = toArg(input.carrier);
  const buyerService = toArg(input.buyerService);
  const firstScan = toArg(input.firstScan);
  // asOf is one moment for the whole range, so it does not widen the result.
  const rowArgs = [paid, shipped, tracking, deadline, handling, carrier, buyerService, firstScan];
  const shape = resultShape(rowArgs);
  const lang = settings.lang;
  const reader = cellReader(settings);

  const asOf = judgedAt(asOfArg, reader, now);
  if (typeof asOf !== "number") return fill(shape, asOf);

  const present = new Set<CanonicalField>(["paidAt", "shippedAt", "trackingNumber"]);
  if (!isOmitted(deadline)) present.add("shipDeadline");
  if (!isOmitted(handling)) present.add("handlingDays");
  if (!isOmitted(carrier)) present.add("carrier");
  if (!isOmitted(buyerService)) present.add("buyerCarrier");
  if (!isOmitted(firstScan)) present.add("firstScanAt");

  const [paidDates, shipTimes, deadlines, firstScans] = readDateArgs(
    [
      { arg: paid, parameter: "paidAt" },
      { arg: shipped, parameter: "shippedAt" },
      { arg: deadline, parameter: "deadline" },
      { arg: firstScan, parameter: "firstScan" },
    ],
    reader,
    settings.timeZone,
  ) as [DateArg, DateArg, DateArg, DateArg];

  const cells: CallCells = {
    shape,
    rowArgs,
    tracking,
    handling,
    carrier,
    buyerService,
    dates: { paid: paidDates, shipped: shipTimes, deadline: deadlines, firstScan: firstScans },
  };
  const orders = new OrderTable(shape.rows * shape.cols);
  const { orderAt, shownFirst } = readRows(cells, reader, orders);

  const statusCodes = new StatusCodes(orders.count);
  if (orders.count > 0) {
    const options: ScanOptions = {
      asOf,
      timeZone: settings.timeZone,
      handlingDays: settings.handlingDays,
      dueSoonHours: settings.dueSoonHours,
      lang,
    };
    // The scan's own judgement, joined per order as the codes come (each order's own, then DUPLICATE_TRACKING):
    // no finding objects, messages, points or assessment, which a formula does not show.
    try {
      judgeOrders(orders, evaluationContext(options, settings.rulebook, present), statusCodes);
    } catch (error) {
      return fill(shape, unexpectedError(error, lang));
    }
  }
  return resultRows(shape, orderAt, statusCodes.codes, shownFirst);
}

/** A call's row arguments, and its date arguments as read. */
interface CallCells {
  shape: Shape;
  rowArgs: readonly Arg[];
  tracking: Arg;
  handling: Arg;
  carrier: Arg;
  buyerService: Arg;
  dates: { paid: DateArg; shipped: DateArg; deadline: DateArg; firstScan: DateArg };
}

/**
 * Reads each result position that holds an order into `orders` (the scan's order table). Returns each position's
 * order (-1: none) and what a cell shows instead of its codes: its input problem, or #N/A outside a smaller argument.
 */
function readRows(
  cells: CallCells,
  reader: CellReader,
  orders: OrderTable,
): { orderAt: Int32Array; shownFirst: Map<number, FunctionErrorValue> } {
  const { shape, rowArgs, tracking, handling, carrier, buyerService, dates } = cells;
  const { rows, cols } = shape;
  // Whether an argument varies by row: a single value repeated over a range (a fixed deadline, say) does not make
  // an otherwise empty row an order, and neither do handling days.
  const single = rows === 1 && cols === 1;
  const variesByRow = (arg: Arg): boolean => !isOmitted(arg) && (single || arg.rows > 1 || arg.cols > 1);
  const [paidVaries, shippedVaries, trackingVaries, deadlineVaries] = rowArgs.slice(0, 4).map(variesByRow);
  const partial = rowArgs.some((arg) => !isOmitted(arg) && (arg.rows < rows || arg.cols < cols));
  const paidInstants = instantsByPosition(dates.paid, rows, cols);
  const shipInstants = instantsByPosition(dates.shipped, rows, cols);
  const deadlineInstants = instantsByPosition(dates.deadline, rows, cols);
  const firstScanInstants = instantsByPosition(dates.firstScan, rows, cols);

  const hasHandling = !isOmitted(handling);
  const hasCarrier = !isOmitted(carrier);
  const hasBuyerService = !isOmitted(buyerService);

  const orderAt = new Int32Array(rows * cols).fill(-1);
  const shownFirst = new Map<number, FunctionErrorValue>();
  for (let r = 0, position = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, position++) {
      if (partial && outsideAny(rowArgs, r, c)) {
        shownFirst.set(position, sizeMismatchError(reader.lang));
        continue;
      }
      // Dates as numbers, NaN when blank or unreadable (the error looked up only then).
      const paidAt = paidInstants[position] as number;
      const shippedAt = shipInstants[position] as number;
      const shipDeadline = deadlineInstants[position] as number;
      const paidError = isKnown(paidAt) ? undefined : dateErrorAt(dates.paid, r, c);
      const shipError = isKnown(shippedAt) ? undefined : dateErrorAt(dates.shipped, r, c);
      const deadlineError = isKnown(shipDeadline) ? undefined : dateErrorAt(dates.deadline, r, c);
      const trackingNumber = readTrackingText(cellAt(tracking, r, c), "trackingNumber", reader);
      const blank =
        ((!isKnown(paidAt) && paidError === undefined) || !paidVaries) &&
        ((!isKnown(shippedAt) && shipError === undefined) || !shippedVaries) &&
        (trackingNumber === undefined || !trackingVaries) &&
        ((!isKnown(shipDeadline) && deadlineError === undefined) || !deadlineVaries);
      if (blank) continue;
      // The optional arguments, left out of most calls, are read only when given.
      const handlingDays = hasHandling ? readHandlingDays(cellAt(handling, r, c), "handlingDays", reader) : undefined;
      const carrierName = hasCarrier ? readTrackingText(cellAt(carrier, r, c), "carrier", reader) : undefined;
      const chosenService = hasBuyerService
        ? readTrackingText(cellAt(buyerService, r, c), "buyerService", reader)
        : undefined;
      const firstScanAt = firstScanInstants[position] as number;
      const firstScanError = isKnown(firstScanAt) ? undefined : dateErrorAt(dates.firstScan, r, c);

      // An order's "row" is its row-major result position + 1, so each finding says which cell its code goes to.
      const order = orders.add(undefined, position + 1);
      orderAt[position] = order;
      if (isKnown(paidAt)) orders.setNumber(order, NUMBER.paidAt, paidAt);
      if (isKnown(shippedAt)) orders.setNumber(order, NUMBER.shippedAt, shippedAt);
      if (typeof trackingNumber === "string") orders.setText(order, TEXT.trackingNumber, trackingNumber);
      if (isKnown(shipDeadline)) orders.setNumber(order, NUMBER.shipDeadline, shipDeadline);
      if (typeof handlingDays === "number") orders.setNumber(order, NUMBER.handlingDays, handlingDays);
      if (typeof carrierName === "string") orders.setText(order, TEXT.carrier, carrierName);
      if (typeof chosenService === "string") orders.setText(order, TEXT.buyerCarrier, chosenService);
      if (isKnown(firstScanAt)) orders.setNumber(order, NUMBER.firstScanAt, firstScanAt);
      // The cell shows its input problem, if any, instead of its codes (the order is still judged).
      const problem =
        paidError ??
        shipError ??
        errorOf(trackingNumber) ??
        deadlineError ??
        errorOf(handlingDays) ??
        errorOf(carrierName) ??
        errorOf(chosenService) ??
        firstScanError;
      if (problem !== undefined) shownFirst.set(position, problem);
    }
  }
  return { orderAt, shownFirst };
}

/**
 * What each result cell shows: its input problem, else its order's codes (OK for none), else blank. In a one-column
 * result, rows showing the same text share one array (Excel reads the result by value).
 */
function resultRows(
  shape: Shape,
  orderAt: Int32Array,
  codes: readonly string[],
  shownFirst: ReadonlyMap<number, FunctionErrorValue>,
): unknown[][] {
  const shownAt = (position: number): unknown => {
    const problem = shownFirst.size > 0 ? shownFirst.get(position) : undefined;
    if (problem !== undefined) return problem;
    const order = orderAt[position] as number;
    return order < 0 ? "" : codes[order] || STATUS_OK;
  };
  const result: unknown[][] = new Array(shape.rows);
  if (shape.cols === 1) {
    const rowsByText = new Map<string, unknown[]>();
    for (let r = 0; r < shape.rows; r++) {
      const shown = shownAt(r);
      if (typeof shown !== "string") {
        result[r] = [shown];
        continue;
      }
      let row = rowsByText.get(shown);
      if (row === undefined) {
        row = [shown];
        rowsByText.set(shown, row);
      }
      result[r] = row;
    }
    return result;
  }
  for (let r = 0, position = 0; r < shape.rows; r++) {
    const line: unknown[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++, position++) line[c] = shownAt(position);
    result[r] = line;
  }
  return result;
}
