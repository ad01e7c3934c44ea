import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ScanActions } from "../../core/actions";
import type { Strings, ToDoSection } from "../i18n";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  count: { fontWeight: tokens.fontWeightSemibold },
});

/** How many entries each section of the to-do has, from the scan's actions (ship now: those not "later"). */
export function toDoCounts(actions: ScanActions): Record<ToDoSection, number> {
  const { counts } = actions.shipNow;
  return {
    shipNow: counts.overdue + counts.urgent + counts.soon,
    trackingFixes: actions.trackingFixes.length,
    messages: actions.messages.length,
    appeals: actions.appealEvidence.length,
  };
}

const SECTIONS: readonly ToDoSection[] = ["shipNow", "trackingFixes", "messages", "appeals"];

/** The first thing a scan shows: the count in each section of the to-do. */
export function ToDoCounts({ actions, strings }: { actions: ScanActions; strings: Strings }) {
  const styles = useStyles();
  const counts = toDoCounts(actions);
  return (
    <ul className={styles.list} aria-label={strings.toDoHeading} data-testid="todo-counts">
      {SECTIONS.map((section) => (
        <li key={section} data-section={section}>
          <Caption1>
            {strings.toDoSections[section]} <span className={styles.count}>{counts[section]}</span>
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
