/**
 * Excel API requirement sets the scan needs. The README quotes `EXCEL_REQUIREMENTS`; the manifest's minimum is
 * `EXCEL_REQUIREMENTS.minimum`.
 */
export const EXCEL_REQUIREMENTS = {
  minimum: {
    set: "ExcelApi",
    version: "1.9",
    why: "RangeAreas (worksheet.getRanges), application.suspendScreenUpdatingUntilNextSync, getCellProperties / setCellProperties (fills, hyperlinks), getRowProperties, RangeFill.pattern / patternColor / tintAndShade / patternTintAndShade (exact fills), worksheet autoFilter",
  },
  usedRange: {
    set: "ExcelApi",
    version: "1.4",
    why: "getUsedRangeOrNullObject(true), getItemOrNullObject, workbook.settings (covered by the 1.9 minimum)",
  },
  hyperlinks: {
    set: "ExcelApi",
    version: "1.7",
    why: 'Range hyperlinks (RangeHyperlink.documentReference) for the AE Actions sheet\'s links to order rows; set with setCellProperties (1.9); without them the rows say "row N" as text',
  },
  cellEdit: {
    set: "ExcelApi",
    version: "1.11",
    why: "Excel.run({ delayForCellEdit: true }): a scan started while a cell is being edited waits instead of failing; optional",
  },
  undoGroup: {
    set: "ExcelApi",
    version: "1.20",
    why: "Excel.run({ mergeUndoGroup: true }): a whole scan is one undo step; optional, used when present",
  },
} as const;

export interface Capabilities {
  /** ExcelApi 1.9: everything the scan needs. */
  scan: boolean;
  /** ExcelApi 1.20: one undo group per scan. */
  mergeUndoGroup: boolean;
  /** ExcelApi 1.7 (RangeHyperlink): links to order rows; undefined means supported (every host with `scan`). */
  hyperlinks?: boolean;
  /** ExcelApi 1.11: wait for the user to leave cell-edit mode. */
  delayForCellEdit?: boolean;
}

interface OfficeLike {
  context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } };
}

/**
 * Feature detection that never throws: outside Office (a browser preview, headless Chromium, Node) `Office` is
 * undefined or `Office.context.requirements` is, and then nothing is supported.
 */
export function detectCapabilities(office: OfficeLike | undefined): Capabilities {
  const supported = (version: string): boolean => {
    try {
      return office?.context?.requirements?.isSetSupported?.("ExcelApi", version) === true;
    } catch {
      return false;
    }
  };
  return {
    scan: supported(EXCEL_REQUIREMENTS.minimum.version),
    mergeUndoGroup: supported(EXCEL_REQUIREMENTS.undoGroup.version),
    hyperlinks: supported(EXCEL_REQUIREMENTS.hyperlinks.version),
    delayForCellEdit: supported(EXCEL_REQUIREMENTS.cellEdit.version),
  };
}
