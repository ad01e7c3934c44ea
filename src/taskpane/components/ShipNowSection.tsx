import { Body1, Button, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ScanActions, ShipNowItem } from "../../core/actions";
import { formatTimeLeft } from "../../core/evaluate/durations";
import type { Lang } from "../../core/model";
import type { Strings } from "../i18n";
import { useOrderListStyles } from "./orderListStyles";

/** The most urgent orders shown at first; the rest is one click away. */
const FIRST_SHOWN = 10;

const useStyles = makeStyles({
  item: { flexDirection: "column" },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  draft: { paddingLeft: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  draftText: { margin: `${tokens.spacingVerticalXS} 0`, userSelect: "text" },
});

export interface ShipNowSectionProps {
  actions: ScanActions;
  lang: Lang;
  strings: Strings;
  onSelectRow: (row: number) => void;
}

/** The to-do a seller came for: what to ship now, by time left, and what missing it costs. */
export function ShipNowSection({ actions, lang, strings, onSelectRow }: ShipNowSectionProps) {
  const shared = useOrderListStyles();
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const list = actions.shipNow;
  const due = list.items.filter((item) => item.band !== "later");
  const shown = showAll ? due : due.slice(0, FIRST_SHOWN);
  const sentence = lang === "zh-CN" ? actions.whatIf.sentence.zh : actions.whatIf.sentence.en;
  const draftOf = new Map(
    actions.messages.filter((message) => message.kind === "delay").map((message) => [message.orderId, message.text]),
  );
  const apologies = actions.messages.filter((message) => message.kind === "shippedLate");
  const counts = strings.shipNowCounts(list.counts, { urgent: list.urgentHours, soon: list.soonHours });
  return (
    <section className={shared.root} aria-labelledby="ae-ship-now-heading" data-testid="ship-now">
      <Subtitle2 as="h3" id="ae-ship-now-heading">
        {strings.shipNowHeading}
      </Subtitle2>
      <Body1 data-testid="ship-now-counts">{due.length > 0 ? counts : strings.shipNowNothing}</Body1>
      <Body1 data-testid="what-if">{sentence}</Body1>
      {due.length > 0 ? (
        <ul className={shared.list} aria-labelledby="ae-ship-now-heading">
          {shown.map((item: ShipNowItem) => (
            <li key={item.row}>
              <button
                type="button"
                className={mergeClasses(shared.item, styles.item)}
                data-row={item.row}
                onClick={() => onSelectRow(item.row)}
              >
                <span className={shared.head}>
                  <span className={shared.strong}>{strings.flaggedTitle(item.row, item.orderId)}</span>
                  <span className={item.msLeft < 0 ? styles.late : undefined}>
                    {lang === "zh-CN" ? formatTimeLeft(item.msLeft).zh : formatTimeLeft(item.msLeft).en}
                  </span>
                </span>
                <Caption1 className={shared.muted}>
                  {strings.shipNowDeadlines(
                    item.deadlineInSheetZone,
                    list.sheetTimeZone,
                    item.deadlineInSellerZone,
                    list.sellerTimeZone,
                  )}
                </Caption1>
              </button>
              {draftOf.has(item.orderId) ? (
                <MessageDraft text={draftOf.get(item.orderId) as string} strings={strings} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!showAll && due.length > shown.length ? (
        <Button appearance="subtle" onClick={() => setShowAll(true)}>
          {strings.showAllFlagged(due.length)}
        </Button>
      ) : null}
      {apologies.length > 0 ? (
        <>
          <Caption1 as="h4" id="ae-shipped-late-heading" className={shared.muted}>
            {strings.shippedLateHeading}
          </Caption1>
          <ul className={shared.list} aria-labelledby="ae-shipped-late-heading" data-testid="shipped-late">
            {apologies.map((message) => (
              <li key={message.row}>
                <button
                  type="button"
                  className={mergeClasses(shared.item, styles.item)}
                  data-row={message.row}
                  onClick={() => onSelectRow(message.row)}
                >
                  <span className={shared.strong}>{strings.flaggedTitle(message.row, message.orderId)}</span>
                </button>
                <MessageDraft text={message.text} strings={strings} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** A buyer message draft, folded; Copy puts it on the clipboard (the seller pastes it into the order's messages). */
export function MessageDraft({ text, strings, summary }: { text: string; strings: Strings; summary?: string }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <details className={styles.draft}>
      <summary>{summary ?? strings.messageDraft}</summary>
      <Caption1 as="p" className={styles.draftText}>
        {text}
      </Caption1>
      <Button size="small" onClick={() => void copy()}>
        {copied ? strings.messageCopied : strings.copyMessage}
      </Button>
    </details>
  );
}
