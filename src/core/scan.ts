import { isKnown } from "./numbers";
import type {
  CanonicalField,
  Diagnostic,
  Finding,
  Instant,
  Order,
  ScanOptions,
  SheetGrid,
  ViolationCode,
} from "./model";
import { CANONICAL_FIELDS } from "./model";
import { ALIEXPRESS_RULEBOOK } from "./rulebook/aliexpress";
import type { Rulebook } from "./rulebook/types";
import { readOrderSheet, type ColumnMapping, type SheetReadResult } from "./sheet";
import { evaluationContext } from "./evaluate/evaluationContext";
import { judgeOrders } from "./evaluate/judgeOrders";
import { ScanFinding, type FindingText } from "./evaluate/findingText";
import { OrderTable, TEXT } from "./orders/orderTable";
import { logisticsNotes } from "./evaluate/logisticsNotes";
import { onlineRate } from "./evaluate/onlineRate";
import { FALSE_SHIPMENT_FAMILY, falseShipmentOrder } from "./evaluate/falseShipmentOrder";
import { assessFindings, assignPoints } from "./assess";
import type { AwaitingOrder, FalseShipmentOrder, ScanResult, ShippedLateOrder, SkippedCheck } from "./report/types";

export interface ScanInput {
  grid: SheetGrid;
  options: ScanOptions;
  mapping?: ColumnMapping;
  rulebook?: Rulebook;
  file?: string;
}

/** Where the orders came from, for the report. */
export interface ScanSource {
  file?: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  lastRow: number;
  rows: number;
  columns: Partial<Record<CanonicalField, string>>;
}

/** Checks that need a column, so a sheet without it gets one note instead of a guess. */
const CHECK_REQUIREMENTS: Array<{ codes: ViolationCode[]; field: CanonicalField; en: string; zh: string }> = [
  {
    codes: ["MISSING_TRACKING", "INVALID_TRACKING", "DUPLICATE_TRACKING", "CARRIER_MISMATCH"],
    field: "trackingNumber",
    en: "No tracking-number column: the tracking checks were skipped.",
    zh: "没有运单号列：已跳过运单号检查。",
  },
  {
    codes: ["SHIPPED_LATE"],
    field: "shippedAt",
    en: "No ship-time column: shipped-late was not checked.",
    zh: "没有发货时间列：未检查延迟发货。",
  },
  {
    codes: ["NOT_ONLINE", "SCAN_BEFORE_PAYMENT"],
    field: "firstScanAt",
    en: "No first-scan column: the online (上网) and scan-before-payment checks were skipped.",
    zh: "没有上网时间列：已跳过上网检查和揽收早于付款检查。",
  },
  {
    codes: ["SERVICE_DOWNGRADE"],
    field: "buyerCarrier",
    en: "No buyer-selected logistics column: service downgrades were not checked.",
    zh: "没有买家选择物流列：未检查物流降级。",
  },
  {
    codes: ["SELLER_CANCELLED"],
    field: "cancelReason",
    en: "No cancel-reason column: seller-side cancellations were not checked.",
    zh: "没有取消原因列：未检查卖家原因取消。",
  },
];

function skippedChecks(present: ReadonlySet<CanonicalField>): SkippedCheck[] {
  const skipped: SkippedCheck[] = CHECK_REQUIREMENTS.filter((check) => !present.has(check.field)).map((check) => ({
    codes: check.codes,
    missingField: check.field,
    message: { en: check.en, zh: check.zh },
  }));
  if (!present.has("shipDeadline") && !present.has("paidAt")) {
    skipped.push({
      codes: ["OVERDUE_UNSHIPPED", "SHIPPED_LATE", "DUE_SOON"],
      missingField: "paidAt",
      message: {
        en: "Neither a shipping-deadline nor a payment-time column: deadlines could not be checked.",
        zh: "既没有发货期限列也没有付款时间列：无法检查发货期限。",
      },
    });
  }
  return skipped;
}

