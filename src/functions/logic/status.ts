import { isKnown } from "../../core/numbers";
import type { CanonicalField, ScanOptions, ViolationCode } from "../../core/model";
import { evaluationContext } from "../../core/evaluate/evaluationContext";
import { judgeOrders, type OrderSink } from "../../core/evaluate/judgeOrders";
import { fieldSlot, OrderTable } from "../../core/orders/orderTable";
import { keepShape } from "../../core/keepShape";
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
import { dateArgOf, dateErrorAt, instantsByPosition, readDateArgs, type DateArg } from "./dateArgs";
import { say } from "./language";

const PAID_AT = fieldSlot("paidAt");
const SHIPPED_AT = fieldSlot("shippedAt");
const TRACKING = fieldSlot("trackingNumber");
const SHIP_DEADLINE = fieldSlot("shipDeadline");
const HANDLING_DAYS = fieldSlot("handlingDays");
const CARRIER = fieldSlot("carrier");
const BUYER_CARRIER = fieldSlot("buyerCarrier");
const FIRST_SCAN_AT = fieldSlot("firstScanAt");

/** What AE.STATUS shows for an order with no findings. */
export const STATUS_OK = "OK";
export const CODE_SEPARATOR = ", ";

/** Joined code lists, shared: a range has a handful of distinct ones, so its rows need not each make a string. */
const joinedCodes = new Map<string, Map<string, string>>();

function joinCodes(known: string, code: string): string {
  let after = joinedCodes.get(known);
  if (after === undefined) {
    after = new Map();
    joinedCodes.set(known, after);
  }
  let joined = after.get(code);
  if (joined === undefined) {
    joined = known + CODE_SEPARATOR + code;
    after.set(code, joined);
  }
  return joined;
}

/**
 * Where AE.STATUS hears the codes of its orders. A class, not an object literal made per call, so V8 can inline
 * `flag` into the evaluation loop and drop the message details a formula does not show.
 */
class StatusCodes implements OrderSink {
  readonly codes: Array<string | undefined>;

  constructor(count: number) {
    this.codes = new Array<string | undefined>(count);
  }

  flag(index: number, code: ViolationCode): void {
    const known = this.codes[index];
    this.codes[index] = known === undefined ? code : joinCodes(known, code);
  }
}
keepShape(new StatusCodes(0));

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

  const dates = readDateArgs(
    [
      { arg: paid, parameter: "paidAt" },
      { arg: shipped, parameter: "shippedAt" },
      { arg: deadline, parameter: "deadline" },
      { arg: firstScan, parameter: "firstScan" },
    ],
    reader,
    settings.timeZone,
  );
  const orders = new OrderTable(shape.rows * shape.cols);
  const shownFirst = new Map<number, FunctionErrorValue>();
  readOrders(statusCells(rowArgs, dates, shape), shape, reader, orders, shownFirst);

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

  return resultRows(shape, new ResultCells(orders, statusCodes.codes, shownFirst));
}

/** What the loop over a call's cells reads, the argument cells and the date arguments read beforehand. */
interface StatusCells {
  rowArgs: readonly Arg[];
  tracking: Arg;
  handling: Arg;
  carrier: Arg;
  buyerService: Arg;
  paidDates: DateArg;
  shipTimes: DateArg;
  deadlines: DateArg;
  firstScans: DateArg;
  /** The date arguments' instants by result position (NaN: blank or unreadable, the error looked up only then). */
  paidInstants: Float64Array;
  shipInstants: Float64Array;
  deadlineInstants: Float64Array;
  firstScanInstants: Float64Array;
  /** Whether each of paidAt, shippedAt, trackingNumber and deadline varies by row (see statusResults). */
  perRow: readonly boolean[];
  /** Whether some argument is smaller than the result. */
  partial: boolean;
}

/**
 * The cells of a call as `readOrders` reads them, from its row arguments (paidAt, shippedAt, trackingNumber,
 * deadline, handlingDays) and its date arguments as read (paidAt, shippedAt, deadline). One literal for every call
 * and for keepShape's exemplar, so they have one map.
 */
