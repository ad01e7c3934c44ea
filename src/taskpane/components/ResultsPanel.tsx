import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, EraserRegular, TableSimpleRegular } from "@fluentui/react-icons";
import type { Lang } from "../../core/model";
import type { Consequence } from "../../core/report/types";
import { formatInstant } from "../../core/dates/zone";
import type { ScanOutcome } from "../../excel/session";
import type { Strings } from "../i18n";
import { localized } from "../i18n";
import { codeCounts } from "../results";
import { ColorSwatch } from "./ColorSwatch";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, overflowWrap: "anywhere" },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  table: { tableLayout: "auto", width: "100%" },
  numberCell: { textAlign: "end", width: "4.5em" },
  labelCell: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0, padding: 0 },
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
}

function ConsequenceText({ consequence, lang, strings }: { consequence: Consequence; lang: Lang; strings: Strings }) {
  const styles = useStyles();
  return (
    <div className={styles.consequence} data-testid="consequence">
      <div className={styles.badgeRow}>
        <Body1Strong>{strings.consequenceLabel}</Body1Strong>
        <Badge appearance="outline" color={consequence.confidence === "high" ? "success" : "informative"}>
          {strings.confidenceLabel[consequence.confidence]}
        </Badge>
      </div>
      <Body1>{localized(consequence.description, lang)}</Body1>
    </div>
  );
}

export function ResultsPanel({ outcome, lang, strings, busy, canScan, onClear, onOpenSummary, onScanAgain }: ResultsPanelProps) {
  const styles = useStyles();
  const { result, plan } = outcome;
  const counts = codeCounts(result, plan);
  const { assessment } = result;
  const diagnostics = result.diagnostics.filter((d) => d.row > 0).length;

  return (
    <section className={styles.root} aria-labelledby="ae-results-heading">
      <div className={styles.block}>
        <Subtitle2 as="h2" id="ae-results-heading">
          {strings.resultsHeading}
        </Subtitle2>
        <Body1Strong data-testid="flagged-summary">
          {result.totals.flaggedOrders > 0
            ? strings.flaggedSummary(result.totals.flaggedOrders, result.totals.orders)
            : strings.noFlagged}
        </Body1Strong>
        <Caption1 className={styles.muted}>
          {strings.asOfFact(formatInstant(result.asOf, result.timeZone), result.timeZone)}{" "}
          {strings.rulebookFact(result.rulebook.id, result.rulebook.version)}
        </Caption1>
      </div>

      <div className={styles.actions}>
        <Button icon={<EraserRegular />} onClick={onClear} disabled={busy}>
          {strings.clearButton}
        </Button>
        <Button icon={<TableSimpleRegular />} onClick={onOpenSummary} disabled={busy}>
          {strings.summaryButton}
        </Button>
        <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={onScanAgain} disabled={!canScan}>
          {strings.scanAgainButton}
        </Button>
      </div>

      {counts.length > 0 ? (
        <div className={styles.block}>
          <Subtitle2 as="h3">{strings.byCodeHeading}</Subtitle2>
          <Table size="small" className={styles.table} aria-label={strings.byCodeHeading} data-testid="code-counts">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.codeColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.numberCell}>{strings.ordersColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {counts.map((count) => (
                <TableRow key={count.code} data-code={count.code}>
                  <TableCell>
                    <span className={styles.labelCell}>
                      <ColorSwatch color={count.color} />
                      {strings.codeLabels[count.code]}
                    </span>
                  </TableCell>
                  <TableCell className={styles.numberCell} data-testid={`count-${count.code}`}>
                    {count.orders}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {plan.legend.length > 0 ? (
            <>
              <Caption1 as="h4" className={styles.muted}>
                {strings.legendHeading}
              </Caption1>
              <ul className={styles.legend} data-testid="legend">
                {plan.legend.map((entry) => (
                  <li key={entry.category} className={styles.legendItem} data-category={entry.category}>
                    <ColorSwatch color={entry.color} />
                    <Caption1>
                      {localized(entry.label, lang)} · {strings.legendRows(entry.rows)}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      <div className={styles.block}>
        <Subtitle2 as="h3">{strings.pointsHeading}</Subtitle2>
        <Body1Strong data-testid="total-points">{strings.totalPoints(assessment.totalPoints)}</Body1Strong>
        {assessment.byTrack.length > 0 ? (
          <Table size="small" className={styles.table} aria-label={strings.pointsHeading}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.trackColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.numberCell}>{strings.pointsColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {assessment.byTrack.map((track) => (
                <TableRow key={track.track}>
                  <TableCell>
                    {localized(track.name, lang)}
                    <Caption1 as="p" className={styles.muted}>
                      {localized(track.consequence.description, lang)}
                    </Caption1>
                  </TableCell>
                  <TableCell className={styles.numberCell}>{track.points}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {assessment.escalations.length > 0 ? (
          <ul className={styles.list}>
            {assessment.escalations.map((escalation) => (
              <li key={escalation.family}>
                <Caption1>{strings.escalationNote(localized(escalation.reason, lang), escalation.points)}</Caption1>
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
          {diagnostics > 0 ? <Caption1 className={styles.muted}>{strings.diagnosticsNote(diagnostics)}</Caption1> : null}
        </div>
      ) : null}
    </section>
  );
}
