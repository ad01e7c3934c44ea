/** CSV input for the headless host: bytes -> text -> rows -> SheetGrid. */
export { decodeText, type DecodedText } from "./decode";
export { parseCsv, sniffDelimiter, type CsvDelimiter } from "./parse";
export { csvToGrid } from "./grid";
