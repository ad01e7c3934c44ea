import type { WriteOp, WritePlan } from "./port";
import { CALL_OVERHEAD_BYTES, jsonBytes, PAYLOAD_BUDGET_BYTES } from "./payload";

/** API calls one write op costs in the Office.js implementation (range lookups, property sets, methods). */
export function opCalls(op: WriteOp): number {
  switch (op.op) {
    case "fill":
      // getRanges, then one property set per fill property (or one clear()).
      return op.fill ? 1 + Object.keys(op.fill).length : 2;
    case "cells":
      return (
        1 +
        (op.numberFormat ? 1 : 0) +
        (op.values ? 1 : 0) +
        (op.hyperlinks ? 1 : 0) +
        (op.bold !== undefined ? 1 : 0) +
        (op.fontSize !== undefined ? 1 : 0) +
        (op.fill !== undefined ? 1 : 0)
      );
    case "deleteSheet":
      return 3;
    case "ensureSheet":
      return 3;
    case "clear":
      return 2;
    case "table":
      return 3;
    case "chart":
      return 8;
    case "columnWidths":
      return 2 * op.widths.length;
    case "activate":
      return 2;
  }
}

/** Estimated request bytes of an op: its data as JSON plus an envelope per API call. The fake measures the same. */
export function opRequestBytes(op: WriteOp): number {
  return jsonBytes(op) + opCalls(op) * CALL_OVERHEAD_BYTES;
}

/** Splits a cells op by rows so each part stays within the budget. */
export function splitCellsOp(
  op: Extract<WriteOp, { op: "cells" }>,
  budget: number,
): Array<Extract<WriteOp, { op: "cells" }>> {
  const bytes = opRequestBytes(op);
  if (bytes <= budget || op.box.rowCount <= 1) return [op];
  const parts = Math.ceil(bytes / budget) + 1;
  const rowsPerPart = Math.max(1, Math.floor(op.box.rowCount / parts));
  const out: Array<Extract<WriteOp, { op: "cells" }>> = [];
  for (let start = 0; start < op.box.rowCount; start += rowsPerPart) {
    const count = Math.min(rowsPerPart, op.box.rowCount - start);
    const part: Extract<WriteOp, { op: "cells" }> = {
      ...op,
      box: { ...op.box, firstRow: op.box.firstRow + start, rowCount: count },
      numberFormat: op.numberFormat?.slice(start, start + count),
      values: op.values?.slice(start, start + count),
      hyperlinks: op.hyperlinks?.slice(start, start + count),
    };
    if (!op.numberFormat) delete part.numberFormat;
    if (!op.values) delete part.values;
    if (!op.hyperlinks) delete part.hyperlinks;
    out.push(...splitCellsOp(part, budget));
  }
  return out;
}

/** Packs ops, in order, into batches (one sync each) whose estimated request stays within the budget. */
export function planWrites(ops: readonly WriteOp[], budget = PAYLOAD_BUDGET_BYTES): WritePlan {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let used = 0;
  const split: WriteOp[] = ops.flatMap((o): WriteOp[] => (o.op === "cells" ? splitCellsOp(o, budget) : [o]));
  for (const op of split) {
    const bytes = opRequestBytes(op);
    if (current.length > 0 && used + bytes > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(op);
    used += bytes;
  }
  if (current.length > 0) batches.push(current);
  return { batches };
}