function statusCells(rowArgs: readonly Arg[], dates: readonly DateArg[], shape: Shape): StatusCells {
  const [paid, shipped, tracking, deadline, handling, carrier, buyerService] = rowArgs as Arg[] as [
    Arg,
    Arg,
    Arg,
    Arg,
    Arg,
    Arg,
    Arg,
  ];
  const [paidDates, shipTimes, deadlines, firstScans] = dates as [DateArg, DateArg, DateArg, DateArg];
  const { rows, cols } = shape;
  // Whether an argument varies by row: a single value repeated over a range (a fixed deadline, say) does not make
  // an otherwise empty row an order, and neither do handling days.
  const single = rows === 1 && cols === 1;
  return {
    rowArgs,
    tracking,
    handling,
    carrier,
    buyerService,
    paidDates,
    shipTimes,
    deadlines,
    firstScans,
    paidInstants: instantsByPosition(paidDates, shape),
    shipInstants: instantsByPosition(shipTimes, shape),
    deadlineInstants: instantsByPosition(deadlines, shape),
    firstScanInstants: instantsByPosition(firstScans, shape),
    perRow: [paid, shipped, tracking, deadline].map(
      (arg) => !isOmitted(arg) && (single || arg.rows > 1 || arg.cols > 1),
    ),
    partial: rowArgs.some((arg) => !isOmitted(arg) && (arg.rows < rows || arg.cols < cols)),
  };
}
{
  const omitted = toArg(null);
  keepShape(
    statusCells(
      [omitted, omitted, omitted, omitted, omitted, omitted, omitted, omitted],
      [omitted, omitted, omitted, omitted].map(dateArgOf),
      resultShape([]),
    ),
  );
}

/**
 * Adds the call's orders to `orders`, straight into the scan's column table (no object per row), and notes in
 * `shownFirst` what a cell shows besides its codes (an input problem, a size mismatch) by position; a position with
 * neither is blank. A function of its own, like `resultRows`: V8 then optimises each loop with what it has seen of
 * it, instead of the whole call's code being optimised in the middle of the first loop and thrown away when it
 * reaches the code after it. The caller makes the table and the map it fills: an object literal made here would
 * have a map that dies with the call, and take this code with it (see keepShape).
 */
