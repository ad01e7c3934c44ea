import * as path from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { CellValue, SheetGrid } from "../core/model";
import { feedOrderSheet, HEADER_SCAN_ROWS, type ReadOptions, type SheetReadResult } from "../core/sheet";
import { compareFits, findSheet, sheetFit, type SheetFit } from "../core/sheetChoice/chooseSheet";
import { CliError } from "./errors";
import type { OpenRequest, OrderSource } from "./orderSource";
import { writeSurgicalCopy } from "./package/scannedCopy";
import { SharedStrings, SheetCells, type RowHandler } from "./package/sheetCells";
import { section } from "./package/stylesEdit";
import type { XmlReader } from "./package/xmlTokens";
import { ZipPackage } from "./package/zipRead";
import { checkHeader, chooseSheet, type ChosenSheet } from "./sheetChoice";
import { tableTotalsRowsInPackage } from "./tableTotals";
import { isScanReportSheet } from "./xlsxRead";
import { unescapeXml } from "./xlsxPost";

/**
 * Reads an .xlsx/.xlsm for the scan, one path for every size: only the parts the scan needs (workbook, its
 * relationships, styles, shared strings and the sheets' XML) are inflated, as streams; every sheet's first rows
 * choose the order sheet, whose rows then go to the core one at a time (package/sheetCells), so memory holds the
 * orders the core keeps, never the sheet's cells.
 */

const REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_TYPE_END = /\/(styles|sharedStrings)$/;
const STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
/** Progress is told every this many rows. */
const PROGRESS_ROWS = 16_384;

/**
 * Excel's built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30), by id, as the codes they
 * stand for in the en-US and zh-CN locales: only whether a format is a date matters to the core.
 */
const BUILT_IN_DATE_FORMATS: ReadonlyMap<number, string> = new Map([
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "m/d/yy h:mm"],
  [27, 'yyyy"年"m"月"'],
  [28, 'm"月"d"日"'],
  [29, 'm"月"d"日"'],
  [30, "m-d-yy"],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'],
  [33, 'h"时"mm"分"ss"秒"'],
  [34, '上午/下午h"时"mm"分"'],
  [35, '上午/下午h"时"mm"分"ss"秒"'],
  [36, 'yyyy"年"m"月"'],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [50, 'yyyy"年"m"月"'],
  [51, 'm"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, 'm"月"d"日"'],
  [55, '上午/下午h"时"mm"分"'],
  [56, '上午/下午h"时"mm"分"ss"秒"'],
  [57, 'yyyy"年"m"月"'],
  [58, 'm"月"d"日"'],
]);

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

interface SheetEntry {
  name: string;
  /** The sheet's part, when its relationship resolves to one the package holds. */
  part?: string;
}

interface WorkbookMap {
  sheets: SheetEntry[];
  active?: string;
  date1904: boolean;
  /** The number format code of each cell format (cellXfs index); undefined for General. */
  formats: Array<string | undefined>;
  sharedStringsPart?: string;
}

function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

const relsOf = (part: string): string =>
  `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`.replace(/^\.\//, "");

function relationships(xml: string): Array<{ id: string; type: string; target: string }> {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((match) => ({
    id: attribute(match[0], "Id") ?? "",
    type: attribute(match[0], "Type") ?? "",
    target: unescapeXml(attribute(match[0], "Target") ?? ""),
  }));
}

/** Each cell format's number format code, from styles.xml (numFmts and cellXfs). */
function numberFormats(stylesXml: string): Array<string | undefined> {
  const custom = new Map<number, string>();
  for (const item of section(stylesXml, "numFmts", "numFmt").items) {
    const id = Number(attribute(item, "numFmtId"));
    const code = attribute(item, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, unescapeXml(code));
  }
  return section(stylesXml, "cellXfs", "xf").items.map((xf) => {
    const id = Number(attribute(xf, "numFmtId") ?? 0);
    return custom.get(id) ?? BUILT_IN_DATE_FORMATS.get(id);
  });
}

async function workbookMap(pkg: ZipPackage, file: string): Promise<WorkbookMap> {
  const damaged = (what: string): CliError =>
    new CliError(`${file} could not be read as an .xlsx workbook; it may be damaged (${what})`);
  const rootRels = pkg.has("_rels/.rels") ? relationships(await pkg.text("_rels/.rels")) : [];
  const workbookPart = resolvePart(
    "",
    rootRels.find((rel) => rel.type === REL_OFFICE_DOCUMENT)?.target ?? "xl/workbook.xml",
  );
  if (!pkg.has(workbookPart)) throw damaged(`it has no workbook part ${workbookPart}`);
  const workbookXml = await pkg.text(workbookPart);
  if (workbookXml.includes(STRICT_NS))
    throw new CliError(
      `${file} is saved as Strict Open XML; save it in Excel as "Excel Workbook (.xlsx)" and scan again`,
    );
  const rels = pkg.has(relsOf(workbookPart)) ? relationships(await pkg.text(relsOf(workbookPart))) : [];
  const partOf = (type: string): string | undefined => {
    const rel = rels.find((candidate) => REL_TYPE_END.exec(candidate.type)?.[1] === type);
    const part = rel ? resolvePart(workbookPart, rel.target) : undefined;
    return part !== undefined && pkg.has(part) ? part : undefined;
  };
  const sheets = [...workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((match): SheetEntry => {
    const id = /\s[\w]+:id="([^"]*)"/.exec(match[0])?.[1];
    const rel = rels.find((candidate) => candidate.id === id);
    const part = rel ? resolvePart(workbookPart, rel.target) : undefined;
    return { name: unescapeXml(attribute(match[0], "name") ?? ""), part: part && pkg.has(part) ? part : undefined };
  });
  const tab = Number(/<(?:\w+:)?workbookView\b[^>]*\bactiveTab="(\d+)"/.exec(workbookXml)?.[1] ?? 0);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbookXml);
  const stylesPart = partOf("styles");
  return {
    sheets,
    active: sheets[tab]?.name,
    date1904,
    formats: stylesPart ? numberFormats(await pkg.text(stylesPart)) : [],
    sharedStringsPart: partOf("sharedStrings"),
  };
}

