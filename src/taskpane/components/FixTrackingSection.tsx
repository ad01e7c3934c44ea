import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ScanActions, TrackingFix } from "../../core/actions";
import type { Lang } from "../../core/model";
import type { Strings } from "../i18n";
import { MessageDraft } from "./ShipNowSection";

/** The first fixes shown; the rest is one click away. */
const FIRST_SHOWN = 10;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: {
    display: "flex",
    flexDirection: "column",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "1px solid transparent",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface FixTrackingSectionProps {
  actions: ScanActions;
  lang: Lang;
  strings: Strings;
  onSelectRow: (row: number) => void;
}

/** Each tracking finding: what is wrong, what fixes it, and the note to send the buyer once it is fixed. */
export function FixTrackingSection({ actions, lang, strings, onSelectRow }: FixTrackingSectionProps) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const fixes = actions.trackingFixes;
  if (fixes.length === 0) return null;
  const shown = showAll ? fixes : fixes.slice(0, FIRST_SHOWN);
  const pick = (text: { en: string; zh: string }): string => (lang === "zh-CN" ? text.zh : text.en);
  const draftOf = new Map(
    actions.messages
      .filter((message) => message.kind === "trackingUpdated")
      .map((message) => [message.row, message.text]),
  );
  const drafted = new Set<number>();
  return (
    <section className={styles.root} aria-labelledby="ae-fix-tracking-heading" data-testid="fix-tracking">
      <Subtitle2 as="h3" id="ae-fix-tracking-heading">
        {strings.fixTrackingHeading}
      </Subtitle2>
      <ul className={styles.list} aria-labelledby="ae-fix-tracking-heading">
        {shown.map((fix: TrackingFix) => {
          // An order with two tracking findings gets its draft once, under the first.
          const draft = drafted.has(fix.row) ? undefined : draftOf.get(fix.row);
          if (draft !== undefined) drafted.add(fix.row);
          return (
            <li key={`${fix.row}-${fix.code}`} data-code={fix.code}>
              <button type="button" className={styles.item} data-row={fix.row} onClick={() => onSelectRow(fix.row)}>
                <span className={styles.strong}>{strings.flaggedTitle(fix.row, fix.orderId)}</span>
                <span>{pick(fix.problem)}</span>
                <Caption1 className={styles.muted}>{pick(fix.fix)}</Caption1>
              </button>
              {draft !== undefined ? (
                <MessageDraft text={draft} strings={strings} summary={strings.trackingUpdatedDraft} />
              ) : null}
            </li>
          );
        })}
      </ul>
      {!showAll && fixes.length > shown.length ? (
        <Button appearance="subtle" onClick={() => setShowAll(true)}>
          {strings.showAllFlagged(fixes.length)}
        </Button>
      ) : null}
    </section>
  );
}
