import * as path from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { CopyRequest } from "../orderSource";
import { CliError } from "../errors";
import { isActionsSheet, isSummarySheet } from "../xlsxRead";
import { CATEGORY_ARGB } from "../xlsxWrite";
import {
  chartXml,
  CT_CHART,
  CT_DRAWING,
  drawingXml,
  escapeXml,
  REL_CHART,
  REL_DRAWING,
  unescapeXml,
} from "../xlsxPost";
import { SheetRewriter } from "./sheetEdit";
import { StylesEditor } from "./stylesEdit";
import { summarySheetChunks } from "./summaryXml";
import { actionsSheetChunks } from "./actionsXml";
import { summaryHasChart, type RenderedSummary } from "../summarySheet";
import type { ZipPackage } from "./zipRead";
import { ZipWriter } from "./zipWrite";

/**
 * The scanned copy of an .xlsx/.xlsm as a surgical edit of the seller's package: the order sheet's flagged rows
 * point at new cell formats, styles.xml gains them, the summary sheet (and its drawing and chart) is added or
 * replaces the previous one; every other part is copied byte for byte.
 */

const REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

interface Relationship {
  id: string;
  type: string;
  target: string;
  tag: string;
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((match) => ({
    id: attribute(match[0], "Id") ?? "",
    type: attribute(match[0], "Type") ?? "",
    target: unescapeXml(attribute(match[0], "Target") ?? ""),
    tag: match[0],
  }));
}

/** A relationship target as a part name, resolved against the folder of the part that holds it. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

const relsOf = (part: string): string =>
  `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`.replace(/^\.\//, "");

/** Whether the package is a macro-enabled workbook (its copy must keep the .xlsm type). */
export function isMacroWorkbook(contentTypes: string): boolean {
  return contentTypes.includes(MACRO_WORKBOOK);
}

