import type { CellValue, DiagnosticProblem, ViolationCode } from "../core/model";
import { seededRandom, type Random } from "./prng";

/**
 * A realistic seller-centre order export, made up but deterministic: ~200 orders of one store relative to a fixed
 * as-of moment, designed so that every report code fires on orders a reader can point at, next to many clean ones.
 *
 * Pure TypeScript (no Node, no Date.now): the CLI, the tests and the task pane's browser preview all build it.
 */

/** The moment the sample is judged at: noon on 15 June 2025, US Pacific daylight time. */
export const SAMPLE_AS_OF = "2025-06-15T12:00:00-07:00";
/** The zone the sample's date-times are written in (AliExpress's own). */
export const SAMPLE_TIME_ZONE = "America/Los_Angeles";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Handling time the store's products carry: the export's 发货期限 is payment + this. */
const STORE_HANDLING_DAYS = 7;

/** A wall-clock reading in the sheet's zone, encoded as if UTC (the convention of src/core/dates). */
const wall = (month: number, day: number, hour = 0, minute = 0): number => Date.UTC(2025, month - 1, day, hour, minute);
/** SAMPLE_AS_OF as the sheet's wall clock. */
export const SAMPLE_AS_OF_WALL = wall(6, 15, 12);

export type SampleScenario =
  | "clean-shipped"
  | "clean-awaiting"
  | "due-soon"
  | "overdue"
  | "shipped-late"
  | "shipped-late-not-online"
  | "missing-tracking"
  | "invalid-check-digit"
  | "invalid-format"
  | "invalid-placeholder"
  | "duplicate-tracking"
  | "not-online-late-scan"
  | "not-online-no-scan"
  | "seller-cancelled"
  | "buyer-cancelled"
  | "unpaid"
  | "scan-before-payment"
  | "carrier-mismatch"
  | "service-downgrade"
  | "semi-managed";

export type SampleStatus = "unpaid" | "awaiting" | "shipped" | "completed" | "closed";

export interface SampleProductLine {
  name: string;
  quantity: number;
  unitPrice: number;
}

/** Cells written the way real sheets get them wrong; the value replaces the clean one in both languages. */
export type SampleOddCell = "paidAt" | "shippedAt" | "firstScanAt" | "buyerName";

export interface SampleOrder {
  orderId: string;
  scenario: SampleScenario;
  /** What the row is there to show, in a sentence. */
  note: string;
  status: SampleStatus;
  buyerName: string;
  /** Wall-clock readings (ms, encoded as if UTC) in SAMPLE_TIME_ZONE. */
  createdAt: number;
  paidAt?: number;
  shipDeadline?: number;
  shippedAt?: number;
  firstScanAt?: number;
  amount: number;
  country: string;
  buyerCarrier: string;
  /** Carrier code as the export's combined 实际发货物流:运单号 cell writes it, e.g. "CAINIAO_STANDARD". */
  carrier?: string;
  /** The tracking number exactly as the cell holds it (spaces, case and width included). */
  tracking?: string;
  /** 订单业务模式: shipped by the platform's warehouse (半托管仓发订单) or by the seller (the default). */
  businessMode?: "warehouse" | "seller";
  cancelReason?: { zh: string; en: string };
  /** One line per product; lines after the first become ERP-style continuation rows. */
  products: SampleProductLine[];
  odd?: Partial<Record<SampleOddCell, CellValue>>;
  /** The codes a careful reader expects this order to raise at SAMPLE_AS_OF, by design. */
  expected: ViolationCode[];
  /** The diagnostic its odd cell should produce, if any. */
  expectedDiagnostic?: { field: SampleOddCell; problem: DiagnosticProblem };
}

