import {
  Button,
  Caption1,
  Subtitle2,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ViolationCode } from "../../core/model";
import type { HighlightPlan } from "../../core/report/types";
import type { Strings } from "../i18n";
import type { CodeCount, FlaggedOrder } from "../results";
import { ordersWith } from "../results";
import { useOrderListStyles } from "./orderListStyles";
import { ColorSwatch } from "./ColorSwatch";

/** Long lists stay quick to render and to tab through; the rest is one click away. */
const FIRST_SHOWN = 50;

const useStyles = makeStyles({
  item: { gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  selected: { border: `1px solid ${tokens.colorBrandStroke1}` },
  swatch: { paddingTop: "3px" },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export interface FlaggedListProps {
  orders: FlaggedOrder[];
  plan: HighlightPlan;
  strings: Strings;
  selectedRow?: number;
  onSelect: (order: FlaggedOrder) => void;
  /** One chip per problem with its order count: a chip shows only the orders that raised it. */
  counts: CodeCount[];
  filter?: ViolationCode;
  onFilter: (code: ViolationCode | undefined) => void;
}

/** The flagged orders, worst first; each is a button, so a click or Enter takes the seller to its row. */
export function FlaggedList(props: FlaggedListProps) {
  const { orders: all, plan, strings, selectedRow, onSelect, counts, filter, onFilter } = props;
  const shared = useOrderListStyles();
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  if (all.length === 0) return null;
  const orders = ordersWith(all, filter);
  const colorOf = new Map(plan.legend.map((entry) => [entry.category, entry.color] as const));
  const shown = showAll ? orders : orders.slice(0, FIRST_SHOWN);
  return (
    <section className={shared.root} aria-labelledby="ae-flagged-heading" data-testid="flagged">
      <Subtitle2 as="h3" id="ae-flagged-heading" tabIndex={-1}>
        {strings.flaggedHeading}
      </Subtitle2>
      <div role="group" aria-label={strings.filterHeading} className={styles.chips} data-testid="filter-chips">
        <ToggleButton size="small" shape="circular" checked={filter === undefined} onClick={() => onFilter(undefined)}>
          {strings.filterAll(all.length)}
        </ToggleButton>
        {counts.map((count) => (
          <ToggleButton
            key={count.code}
            size="small"
            shape="circular"
            checked={filter === count.code}
            data-code={count.code}
            onClick={() => onFilter(filter === count.code ? undefined : count.code)}
          >
            {strings.filterChip(strings.codeLabels[count.code], count.orders)}
          </ToggleButton>
        ))}
      </div>
      <Caption1 className={shared.muted} role="status" data-testid="flagged-shown">
        {filter === undefined
          ? strings.flaggedHint
          : strings.filteredSummary(orders.length, strings.codeLabels[filter])}
      </Caption1>
      <ul className={shared.list} aria-labelledby="ae-flagged-heading">
        {shown.map((order) => (
          <li key={order.row}>
            <button
              type="button"
              className={mergeClasses(
                shared.item,
                styles.item,
                order.row === selectedRow ? styles.selected : undefined,
              )}
              onClick={() => onSelect(order)}
              aria-current={order.row === selectedRow ? "true" : undefined}
              data-row={order.row}
            >
              <span className={styles.swatch}>
                <ColorSwatch color={colorOf.get(order.category)} />
              </span>
              <span className={styles.text}>
                <span className={shared.head}>
                  <span className={shared.strong}>{strings.flaggedTitle(order.row, order.orderId)}</span>
                  <span>{strings.flaggedPoints(order.points)}</span>
                </span>
                <span>{strings.codeList(order.codes.map((code) => strings.codeLabels[code]))}</span>
                <span className={shared.muted}>{order.message}</span>
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
