import * as path from "node:path";
import type { ZipPackage } from "./package/zipRead";
import { unescapeXml } from "./xlsxPost";

/**
 * The rows of a sheet that are an Excel table's totals row, read from the package's own table parts: a table whose
 * definition has totalsRowCount="1" ends with its totals row, the last row of its ref. [] when the sheet has none
 * or the package does not say (the core then still knows a totals row by its label).
 */
export async function tableTotalsRowsInPackage(pkg: ZipPackage, sheetName: string): Promise<number[]> {
  const text = async (part: string): Promise<string> => (pkg.has(part) ? pkg.text(part) : "");
  const target = (rels: string, id: string): string | undefined => {
    const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(rels)?.[0];
    return rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
  };
  const resolve = (from: string, to: string): string =>
    to.startsWith("/") ? to.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from), to));

  const workbook = await text("xl/workbook.xml");
  let sheetPart: string | undefined;
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(match[0])?.[1];
    if (name === undefined || id === undefined || unescapeXml(name) !== sheetName) continue;
    const to = target(await text("xl/_rels/workbook.xml.rels"), id);
    if (to) sheetPart = resolve("xl/workbook.xml", to);
    break;
  }
  if (!sheetPart) return [];
  const sheetRels = await text(`${path.posix.dirname(sheetPart)}/_rels/${path.posix.basename(sheetPart)}.rels`);
  const rows: number[] = [];
  for (const match of sheetRels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/\bType="[^"]*\/table"/.test(match[0])) continue;
    const to = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
    if (!to) continue;
    const table = /<table\b[^>]*>/.exec(await text(resolve(sheetPart, to)))?.[0] ?? "";
    if (!/\btotalsRowCount="1"/.test(table)) continue;
    const lastRow = /\bref="[A-Z]+\d+:[A-Z]+(\d+)"/i.exec(table)?.[1];
    if (lastRow !== undefined) rows.push(Number(lastRow));
  }
  return rows;
}
