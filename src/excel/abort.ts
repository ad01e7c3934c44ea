/** Cancellation: the scan checks between port calls and stops with an AbortError. */
export class ScanCancelledError extends Error {
  constructor() {
    super("The scan was cancelled.");
    this.name = "AbortError";
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ScanCancelledError();
}
