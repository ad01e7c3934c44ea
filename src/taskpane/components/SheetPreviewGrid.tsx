import { Caption1, Subtitle2, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { columnLetters } from "../../excel/a1";
import type { Strings } from "../i18n";
import { cssColor } from "../results";

/** One cell as the preview grid draws it. */
export interface GridCell {
  text: string;
  /** Fill colour (`#RRGGBB`) when the cell has one. */
  fill?: string;
}

export interface GridSnapshot {
  /** Excel row number of rows[0]. */
  firstRow: number;
  /** Excel column number of each row's first cell (A = 1). */
  firstColumn: number;
  rows: GridCell[][];
  /** Rows the sheet holds (rows may be capped below this). */
  totalRows: number;
}

/** What the browser preview reads from its in-memory workbook to draw it. */
export interface GridSource {
  sheetNames(): string[];
  read(sheet: string, maxRows: number): GridSnapshot;
  /** The row `selectRow` last went to, when the workbook keeps one. */
  selection?(): { sheet: string; row: number } | undefined;
}

/** Enough for the bundled ~200-order sample; bigger sheets show their top rows and say so. */
export const GRID_ROW_CAP = 400;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  sheetTabs: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  scroller: {
    overflow: "auto",
    maxHeight: "calc(100vh - 140px)",
    minHeight: "240px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: "collapse",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "nowrap",
  },
  corner: { position: "sticky", left: 0, top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3 },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "end",
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SheetPreviewGridProps {
  source: GridSource;
  sheet: string;
  strings: Strings;
  /** Bumped after every change to the workbook so the grid re-reads it. */
  version: number;
  onSheetChange: (sheet: string) => void;
}

/**
 * The browser preview's stand-in for Excel's grid: the in-memory workbook's cells with their fills, so a seller
 * trying the add-in (and the browser test) sees which rows a scan coloured. Cells are drawn with their fill and a
 * dark text colour, as Excel draws them, whatever the pane's theme.
 */
export function SheetPreviewGrid({ source, sheet, strings, version, onSheetChange }: SheetPreviewGridProps) {
  const styles = useStyles();
  const sheets = useMemo(() => source.sheetNames(), [source, version]);
  const shownSheet = sheets.includes(sheet) ? sheet : (sheets[0] ?? sheet);
  const snapshot = useMemo(() => source.read(shownSheet, GRID_ROW_CAP), [source, shownSheet, version]);
  const selection = source.selection?.();
  const selectedRow = selection?.sheet === shownSheet ? selection.row : undefined;
  const width = snapshot.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const columns = Array.from({ length: width }, (_, i) => snapshot.firstColumn + i);

  return (
    <section className={styles.root} aria-labelledby="ae-grid-heading" data-testid="sheet-preview">
      <Subtitle2 as="h2" id="ae-grid-heading">
        {strings.previewGridHeading}
      </Subtitle2>
      <div className={styles.sheetTabs} role="group" aria-label={strings.previewSheetsLabel}>
        {sheets.map((name) => (
          <ToggleButton
            key={name}
            size="small"
            appearance={name === shownSheet ? "primary" : "secondary"}
            checked={name === shownSheet}
            onClick={() => onSheetChange(name)}
            data-sheet={name}
          >
            {name}
          </ToggleButton>
        ))}
      </div>
      {snapshot.totalRows > snapshot.rows.length ? (
        <Caption1 className={styles.muted}>{strings.previewGridCap(snapshot.rows.length, snapshot.totalRows)}</Caption1>
      ) : null}
      {selectedRow !== undefined ? (
        <Caption1 aria-live="polite">{strings.previewSelectedRow(selectedRow)}</Caption1>
      ) : null}
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={strings.previewGridLabel(shownSheet)}>
        <table className={styles.table}>
          <thead>
            <tr>
              <td className={styles.corner} />
              {columns.map((column) => (
                <th key={column} scope="col" className={styles.colHead}>
                  {columnLetters(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {snapshot.rows.map((cells, i) => {
              const row = snapshot.firstRow + i;
              return (
                <tr key={row} data-row={row} className={row === selectedRow ? styles.selected : undefined}>
                  <th scope="row" className={styles.rowHead}>
                    {row}
                  </th>
                  {columns.map((column, j) => {
                    const cell = cells[j];
                    const fill = cssColor(cell?.fill);
                    return (
                      <td
                        key={column}
                        className={styles.cell}
                        data-fill={fill ?? ""}
                        style={fill ? { backgroundColor: fill, color: "#000000" } : undefined}
                      >
                        {cell?.text ?? ""}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
