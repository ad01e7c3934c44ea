import { Button, Caption1, Label, Text, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { Strings } from "../i18n";
import { checkTemplates, type OptionsState } from "../options";
import { readFileText } from "./OptionsPanel";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  note: { overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface TemplatesFieldProps {
  templates: OptionsState["templates"];
  strings: Strings;
  disabled: boolean;
  onChange: (templates: OptionsState["templates"]) => void;
}

/**
 * The seller's own wording for the buyer message drafts: a JSON file checked by the core's override reader (a
 * missing placeholder or an unknown key is refused, naming the file and key, and the built-in wording stays).
 */
export function TemplatesField({ templates, strings, disabled, onChange }: TemplatesFieldProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileInputId = useId();
  const labelId = useId();
  const hintId = useId();
  const [error, setError] = useState<string | undefined>();

  const onFilePicked = async (file: File | undefined) => {
    if (!file) return;
    let json: string;
    try {
      json = await readFileText(file);
    } catch (reason) {
      const text = reason instanceof Error ? reason.message : String(reason);
      setError(strings.templatesInvalid({ en: `${file.name}: ${text}`, zh: `${file.name}：${text}` }));
      return;
    }
    const check = await checkTemplates(json, file.name);
    if (!check.ok) {
      setError(strings.templatesInvalid(check.message));
      return;
    }
    setError(undefined);
    onChange({ file: file.name, json });
  };

  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={hintId} className={styles.group}>
      <Label id={labelId} htmlFor={fileInputId}>
        {strings.templatesLabel}
      </Label>
      <Caption1 id={hintId} className={styles.hint}>
        {strings.templatesHint}
      </Caption1>
      <div className={styles.actions}>
        <input
          id={fileInputId}
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="templates-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            void onFilePicked(file);
          }}
        />
        <Button icon={<DocumentArrowUpRegular />} disabled={disabled} onClick={() => fileInput.current?.click()}>
          {strings.templatesChoose}
        </Button>
        {templates ? (
          <Button
            appearance="subtle"
            disabled={disabled}
            onClick={() => {
              setError(undefined);
              onChange(undefined);
            }}
          >
            {strings.templatesRemove}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Text size={200} role="alert" className={mergeClasses(styles.note, styles.error)} data-testid="templates-error">
          {error}
        </Text>
      ) : (
        <Text size={200} className={styles.note} data-testid="templates-status">
          {templates ? strings.templatesLoaded(templates.file) : strings.templatesDefault}
        </Text>
      )}
    </div>
  );
}
