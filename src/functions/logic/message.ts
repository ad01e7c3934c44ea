// Not the actions index: it also carries the template file reader and its schema library (see overrideReaders.ts).
import { buyerLanguage } from "../../core/actions/buyerLanguage";
import { fillTemplate, type MessageKind } from "../../core/actions/buyerMessages";
import { formatInstant } from "../../core/dates/zone";
import type { ResolvedFunctionSettings } from "../settings";
import { invalidValue } from "./errors";
import { cellAt, spill, toArg } from "./matrix";
import { cellReader, readInstant, readName } from "./inputs";
import { say } from "./language";

/** What a seller may type as the kind (case and spaces ignored), and the template it means. */
const KINDS: ReadonlyMap<string, MessageKind> = new Map([
  ["delay", "delay"],
  ["延迟", "delay"],
  ["shippedlate", "shippedLate"],
  ["late", "shippedLate"],
  ["晚发货", "shippedLate"],
  ["trackingupdated", "trackingUpdated"],
  ["tracking", "trackingUpdated"],
  ["更新运单号", "trackingUpdated"],
]);

const kindKey = (text: string): string => text.toLowerCase().replace(/[\s_-]+/g, "");

/**
 * AE.MESSAGE: the buyer message draft the scan's to-do gives, for one order (or a column of them): the reviewed
 * template of the buyer country's language (English when unknown), with the order id and the new ship date filled in.
 */
export function messageResults(
  input: { orderId: unknown; buyerCountry: unknown; newShipDate: unknown; kind?: unknown },
  settings: ResolvedFunctionSettings,
): unknown[][] {
  const orderIds = toArg(input.orderId);
  const countries = toArg(input.buyerCountry);
  const dates = toArg(input.newShipDate);
  const kinds = toArg(input.kind);
  const reader = cellReader(settings);
  const lang = settings.lang;
  return spill([orderIds, countries, dates, kinds], lang, (r, c) => {
    const orderId = readName(cellAt(orderIds, r, c), "orderId", reader);
    if (orderId === undefined) return "";
    if (typeof orderId !== "string") return orderId;
    const country = readName(cellAt(countries, r, c), "buyerCountry", reader);
    if (typeof country === "object") return country;
    const shipDate = readInstant(cellAt(dates, r, c), "newShipDate", reader);
    if (typeof shipDate === "object") return shipDate;
    if (shipDate === undefined) {
      return invalidValue(
        say(lang, "newShipDate is needed: the date the order will ship", "需要 newShipDate：订单的新发货日期"),
      );
    }
    const kindText = readName(cellAt(kinds, r, c), "kind", reader);
    if (typeof kindText === "object") return kindText;
    const kind = kindText === undefined ? "delay" : KINDS.get(kindKey(kindText));
    if (!kind) {
      return invalidValue(
        say(
          lang,
          `kind "${kindText}" is not delay, shipped late or tracking updated`,
          `kind “${kindText}”不是 delay（延迟）、shipped late（晚发货）或 tracking updated（更新运单号）`,
        ),
      );
    }
    const template = settings.templates[buyerLanguage(country)][kind];
    return fillTemplate(template, { orderId, shipDate: formatInstant(shipDate, settings.timeZone).slice(0, 10) });
  });
}