/**
 * Streams a part through an XML reader; `stopped` ends the read early. `onChunk` is told the fraction inflated.
 * A part that is not well-formed XML is refused in one line.
 */
async function streamPart(
  pkg: ZipPackage,
  part: string,
  reader: XmlReader,
  file: string,
  stopped: () => boolean = () => false,
  onChunk?: (fraction: number) => void,
): Promise<void> {
  const decoder = new StringDecoder("utf8");
  const size = Math.max(1, pkg.entry(part)?.size ?? 1);
  let inflated = 0;
  try {
    for await (const chunk of pkg.stream(part, { readAhead: true })) {
      reader.write(decoder.write(chunk));
      if (stopped()) return;
      inflated += chunk.length;
      onChunk?.(inflated / size);
    }
    reader.write(decoder.end());
    reader.end();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `${file} could not be read as an .xlsx workbook; it may be damaged (${part}: ${(error as Error).message.split("\n")[0]})`,
    );
  }
}

/** A sheet's first HEADER_SCAN_ROWS rows as a grid (missing rows empty). */
async function sheetHead(
  pkg: ZipPackage,
  part: string,
  shared: readonly string[],
  file: string,
): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  const reader = new SheetCells(shared, (row, cells, _styles, width) => {
    if (row > HEADER_SCAN_ROWS) {
      reader.stop();
      return;
    }
    while (rows.length < row - 1) rows.push([]);
    rows.push(cells.slice(0, width));
  });
  await streamPart(pkg, part, reader, file, () => reader.stopped);
  return rows;
}

export async function openXlsxSource(request: OpenRequest): Promise<OrderSource> {
  const file = path.basename(request.file);
  const pkg = await ZipPackage.open(request.bytes, file);
  const workbook = await workbookMap(pkg, file);
  const shared = new SharedStrings();
  if (workbook.sharedStringsPart) await streamPart(pkg, workbook.sharedStringsPart, shared, file);
  let strings: readonly string[] = shared.strings;

  const wanted =
    request.sheet === undefined
      ? undefined
      : findSheet(
          workbook.sheets.map((sheet) => sheet.name).filter((sheet) => !isScanReportSheet(sheet)),
          request.sheet,
        );
  const fits: SheetFit[] = [];
  let kept: { fit: SheetFit; rows: CellValue[][]; part: string } | undefined;
  for (const sheet of workbook.sheets) {
    if (isScanReportSheet(sheet.name) || sheet.part === undefined) continue;
    request.progress.update(`Reading ${sheet.name}`, undefined);
    const rows = await sheetHead(pkg, sheet.part, strings, file);
    const fit = sheetFit({ name: sheet.name, rows }, fits.length, sheet.name === workbook.active, request.mapping);
    fits.push(fit);
    if (wanted !== undefined ? sheet.name === wanted : kept === undefined || compareFits(fit, kept.fit) < 0)
      kept = { fit, rows, part: sheet.part };
  }
  if (workbook.sheets.length === 0) throw new CliError(`${file} has no worksheets`);
  let choice: ChosenSheet;
  try {
    choice = chooseSheet(fits, request.sheet, file);
  } catch (error) {
    // A sheet the workbook lists but the package lacks is the likelier cause than a missing header.
    const lost = workbook.sheets.find((sheet) => sheet.part === undefined && !isScanReportSheet(sheet.name));
    if (lost === undefined) throw error;
    throw new CliError(
      `${file}: the sheet "${lost.name}" points at a part the package does not hold; it may be damaged`,
    );
  }
  if (kept === undefined || kept.fit.sheet !== choice.chosen.sheet)
    throw new Error(`the sheet choice read "${kept?.fit.sheet}", not the chosen "${choice.chosen.sheet}"`);
  const orders = kept;
  /** The styles of the row being read: the core asks for number formats only while it reads that row. */
  let rowStyles: Int32Array = new Int32Array(0);
  const grid: SheetGrid = {
    name: orders.fit.sheet,
    rows: orders.rows,
    firstRow: 1,
    firstColumn: 1,
    date1904: workbook.date1904,
    numberFormat: (_row, column) => workbook.formats[rowStyles[column] ?? 0],
    totalsRows: await tableTotalsRowsInPackage(pkg, orders.fit.sheet),
  };
  checkHeader(grid, request.mapping, file);

  return {
    choice,
    async readOrders(options: ReadOptions): Promise<SheetReadResult> {
      const feed = feedOrderSheet(grid, options);
      grid.rows = [];
      let rows = 0;
      const label = `Reading ${orders.fit.sheet}`;
      let fraction = 0;
      const onRow: RowHandler = (row, cells, styles) => {
        rowStyles = styles;
        feed.row(row, cells);
        if (++rows % PROGRESS_ROWS === 0) request.progress.update(label, fraction);
      };
      await streamPart(pkg, orders.part, new SheetCells(strings, onRow), file, undefined, (done) => {
        fraction = done;
      });
      // The strings the orders use stay with them; the table itself is not needed to write the copy.
      strings = [];
      shared.strings.length = 0;
      return feed.finish();
    },
    writeCopy: (copy) => writeSurgicalCopy(request.file, pkg, copy),
  };
}
