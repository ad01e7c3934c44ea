import type { CanonicalField } from "../core/model";
import { CANONICAL_FIELDS, DATE_FIELDS } from "../core/model";
import { serialToWallClock } from "../core/dates/serial";
import type { ColumnMapping } from "../core/sheet";
import type { SheetPreview } from "../excel/session";

/** A column the seller can map a field to, by its header text (how ColumnMapping names columns). */
export interface HeaderChoice {
  value: string;
  label: string;
}

/** One line of the mapping table: a field, the header it is read from (if any) and a sample value. */
export interface MappingRow {
  field: CanonicalField;
  header?: string;
  sample?: string;
}

/** The header row's distinct, non-blank texts in sheet order. */
export function headerChoices(preview: SheetPreview): HeaderChoice[] {
  const seen = new Set<string>();
  const choices: HeaderChoice[] = [];
  const add = (text: string | undefined) => {
    const header = (text ?? "").trim();
    if (header === "" || seen.has(header)) return;
    seen.add(header);
    choices.push({ value: header, label: header });
  };
  for (const header of preview.header.headers) add(header);
  for (const field of CANONICAL_FIELDS) add(preview.header.columns[field]?.header);
  return choices;
}

/**
 * Every canonical field, in the canonical order (rows never move while the seller edits them), with the column it
 * is read from: the preview was read with the seller's mapping, so its detection already reflects their choices.
 */
export function mappingRows(preview: SheetPreview): MappingRow[] {
  return CANONICAL_FIELDS.map((field): MappingRow => {
    const match = preview.header.columns[field];
    const sample = preview.samples[field];
    return match
      ? { field, header: match.header.trim(), sample: sample === undefined ? undefined : sampleText(field, sample) }
      : { field };
  });
}

/** A matched column below this confidence (a header that only partly names the field) is shown for review. */
export const DOUBTFUL_BELOW = 0.9;
/** Without this column there are no orders to judge: its absence always opens the mapping. */
const KEY_FIELD: CanonicalField = "orderId";

/** How sure the detected mapping is: the one-line summary, and the fields the seller should look at. */
export interface MappingReview {
  found: number;
  total: number;
  /** Fields missing (the key column, or a mapped header not in the sheet) or matched with a doubtful header. */
  attention: CanonicalField[];
  /** Nothing needs a look: the mapping may stay folded to its summary line. */
  confident: boolean;
}

export function mappingReview(preview: SheetPreview): MappingReview {
  const { columns, mappingNotFound, confidence } = preview.header;
  const attention = CANONICAL_FIELDS.filter((field) => {
    const match = columns[field];
    if (!match) return field === KEY_FIELD || mappingNotFound.includes(field);
    return match.via !== "mapping" && match.confidence < DOUBTFUL_BELOW;
  });
  const found = CANONICAL_FIELDS.filter((field) => columns[field] !== undefined).length;
  return {
    found,
    total: CANONICAL_FIELDS.length,
    attention,
    confident: attention.length === 0 && confidence >= DOUBTFUL_BELOW,
  };
}

const SERIAL = /^\d{1,7}(\.\d+)?$/;
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A date column's sample as a date: Excel hands the pane date cells as serial numbers ("45823.0759…"), which say
 * nothing to a seller checking that the right column was picked. Read as the 1900 date system (Excel's default);
 * the scan itself uses the workbook's real date system.
 */
export function sampleText(field: CanonicalField, sample: string): string {
  if (!DATE_FIELDS.includes(field) || !SERIAL.test(sample.trim())) return sample;
  const wall = serialToWallClock(Number(sample));
  if (wall === undefined) return sample;
  const d = new Date(wall);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

/**
 * The seller's explicit choices with one field changed. Choosing "(not used)" stores "" so header detection does
 * not bring the column back; fields never touched stay out of the mapping and keep being detected.
 */
export function withField(
  mapping: ColumnMapping | undefined,
  field: CanonicalField,
  header: string | undefined,
): ColumnMapping {
  return { ...(mapping ?? {}), [field]: header ?? "" };
}
