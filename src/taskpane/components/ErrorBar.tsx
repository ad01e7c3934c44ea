import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { PaneError } from "../errors";
import { WARNING_KINDS } from "../errors";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  bar: { overflowWrap: "anywhere" },
  detail: { display: "block", marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3 },
});

export interface ErrorBarProps {
  error: PaneError;
  strings: Strings;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** What went wrong and what to do about it: every failure ends here, never in a blank pane or a stuck spinner. */
export function ErrorBar({ error, strings, onRetry, onDismiss }: ErrorBarProps) {
  const styles = useStyles();
  const text = strings.errors[error.kind];
  const intent = WARNING_KINDS.has(error.kind) ? "warning" : "error";
  return (
    <MessageBar
      intent={intent}
      layout="multiline"
      className={styles.bar}
      politeness="assertive"
      data-error-kind={error.kind}
    >
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {text.action}
        {error.detail && error.kind !== "noOrders" ? (
          <span className={styles.detail}>{strings.errorDetail(error.detail)}</span>
        ) : null}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          onDismiss ? (
            <Button
              appearance="transparent"
              aria-label={strings.dismissButton}
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          ) : undefined
        }
      >
        {onRetry && error.retry ? <Button onClick={onRetry}>{strings.retryButton}</Button> : null}
      </MessageBarActions>
    </MessageBar>
  );
}
