import type { CanonicalField, DiagnosticProblem, Lang, ViolationCode, Category } from "../model";
import { formatIsoInZone } from "../dates/zone";
import type { SheetChoiceJson } from "../sheetChoice/chooseSheet";
import type { ScanResult } from "./types";
import type { actionsJson } from "../actions";
import type { OnlineRate } from "../evaluate/onlineRate";

/** The JSON report of contracts/report.md. Fields may be added, never removed or renamed. */
export interface ScanReportJson {
  tool: { name: string; version: string };
  rulebook: { id: string; version: string };
  /** `sheetChoice`: how the sheet was chosen among a workbook's sheets, and the next best (hosts that choose set it). */
  source: { file?: string; sheet: string; headerRow: number; sheetChoice?: SheetChoiceJson };
  asOf: string;
  timeZone: string;
  columns: Partial<Record<CanonicalField, string>>;
  totals: {
    rows: number;
    orders: number;
    flaggedOrders: number;
    byCode: Partial<Record<ViolationCode, number>>;
    /** Orders shipped by the platform's warehouse (semi-managed), not judged as the seller's shipments. */
    warehouseOrders: number;
    /** Present when the sheet has ship-time and first-scan columns. */
    onlineRate?: OnlineRate;
    points: { total: number; byTrack: Record<string, number> };
    consequence: { level: string; description: string; confidence: string };
  };
  findings: Array<{
    row: number;
    rows: number[];
    orderId: string;
    code: ViolationCode;
    category: Category;
    points: number;
    message: string;
    carrier?: string;
  }>;
  diagnostics: Array<{
    sheet?: string;
    row: number;
    column: string;
    value: string;
    problem: DiagnosticProblem;
    message: string;
  }>;
  notes: string[];
  escalations: Array<{ family: string; cases: number; points: number; reason: string }>;
  carriers: ScanResult["carriers"];
  /** The to-do (hosts that compute it set it): the ship-now list and the what-if line. */
  actions?: ReturnType<typeof actionsJson>;
}

export function toReportJson(result: ScanResult, lang: Lang, tool: { name: string; version: string }): ScanReportJson {
  const pick = (text: { en: string; zh: string }): string => (lang === "zh-CN" ? text.zh : text.en);
  const byTrack: Record<string, number> = {};
  for (const track of result.assessment.byTrack) byTrack[track.track] = track.points;
  return {
    tool,
    rulebook: result.rulebook,
    source: { file: result.source.file, sheet: result.source.sheet, headerRow: result.source.headerRow },
    asOf: formatIsoInZone(result.asOf, result.timeZone),
    timeZone: result.timeZone,
    columns: result.columns,
    totals: {
      rows: result.totals.rows,
      orders: result.totals.orders,
      flaggedOrders: result.totals.flaggedOrders,
      byCode: result.totals.byCode,
      warehouseOrders: result.totals.warehouseOrders,
      ...(result.totals.onlineRate ? { onlineRate: result.totals.onlineRate } : {}),
      points: { total: result.assessment.totalPoints, byTrack },
      consequence: {
        level: result.assessment.consequence.level,
        description: pick(result.assessment.consequence.description),
        confidence: result.assessment.consequence.confidence,
      },
    },
    findings: result.findings.map((finding) => ({
      row: finding.row,
      rows: finding.rows,
      orderId: finding.orderId,
      code: finding.code,
      category: finding.category,
      points: finding.points,
      message: lang === "zh-CN" ? finding.messageZh : finding.message,
      ...(finding.carrier ? { carrier: finding.carrier } : {}),
    })),
    diagnostics: result.diagnostics.map((diagnostic) => ({
      ...(diagnostic.sheet ? { sheet: diagnostic.sheet } : {}),
      row: diagnostic.row,
      column: diagnostic.column,
      value: diagnostic.value,
      problem: diagnostic.problem,
      message: lang === "zh-CN" ? diagnostic.messageZh : diagnostic.message,
    })),
    notes: result.skipped.map((skipped) => pick(skipped.message)),
    escalations: result.assessment.escalations.map((escalation) => ({
      family: escalation.family,
      cases: escalation.cases,
      points: escalation.points,
      reason: pick(escalation.reason),
    })),
    carriers: result.carriers,
  };
}
