/** Where the CLI writes: process streams in the command, buffers in tests. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A one-line progress bar on stderr, drawn only on a terminal (and not with --quiet); redrawn at most 10 times a second within a stage. */
export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;
  private lastStage = "";
  private readonly enabled: boolean;

  constructor(
    private readonly stream: OutputStream,
    quiet: boolean,
    private readonly clock: () => number = Date.now,
  ) {
    this.enabled = !quiet && stream.isTTY === true;
  }

  /** Stage durations, printed to stderr when AE_GUARD_TIMINGS=1 (for profiling large files). */
  private readonly timings: Array<{ stage: string; at: number }> = [];

  /** `fraction` in 0..1 of the current stage, or undefined when the stage cannot tell. */
  update(stage: string, fraction?: number): void {
    if (this.timings[this.timings.length - 1]?.stage !== stage) this.timings.push({ stage, at: this.clock() });
    if (!this.enabled) return;
    const now = this.clock();
    if (this.drawn && stage === this.lastStage && now - this.lastDraw < 100 && fraction !== 1) return;
    this.lastStage = stage;
    this.lastDraw = now;
    this.drawn = true;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 40));
    const bar =
      fraction === undefined
        ? ""
        : ` [${"#".repeat(Math.round(fraction * width)).padEnd(width, "-")}] ${Math.round(fraction * 100)}%`;
    this.stream.write(`\r\x1b[2K${stage}${bar}`);
  }

  done(): void {
    if (this.enabled && this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
    if (process.env.AE_GUARD_TIMINGS === "1" && this.timings.length > 0) {
      const end = this.clock();
      const lines = this.timings.map(
        (timing, i) => `${timing.stage}: ${(((this.timings[i + 1]?.at ?? end) - timing.at) / 1000).toFixed(1)} s`,
      );
      this.stream.write(`timings: ${lines.join(", ")}\n`);
      this.timings.length = 0;
    }
  }
}
