/** A problem the user can fix (bad invocation, unreadable file): one line on stderr and exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export const EXIT_OK = 0;
/** An unexpected failure inside AE Guard (a bug): not one of the contract's codes. */
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Where a seller sends an internal error. */
export const REPORT_BUGS =
  "This is a bug in AE Guard: please report it on the AE Guard issue tracker with the command you ran (run it again with AE_GUARD_DEBUG=1 for the details to attach)";