const BUYERS = [
  "Olivia Martin",
  "Liam Johnson",
  "Sofia Rossi",
  "Lucas Silva",
  "Emma Dubois",
  "Noah Müller",
  "Ana Souza",
  "Mateo García",
  "Chloé Bernard",
  "Jakub Nowak",
  "Иван Петров",
  "Мария Смирнова",
  "Min-jun Kim",
  "Yuna Lee",
  "Noa Cohen",
  "Daan de Vries",
  "Oksana Shevchenko",
  "Pedro Alves",
  "Julia Kowalska",
  "Ethan Brown",
  "Camila López",
  "Hugo Martínez",
  "Lea Fischer",
  "Tomás Ferreira",
  "Ava Wilson",
  "Elif Yılmaz",
  "Omar Haddad",
  "Sara Lind",
];
const COUNTRIES = ["US", "RU", "BR", "ES", "FR", "PL", "KR", "IL", "NL", "UA", "DE", "CL", "MX", "TR", "GB"];
const PRODUCTS: ReadonlyArray<{ name: string; price: number }> = [
  { name: "Phone case for iPhone 15, matte black", price: 3.89 },
  { name: "USB-C braided cable 1 m", price: 2.45 },
  { name: "Wireless earbuds TWS, white", price: 12.9 },
  { name: "Silicone watch band 22 mm", price: 4.2 },
  { name: "LED strip 5 m RGB with remote", price: 9.75 },
  { name: "Stainless steel water bottle 750 ml", price: 8.6 },
  { name: "Magnetic car phone holder", price: 5.15 },
  { name: "Tempered glass screen protector (2 pcs)", price: 1.99 },
  { name: "Mechanical keyboard keycaps PBT", price: 17.4 },
  { name: "Cotton T-shirt, oversize, grey", price: 7.3 },
];
const BUYER_CARRIERS = [
  "AliExpress Standard Shipping",
  "AliExpress Saver Shipping",
  "Cainiao Super Economy",
  "YunExpress",
];

/** UPU S10 check digit over the 8-digit serial. */
function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let total = 0;
  for (let i = 0; i < 8; i++) total += Number(serial[i]) * (weights[i] as number);
  const check = 11 - (total % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** Digits that look like a real serial: not all one digit, not a run such as 345678. */
function realisticDigits(random: Random, count: number): string {
  for (;;) {
    const digits = random.digits(count);
    let run = 1;
    let longestRun = 1;
    for (let i = 1; i < digits.length; i++) {
      const step = Number(digits[i]) - Number(digits[i - 1]);
      run = step === 1 || step === -1 || step === 0 ? run + 1 : 1;
      longestRun = Math.max(longestRun, run);
    }
    if (longestRun < 4 && digits[0] !== "0") return digits;
  }
}

interface Shipment {
  carrier: string;
  tracking: string;
}

function s10(random: Random, prefix: string): string {
  const serial = realisticDigits(random, 8);
  return `${prefix}${serial}${s10CheckDigit(serial)}CN`;
}

function validShipment(random: Random): Shipment {
  switch (random.int(0, 3)) {
    case 0:
      return { carrier: "CAINIAO_STANDARD", tracking: `LP${realisticDigits(random, 14)}` };
    case 1:
      return { carrier: "YANWEN_JYT", tracking: s10(random, "UG") };
    case 2:
      return { carrier: "CPAM", tracking: s10(random, random.pick(["RB", "RL", "LX"])) };
    default:
      return { carrier: "YUNEXPRESS", tracking: `YT${realisticDigits(random, 16)}` };
  }
}

/** An S10 number whose check digit is wrong by one. */
function wrongCheckDigitShipment(random: Random): Shipment {
  const serial = realisticDigits(random, 8);
  const wrong = (s10CheckDigit(serial) + 1) % 10;
  return { carrier: "CPAM", tracking: `RB${serial}${wrong}CN` };
}

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;
const toFullWidthDigits = (text: string): string =>
  text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + FULL_WIDTH_OFFSET));

/** "lx 4837 2916 5cn": what a number looks like after being typed from a label. */
const typedFromLabel = (tracking: string): string =>
  `${tracking.slice(0, 2)} ${tracking.slice(2, 6)} ${tracking.slice(6, 10)} ${tracking.slice(10)}`.toLowerCase();

const between = (random: Random, from: number, to: number): number =>
  from + Math.floor((random.next() * (to - from)) / 1000) * 1000;

class OrderFactory {
  private readonly ids = new Set<string>();
  constructor(private readonly random: Random) {}

