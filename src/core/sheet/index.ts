/**
 * The core's sheet reader, used by every host: header detection, cell parsing, continuation rows and diagnostics.
 * Pure: works on a grid of cell values (plus optional number formats), whatever read it.
 */
export type { ColumnMatch, ColumnMapping, HeaderDetection, ReadOptions, SheetReadResult } from "./types";
export { detectHeader, HEADER_SCAN_ROWS, isCombinedHeader } from "./header";
export { feedOrderSheet, readOrderSheet, type OrderRowFeed } from "./reader";
export { parseDateCell, isDateNumberFormat } from "./dateCell";
export { parseNumberCell, cellText, isBlankCell, excelErrorOf } from "./cells";
export { splitCarrierTracking } from "./combined";
export { HEADER_ALIASES, COMBINED_CARRIER_TRACKING_HEADERS, type HeaderAlias, type AliasSource } from "./aliases";
export { headerKey } from "./headerKey";
export { parseDateText, type DayMonthOrder } from "../dates/text";
