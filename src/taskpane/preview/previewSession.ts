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
