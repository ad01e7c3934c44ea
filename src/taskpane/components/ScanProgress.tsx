import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { DismissCircleRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import type { ScanProgress as Progress } from "../../excel/session";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  cancel: { alignSelf: "flex-start" },
});

export interface ScanProgressProps {
  progress: Progress | null;
  strings: Strings;
  onCancel: () => void;
}

export function ScanProgress({ progress, strings, onCancel }: ScanProgressProps) {
  const styles = useStyles();
  const cancel = useRef<HTMLButtonElement>(null);
  // The Scan button the seller pressed is gone: keep the keyboard on the one thing to do now.
  useEffect(() => cancel.current?.focus(), []);
  const fraction = Math.min(1, Math.max(0, progress?.fraction ?? 0));
  const stage = progress ? strings.stageLabels[progress.stage] : strings.scanningTitle;
  return (
    <section className={styles.root} aria-label={strings.scanningTitle}>
      <Field label={stage} hint={strings.progressPercent(fraction)} validationState="none">
        <ProgressBar
          value={fraction}
          max={1}
          thickness="large"
          aria-valuetext={`${stage} ${strings.progressPercent(fraction)}`}
        />
      </Field>
      <Button ref={cancel} className={styles.cancel} icon={<DismissCircleRegular />} onClick={onCancel}>
        {strings.cancelButton}
      </Button>
    </section>
  );
}
