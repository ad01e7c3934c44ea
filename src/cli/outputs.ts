import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "./errors";

/**
 * The files a scan writes (--out, --json), all or none: each is first written to a temporary file beside its target
 * and renamed into place only when every one of them was written. A failure removes the temporary files and leaves
 * the targets as they were.
 */
export class PendingOutputs {
  private readonly staged: Array<{ option: string; target: string; temporary: string }> = [];

  /** The temporary path to write `target` to; `option` names it in a message ("--out"). */
  stage(option: string, target: string): string {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    this.staged.push({ option, target, temporary });
    return temporary;
  }

  /** Writes a staged file's bytes, or says in one line why it could not. */
  write(temporary: string, bytes: Uint8Array): void {
    const entry = this.staged.find((staged) => staged.temporary === temporary);
    try {
      fs.writeFileSync(temporary, bytes);
    } catch (error) {
      throw cannotWrite(entry?.option ?? "output", entry?.target ?? temporary, error);
    }
  }

  /** Renames every staged file into place; if one rename fails, the ones already moved are removed again. */
  commit(): void {
    const moved: string[] = [];
    for (const { option, target, temporary } of this.staged) {
      try {
        fs.renameSync(temporary, target);
        moved.push(target);
      } catch (error) {
        for (const file of moved) fs.rmSync(file, { force: true });
        this.discard();
        throw cannotWrite(option, target, error);
      }
    }
    this.staged.length = 0;
  }

  /** Removes whatever was written so far. */
  discard(): void {
    for (const { temporary } of this.staged) fs.rmSync(temporary, { force: true });
    this.staged.length = 0;
  }
}

/** A file-system failure as the one line a seller reads: the option, the path and the system's reason. */
export function cannotWrite(option: string, target: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason =
    code === "ENOENT"
      ? "its folder does not exist or does not take new files"
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "permission denied"
        : code === "ENOSPC"
          ? "the disk is full"
          : code === "EISDIR"
            ? "it is a folder"
            : ((error as Error)?.message ?? String(error)).split("\n")[0];
  return new CliError(`${option} ${target}: could not be written (${reason}); nothing was written`);
}
