import type { Lang } from "../../core/model";
import { FakeWorkbookPort } from "../../excel/fake/fakeWorkbook";
import { createWorkbookSession } from "../../excel/scanService";
import type { WorkbookSession } from "../../excel/session";
import { SAMPLE_AS_OF, SAMPLE_TIME_ZONE } from "../../samples";
import type { GridSource } from "../components/SheetPreviewGrid";
import { fakeGridSource } from "./fakeGridSource";
import { buildSampleWorkbook } from "./sampleWorkbook";

/** A pause per simulated Excel round trip, so the progress bar and Cancel can be seen (and tested) in the preview. */
const PREVIEW_SYNC_LATENCY_MS = 25;
/** The slowest sync `?latency=` may ask for: enough to look at (and test) the loading and busy states. */
const MAX_PREVIEW_LATENCY_MS = 10_000;

/** `?latency=ms` slows every sync of the preview workbook, to see the pane's loading and busy states; else the default. */
export function previewLatency(search: string): number {
  const asked = Number(new URLSearchParams(search).get("latency") ?? Number.NaN);
  return Number.isInteger(asked) && asked >= 0 ? Math.min(asked, MAX_PREVIEW_LATENCY_MS) : PREVIEW_SYNC_LATENCY_MS;
}

export interface PreviewWorkbook {
  session: WorkbookSession;
  grid: GridSource;
  /** The moment the sample is judged at when the seller leaves "as of" empty, and the sample's time zone. */
  asOf: number;
  timeZone: string;
}

/**
 * The browser preview: the real Excel session over the in-memory workbook holding the bundled sample export.
 * "Now" is the sample's own as-of moment, so its late, due-soon and untracked orders show as the sample intends.
 */
export function createPreviewWorkbook(lang: Lang, options: { latencyMs?: number } = {}): PreviewWorkbook {
  const workbook = buildSampleWorkbook(lang);
  const port = new FakeWorkbookPort(workbook, { latencyMs: options.latencyMs ?? PREVIEW_SYNC_LATENCY_MS });
  const asOfInstant = Date.parse(SAMPLE_AS_OF);
  const session = createWorkbookSession(port, { now: () => asOfInstant });
  return { session, grid: fakeGridSource(workbook), asOf: asOfInstant, timeZone: SAMPLE_TIME_ZONE };
}
