import {
  Body1Strong,
  Button,
  Caption1,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, EraserRegular, TableSimpleRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { isUnreadableCell, type Lang, type ViolationCode } from "../../core/model";
import { onlineRateNotes } from "../../core/report/summary";
import { ShipNowSection } from "./ShipNowSection";
import { ToDoCounts } from "./ToDoCounts";
import { FixTrackingSection } from "./FixTrackingSection";
import type { Assessment, Consequence } from "../../core/report/types";
import { formatMinute } from "../../core/dates/zone";
import type { ScanOutcome } from "../../excel/session";
import type { Strings } from "../i18n";
import { localized } from "../i18n";
import { sentence } from "../sentences";
import { codeCounts, withoutRuleId } from "../results";
import { ColorSwatch } from "./ColorSwatch";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, overflowWrap: "anywhere" },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  headCell: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
  },
  numberCell: { textAlign: "end", width: "4.5em" },
  labelCell: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
  },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, listStyleType: "none" },
  consequence: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  badgeRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  summary: { cursor: "pointer" },
  filterButton: {
    width: "100%",
    padding: 0,
    border: "none",
    background: "none",
    color: tokens.colorBrandForegroundLink,
    font: "inherit",
    textAlign: "start",
    textDecorationLine: "underline",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
    '&[aria-pressed="true"]': { fontWeight: tokens.fontWeightSemibold, textDecorationLine: "none" },
  },
  heading: {
    ...typographyStyles.subtitle2,
    margin: 0,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

export interface ResultsPanelProps {
  outcome: ScanOutcome;
  lang: Lang;
  strings: Strings;
  busy: boolean;
  /** Scan again needs valid options and an idle pane. */
  canScan: boolean;
  onClear: () => void;
  onOpenSummary: () => void;
  onScanAgain: () => void;
  /** Selects an order's row in the sheet (the ship-now list's and the unreadable cells' jump). */
  onSelectRow?: (row: number) => void;
  /** The problem whose orders the flagged list shows; undefined = all. */
  filter?: ViolationCode;
  /** A count is a filter: pressing it shows those orders (pressing it again shows all). */
  onFilter?: (code: ViolationCode | undefined) => void;
}

/** The consequence as one sentence of the wording table, from its parts (the core's description as a fallback). */
function consequenceSentence(consequence: Consequence, lang: Lang, strings: Strings): string {
  const parts = consequence.parts;
  if (!parts) {
    return strings.consequenceSentence(
      withoutRuleId(localized(consequence.description, lang)),
      strings.confidenceLabel[consequence.confidence],
    );
  }
  const values = {
    points: parts.points,
    reached: withoutRuleId(localized(parts.reached, lang)),
    note: localized(parts.note, lang),
  };
  return parts.next
    ? sentence("consequenceWithNext", lang, {
        ...values,
        nextPoints: parts.next.minPoints,
        next: withoutRuleId(localized(parts.next.consequence, lang)),
      })
    : sentence("consequence", lang, values);
}

/** An escalation's extra points as one sentence of the wording table. */
function escalationSentence(escalation: Assessment["escalations"][number], lang: Lang, strings: Strings): string {
  if (!escalation.name || escalation.windowDays === undefined)
    return strings.escalationNote(withoutRuleId(localized(escalation.reason, lang)), escalation.points);
  return sentence("escalation", lang, {
    points: escalation.points,
    name: withoutRuleId(localized(escalation.name, lang)),
    cases: escalation.cases,
    days: escalation.windowDays,
  });
}

function ConsequenceText({ consequence, lang, strings }: { consequence: Consequence; lang: Lang; strings: Strings }) {
  const styles = useStyles();
  return (
    <div className={styles.consequence} data-testid="consequence">
      <Body1Strong>{consequenceSentence(consequence, lang, strings)}</Body1Strong>
    </div>
  );
}

export function ResultsPanel({
  outcome,
  lang,
  strings,
  busy,
  canScan,
  onClear,
  onOpenSummary,
  onScanAgain,
  onSelectRow,
  filter,
  onFilter,
}: ResultsPanelProps) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A finished scan replaces the button that started it: take keyboard and screen-reader focus to the results, and
  // scroll them to the top once the panels above have folded (a frame later), or the heading lands above the view.
  useEffect(() => {
    const heading = headingRef.current;
    if (!heading) return;
    heading.focus({ preventScroll: true });
    const frame = window.requestAnimationFrame(() => heading.scrollIntoView?.({ block: "start" }));
    return () => window.cancelAnimationFrame(frame);
  }, [outcome]);
  const { result, plan } = outcome;
  const counts = codeCounts(result, plan);
  const { assessment } = result;
  const unreadable = result.diagnostics.filter(isUnreadableCell);
  const diagnostics = unreadable.length;

  return (
    <section className={styles.root} aria-labelledby="ae-results-heading">
      <div className={styles.block}>
        <h2 id="ae-results-heading" tabIndex={-1} ref={headingRef} className={styles.heading}>
          {strings.resultsHeading}
        </h2>
        <Body1Strong data-testid="flagged-summary">
          {result.totals.flaggedOrders > 0
            ? strings.flaggedSummary(result.totals.flaggedOrders, result.totals.orders)
            : strings.noFlagged}
        </Body1Strong>
        {outcome.actions ? <ToDoCounts actions={outcome.actions} strings={strings} /> : null}
        <Caption1 className={styles.muted}>
          {strings.asOfFact(formatMinute(result.asOf, result.timeZone), result.timeZone)}{" "}
          {strings.rulebookFact(result.rulebook.id, result.rulebook.version)}
        </Caption1>
        {result.totals.warehouseOrders > 0 ? (
          <Caption1 className={styles.muted} data-testid="warehouse-orders">
            {strings.warehouseFact(result.totals.warehouseOrders)}
          </Caption1>
        ) : null}
      </div>

      {outcome.actions ? (
        <ShipNowSection
          actions={outcome.actions}
          lang={lang}
          strings={strings}
          onSelectRow={(row) => onSelectRow?.(row)}
        />
      ) : null}
      {outcome.actions ? (
        <FixTrackingSection
          actions={outcome.actions}
          lang={lang}
          strings={strings}
          onSelectRow={(row) => onSelectRow?.(row)}
        />
      ) : null}

      <div className={styles.actions}>
        <Button icon={<EraserRegular />} onClick={onClear} disabledFocusable={busy}>
          {strings.clearButton}
        </Button>
        <Button icon={<TableSimpleRegular />} onClick={onOpenSummary} disabledFocusable={busy}>
          {strings.summaryButton}
        </Button>
        <Button
          appearance="primary"
          icon={<ArrowClockwiseRegular />}
          onClick={onScanAgain}
          disabledFocusable={!canScan}
        >
          {strings.scanAgainButton}
        </Button>
      </div>

      {counts.length > 0 ? (
        <div className={styles.block}>
          <Subtitle2 as="h3">{strings.byCodeHeading}</Subtitle2>
          <table className={styles.table} aria-label={strings.byCodeHeading} data-testid="code-counts">
            <thead>
              <tr>
                <th scope="col" className={styles.headCell}>
                  {strings.codeColumn}
                </th>
                <th scope="col" className={mergeClasses(styles.headCell, styles.numberCell)}>
                  {strings.ordersColumn}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((count) => (
                <tr key={count.code} data-code={count.code}>
                  <td className={styles.cell}>
                    <button
                      type="button"
                      className={mergeClasses(styles.labelCell, styles.filterButton)}
                      aria-pressed={filter === count.code}
                      data-testid={`filter-${count.code}`}
                      onClick={() => onFilter?.(filter === count.code ? undefined : count.code)}
                    >
                      <ColorSwatch color={count.color} />
                      {strings.codeLabels[count.code]}
                    </button>
                  </td>
                  <td className={mergeClasses(styles.cell, styles.numberCell)} data-testid={`count-${count.code}`}>
                    {count.orders}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.legend.length > 0 ? (
            <>
              <Caption1 as="h4" className={styles.muted}>
                {strings.legendHeading}
              </Caption1>
              <ul className={styles.legend} data-testid="legend">
                {plan.legend.map((entry) => (
                  <li key={entry.category} className={styles.legendItem} data-category={entry.category}>
                    <ColorSwatch color={entry.color} />
                    <Caption1>{strings.legendEntry(localized(entry.label, lang), entry.rows)}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      {result.totals.onlineRate ? (
        <div className={styles.block} data-testid="online-rate">
          <Subtitle2 as="h3">{strings.onlineRateHeading}</Subtitle2>
          {onlineRateNotes(result.totals.onlineRate, lang).map((note) => (
            <Caption1 key={note}>{note}</Caption1>
          ))}
        </div>
      ) : null}

      <div className={styles.block}>
        <Subtitle2 as="h3">{strings.pointsHeading}</Subtitle2>
        <Body1Strong data-testid="total-points">{strings.totalPoints(assessment.totalPoints)}</Body1Strong>
        {assessment.byTrack.length > 0 ? (
          <table className={styles.table} aria-label={strings.pointsHeading}>
            <thead>
              <tr>
                <th scope="col" className={styles.headCell}>
                  {strings.trackColumn}
                </th>
                <th scope="col" className={mergeClasses(styles.headCell, styles.numberCell)}>
                  {strings.pointsColumn}
                </th>
              </tr>
            </thead>
            <tbody>
              {assessment.byTrack.map((track) => (
                <tr key={track.track}>
                  <td className={styles.cell}>
                    {localized(track.name, lang)}
                    {assessment.byTrack.length > 1 ? (
                      <Caption1 block className={styles.muted}>
                        {localized(track.consequence.description, lang)}
                      </Caption1>
                    ) : null}
                  </td>
                  <td className={mergeClasses(styles.cell, styles.numberCell)}>{track.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {assessment.escalations.length > 0 ? (
          <ul className={styles.list}>
            {assessment.escalations.map((escalation) => (
              <li key={escalation.family}>
                <Caption1>{escalationSentence(escalation, lang, strings)}</Caption1>
              </li>
            ))}
          </ul>
        ) : null}
        <ConsequenceText consequence={assessment.consequence} lang={lang} strings={strings} />
      </div>

      {result.skipped.length > 0 || diagnostics > 0 ? (
        <div className={styles.block}>
          {result.skipped.length > 0 ? (
            <>
              <Caption1 as="h4">{strings.skippedHeading}</Caption1>
              <ul className={styles.list}>
                {result.skipped.map((skipped) => (
                  <li key={skipped.missingField + skipped.codes.join()}>
                    <Caption1>{localized(skipped.message, lang)}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {diagnostics > 0 ? (
            <details data-testid="unreadable-list">
              <summary className={styles.summary}>
                <Caption1>{strings.diagnosticsNote(diagnostics)}</Caption1>
              </summary>
              <ul className={styles.list}>
                {unreadable.map((cell) => (
                  <li key={`${cell.sheet ?? ""}!${cell.row}!${cell.column}`} data-row={cell.row}>
                    <Caption1 block>
                      {strings.unreadableCell({
                        sheet: cell.sheet ?? result.source.sheet,
                        row: cell.row,
                        column: cell.column,
                        value: cell.value,
                      })}
                    </Caption1>
                    <Caption1 block className={styles.muted}>
                      {lang === "zh-CN" ? cell.messageZh : cell.message}
                    </Caption1>
                    <Button size="small" appearance="transparent" onClick={() => onSelectRow?.(cell.row)}>
                      {strings.jumpToRow(cell.row)}
                    </Button>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
