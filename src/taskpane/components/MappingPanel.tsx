import { Caption1, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { CanonicalField } from "../../core/model";
import type { Strings } from "../i18n";
import type { HeaderChoice, MappingRow } from "../mapping";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  fieldCell: {
    width: "38%",
    textAlign: "start",
    verticalAlign: "top",
    paddingTop: "6px",
    paddingRight: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
  },
  controlCell: { verticalAlign: "top", paddingBottom: tokens.spacingVerticalS },
  head: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  select: { width: "100%", minWidth: 0 },
  selectInner: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  sample: { display: "block", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere", paddingTop: "2px" },
  unmapped: { color: tokens.colorNeutralForeground3 },
  warning: { display: "block", color: tokens.colorPaletteDarkOrangeForeground1, paddingTop: "2px" },
});

export interface MappingPanelProps {
  strings: Strings;
  sheets: string[];
  sheet?: string;
  headerRow?: number;
  orders?: number;
  unreadableCells?: number;
  headers: HeaderChoice[];
  rows: MappingRow[];
  /** Fields missing or matched doubtfully: each says so under its picker. */
  attention: CanonicalField[];
  disabled: boolean;
  onSheetChange: (sheet: string) => void;
  onFieldChange: (field: CanonicalField, header: string | undefined) => void;
}

const UNMAPPED = "";

/** The order sheet and, per canonical field, the column it is read from with a sample value; every choice editable. */
export function MappingPanel(props: MappingPanelProps) {
  const { strings, sheets, sheet, headers, rows, disabled } = props;
  const styles = useStyles();
  const fieldHeadId = useId();
  const columnHeadId = useId();
  return (
    <div className={styles.root}>
      <Field label={strings.sheetLabel}>
        <Select
          className={styles.select}
          select={{ className: styles.selectInner }}
          value={sheet ?? ""}
          title={sheet}
          disabled={disabled || sheets.length === 0}
          onChange={(_, data) => props.onSheetChange(data.value)}
        >
          {sheet === undefined ? <option value="" /> : null}
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>

      {props.headerRow !== undefined ? (
        <div className={styles.facts} data-testid="mapping-facts">
          <Text size={200}>
            {strings.headerRowNote(props.headerRow)}{" "}
            {props.orders !== undefined ? strings.ordersFound(props.orders) : null}
          </Text>
          {props.unreadableCells !== undefined ? (
            <Text
              size={200}
              className={props.unreadableCells > 0 ? styles.warning : undefined}
              data-testid="unreadable-cells"
            >
              {strings.unreadableCells(props.unreadableCells)}
            </Text>
          ) : null}
        </div>
      ) : null}

      {rows.length > 0 ? (
        <table className={styles.table} data-testid="mapping-table">
          <thead>
            <tr>
              <th id={fieldHeadId} scope="col" className={styles.head}>
                <Caption1>{strings.fieldColumn}</Caption1>
              </th>
              <th id={columnHeadId} scope="col" className={styles.head}>
                <Caption1>{strings.columnAndSample}</Caption1>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const labelId = `${fieldHeadId}-${row.field}`;
              return (
                <tr key={row.field} data-field={row.field}>
                  <th scope="row" id={labelId} className={styles.fieldCell}>
                    <Text size={300} className={row.header === undefined ? styles.unmapped : undefined}>
                      {strings.fieldLabels[row.field]}
                    </Text>
                  </th>
                  <td className={styles.controlCell}>
                    <Select
                      className={styles.select}
                      select={{ className: styles.selectInner }}
                      aria-labelledby={labelId}
                      value={row.header ?? UNMAPPED}
                      title={row.header ?? strings.notMapped}
                      disabled={disabled}
                      data-testid={`map-${row.field}`}
                      onChange={(_, data) =>
                        props.onFieldChange(row.field, data.value === UNMAPPED ? undefined : data.value)
                      }
                    >
                      <option value={UNMAPPED}>{strings.notMapped}</option>
                      {headers.map((header) => (
                        <option key={header.value} value={header.value}>
                          {header.label}
                        </option>
                      ))}
                    </Select>
                    {props.attention.includes(row.field) ? (
                      <Caption1 className={styles.warning} data-testid={`attention-${row.field}`}>
                        {row.header === undefined ? strings.columnMissing : strings.columnDoubtful}
                      </Caption1>
                    ) : null}
                    {row.header !== undefined ? (
                      <Caption1 className={styles.sample} data-testid={`sample-${row.field}`}>
                        {strings.sampleValue(row.sample ?? strings.noSample)}
                      </Caption1>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
