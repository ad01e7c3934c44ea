import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Strings } from "../i18n";
import { OPTION_ATTRIBUTE } from "./optionAttribute";
import type { OptionsState } from "../options";
import { HANDLING_DAYS_RANGE } from "../../core/rulebook/limits";
import { SUGGESTED_TIME_ZONES, checkRulebook, optionProblems } from "../options";
import { TemplatesField } from "./TemplatesField";
import { JsonFileField, readFileText } from "./JsonFileField";

/** The time-zone list's last entry: type any IANA name instead. */
const OTHER_ZONE = "__other__";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  grow: { flexGrow: 1, flexBasis: "12em", minWidth: 0, maxWidth: "100%" },
  growInput: { minWidth: 0, width: "100%" },
  nowButton: { minWidth: "auto" },
  fullWidth: { width: "100%", minWidth: 0 },
  selectInner: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  number: { width: "100%", maxWidth: "10em" },
});

export interface OptionsPanelProps {
  options: OptionsState;
  strings: Strings;
  disabled: boolean;
  /** The sheet's ship-by deadline column, when it has one: handling days then do not apply. */
  deadlineColumn?: string;
  onChange: (options: OptionsState) => void;
}

export function OptionsPanel({ options, strings, disabled, deadlineColumn, onChange }: OptionsPanelProps) {
  const styles = useStyles();
  const problems = optionProblems(options);
  const [rulebookError, setRulebookError] = useState<string | undefined>();
  const set = (patch: Partial<OptionsState>) => onChange({ ...options, ...patch });
  const numberField = (key: "handlingDays" | "dueSoonHours", label: string, hint: string) => (
    <Field
      label={label}
      hint={hint}
      validationState={problems[key] ? "error" : "none"}
      validationMessage={
        problems[key] === "outOfRange"
          ? strings.handlingDaysOutOfRange(HANDLING_DAYS_RANGE.min, HANDLING_DAYS_RANGE.max)
          : problems[key]
            ? strings.numberInvalid
            : undefined
      }
    >
      <Input
        className={styles.number}
        {...{ [OPTION_ATTRIBUTE]: key }}
        type="number"
        min={key === "handlingDays" ? HANDLING_DAYS_RANGE.min : 0}
        max={key === "handlingDays" ? HANDLING_DAYS_RANGE.max : undefined}
        inputMode="numeric"
        disabled={disabled}
        value={options[key]}
        onChange={(_, data) => set({ [key]: data.value })}
      />
    </Field>
  );
  const [customZone, setCustomZone] = useState(false);
  const showZoneInput = customZone || !SUGGESTED_TIME_ZONES.includes(options.timeZone);

  const onFilePicked = async (file: File) => {
    let json: string;
    try {
      json = await readFileText(file);
    } catch (error) {
      setRulebookError(strings.rulebookUnreadable(file.name, error instanceof Error ? error.message : String(error)));
      return;
    }
    const check = await checkRulebook(json);
    if (!check.ok) {
      setRulebookError(strings.rulebookInvalid(file.name, check.message));
      return;
    }
    setRulebookError(undefined);
    onChange({ ...options, rulebook: { file: file.name, json, id: check.id, version: check.version } });
  };

  const rulebookNote = options.rulebook
    ? options.rulebook.file
      ? strings.rulebookLoaded(options.rulebook.file, options.rulebook.id, options.rulebook.version)
      : strings.rulebookSaved(options.rulebook.id, options.rulebook.version)
    : strings.rulebookDefault;

  return (
    <div className={styles.root}>
      <Field
        label={strings.asOfLabel}
        hint={strings.asOfHint}
        validationState={problems.asOf ? "error" : "none"}
        validationMessage={problems.asOf ? strings.asOfInvalid : undefined}
      >
        {(fieldProps) => (
          <div className={styles.row}>
            <Input
              {...fieldProps}
              className={styles.grow}
              input={{ className: styles.growInput }}
              {...{ [OPTION_ATTRIBUTE]: "asOf" }}
              type="text"
              placeholder={strings.asOfPlaceholder}
              value={options.asOf}
              disabled={disabled}
              onChange={(_, data) => set({ asOf: data.value })}
            />
            <Button
              className={styles.nowButton}
              disabled={disabled || options.asOf === ""}
              onClick={() => set({ asOf: "" })}
            >
              {strings.asOfNow}
            </Button>
          </div>
        )}
      </Field>

      <Field label={strings.timeZoneLabel} hint={strings.timeZoneHint}>
        <Select
          className={styles.fullWidth}
          select={{ className: styles.selectInner }}
          value={showZoneInput ? OTHER_ZONE : options.timeZone}
          disabled={disabled}
          onChange={(_, data) => {
            if (data.value === OTHER_ZONE) setCustomZone(true);
            else {
              setCustomZone(false);
              set({ timeZone: data.value });
            }
          }}
        >
          {SUGGESTED_TIME_ZONES.map((zone) => (
            <option key={zone} value={zone}>
              {`${zone} — ${strings.timeZoneNames[zone] ?? zone}`}
            </option>
          ))}
          <option value={OTHER_ZONE}>{strings.timeZoneOther}</option>
        </Select>
      </Field>
      {showZoneInput ? (
        <Field
          label={strings.timeZoneCustomLabel}
          validationState={problems.timeZone ? "error" : "none"}
          validationMessage={problems.timeZone ? strings.timeZoneInvalid(options.timeZone) : undefined}
        >
          <Input
            {...{ [OPTION_ATTRIBUTE]: "timeZone" }}
            value={options.timeZone}
            disabled={disabled}
            placeholder="Europe/Paris"
            onChange={(_, data) => set({ timeZone: data.value })}
          />
        </Field>
      ) : null}

      {numberField(
        "handlingDays",
        strings.handlingDaysLabel,
        deadlineColumn !== undefined ? strings.handlingDaysUnused(deadlineColumn) : strings.handlingDaysHint,
      )}
      {numberField("dueSoonHours", strings.dueSoonLabel, strings.dueSoonHint)}

      <JsonFileField
        label={strings.rulebookLabel}
        hint={strings.rulebookHint}
        chooseLabel={strings.rulebookChoose}
        removeLabel={options.rulebook ? strings.rulebookRemove : undefined}
        status={rulebookNote}
        error={rulebookError}
        testId="rulebook"
        disabled={disabled}
        onPick={(file) => void onFilePicked(file)}
        onRemove={() => {
          setRulebookError(undefined);
          set({ rulebook: undefined });
        }}
      />
      <TemplatesField
        templates={options.templates}
        strings={strings}
        disabled={disabled}
        onChange={(templates) => set({ templates })}
      />
    </div>
  );
}
