import { parseAreas, boxAddress, type CellBox } from "./a1";
import { WorkbookError } from "./errors";
import { isPayloadError, type WriteOp, type WritePlan, type WorkbookPort } from "./port";
import { opRequestBytes, splitCellsOp } from "./writePlan";

/**
 * What to do when Excel refuses a request or response as too large (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded, Excel on the web's 5 MB limit): the planners size every call under a 4 MB
 * estimate, but Excel's own envelope is not ours to measure, so a refused call is made again in halves, as
 * `readSheet` does for values.
 */

function tooLarge(): WorkbookError {
  return new WorkbookError("PayloadTooLarge", "A single range is too large for Excel to send in one request.");
}

/**
 * Calls `call` with all `items`; on a payload error, with each half of them (results in order), down to one item,
 * which `splitOne` may split further (its parts' results are put back together by `merge`).
 */
export async function halvingOnPayloadError<T, R>(
  items: readonly T[],
  call: (part: T[]) => Promise<R[]>,
  splitOne: (item: T) => [T, T] | undefined,
  merge: (parts: [R, R]) => R,
): Promise<R[]> {
  if (items.length === 0) return [];
  try {
    return await call([...items]);
  } catch (error) {
    if (!isPayloadError(error)) throw error;
    if (items.length > 1) {
      const middle = Math.ceil(items.length / 2);
      const first = await halvingOnPayloadError(items.slice(0, middle), call, splitOne, merge);
      const second = await halvingOnPayloadError(items.slice(middle), call, splitOne, merge);
      return [...first, ...second];
    }
    const parts = splitOne(items[0]!);
    if (!parts) throw tooLarge();
    const [a] = await halvingOnPayloadError([parts[0]], call, splitOne, merge);
    const [b] = await halvingOnPayloadError([parts[1]], call, splitOne, merge);
    return [merge([a!, b!])];
  }
}

/** An address list cut into two lists of areas (undefined for a single area). */
export function splitAddressList(list: string): [string, string] | undefined {
  const areas = list.split(",");
  if (areas.length < 2) return undefined;
  const middle = Math.ceil(areas.length / 2);
  return [areas.slice(0, middle).join(","), areas.slice(middle).join(",")];
}

/** A box cut into its top and bottom halves (undefined for a single row). */
export function splitBoxRows(box: CellBox): [CellBox, CellBox] | undefined {
  if (box.rowCount < 2) return undefined;
  const top = Math.ceil(box.rowCount / 2);
  return [
    { ...box, rowCount: top },
    { ...box, firstRow: box.firstRow + top, rowCount: box.rowCount - top },
  ];
}

/** One write op cut in two where it can be: a cells op by rows, a fill op by areas (then by rows of one area). */
function splitOp(op: WriteOp): WriteOp[] | undefined {
  if (op.op === "cells") {
    const parts = splitCellsOp(op, Math.max(1, Math.floor(opRequestBytes(op) / 2)));
    return parts.length > 1 ? parts : undefined;
  }
  if (op.op === "fill") {
    const areas = splitAddressList(op.addresses);
    if (areas) return areas.map((addresses) => ({ ...op, addresses }));
    const rows = splitBoxRows(parseAreas(op.addresses)[0]!);
    return rows?.map((box) => ({ ...op, addresses: boxAddress(box) }));
  }
  return undefined;
}

/** A refused batch as two batches (its ops in halves, or its one op in parts); undefined when it cannot be cut. */
export function splitBatch(batch: readonly WriteOp[]): WriteOp[][] | undefined {
  if (batch.length > 1) {
    const middle = Math.ceil(batch.length / 2);
    return [batch.slice(0, middle), batch.slice(middle)];
  }
  const parts = splitOp(batch[0]!);
  if (!parts) return undefined;
  const middle = Math.ceil(parts.length / 2);
  return [parts.slice(0, middle), parts.slice(middle)];
}

/** How many batches of a write Excel had applied when it failed (`port.write` puts it on the error). */
export function completedBatches(error: unknown): number {
  const done = (error as { completedBatches?: unknown } | null)?.completedBatches;
  return typeof done === "number" ? done : 0;
}

/**
 * Writes a plan; when Excel refuses a batch as too large, the batches it applied stay, the refused one is cut in
 * two and the write goes on from there (a refused request is not run, so nothing is applied twice).
 */
export async function writeWithRetry(port: WorkbookPort, plan: WritePlan): Promise<void> {
  let batches = plan.batches;
  for (;;) {
    try {
      await port.write({ batches });
      return;
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      const done = completedBatches(error);
      const halves = batches[done] ? splitBatch(batches[done]) : undefined;
      if (!halves) throw tooLarge();
      batches = [...halves, ...batches.slice(done + 1)];
    }
  }
}