type CarrierTally = ScanResult["carriers"][number];

/**
 * Judges already-read orders (a reader's table, or Order objects): findings with points, the assessment and the
 * carrier breakdown.
 */
export function scanOrders(
  orderSource: OrderTable | readonly Order[],
  present: ReadonlySet<CanonicalField>,
  options: ScanOptions,
  source: ScanSource,
  diagnostics: Diagnostic[] = [],
  rulebook: Rulebook = ALIEXPRESS_RULEBOOK,
): ScanResult {
  const table = orderSource instanceof OrderTable ? orderSource : OrderTable.of(orderSource);
  const count = table.count;
  const ctx = evaluationContext(options, rulebook, present);
  // Findings are appended in one array; ends[i] is where order i's own findings stop.
  let findings: Finding[] = [];
  const ends = new Int32Array(count);
  const carrierOf: Array<string | undefined> = new Array(count);
  /** The carrier each order's tracking number matches, kept for the appeal evidence of false-shipment findings. */
  const numberCarrierOf: Array<string | undefined> = new Array(count);
  /** The order index of each DUPLICATE_TRACKING finding (they come after all others). */
  const duplicateOrders: number[] = [];
  let rowsIndex = -1;
  let rows: number[] = [];
  const byWarehouse = new Uint8Array(count);
  const awaiting: AwaitingOrder[] = [];
  let warehouseOrders = 0;
  const maxReuse = judgeOrders(table, ctx, {
    flag(index, code, at, text) {
      const finding = new ScanFinding(
        table.orderId(index),
        code,
        rulebook.violations[code].category,
        at,
        text as FindingText, // this sink does not set codesOnly, so every code comes with its text
        ctx.text,
      );
      // An order's findings share one rows list, made only when the order is flagged.
      if (index !== rowsIndex) {
        rowsIndex = index;
        rows = table.rowsOf(index);
      }
      finding.rows = rows;
      finding.row = rows[0] ?? 0;
      findings.push(finding);
      if (code === "DUPLICATE_TRACKING") duplicateOrders.push(index);
    },
    judged(index, facts) {
      ends[index] = findings.length;
      carrierOf[index] = facts.carrier;
      numberCarrierOf[index] = facts.tracking.carrier;
      if (facts.warehouse) {
        byWarehouse[index] = 1;
        warehouseOrders++;
      }
      const deadline = facts.awaitingDeadline;
      if (isKnown(deadline)) {
        const buyerCountry = table.text(index, TEXT.buyerCountry);
        awaiting.push({
          orderId: table.orderId(index),
          row: table.firstRow(index),
          deadline,
          ...(buyerCountry ? { buyerCountry } : {}),
        });
      }
    },
  });

  if (duplicateOrders.length > 0) {
    // DUPLICATE_TRACKING findings came last, in order index order: put each after its order's own findings.
    const merged: Finding[] = [];
    let start = 0;
    let next = 0;
    const firstDuplicate = findings.length - duplicateOrders.length;
    for (let i = 0; i < count; i++) {
      for (let f = start; f < (ends[i] as number); f++) merged.push(findings[f] as Finding);
      start = ends[i] as number;
      if (duplicateOrders[next] === i) merged.push(findings[firstDuplicate + next++] as Finding);
      ends[i] = merged.length;
    }
    findings = merged;
  }

  const byCode: Partial<Record<ViolationCode, number>> = {};
  const carriers = new Map<string, CarrierTally>();
  const falseShipmentOrders: FalseShipmentOrder[] = [];
  const shippedLate: ShippedLateOrder[] = [];
  let flaggedOrders = 0;
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = ends[i] as number;
    const carrierName = carrierOf[i] ?? "—";
    let carrier = carriers.get(carrierName);
    if (!carrier) {
      carrier = {
        carrier: carrierName,
        orders: 0,
        flaggedOrders: 0,
        untrackedOrders: 0,
      };
      carriers.set(carrierName, carrier);
    }
    carrier.orders++;
    if (end > start) {
      flaggedOrders++;
      carrier.flaggedOrders++;
      let untracked = false;
      let falseShipment: ViolationCode[] | undefined;
      for (let f = start; f < end; f++) {
        const item = findings[f] as Finding;
        item.carrier = carrierOf[i];
        byCode[item.code] = (byCode[item.code] ?? 0) + 1;
        if (item.category === "untracked") untracked = true;
        if (rulebook.violations[item.code].family === FALSE_SHIPMENT_FAMILY) (falseShipment ??= []).push(item.code);
        if (item.code === "SHIPPED_LATE" && item.at !== undefined) {
          const buyerCountry = table.text(i, TEXT.buyerCountry);
          shippedLate.push({
            orderId: item.orderId,
            row: item.row,
            shippedAt: item.at,
            ...(buyerCountry ? { buyerCountry } : {}),
          });
        }
      }
      if (untracked) carrier.untrackedOrders++;
      if (falseShipment)
        falseShipmentOrders.push(falseShipmentOrder(table, i, rulebook, falseShipment, numberCarrierOf[i]));
    }
    start = end;
  }
  assignPoints(findings, rulebook);
  const assessment = assessFindings(findings, rulebook, options.asOf, maxReuse);

  return {
    rulebook: { id: rulebook.id, version: rulebook.version },
    source: {
      file: source.file,
      sheet: source.sheet,
      headerRow: source.headerRow,
      firstColumn: source.firstColumn,
      lastColumn: source.lastColumn,
      lastRow: source.lastRow,
    },
    asOf: options.asOf,
    timeZone: options.timeZone,
    columns: source.columns,
    totals: {
      rows: source.rows,
      orders: count,
      flaggedOrders,
      byCode,
      warehouseOrders,
      ...(present.has("firstScanAt") && present.has("shippedAt")
        ? { onlineRate: onlineRate(table, options.asOf, rulebook, (index) => byWarehouse[index] === 0) }
        : {}),
    },
    assessment,
    maxTrackingReuse: maxReuse,
    awaiting,
    falseShipmentOrders,
    shippedLate,
    findings,
    diagnostics: [...diagnostics, ...logisticsNotes(table, present, source.columns, source.sheet, rulebook)],
    skipped: skippedChecks(present),
    carriers: [...carriers.values()].sort((a, b) => b.orders - a.orders || a.carrier.localeCompare(b.carrier)),
  };
}

