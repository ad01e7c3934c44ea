import { isKnown } from "../numbers";
import type { ViolationCode } from "../model";
import type { Rulebook } from "../rulebook";
import type { FalseShipmentOrder } from "../report/types";
import { NUMBER, TEXT, type OrderTable } from "../orders/orderTable";
import { logisticsLabel, lookupLogistics, splitServicePrefix } from "./logistics";

/** The rulebook family whose findings an appeal answers with the logistics record. */
export const FALSE_SHIPMENT_FAMILY = "falseShipment";

const text = (value: string | undefined): string | undefined => {
  const trimmed = typeof value === "string" ? value.trim() : undefined;
  return trimmed === "" ? undefined : trimmed;
};

/**
 * What order `index` declared, for its appeal evidence: its cells as typed, the service the rulebook's table names
 * for the declared carrier (or the service code opening the tracking cell), and `numberCarrier`, which the tracking
 * check recognised while the order was judged. Reads cells only: the order's findings are `codes`.
 */
export function falseShipmentOrder(
  table: OrderTable,
  index: number,
  rulebook: Rulebook,
  codes: ViolationCode[],
  numberCarrier: string | undefined,
): FalseShipmentOrder {
  const cell = text(table.text(index, TEXT.trackingNumber));
  const prefix = cell === undefined ? undefined : splitServicePrefix(cell, rulebook);
  const declared = text(table.text(index, TEXT.carrier));
  const known = lookupLogistics(declared, rulebook).known;
  const service =
    known.length > 0 ? known.map(logisticsLabel).join(", ") : prefix ? logisticsLabel(prefix.service) : undefined;
  const carrier = declared ?? prefix?.code;
  const trackingNumber = prefix ? prefix.rest : cell;
  const buyerCountry = text(table.text(index, TEXT.buyerCountry));
  const buyerService = text(table.text(index, TEXT.buyerCarrier));
  const record: FalseShipmentOrder = { orderId: table.orderId(index), row: table.firstRow(index), codes };
  if (buyerCountry) record.buyerCountry = buyerCountry;
  if (carrier) record.carrier = carrier;
  if (service) record.service = service;
  if (buyerService) record.buyerService = buyerService;
  if (trackingNumber) record.trackingNumber = trackingNumber;
  if (numberCarrier) record.numberCarrier = numberCarrier;
  for (const [key, slot] of [
    ["shippedAt", NUMBER.shippedAt],
    ["firstScanAt", NUMBER.firstScanAt],
    ["deliveredAt", NUMBER.deliveredAt],
  ] as const) {
    const at = table.number(index, slot);
    if (isKnown(at)) record[key] = at;
  }
  return record;
}
