import { Button, Caption1, Subtitle2, makeStyles, mergeClasses } from "@fluentui/react-components";
import { useState } from "react";
import type { ScanActions, TrackingFix } from "../../core/actions";
import type { Lang } from "../../core/model";
import type { Strings } from "../i18n";
import { MessageDraft } from "./ShipNowSection";
import { useOrderListStyles } from "./orderListStyles";

/** The first fixes shown; the rest is one click away. */
const FIRST_SHOWN = 10;

const useStyles = makeStyles({
  item: { flexDirection: "column" },
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
  const shared = useOrderListStyles();
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
    <section className={shared.root} aria-labelledby="ae-fix-tracking-heading" data-testid="fix-tracking">
      <Subtitle2 as="h3" id="ae-fix-tracking-heading">
        {strings.fixTrackingHeading}
      </Subtitle2>
      <ul className={shared.list} aria-labelledby="ae-fix-tracking-heading">
        {shown.map((fix: TrackingFix) => {
          // An order with two tracking findings gets its draft once, under the first.
          const draft = drafted.has(fix.row) ? undefined : draftOf.get(fix.row);
          if (draft !== undefined) drafted.add(fix.row);
          return (
            <li key={`${fix.row}-${fix.code}`} data-code={fix.code}>
              <button
                type="button"
                className={mergeClasses(shared.item, styles.item)}
                data-row={fix.row}
                onClick={() => onSelectRow(fix.row)}
              >
                <span className={shared.strong}>{strings.flaggedTitle(fix.row, fix.orderId)}</span>
                <span>{pick(fix.problem)}</span>
                <Caption1 className={shared.muted}>{pick(fix.fix)}</Caption1>
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
