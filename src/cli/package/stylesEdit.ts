import type { Category } from "../../core/model";

/**
 * Appends to a workbook's styles.xml (ECMA-376 Part 1, 18.8) the formats the scanned copy needs, leaving every
 * existing font, fill and cell format where it is so that every `s="n"` already in the workbook keeps its meaning:
 * - a highlight: an existing cell format with a category's solid fill, added once per (format, category);
 * - a cleared highlight: an existing format showing one of AE Guard's fills, with no fill;
 * - the summary sheet's own formats (bold, sizes, fills, number formats).
 */

export interface SummaryStyle {
  bold?: boolean;
  size?: number;
  /** Font colour and underline, for links. */
  color?: string;
  underline?: boolean;
  /** Solid fill, RRGGBB. */
  fill?: string;
  numFmt?: string;
  horizontal?: string;
}

interface Section {
  /** Where the section's children end (before its close tag) in the original text. */
  items: string[];
  prefix: string;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The children of `<name …>…</name>` as raw XML, or an empty list if the section is missing. */
export function section(xml: string, name: string, child: string): Section {
  const match = new RegExp(`<(\\w+:)?${name}(\\s[^>]*)?(/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`).exec(xml);
  const prefix = match?.[1] ?? /^[\s\S]*?<(\w+:)?styleSheet[\s>]/.exec(xml)?.[1] ?? "";
  if (!match || match[4] === undefined) return { items: [], prefix };
  const items = [
    ...match[4].matchAll(
      new RegExp(`<(?:\\w+:)?${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${child}>)`, "g"),
    ),
  ].map((m) => m[0]);
  return { items, prefix };
}

const escapeAttr = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** A fill an earlier scan wrote: solid, in exactly one of the category colours. */
function solidColor(fill: string): string | undefined {
  if (!/patternType="solid"/.test(fill)) return undefined;
  return /<(?:\w+:)?fgColor\s[^>]*rgb="([0-9A-Fa-f]{8})"/.exec(fill)?.[1]?.toUpperCase();
}

export class StylesEditor {
  private readonly fills: Section;
  private readonly fonts: Section;
  private readonly xfs: Section;
  private readonly numFmts: Section;
  private readonly addedFills: string[] = [];
  private readonly addedFonts: string[] = [];
  private readonly addedXfs: string[] = [];
  private readonly addedNumFmts: string[] = [];
  private readonly cache = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private readonly fontIds = new Map<string, number>();
  private readonly numFmtIds = new Map<string, number>();
  /** Per existing cell format: has a fill of the seller's own (kept), one of ours, or none. */
  private readonly fillKinds: Array<"none" | "seller" | "ours">;

  /**
   * @param ourColors AARRGGBB of the category fills, by category.
   */
  constructor(
    private readonly xml: string,
    private readonly ourColors: ReadonlyMap<Category, string>,
  ) {
    this.fills = section(xml, "fills", "fill");
    this.fonts = section(xml, "fonts", "font");
    this.xfs = section(xml, "cellXfs", "xf");
    this.numFmts = section(xml, "numFmts", "numFmt");
    if (this.xfs.items.length === 0) throw new Error("styles.xml has no cell formats (cellXfs)");
    const ours = new Set(ourColors.values());
    const fillKind = this.fills.items.map((fill, id) => {
      if (id < 2 || /patternType="none"/.test(fill) || !/patternType=/.test(fill)) return "none" as const;
      const color = solidColor(fill);
      return color !== undefined && ours.has(color) ? ("ours" as const) : ("seller" as const);
    });
    this.fillKinds = this.xfs.items.map((xf) => fillKind[Number(attribute(xf, "fillId") ?? 0)] ?? "none");
  }

  /** Whether cell format `style` shows one of AE Guard's fills. */
  isOurs(style: number): boolean {
    return this.fillKinds[style] === "ours";
  }

  /**
   * The cell format to give a highlighted cell whose format is `style`: the same font, borders, number format and
   * alignment with the category's fill over the row (as the exceljs copy and the add-in do; unflagged rows keep the
   * seller's fills).
   */
  highlight(style: number, category: Category): number {
    if (style >= this.xfs.items.length) style = 0;
    return this.derived(style, `fill:${category}`, () => this.fillId(this.ourColors.get(category) as string));
  }

  /** The format to give a cell that an earlier scan highlighted and this one does not. */
  clear(style: number): number {
    if (!this.isOurs(style)) return style;
    return this.derived(style, "clear", () => 0);
  }

  /** A new cell format for the summary sheet. */
  summary(style: SummaryStyle): number {
    const key = `summary:${JSON.stringify(style)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const fontId = style.bold || style.size || style.color || style.underline ? this.fontId(style) : 0;
    const fillId = style.fill ? this.fillId(`FF${style.fill.replace("#", "").toUpperCase()}`) : 0;
    const numFmtId = style.numFmt ? this.numFmtId(style.numFmt) : 0;
    const p = this.xfs.prefix;
    const alignment = style.horizontal ? `<${p}alignment horizontal="${style.horizontal}"/>` : "";
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}` +
      (alignment ? ` applyAlignment="1">${alignment}</${p}xf>` : "/>");
    const id = this.xfs.items.length + this.addedXfs.push(xf) - 1;
    this.cache.set(key, id);
    return id;
  }

