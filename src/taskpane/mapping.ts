import type { CanonicalField } from "../core/model";
import { CANONICAL_FIELDS } from "../core/model";
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
    return match ? { field, header: match.header.trim(), sample: preview.samples[field] } : { field };
  });
}

/**
 * The seller's explicit choices with one field changed. Choosing "(not used)" stores "" so header detection does
 * not bring the column back; fields never touched stay out of the mapping and keep being detected.
 */
export function withField(mapping: ColumnMapping | undefined, field: CanonicalField, header: string | undefined): ColumnMapping {
  return { ...(mapping ?? {}), [field]: header ?? "" };
}
