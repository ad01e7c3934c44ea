/**
 * The AE.* formula family: thin entry points over src/functions/logic (which calls src/core), so a formula gives the
 * same answer as the scan. custom-functions-metadata-plugin reads the JSDoc below into functions.json and appends
 * the `CustomFunctions.associate` calls to this file at build time; Chinese descriptions are in
 * functions.zh-CN.json.
 *
 * Every parameter is `any[][]`: Excel passes a range as rows of cells and a single value as [[value]], so one
 * formula over B2:B5000 spills a result per row. No function is volatile: leaving `asOf` out means "now" at the
 * moment Excel last calculated the cell.
 */
import { messageResults } from "./logic/message";
import type { Lang } from "../core/model";
import { functionSettings } from "./settings";
import { unexpectedError } from "./logic/matrix";
import { penaltyResults } from "./logic/penalty";
import { daysLateResults, deadlineResults } from "./logic/deadline";
import { statusResults } from "./logic/status";
import { trackingCarrierResults, trackingValidResults } from "./logic/tracking";
import { consequenceResults, ruleResults } from "./logic/rulebookText";
import { noteFormulaCall, readWorkbookSettingsAtStart, type OfficeLike } from "./workbookSettings";
import { hostExcel } from "./recalculate";

// The workbook's saved zone, handling days, language and date system, read as soon as office.js is ready.
void readWorkbookSettingsAtStart((globalThis as { Office?: OfficeLike }).Office, hostExcel);

/** Whatever goes wrong becomes one error cell, never an exception Excel would show without a message. */
function guarded(compute: () => any[][]): any[][] {
  noteFormulaCall();
  try {
    return compute();
  } catch (error) {
    let lang: Lang = "en";
    try {
      lang = functionSettings().lang;
    } catch {
      // the settings themselves failed: answer in English
    }
    return [[unexpectedError(error, lang)]];
  }
}

/**
 * Penalty points for a number of cases of a logistics violation, under the AE Guard rulebook.
 * @customfunction PENALTY
 * @param violation Report code (SHIPPED_LATE), English or Chinese name (成交不卖, 虚假发货) or rule id (R1).
 * @param [cases] Number of orders with this violation. Default 1.
 * @param [severity] general, serious or very serious (一般, 严重, 特别严重): the rulebook's points for that severity per case.
 * @returns Penalty points.
 */
export function penalty(violation: any[][], cases?: any[][], severity?: any[][]): any[][] {
  return guarded(() => penaltyResults(violation, cases, severity, functionSettings()));
}

/**
 * Shipping deadline: payment time plus handling days, counted in calendar days in the platform's time zone.
 * @customfunction DEADLINE
 * @param paidAt Payment time (a date-time cell or text).
 * @param [handlingDays] Handling days. Default: the workbook's AE Guard setting.
 * @returns The deadline as a date serial: format the cell as a date and time.
 */
export function deadline(paidAt: any[][], handlingDays?: any[][]): any[][] {
  return guarded(() => deadlineResults(paidAt, handlingDays, functionSettings()));
}

/**
 * Days an order shipped (or, not yet shipped, has been waiting) after its deadline; 0 when on time.
 * @customfunction DAYSLATE
 * @param deadline Shipping deadline (a date-time cell, AE.DEADLINE or text).
 * @param [shippedAt] Ship time. Blank: counts to asOf.
 * @param [asOf] The moment to count to when not shipped, e.g. a cell holding NOW(). Default: when the cell calculates.
 * @returns Days late as a decimal.
 */
export function daysLate(deadline: any[][], shippedAt?: any[][], asOf?: any[][]): any[][] {
  return guarded(() => daysLateResults(deadline, shippedAt, asOf, functionSettings(), Date.now()));
}

/**
 * The report codes the AE Guard scan gives an order (e.g. SHIPPED_LATE), or OK. Pass whole columns: shared tracking numbers are found among the rows given.
 * @customfunction STATUS
 * @param paidAt Payment time.
 * @param shippedAt Ship time (blank if not shipped).
 * @param trackingNumber Tracking number (blank if none).
 * @param [deadline] Shipping deadline, if the sheet has one. Default: payment time + handling days.
 * @param [asOf] The moment to judge at, e.g. a cell holding NOW(). Default: when the cell calculates.
 * @param [handlingDays] Handling days. Default: the workbook's AE Guard setting.
 * @param [carrier] Carrier or logistics service shipped with (实际发货物流), e.g. UPS or AliExpress Standard Shipping.
 * @param [buyerService] Logistics service the buyer chose (买家选择物流).
 * @param [firstScan] First carrier scan time (上网时间).
 * @returns Report codes, or OK.
 */
export function status(
  paidAt: any[][],
  shippedAt: any[][],
  trackingNumber: any[][],
  deadline?: any[][],
  asOf?: any[][],
  handlingDays?: any[][],
  carrier?: any[][],
  buyerService?: any[][],
  firstScan?: any[][],
): any[][] {
  return guarded(() =>
    statusResults(
      { paidAt, shippedAt, trackingNumber, deadline, asOf, handlingDays, carrier, buyerService, firstScan },
      functionSettings(),
      Date.now(),
    ),
  );
}

/**
 * The carrier and number format a tracking number matches, e.g. "China Post — UPU S10"; #N/A when none.
 * @customfunction TRACKINGCARRIER
 * @param number Tracking number.
 * @returns Carrier — format.
 */
export function trackingCarrier(number: any[][]): any[][] {
  return guarded(() => trackingCarrierResults(number, functionSettings()));
}

/**
 * TRUE when a tracking number matches a known format, passes its check digit and is not a placeholder.
 * @customfunction TRACKINGVALID
 * @param number Tracking number.
 * @returns TRUE or FALSE.
 */
export function trackingValid(number: any[][]): any[][] {
  return guarded(() => trackingValidResults(number, functionSettings()));
}

/**
 * A polite message draft to the buyer in the buyer's language (English when unknown), with the order id and the new ship date filled in; nothing is sent.
 * @customfunction MESSAGE
 * @param orderId Order number.
 * @param buyerCountry Buyer country (code or name, e.g. BR, 俄罗斯, France).
 * @param newShipDate The date the order will ship.
 * @param [kind] delay (default), shipped late or tracking updated.
 * @returns The message draft.
 */
export function message(orderId: any[][], buyerCountry: any[][], newShipDate: any[][], kind?: any[][]): any[][] {
  return guarded(() => messageResults({ orderId, buyerCountry, newShipDate, kind }, functionSettings()));
}

/**
 * What a store with this many penalty points faces, and how sure the rulebook is about it.
 * @customfunction CONSEQUENCE
 * @param points Penalty points, e.g. from AE.PENALTY.
 * @returns The consequence, with the rulebook's confidence.
 */
export function consequence(points: any[][]): any[][] {
  return guarded(() => consequenceResults(points, functionSettings()));
}

/**
 * A violation's rule: what it means and where the rule comes from.
 * @customfunction RULE
 * @param code Report code, English or Chinese name, or a family such as 成交不卖 or 虚假发货.
 * @returns The description and its sources.
 */
export function rule(code: any[][]): any[][] {
  return guarded(() => ruleResults(code, functionSettings()));
}
