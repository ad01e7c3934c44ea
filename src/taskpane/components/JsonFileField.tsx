import { Button, Caption1, Label, Text, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import { decodeText } from "../../core/csv/decode";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  note: { overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** A picked file's text, UTF-8 or UTF-16 (a BOM or Windows Notepad's "Unicode" decoded), as the CLI reads it. */
export async function readFileText(file: File): Promise<string> {
  const bytes =
    typeof file.arrayBuffer === "function"
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(file);
        });
  return decodeText(new Uint8Array(bytes)).text;
}

export interface JsonFileFieldProps {
  label: string;
  hint: string;
  chooseLabel: string;
  /** Shown with a button that goes back to the built-in data, when a file is in use. */
  removeLabel?: string;
  /** What is in use now (the built-in data, or the file). */
  status: string;
  /** Why the last picked file was not used. */
  error?: string;
  /** `data-testid` prefix: `-file`, `-status`, `-error`. */
  testId: string;
  disabled: boolean;
  onPick: (file: File) => void;
  onRemove: () => void;
}

/** An options field that takes a JSON file the seller picks (a rulebook override, message wording). */
export function JsonFileField(props: JsonFileFieldProps) {
  const { label, hint, chooseLabel, removeLabel, status, error, testId, disabled, onPick, onRemove } = props;
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileInputId = useId();
  const labelId = useId();
  const hintId = useId();
  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={hintId} className={styles.group}>
      <Label id={labelId} htmlFor={fileInputId}>
        {label}
      </Label>
      <Caption1 id={hintId} className={styles.hint}>
        {hint}
      </Caption1>
      <div className={styles.actions}>
        <input
          id={fileInputId}
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid={`${testId}-file`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) onPick(file);
          }}
        />
        <Button icon={<DocumentArrowUpRegular />} disabled={disabled} onClick={() => fileInput.current?.click()}>
          {chooseLabel}
        </Button>
        {removeLabel ? (
          <Button appearance="subtle" disabled={disabled} onClick={onRemove}>
            {removeLabel}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Text
          size={200}
          role="alert"
          className={mergeClasses(styles.note, styles.error)}
          data-testid={`${testId}-error`}
        >
          {error}
        </Text>
      ) : (
        <Text size={200} className={styles.note} data-testid={`${testId}-status`}>
          {status}
        </Text>
      )}
    </div>
  );
}