export async function writeSurgicalCopy(file: string, pkg: ZipPackage, copy: CopyRequest): Promise<string[]> {
  const name = path.basename(file);
  const contentTypesPart = "[Content_Types].xml";
  let contentTypes = await pkg.text(contentTypesPart);
  const rootRels = relationships(await pkg.text("_rels/.rels"));
  const workbookPart = resolvePart(
    "",
    rootRels.find((rel) => rel.type === REL_OFFICE_DOCUMENT)?.target ?? "xl/workbook.xml",
  );
  let workbookXml = await pkg.text(workbookPart);
  if (workbookXml.includes(STRICT_NS))
    throw new CliError(
      `${name} is saved as Strict Open XML; save it in Excel as "Excel Workbook (.xlsx)" and scan again`,
    );
  const workbookRelsPart = relsOf(workbookPart);
  let workbookRelsXml = await pkg.text(workbookRelsPart);
  const workbookRels = relationships(workbookRelsXml);
  const stylesRel = workbookRels.find((rel) => rel.type === REL_STYLES);
  if (!stylesRel) throw new CliError(`${name} has no styles part; it may be damaged`);
  const stylesPart = resolvePart(workbookPart, stylesRel.target);

  const sheets = [...workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((match) => {
    const id = /\s[\w]+:id="([^"]*)"/.exec(match[0])?.[1] ?? "";
    const rel = workbookRels.find((candidate) => candidate.id === id);
    return {
      tag: match[0],
      name: unescapeXml(attribute(match[0], "name") ?? ""),
      id,
      part: rel ? resolvePart(workbookPart, rel.target) : undefined,
    };
  });
  const orders = sheets.find((sheet) => sheet.name === copy.plan.sheet);
  if (!orders?.part || !pkg.has(orders.part))
    throw new CliError(
      `${name}: the sheet "${copy.plan.sheet}" points at a part the package does not hold; it may be damaged`,
    );
  const ordersPart = orders.part;

  const styles = new StylesEditor(await pkg.text(stylesPart), CATEGORY_ARGB);
  const previous = sheets.find((sheet) => isSummarySheet(sheet.name) && sheet.part !== undefined);
  const previousActions = sheets.find((sheet) => isActionsSheet(sheet.name) && sheet.part !== undefined);
  // Parts replaced (written anew: whole, made once the parts before are written, or as a stream of pieces) and
  // dropped (the previous summary's drawing and chart).
  const replaced = new Map<string, PartContent>();
  const dropped = new Set<string>();
  const addedParts = new Set<string>();
  const usedRelIds = new Set(workbookRels.map((rel) => rel.id));
  // The prefix the workbook element declares; a sheet added without one declares r: on itself.
  // Only the root's declaration counts: openpyxl declares r: on each <sheet> instead, in scope there alone.
  const workbookTag = /<(?:\w+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  const relPrefix = new RegExp(`xmlns:(\\w+)="${NS_REL}"`).exec(workbookTag)?.[1];
  let nextSheetId = Math.max(0, ...sheets.map((sheet) => Number(attribute(sheet.tag, "sheetId") ?? 0))) + 1;
  /**
   * The part an added sheet is written to: a previous scan's sheet keeps its part and place (renamed to this
   * language), otherwise a new worksheet part is listed last in workbook.xml, with its relationship and content type.
   */
  const placeSheet = (earlier: (typeof sheets)[number] | undefined, sheetName: string): string => {
    if (earlier?.part) {
      workbookXml = workbookXml.replace(
        earlier.tag,
        earlier.tag.replace(/(\sname=")[^"]*/, `$1${escapeXml(sheetName)}`),
      );
      return earlier.part;
    }
    let n = 1;
    while (pkg.has(`xl/worksheets/sheet${n}.xml`) || addedParts.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    addedParts.add(part);
    let r = 1;
    while (usedRelIds.has(`rId${r}`)) r++;
    const relId = `rId${r}`;
    usedRelIds.add(relId);
    const sheetId = nextSheetId++;
    const sheetsClose = /<\/(\w+:)?sheets>/.exec(workbookXml);
    if (!sheetsClose) throw new CliError(`${name}: workbook.xml lists no sheets; it may be damaged`);
    const prefix = sheetsClose[1] ?? "";
    const idAttr = relPrefix ? `${relPrefix}:id` : "r:id";
    const nsAttr = relPrefix ? "" : ` xmlns:r="${NS_REL}"`;
    workbookXml =
      workbookXml.slice(0, sheetsClose.index) +
      `<${prefix}sheet name="${escapeXml(sheetName)}" sheetId="${sheetId}"${nsAttr} ${idAttr}="${relId}"/>` +
      workbookXml.slice(sheetsClose.index);
    const target = path.posix.relative(path.posix.dirname(workbookPart), part);
    workbookRelsXml = workbookRelsXml.replace(
      /<\/(\w+:)?Relationships>/,
      `<$1Relationship Id="${relId}" Type="${REL_WORKSHEET}" Target="${target}"/>$&`,
    );
    contentTypes = addOverride(contentTypes, part, CT_WORKSHEET);
    return part;
  };
  const summaryPart = placeSheet(previous, copy.summary.sheetName);
  let summaryRelsXml: string = EMPTY_RELS;
  if (previous?.part) {
    const oldRels = pkg.has(relsOf(summaryPart)) ? relationships(await pkg.text(relsOf(summaryPart))) : [];
    for (const rel of oldRels.filter((r) => r.type === REL_DRAWING)) {
      const drawing = resolvePart(summaryPart, rel.target);
      dropped.add(drawing);
      if (pkg.has(relsOf(drawing))) {
        dropped.add(relsOf(drawing));
        for (const chart of relationships(await pkg.text(relsOf(drawing))).filter((r) => r.type === REL_CHART)) {
          const chartPart = resolvePart(drawing, chart.target);
          dropped.add(chartPart);
          if (pkg.has(relsOf(chartPart))) dropped.add(relsOf(chartPart));
        }
      }
    }
    dropped.add(relsOf(summaryPart));
  }
  // The to-do follows the summary: one sheet whatever the language, its previous part rewritten.
  if (copy.actions) {
    const actionsPart = placeSheet(previousActions, copy.actions.sheetName);
    if (previousActions?.part) dropped.add(relsOf(actionsPart));
    const actions = copy.actions;
    replaced.set(actionsPart, { pieces: () => actionsSheetChunks(actions, styles) });
  }
  for (const part of dropped)
    contentTypes = contentTypes.replace(
      new RegExp(`<(?:\\w+:)?Override\\s[^>]*PartName="/${escapeRegExp(part)}"[^>]*/>`),
      "",
    );

  const drawingRelId = "rId1";
  // The summary is written as it is drawn; its chart's part is made once it has been (it is written after it).
  let rendered: RenderedSummary | undefined;
  replaced.set(summaryPart, {
    pieces: () =>
      summarySheetChunks(copy.summary, copy.plan, copy.lang, styles, drawingRelId, (result) => {
        rendered = result;
      }),
  });
  if (summaryHasChart(copy.summary)) {
    const taken = (candidate: string): boolean =>
      (pkg.has(candidate) && !dropped.has(candidate)) || replaced.has(candidate);
    let n = 1;
    while (taken(`xl/drawings/drawing${n}.xml`)) n++;
    const drawingPart = `xl/drawings/drawing${n}.xml`;
    let c = 1;
    while (taken(`xl/charts/chart${c}.xml`)) c++;
    const chartPart = `xl/charts/chart${c}.xml`;
    replaced.set(chartPart, {
      later: () => {
        if (!rendered?.chart) throw new Error("the summary's chart was not drawn before its part was written");
        return chartXml(rendered.chart);
      },
    });
    replaced.set(drawingPart, {
      later: () => drawingXml(rendered?.chart as NonNullable<RenderedSummary["chart"]>, "rId1"),
    });
    replaced.set(
      relsOf(drawingPart),
      `${EMPTY_RELS}<Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${c}.xml"/></Relationships>`,
    );
    summaryRelsXml += `<Relationship Id="${drawingRelId}" Type="${REL_DRAWING}" Target="../drawings/drawing${n}.xml"/>`;
    replaced.set(relsOf(summaryPart), `${summaryRelsXml}</Relationships>`);
    contentTypes = addOverride(addOverride(contentTypes, drawingPart, CT_DRAWING), chartPart, CT_CHART);
  }
  replaced.set(contentTypesPart, contentTypes);
  replaced.set(workbookPart, workbookXml);
  replaced.set(workbookRelsPart, workbookRelsXml);

  const categories = new Map(copy.plan.rows.map(({ row, category }) => [row, category]));
  const rewriter = new SheetRewriter({
    firstColumn: copy.plan.firstColumn,
    lastColumn: copy.plan.lastColumn,
    rows: new Set(categories.keys()),
    everyRow: previous !== undefined,
    restyle: (row, style) => {
      const category = categories.get(row);
      return category ? styles.highlight(style, category) : styles.clear(style);
    },
  });

  const writer = new ZipWriter(copy.out);
  const write = async (part: string, content: PartContent): Promise<void> => {
    if (typeof content === "string") writer.add(part, content);
    else if ("later" in content) writer.add(part, content.later());
    else await writer.addStream(part, utf8Pieces(content.pieces()));
  };
  try {
    for (const entry of pkg.entries) {
      if (entry.name === ordersPart) {
        await writer.addStream(entry.name, rewrittenSheet(pkg, entry.name, rewriter, copy));
      } else if (entry.name === stylesPart || dropped.has(entry.name) || replaced.has(entry.name)) {
        const content = replaced.get(entry.name);
        if (content !== undefined) {
          await write(entry.name, content);
          replaced.delete(entry.name);
        }
      } else await writer.copy(pkg, entry);
    }
    for (const [part, content] of replaced) await write(part, content);
    // Last: the sheets written above added the formats they use.
    writer.add(stylesPart, styles.toXml());
    writer.finish();
  } finally {
    writer.close();
  }
  return [];
}

/** A part's new content: its text, text made when the part is written, or text in pieces (a long sheet). */
type PartContent = string | { later: () => string } | { pieces: () => Generator<string | Buffer, void> };

async function* utf8Pieces(pieces: Generator<string | Buffer, void>): AsyncGenerator<Buffer> {
  for (const piece of pieces) yield typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
}

async function* rewrittenSheet(
  pkg: ZipPackage,
  part: string,
  rewriter: SheetRewriter,
  copy: CopyRequest,
): AsyncGenerator<Buffer> {
  const decoder = new StringDecoder("utf8");
  let reported = 0;
  for await (const chunk of pkg.stream(part)) {
    const out = rewriter.push(decoder.write(chunk));
    if (out) yield Buffer.from(out, "utf8");
    if (rewriter.rowsSeen - reported >= 16_384) {
      reported = rewriter.rowsSeen;
      copy.progress.update("Writing the scanned copy", undefined);
    }
  }
  let rest: string;
  try {
    rest = rewriter.push(decoder.end()) + rewriter.end();
  } catch (error) {
    throw new CliError(`${pkg.entries.length ? part : ""}: ${(error as Error).message}; the workbook may be damaged`);
  }
  if (rest) yield Buffer.from(rest, "utf8");
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function addOverride(contentTypes: string, part: string, type: string): string {
  if (contentTypes.includes(`PartName="/${part}"`)) return contentTypes;
  return contentTypes.replace(/<\/(\w+:)?Types>/, `<$1Override PartName="/${part}" ContentType="${type}"/>$&`);
}
