import { CliError } from "./errors";

/**
 * Refuses a workbook whose parts would inflate far beyond their compressed size (a zip bomb) before anything is
 * inflated, from the sizes the zip's central directory declares for every part. The limits follow Apache POI's
 * ZipSecureFile, the guard of the most used Java reader: a part may inflate to at most 100 times its compressed
 * size (POI's minimum inflate ratio, 0.01) once it is past a grace size, and no part may exceed an absolute size.
 */

/** POI's MIN_INFLATE_RATIO is 0.01: sheet XML of real exports compresses 5 to 30 times. */
export const MAX_INFLATE_RATIO = 100;
/**
 * Parts up to this size are not held to the ratio (POI's grace is 100 KB; a few MiB of anything is harmless, and
 * small parts such as styles compress very well).
 */
export const RATIO_GRACE_BYTES = 16 * 1024 * 1024;
/**
 * The largest part AE Guard inflates: 2 GiB, beyond Node's largest Buffer on some platforms and far beyond a full
 * sheet of 1,048,576 order rows (about 1 GiB of XML). POI allows 4 GiB; a zip64 part is refused here as well.
 */
export const MAX_PART_BYTES = 2 * 1024 * 1024 * 1024;

/** A part's name and the sizes the package's central directory declares for it. */
export interface DeclaredPart {
  name: string;
  compressedSize: number;
  size: number;
}

const MIB = 1024 * 1024;
const shownSize = (bytes: number): string =>
  `${(bytes / MIB).toLocaleString("en-US", { maximumFractionDigits: 1 })} MiB`;

/** Throws a one-line CliError naming the first part past a limit. */
export function assertInflationLimits(parts: readonly DeclaredPart[], file: string): void {
  for (const part of parts) {
    if (part.size > MAX_PART_BYTES) {
      throw new CliError(
        `${file}: the part ${part.name} would inflate to ${shownSize(part.size)}, more than the ${shownSize(MAX_PART_BYTES)} ` +
          "AE Guard reads; the file is refused unread (it may be damaged or built to exhaust memory)",
      );
    }
    const ratio = part.size / Math.max(1, part.compressedSize);
    if (part.size > RATIO_GRACE_BYTES && ratio > MAX_INFLATE_RATIO) {
      throw new CliError(
        `${file}: the part ${part.name} would inflate ${Math.round(ratio).toLocaleString("en-US")} times its ` +
          `compressed size (${shownSize(part.size)}); real workbooks stay under ${MAX_INFLATE_RATIO} times, so the ` +
          "file is refused unread (it may be damaged or built to exhaust memory)",
      );
    }
  }
}

/**
 * The sizes the directory declares can be forged small (a part declared as 1 KiB may inflate to gigabytes): every
 * part AE Guard inflates is stopped as soon as it passes the size it declared, the size the limits above were
 * checked against (package/zipRead, where yauzl stops the part), with this line.
 */
export function inflatesPastDeclared(file: string, part: string, declared: number): CliError {
  return new CliError(
    `${file}: the part ${part} inflates to more than the ${declared.toLocaleString("en-US")} bytes its zip ` +
      "directory declares; the file is refused unread (it may be damaged or built to exhaust memory)",
  );
}