/** Reads a sheet and judges its orders: the one scan every host runs. */
export function scanGrid(input: ScanInput): ScanResult {
  const read = readOrderSheet(input.grid, {
    timeZone: input.options.timeZone,
    mapping: input.mapping,
  });
  return scanSheetRead(read, input);
}

/** Judges a sheet already read (by readOrderSheet, or row by row through feedOrderSheet) as scanGrid does. */
export function scanSheetRead(read: SheetReadResult, input: Omit<ScanInput, "grid" | "mapping">): ScanResult {
  const rulebook = input.rulebook ?? ALIEXPRESS_RULEBOOK;
  const present = new Set<CanonicalField>(CANONICAL_FIELDS.filter((field) => read.header.columns[field] !== undefined));
  const columns: Partial<Record<CanonicalField, string>> = {};
  for (const field of CANONICAL_FIELDS) {
    const match = read.header.columns[field];
    if (match) columns[field] = match.header;
  }
  return scanOrders(
    read.table,
    present,
    input.options,
    {
      file: input.file,
      sheet: read.sheet,
      headerRow: read.header.headerRow,
      firstColumn: read.firstColumn,
      lastColumn: read.lastColumn,
      lastRow: read.lastRow,
      rows: read.dataRows,
      columns,
    },
    read.diagnostics,
    rulebook,
  );
}

export type { Instant };
