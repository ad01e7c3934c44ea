import JSZip from "jszip";

/**
 * What exceljs cannot write, added to its output zip: internal hyperlinks without an external relationship, and a
 * native bar chart on the summary sheet (chart part, drawing part, their relationships and content types).
 */

export interface InternalLink {
  /** Cell on the summary sheet, e.g. "A31". */
  ref: string;
  /** Target inside the workbook, e.g. "'订单'!A5" (no leading '#'). */
  location: string;
  display?: string;
}

export interface ChartSpec {
  title: string;
  seriesName: string;
  /** Absolute references on the summary sheet, e.g. "'AE Violations'!$A$20:$A$27". */
  categoriesRef: string;
  valuesRef: string;
  categories: string[];
  values: number[];
  /** Bar colours, one per category (RRGGBB). */
  colors: string[];
  /** Zero-based anchor cells: the chart spans [from, to). */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_DRAWING = `${NS_REL}/drawing`;
export const REL_CHART = `${NS_REL}/chart`;
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** XML text or attribute value back to the characters it stands for. */
export const unescapeXml = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** `'Sheet name'` as formulas and hyperlink locations quote it. */
export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The elements of a worksheet that must come after <hyperlinks>, and after <drawing>, in schema order. */
const AFTER_HYPERLINKS = [
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
/** The worksheet children that must follow <drawing>: the tail of the schema order above. */
const AFTER_DRAWING = AFTER_HYPERLINKS.slice(AFTER_HYPERLINKS.indexOf("drawing") + 1);

/** Inserts `element` before the first of `followers` present, else before </worksheet>. */
function insertBefore(xml: string, element: string, followers: readonly string[]): string {
  let at = -1;
  for (const tag of followers) {
    const match = new RegExp(`<${tag}[\\s/>]`).exec(xml);
    if (match && (at < 0 || match.index < at)) at = match.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  return xml.slice(0, at) + element + xml.slice(at);
}

/** Finds a worksheet's part path (e.g. "xl/worksheets/sheet3.xml") by its name. */
async function worksheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await file(zip, "xl/workbook.xml");
  const rels = await file(zip, "xl/_rels/workbook.xml.rels");
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const tag = match[0];
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    const id = /\br:id="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined || id === undefined || unescapeXml(name) !== sheetName) continue;
    const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(rels)?.[0];
    const target = rel && /\bTarget="([^"]*)"/.exec(rel)?.[1];
    if (!target) break;
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  throw new Error(`summary sheet "${sheetName}" not found in the written workbook`);
}

async function file(zip: JSZip, name: string): Promise<string> {
  const entry = zip.file(name);
  if (!entry) throw new Error(`${name} missing from the written workbook`);
  return entry.async("string");
}

/** The first unused number for parts named like `xl/charts/chart{n}.xml`. */
function freeNumber(zip: JSZip, prefix: string, suffix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}${suffix}`)) n++;
  return n;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Adds a relationship to a part's .rels file (created if missing) and returns its id. */
async function addRelationship(zip: JSZip, part: string, type: string, target: string): Promise<string> {
  const relsPath = relsPathOf(part);
  const existing = zip.file(relsPath);
  let xml = existing
    ? await existing.async("string")
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const used = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((match) => match[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  xml = xml.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
  zip.file(relsPath, xml);
  return id;
}

async function addContentTypes(zip: JSZip, overrides: Array<{ part: string; type: string }>): Promise<void> {
  let xml = await file(zip, "[Content_Types].xml");
  const added = overrides.map(({ part, type }) => `<Override PartName="/${part}" ContentType="${type}"/>`).join("");
  xml = xml.replace("</Types>", `${added}</Types>`);
  zip.file("[Content_Types].xml", xml);
}

export function chartXml(spec: ChartSpec): string {
  const points = (values: Array<string | number>): string =>
    `<c:ptCount val="${values.length}"/>` +
    values.map((value, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(value))}</c:v></c:pt>`).join("");
  const fill = (color: string): string =>
    `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></c:spPr>`;
  const dataPoints = spec.colors
    .map(
      (color, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(color)}</c:dPt>`,
    )
    .join("");
  const text = (size: number, bold: boolean): string => `<a:defRPr sz="${size}" b="${bold ? 1 : 0}"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${text(1400, true)}</a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1400" b="1"/><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(spec.seriesName)}</c:v></c:tx>` +
    fill("A6A6A6") +
    `<c:invertIfNegative val="0"/>${dataPoints}` +
    `<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${escapeXml(spec.categoriesRef)}</c:f><c:strCache>${points(spec.categories)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(spec.valuesRef)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${points(spec.values)}</c:numCache></c:numRef></c:val>` +
    `</c:ser>` +
    `<c:gapWidth val="60"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${text(900, false)}</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="max"/>` +
    `<c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

export function drawingXml(spec: ChartSpec, chartRelId: string): string {
  const marker = (tag: string, at: { col: number; row: number }): string =>
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", spec.from)}${marker("to", spec.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="AE Guard chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function ensureRelationshipNamespace(xml: string): string {
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root || root[0].includes("xmlns:r=")) return xml;
  const withNs = root[0].replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
  return xml.replace(root[0], withNs);
}

/** Adds the links and the chart to the summary sheet of an exceljs-written workbook. */
export async function addLinksAndChart(
  zip: JSZip,
  summarySheetName: string,
  links: readonly InternalLink[],
  chart: ChartSpec | undefined,
): Promise<void> {
  const sheetPart = await worksheetPart(zip, summarySheetName);
  let sheetXml = ensureRelationshipNamespace(await file(zip, sheetPart));
  if (links.length > 0) {
    const items = links
      .map(
        (link) =>
          `<hyperlink ref="${link.ref}" location="${escapeXml(link.location)}"${link.display ? ` display="${escapeXml(link.display)}"` : ""}/>`,
      )
      .join("");
    sheetXml = insertBefore(sheetXml, `<hyperlinks>${items}</hyperlinks>`, AFTER_HYPERLINKS);
  }
  if (chart) {
    const chartNo = freeNumber(zip, "xl/charts/chart", ".xml");
    const drawingNo = freeNumber(zip, "xl/drawings/drawing", ".xml");
    const chartPart = `xl/charts/chart${chartNo}.xml`;
    const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
    zip.file(chartPart, chartXml(chart));
    const chartRelId = await addRelationship(zip, drawingPart, REL_CHART, `../charts/chart${chartNo}.xml`);
    zip.file(drawingPart, drawingXml(chart, chartRelId));
    const drawingRelId = await addRelationship(zip, sheetPart, REL_DRAWING, `../drawings/drawing${drawingNo}.xml`);
    sheetXml = insertBefore(sheetXml, `<drawing r:id="${drawingRelId}"/>`, AFTER_DRAWING);
    await addContentTypes(zip, [
      { part: chartPart, type: CT_CHART },
      { part: drawingPart, type: CT_DRAWING },
    ]);
  }
  zip.file(sheetPart, sheetXml);
}
