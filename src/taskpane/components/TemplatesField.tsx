import { useState } from "react";
import type { Strings } from "../i18n";
import { checkTemplates, type OptionsState } from "../options";
import { JsonFileField, readFileText } from "./JsonFileField";

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
  const [error, setError] = useState<string | undefined>();

  const onPick = async (file: File) => {
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
    <JsonFileField
      label={strings.templatesLabel}
      hint={strings.templatesHint}
      chooseLabel={strings.templatesChoose}
      removeLabel={templates ? strings.templatesRemove : undefined}
      status={templates ? strings.templatesLoaded(templates.file) : strings.templatesDefault}
      error={error}
      testId="templates"
      disabled={disabled}
      onPick={(file) => void onPick(file)}
      onRemove={() => {
        setError(undefined);
        onChange(undefined);
      }}
    />
  );
}
