import { ProgressBar } from "../../src/cli/progress";

function stream(isTTY: boolean): {
  write: (text: string) => boolean;
  isTTY: boolean;
  columns: number;
  written: string[];
} {
  const written: string[] = [];
  return { write: (text: string) => written.push(text) > 0, isTTY, columns: 80, written };
}

describe("ProgressBar", () => {
  it("draws on a terminal and clears the line when done", () => {
    const err = stream(true);
    let now = 0;
    const bar = new ProgressBar(err, false, () => now);
    bar.update("Reading", 0.5);
    now += 1000;
    bar.update("Reading", 1);
    bar.done();
    expect(err.written[0]).toMatch(/^\r\x1b\[2KReading \[#+-+\] 50%$/);
    expect(err.written[1]).toContain("100%");
    expect(err.written[2]).toBe("\r\x1b[2K");
  });

  it("stays silent with --quiet, off a terminal, and between redraws", () => {
    const quiet = stream(true);
    new ProgressBar(quiet, true).update("Reading", 0.5);
    expect(quiet.written).toEqual([]);
    const piped = stream(false);
    new ProgressBar(piped, false).update("Reading", 0.5);
    expect(piped.written).toEqual([]);
    const fast = stream(true);
    const bar = new ProgressBar(fast, false, () => 0);
    bar.update("Reading", 0.1);
    bar.update("Reading", 0.2);
    expect(fast.written).toHaveLength(1);
    bar.update("Writing");
    expect(fast.written[1]).toBe("\r\x1b[2KWriting");
  });
});
