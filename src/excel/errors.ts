/** Errors the Excel adapter raises for the task pane; `code` says what happened, `message` says it to the seller. */
export type WorkbookErrorCode =
  | "NoHeader"
  | "EmptySheet"
  | "SheetNotFound"
  | "RequirementNotSupported"
  | "NoSummary"
  | "PayloadTooLarge"
  | "WriteInterrupted";

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}
