import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cssColor } from "../results";

const useStyles = makeStyles({
  swatch: {
    display: "inline-block",
    flexShrink: 0,
    width: "14px",
    height: "14px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "middle",
  },
  empty: { backgroundColor: "transparent" },
});

/** The fill a category gets in the sheet, as a small square beside its label (decorative: the label says it). */
export function ColorSwatch({ color }: { color?: string }) {
  const styles = useStyles();
  const css = cssColor(color);
  return (
    <span
      aria-hidden="true"
      data-color={css ?? ""}
      className={mergeClasses(styles.swatch, css ? undefined : styles.empty)}
      style={css ? { backgroundColor: css } : undefined}
    />
  );
}