  private orderId(): string {
    for (;;) {
      const id = `80${this.random.digits(14)}`;
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  private products(lines: number): SampleProductLine[] {
    const result: SampleProductLine[] = [];
    for (let i = 0; i < lines; i++) {
      const product = this.random.pick(PRODUCTS);
      result.push({ name: product.name, quantity: this.random.int(1, 3), unitPrice: product.price });
    }
    return result;
  }

  /** An order paid at a random moment in [paidFrom, paidTo). */
  make(
    scenario: SampleScenario,
    note: string,
    status: SampleStatus,
    paidFrom: number | undefined,
    paidTo: number,
    expected: ViolationCode[],
    lines = 1,
  ): SampleOrder {
    const random = this.random;
    const paidAt = paidFrom === undefined ? undefined : between(random, paidFrom, paidTo);
    const createdAt =
      (paidAt ?? between(random, paidTo - 2 * DAY, paidTo)) - random.int(1, 90) * MINUTE - random.int(0, 59) * 1000;
    const products = this.products(lines);
    const amount = Math.round(products.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) * 100) / 100;
    return {
      orderId: this.orderId(),
      scenario,
      note,
      status,
      buyerName: random.pick(BUYERS),
      createdAt,
      paidAt,
      shipDeadline: paidAt === undefined ? undefined : paidAt + STORE_HANDLING_DAYS * DAY,
      amount,
      country: random.pick(COUNTRIES),
      buyerCarrier: random.pick(BUYER_CARRIERS),
      products,
      expected,
    };
  }

  /** Ships `order` at `shippedAt` with `shipment`, and a first carrier scan `scanDelay` later when it is before as-of. */
  ship(
    order: SampleOrder,
    shippedAt: number,
    shipment: Shipment | undefined,
    scanDelay: number | undefined,
  ): SampleOrder {
    order.shippedAt = shippedAt;
    if (shipment) {
      order.carrier = shipment.carrier;
      order.tracking = shipment.tracking;
    }
    if (scanDelay !== undefined && shippedAt + scanDelay < SAMPLE_AS_OF_WALL) order.firstScanAt = shippedAt + scanDelay;
    order.status = shippedAt < wall(6, 1) ? "completed" : "shipped";
    return order;
  }

  /** A clean shipment: before the deadline, a valid number, scanned within a day or two. */
  shipOnTime(order: SampleOrder, shipment = validShipment(this.random)): SampleOrder {
    const deadline = order.shipDeadline as number;
    const latest = Math.min(deadline - HOUR, SAMPLE_AS_OF_WALL - 2 * HOUR);
    const shippedAt = between(this.random, (order.paidAt as number) + 3 * HOUR, latest);
    return this.ship(order, shippedAt, shipment, this.random.int(5, 40) * HOUR);
  }

  validShipment(): Shipment {
    return validShipment(this.random);
  }

  wrongCheckDigitShipment(): Shipment {
    return wrongCheckDigitShipment(this.random);
  }
}

const SELLER_REASONS = [
  { zh: "库存不足", en: "Out of stock" },
  { zh: "卖家无法发货", en: "Seller cannot ship" },
  { zh: "价格填写错误", en: "Wrong price listed" },
  { zh: "运费设置错误", en: "Wrong shipping cost" },
];
const BUYER_REASONS = [
  { zh: "买家现在不想购买", en: "Buyer no longer wants the item" },
  { zh: "其他原因", en: "Other reasons" },
  { zh: "备货期不满足买家期望值", en: "Handling time does not meet expectation" },
  { zh: "买家取消", en: "Buyer cancelled" },
];

/** Every order of the sample, in no particular order (sampleSheet sorts them newest first, as exports do). */
export function buildSampleOrders(): SampleOrder[] {
  const random = seededRandom(20250615);
  const f = new OrderFactory(random);
  const orders: SampleOrder[] = [];
  const add = (order: SampleOrder): SampleOrder => {
    orders.push(order);
    return order;
  };

  // Shipped on time, valid numbers, scanned within 72 h: no code.
  for (let i = 0; i < 122; i++) {
    add(
      f.shipOnTime(
        f.make(
          "clean-shipped",
          "Shipped on time with a valid tracking number",
          "shipped",
          wall(5, 18),
          wall(6, 13),
          [],
          i === 7 ? 2 : 1,
        ),
      ),
    );
  }
  // Awaiting shipment with more than a day left: no code.
  for (let i = 0; i < 24; i++) {
    add(
      f.make(
        "clean-awaiting",
        "Awaiting shipment, deadline more than 24 h away",
        "awaiting",
        wall(6, 10),
        wall(6, 15, 10),
        [],
        i === 3 ? 2 : 1,
      ),
    );
  }
  // Deadline within the next 24 h: DUE_SOON (paid 8 Jun 13:00 – 9 Jun 11:00, deadline 15 Jun 13:00 – 16 Jun 11:00).
  for (let i = 0; i < 6; i++) {
    add(
      f.make("due-soon", "Awaiting shipment, deadline within 24 h", "awaiting", wall(6, 8, 13), wall(6, 9, 11), [
        "DUE_SOON",
      ]),
    );
  }
  // Deadline passed, nothing shipped: OVERDUE_UNSHIPPED.
  for (let i = 0; i < 8; i++) {
    add(
      f.make(
        "overdue",
        "Not shipped and the deadline has passed",
        "awaiting",
        wall(5, 28),
        wall(6, 7, 12),
        ["OVERDUE_UNSHIPPED"],
        i === 0 ? 3 : 1,
      ),
    );
  }
  // Shipped after the deadline, scanned promptly: SHIPPED_LATE.
  for (let i = 0; i < 7; i++) {
    const order = f.make(
      "shipped-late",
      "Shipped after the deadline",
      "shipped",
      wall(5, 20),
      wall(6, 4),
      ["SHIPPED_LATE"],
      i === 0 ? 2 : 1,
    );
    const shippedAt = (order.shipDeadline as number) + random.int(3, 90) * HOUR;
    add(f.ship(order, shippedAt, f.validShipment(), random.int(6, 48) * HOUR));
  }
  {
    const order = f.make(
      "shipped-late-not-online",
      "Shipped a day late and first scanned 4.5 days after that",
      "shipped",
      wall(5, 20),
      wall(6, 1),
      ["SHIPPED_LATE", "NOT_ONLINE"],
    );
    add(f.ship(order, (order.shipDeadline as number) + DAY, f.validShipment(), 108 * HOUR));
  }
  // Marked shipped in the last five days without a tracking number: MISSING_TRACKING (too recent for NOT_ONLINE).
  for (let i = 0; i < 5; i++) {
    const order = f.make(
      "missing-tracking",
      "Marked shipped without a tracking number",
      "shipped",
      wall(6, 10),
      wall(6, 12),
      ["MISSING_TRACKING"],
    );
    const shipment = i === 0 ? { carrier: "YANWEN_JYT", tracking: "" } : undefined;
    add(f.ship(order, (order.paidAt as number) + 20 * HOUR, shipment, undefined));
  }
  // Invalid numbers, all shipped recently with no scan yet.
  for (let i = 0; i < 3; i++) {
    const order = f.make(
      "invalid-check-digit",
      "S10 tracking number with a wrong check digit",
      "shipped",
      wall(6, 10),
      wall(6, 12),
      ["INVALID_TRACKING"],
    );
    add(f.ship(order, (order.paidAt as number) + 18 * HOUR, f.wrongCheckDigitShipment(), undefined));
  }
  for (const tracking of ["AEG0426-77", "WH-2025-0611"]) {
    const order = f.make(
      "invalid-format",
      "Tracking number matches no carrier's format",
      "shipped",
      wall(6, 10),
      wall(6, 12),
      ["INVALID_TRACKING"],
    );
    add(f.ship(order, (order.paidAt as number) + 18 * HOUR, { carrier: "OTHER", tracking }, undefined));
  }
  {
    const order = f.make(
      "invalid-placeholder",
      "A placeholder typed instead of a number",
      "shipped",
      wall(6, 10),
      wall(6, 12),
      ["INVALID_TRACKING"],
    );
    add(f.ship(order, (order.paidAt as number) + 18 * HOUR, { carrier: "YANWEN_JYT", tracking: "TBD" }, undefined));
  }
  // The same valid number on two different orders (twice): DUPLICATE_TRACKING on all four.
  for (let pair = 0; pair < 2; pair++) {
    const shipment = f.validShipment();
    for (let i = 0; i < 2; i++) {
      add(
        f.shipOnTime(
          f.make("duplicate-tracking", "Same tracking number as another order", "shipped", wall(6, 2), wall(6, 10), [
            "DUPLICATE_TRACKING",
          ]),
          shipment,
        ),
      );
    }
  }
  // First carrier scan more than 72 h after shipment: NOT_ONLINE.
  for (let i = 0; i < 3; i++) {
    const order = f.make(
      "not-online-late-scan",
      "First carrier scan more than 72 h after shipment",
      "shipped",
      wall(5, 22),
      wall(6, 5),
      ["NOT_ONLINE"],
    );
    const shippedAt = (order.paidAt as number) + random.int(20, 60) * HOUR;
    add(f.ship(order, shippedAt, f.validShipment(), random.int(80, 120) * HOUR));
  }
  // Shipped more than five days ago and never scanned: NOT_ONLINE.
  for (let i = 0; i < 3; i++) {
    const order = f.make(
      "not-online-no-scan",
      "No carrier scan five days after shipment",
      "shipped",
      wall(5, 26),
      wall(6, 6),
      ["NOT_ONLINE"],
    );
    add(f.ship(order, (order.paidAt as number) + random.int(20, 60) * HOUR, f.validShipment(), undefined));
  }
  // Closed before shipment: seller-side reasons count, buyer-side ones do not.
  for (let i = 0; i < 4; i++) {
    const order = add(
      f.make(
        "seller-cancelled",
        "Closed before shipment for a seller-side reason",
        "closed",
        wall(5, 25),
        wall(6, 10),
        ["SELLER_CANCELLED"],
      ),
    );
    order.cancelReason = SELLER_REASONS[i];
  }
  for (let i = 0; i < 4; i++) {
    const order = add(
      f.make("buyer-cancelled", "Closed at the buyer's request", "closed", wall(5, 25), wall(6, 10), []),
    );
    order.cancelReason = BUYER_REASONS[i];
  }
  // Not paid yet: no clock running.
  for (let i = 0; i < 3; i++) {
    const order = add(f.make("unpaid", "Placed but not paid", "unpaid", undefined, wall(6, 15, 9), []));
    order.shipDeadline = undefined;
  }

  // Bad cells on clean orders: the order is still judged, nothing is changed.
  const clean = orders.filter((order) => order.scenario === "clean-shipped");
  const recent = clean.filter((order) => (order.shippedAt as number) > SAMPLE_AS_OF_WALL - 4 * DAY);
  const older = clean.filter((order) => (order.shippedAt as number) < SAMPLE_AS_OF_WALL - 8 * DAY);
  const textDate = older[0] as SampleOrder;
  textDate.note = "Payment time typed as text";
  textDate.odd = {
    paidAt: wallText(textDate.paidAt as number)
      .replace(/-/g, "/")
      .slice(0, 16),
  };
  const unparseable = older[1] as SampleOrder;
  unparseable.note = "Ship time that is no date (32/13/2025)";
  unparseable.odd = { shippedAt: "32/13/2025" };
  unparseable.expectedDiagnostic = { field: "shippedAt", problem: "UNPARSEABLE_DATE" };
  const errorCell = recent[0] as SampleOrder;
  errorCell.note = "First-scan cell holds #N/A from a lookup";
  errorCell.firstScanAt = undefined;
  errorCell.odd = { firstScanAt: { error: "#N/A" } };
  errorCell.expectedDiagnostic = { field: "firstScanAt", problem: "EXCEL_ERROR" };
  const formulaName = older[2] as SampleOrder;
  formulaName.note = "Buyer name that looks like a formula";
  formulaName.odd = { buyerName: '=HYPERLINK("http://x","y")' };
  const lowerCase = older[3] as SampleOrder;
  lowerCase.note = "Tracking number typed in lower case with spaces";
  lowerCase.carrier = "CPAM";
  lowerCase.tracking = typedFromLabel(s10(random, "LX"));
  const fullWidth = older[4] as SampleOrder;
  fullWidth.note = "Tracking number with full-width digits";
  fullWidth.carrier = "CAINIAO_STANDARD";
  fullWidth.tracking = `LP${toFullWidthDigits(realisticDigits(random, 14))}`;

  // 虚假发货 signals an order sheet shows (R3 / R7), made after every order above so those stay as they were.
  {
    const order = f.make(
      "scan-before-payment",
      "First carrier scan two days before the buyer paid: the number is another parcel's",
      "shipped",
      wall(6, 2),
      wall(6, 8),
      ["SCAN_BEFORE_PAYMENT"],
    );
    const shippedAt = (order.paidAt as number) + 20 * HOUR;
    add(f.ship(order, shippedAt, f.validShipment(), (order.paidAt as number) - 2 * DAY - shippedAt));
  }
  {
    const order = f.make(
      "carrier-mismatch",
      "Declared UPS, but the number is a China Post one",
      "shipped",
      wall(6, 2),
      wall(6, 8),
      ["CARRIER_MISMATCH"],
    );
    add(f.shipOnTime(order, { carrier: "UPS", tracking: s10(random, "LX") }));
  }
  {
    const order = f.make(
      "service-downgrade",
      "Buyer paid for AliExpress Standard Shipping, shipped with the cheaper Saver service",
      "shipped",
      wall(6, 2),
      wall(6, 8),
      ["SERVICE_DOWNGRADE"],
    );
    order.buyerCarrier = "AliExpress Standard Shipping";
    add(f.shipOnTime(order, { carrier: "CAINIAO_ECONOMY", tracking: `LP${realisticDigits(random, 14)}` }));
  }
  // Semi-managed rows: the platform's warehouse ships them, so even an overdue one is not the seller's violation.
  for (let i = 0; i < 3; i++) {
    const order = add(
      f.make(
        "semi-managed",
        "Shipped by the platform's warehouse (半托管仓发订单): not judged",
        "awaiting",
        wall(5, 25),
        wall(6, 5),
        [],
      ),
    );
    order.businessMode = "warehouse";
  }
  return orders;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** `2025-06-03 14:22:05`: how exports write a date-time as text. */
export function wallText(wallMs: number): string {
  const d = new Date(wallMs);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}