  /** The styles part with every added format appended and the counts updated. */
  toXml(): string {
    let xml = this.xml;
    xml = appendTo(xml, "numFmts", this.addedNumFmts, this.numFmts.items.length, [
      "fonts",
      "fills",
      "borders",
      "cellXfs",
    ]);
    xml = appendTo(xml, "fonts", this.addedFonts, this.fonts.items.length, [
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
    ]);
    xml = appendTo(xml, "fills", this.addedFills, this.fills.items.length, ["borders", "cellStyleXfs", "cellXfs"]);
    xml = appendTo(xml, "cellXfs", this.addedXfs, this.xfs.items.length, []);
    return xml;
  }

  get changed(): boolean {
    return this.addedXfs.length > 0;
  }

  private derived(style: number, what: string, fillId: () => number): number {
    const key = `${style}:${what}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const xf = withFill(this.xfs.items[style], fillId());
    const id = this.xfs.items.length + this.addedXfs.push(xf) - 1;
    this.cache.set(key, id);
    return id;
  }

  private fillId(argb: string): number {
    const cached = this.fillIds.get(argb);
    if (cached !== undefined) return cached;
    const p = this.fills.prefix;
    const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    const id = this.fills.items.length + this.addedFills.push(fill) - 1;
    this.fillIds.set(argb, id);
    return id;
  }

  private fontId(style: SummaryStyle): number {
    const key = JSON.stringify([style.bold, style.size, style.color, style.underline]);
    const cached = this.fontIds.get(key);
    if (cached !== undefined) return cached;
    const p = this.fonts.prefix;
    const font =
      `<${p}font>${style.bold ? `<${p}b/>` : ""}${style.underline ? `<${p}u/>` : ""}<${p}sz val="${style.size ?? 11}"/>` +
      `${style.color ? `<${p}color rgb="FF${style.color.replace("#", "").toUpperCase()}"/>` : ""}<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
    const id = this.fonts.items.length + this.addedFonts.push(font) - 1;
    this.fontIds.set(key, id);
    return id;
  }

  private numFmtId(code: string): number {
    const builtIn: Record<string, number> = { "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };
    if (builtIn[code] !== undefined) return builtIn[code];
    const cached = this.numFmtIds.get(code);
    if (cached !== undefined) return cached;
    const existing = this.numFmts.items.find((item) => attribute(item, "formatCode") === escapeAttr(code));
    if (existing) return Number(attribute(existing, "numFmtId"));
    const used = [...this.numFmts.items, ...this.addedNumFmts].map((item) => Number(attribute(item, "numFmtId")));
    const id = Math.max(163, ...used) + 1;
    this.addedNumFmts.push(`<${this.numFmts.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.numFmtIds.set(code, id);
    return id;
  }
}

/** An `<xf>` with another fill: `fillId` set, `applyFill="1"`. */
function withFill(xf: string, fillId: number): string {
  let tag = /^<[^>]*?(?=\/?>)/.exec(xf)?.[0] ?? xf;
  const rest = xf.slice(tag.length);
  tag = /\sfillId="/.test(tag) ? tag.replace(/(\sfillId=")[^"]*/, `$1${fillId}`) : `${tag} fillId="${fillId}"`;
  tag = /\sapplyFill="/.test(tag) ? tag.replace(/(\sapplyFill=")[^"]*/, "$11") : `${tag} applyFill="1"`;
  return tag + rest;
}

/**
 * Appends items to a section and sets its count; a missing section is created before the first of `before` present.
 */
function appendTo(xml: string, name: string, added: string[], existing: number, before: string[]): string {
  if (added.length === 0) return xml;
  const count = existing + added.length;
  const open = new RegExp(`<(\\w+:)?${name}(\\s[^>]*)?(/?)>`).exec(xml);
  if (open) {
    const prefix = open[1] ?? "";
    let tag = open[0].replace(/\/>$/, ">");
    tag = /\scount="/.test(tag)
      ? tag.replace(/(\scount=")[^"]*/, `$1${count}`)
      : tag.replace(/>$/, ` count="${count}">`);
    if (open[3] === "/")
      return (
        xml.slice(0, open.index) + tag + added.join("") + `</${prefix}${name}>` + xml.slice(open.index + open[0].length)
      );
    const closeTag = `</${prefix}${name}>`;
    const close = xml.indexOf(closeTag, open.index);
    return (
      xml.slice(0, open.index) + tag + xml.slice(open.index + open[0].length, close) + added.join("") + xml.slice(close)
    );
  }
  const prefix = /<(\w+:)?styleSheet[\s>]/.exec(xml)?.[1] ?? "";
  const block = `<${prefix}${name} count="${count}">${added.join("")}</${prefix}${name}>`;
  for (const follower of before) {
    const at = new RegExp(`<(?:\\w+:)?${follower}[\\s/>]`).exec(xml);
    if (at) return xml.slice(0, at.index) + block + xml.slice(at.index);
  }
  return xml.replace(new RegExp(`</(?:\\w+:)?styleSheet>`), `${block}$&`);
}