function readOrders(
  cells: StatusCells,
  shape: Shape,
  reader: CellReader,
  orders: OrderTable,
  shownFirst: Map<number, FunctionErrorValue>,
): void {
  const { rowArgs, tracking, handling, carrier, buyerService, paidDates, shipTimes, deadlines, perRow, partial } =
    cells;
  const { paidInstants, shipInstants, deadlineInstants, firstScanInstants, firstScans } = cells;
  const hasCarrier = !isOmitted(carrier);
  const hasBuyerService = !isOmitted(buyerService);
  const { rows, cols } = shape;
  const hasHandling = !isOmitted(handling);
  let mismatch: FunctionErrorValue | undefined;
  for (let r = 0, position = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, position++) {
      if (partial && outsideAny(rowArgs, r, c)) {
        shownFirst.set(position, (mismatch ??= sizeMismatchError(reader.lang)));
        continue;
      }
      // Dates as numbers (NaN: blank or unreadable, the error looked up only then), so no value is boxed per row.
      const paidAt = paidInstants[position] as number;
      const shippedAt = shipInstants[position] as number;
      const shipDeadline = deadlineInstants[position] as number;
      const paidError = isKnown(paidAt) ? undefined : dateErrorAt(paidDates, r, c);
      const shipError = isKnown(shippedAt) ? undefined : dateErrorAt(shipTimes, r, c);
      const deadlineError = isKnown(shipDeadline) ? undefined : dateErrorAt(deadlines, r, c);
      const trackingNumber = readTrackingText(cellAt(tracking, r, c), "trackingNumber", reader);
      const blank =
        ((!isKnown(paidAt) && paidError === undefined) || !perRow[0]) &&
        ((!isKnown(shippedAt) && shipError === undefined) || !perRow[1]) &&
        (trackingNumber === undefined || !perRow[2]) &&
        ((!isKnown(shipDeadline) && deadlineError === undefined) || !perRow[3]);
      if (blank) continue;
      const handlingDays = hasHandling ? readHandlingDays(cellAt(handling, r, c), "handlingDays", reader) : undefined;
      const carrierName = hasCarrier ? readTrackingText(cellAt(carrier, r, c), "carrier", reader) : undefined;
      const chosenService = hasBuyerService
        ? readTrackingText(cellAt(buyerService, r, c), "buyerService", reader)
        : undefined;
      const firstScanAt = firstScanInstants[position] as number;
      const firstScanError = isKnown(firstScanAt) ? undefined : dateErrorAt(firstScans, r, c);
      // An order's "row" is its row-major result position + 1, so each finding says which cell its code goes to.
      const order = orders.add(undefined, position + 1);
      if (isKnown(paidAt)) orders.setNumber(order, PAID_AT, paidAt);
      if (isKnown(shippedAt)) orders.setNumber(order, SHIPPED_AT, shippedAt);
      if (typeof trackingNumber === "string") orders.setText(order, TRACKING, trackingNumber);
      if (isKnown(shipDeadline)) orders.setNumber(order, SHIP_DEADLINE, shipDeadline);
      if (typeof handlingDays === "number") orders.setNumber(order, HANDLING_DAYS, handlingDays);
      if (typeof carrierName === "string") orders.setText(order, CARRIER, carrierName);
      if (typeof chosenService === "string") orders.setText(order, BUYER_CARRIER, chosenService);
      if (isKnown(firstScanAt)) orders.setNumber(order, FIRST_SCAN_AT, firstScanAt);
      // The cell shows its input problem, if any, instead of its codes (it is still judged).
      const problem =
        paidError ??
        shipError ??
        (typeof trackingNumber === "object" ? trackingNumber : undefined) ??
        deadlineError ??
        (typeof handlingDays === "object" ? handlingDays : undefined) ??
        (typeof carrierName === "object" ? carrierName : undefined) ??
        (typeof chosenService === "object" ? chosenService : undefined) ??
        firstScanError;
      if (problem !== undefined) shownFirst.set(position, problem);
    }
  }
}

/**
 * The result rows, made last, each with its final values: made before judging, they would be live (and copied by
 * every young-generation collection) through it. In a one-column result, rows showing the same text share one
 * array: Excel reads the result by value, so a 100,000-row range needs a handful of row arrays, not 100,000.
 * Error cells keep rows of their own, as the runtime may convert an error object where it finds it.
 */
function resultRows(shape: Shape, cells: ResultCells): unknown[][] {
  const { rows, cols } = shape;
  const sharedRows = new Map<string, unknown[]>();
  const out: unknown[][] = new Array(rows);
  for (let r = 0, position = 0; r < rows; r++) {
    if (cols === 1) {
      out[r] = sharedRow(sharedRows, cells.valueAt(position++));
      continue;
    }
    const line: unknown[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cells.valueAt(position++);
    out[r] = line;
  }
  return out;
}

/** What each result cell shows, read in position order: its input problem, else its order's codes, else blank. */
class ResultCells {
  private next = 0;
  private nextPosition: number;

  constructor(
    private readonly orders: OrderTable,
    private readonly codes: ReadonlyArray<string | undefined>,
    private readonly shownFirst: ReadonlyMap<number, FunctionErrorValue>,
  ) {
    this.nextPosition = orders.count > 0 ? orders.firstRow(0) - 1 : -1;
  }

  valueAt(position: number): unknown {
    let value: unknown = this.shownFirst.size > 0 ? this.shownFirst.get(position) : undefined;
    if (position === this.nextPosition) {
      value ??= this.codes[this.next] ?? STATUS_OK;
      this.next++;
      this.nextPosition = this.next < this.orders.count ? this.orders.firstRow(this.next) - 1 : -1;
    }
    return value ?? "";
  }
}

keepShape(new ResultCells(new OrderTable(0), [], new Map()));

/** The one-cell row showing `value`: shared by every row showing the same text. */
function sharedRow(rows: Map<string, unknown[]>, value: unknown): unknown[] {
  if (typeof value !== "string") return [value];
  let row = rows.get(value);
  if (row === undefined) {
    row = [value];
    rows.set(value, row);
  }
  return row;
}
