import { Button, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { HighlightPlan } from "../../core/report/types";
import type { Strings } from "../i18n";
import type { FlaggedOrder } from "../results";
import { ColorSwatch } from "./ColorSwatch";

/** Long lists stay quick to render and to tab through; the rest is one click away. */
const FIRST_SHOWN = 50;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { border: `1px solid ${tokens.colorBrandStroke1}` },
  swatch: { paddingTop: "3px" },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  head: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  strong: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface FlaggedListProps {
  orders: FlaggedOrder[];
  plan: HighlightPlan;
  strings: Strings;
  selectedRow?: number;
  onSelect: (order: FlaggedOrder) => void;
}

/** The flagged orders, worst first; each is a button, so a click or Enter takes the seller to its row. */
export function FlaggedList({ orders, plan, strings, selectedRow, onSelect }: FlaggedListProps) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  if (orders.length === 0) return null;
  const colorOf = new Map(plan.legend.map((entry) => [entry.category, entry.color] as const));
  const shown = showAll ? orders : orders.slice(0, FIRST_SHOWN);
  return (
    <section className={styles.root} aria-labelledby="ae-flagged-heading">
      <Subtitle2 as="h3" id="ae-flagged-heading">
        {strings.flaggedHeading}
      </Subtitle2>
      <Caption1 className={styles.muted}>{strings.flaggedHint}</Caption1>
      <ul className={styles.list} aria-labelledby="ae-flagged-heading">
        {shown.map((order) => (
          <li key={order.row}>
            <button
              type="button"
              className={mergeClasses(styles.item, order.row === selectedRow ? styles.selected : undefined)}
              onClick={() => onSelect(order)}
              aria-current={order.row === selectedRow ? "true" : undefined}
              data-row={order.row}
            >
              <span className={styles.swatch}>
                <ColorSwatch color={colorOf.get(order.category)} />
              </span>
              <span className={styles.text}>
                <span className={styles.head}>
                  <span className={styles.strong}>{strings.flaggedTitle(order.row, order.orderId)}</span>
                  <span>{strings.flaggedPoints(order.points)}</span>
                </span>
                <span>{strings.codeList(order.codes.map((code) => strings.codeLabels[code]))}</span>
                <span className={styles.muted}>{order.message}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {!showAll && orders.length > FIRST_SHOWN ? (
        <Button appearance="subtle" onClick={() => setShowAll(true)}>
          {strings.showAllFlagged(orders.length)}
        </Button>
      ) : null}
    </section>
  );
}
