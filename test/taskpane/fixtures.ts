import type { Finding } from "../../src/core/model";
import { buildHighlightPlan } from "../../src/core/report/highlight";
import { buildSummaryModel } from "../../src/core/report/summary";
import type { ScanResult } from "../../src/core/report/types";
import type { ScanOutcome } from "../../src/excel/session";

function finding(
  partial: Partial<Finding> & Pick<Finding, "row" | "orderId" | "code" | "category" | "points">,
): Finding {
  return {
    rows: [partial.row],
    message: `${partial.code} on order ${partial.orderId}`,
    messageZh: `订单 ${partial.orderId}：${partial.code}`,
    ...partial,
  };
}

/** A hand-made scan of a 6-order sheet: two late orders, one with two codes; one invalid tracking; one due soon. */
export function sampleOutcome(lang: "en" | "zh-CN" = "en"): ScanOutcome {
  const findings: Finding[] = [
    finding({
      row: 3,
      orderId: "8100000000000001",
      code: "SHIPPED_LATE",
      category: "late",
      points: 2,
    }),
    finding({
      row: 5,
      orderId: "8100000000000003",
      code: "OVERDUE_UNSHIPPED",
      category: "late",
      points: 2,
      rows: [5, 6],
    }),
    finding({
      row: 5,
      orderId: "8100000000000003",
      code: "MISSING_TRACKING",
      category: "untracked",
      points: 0,
      rows: [5, 6],
    }),
    finding({
      row: 7,
      orderId: "8100000000000004",
      code: "INVALID_TRACKING",
      category: "untracked",
      points: 3,
    }),
    finding({
      row: 9,
      orderId: "8100000000000006",
      code: "DUE_SOON",
      category: "at-risk",
      points: 0,
    }),
  ];
  const result: ScanResult = {
    rulebook: { id: "aliexpress", version: "2025.1" },
    source: {
      sheet: "Orders",
      headerRow: 2,
      firstColumn: 1,
      lastColumn: 6,
      lastRow: 9,
    },
    asOf: Date.UTC(2025, 5, 15, 19, 0),
    timeZone: "America/Los_Angeles",
    columns: { orderId: "订单号", paidAt: "付款时间" },
    totals: {
      rows: 7,
      orders: 6,
      flaggedOrders: 4,
      warehouseOrders: 0,
      byCode: {
        SHIPPED_LATE: 1,
        OVERDUE_UNSHIPPED: 1,
        MISSING_TRACKING: 1,
        INVALID_TRACKING: 1,
        DUE_SOON: 1,
      },
    },
    maxTrackingReuse: 0,
    awaiting: [],
    falseShipmentOrders: [],
    shippedLate: [],
    assessment: {
      totalPoints: 7,
      byTrack: [
        {
          track: "transaction",
          name: { en: "Transaction violations", zh: "交易违规及其他" },
          points: 7,
          consequence: {
            level: "warning",
            description: {
              en: "7 points: a warning, no freeze yet",
              zh: "7 分：警告，暂不冻结",
            },
            confidence: "medium",
          },
        },
      ],
      consequence: {
        level: "warning",
        description: {
          en: "7 points: a warning, no freeze yet",
          zh: "7 分：警告，暂不冻结",
        },
        confidence: "medium",
      },
      escalations: [],
    },
    findings,
    diagnostics: [
      {
        row: 4,
        column: "付款时间",
        value: "32/13/2025",
        problem: "UNPARSEABLE_DATE",
        message: "Not a date",
        messageZh: "不是日期",
      },
    ],
    skipped: [
      {
        codes: ["NOT_ONLINE"],
        missingField: "firstScanAt",
        message: { en: "No first-scan column.", zh: "没有上网时间列。" },
      },
    ],
    carriers: [],
  };
  return {
    result,
    plan: buildHighlightPlan(result),
    summary: buildSummaryModel(result, lang),
  };
}
