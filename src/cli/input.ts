import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "./errors";

export type InputKind = "xlsx" | "csv";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary (OLE2): .xls workbooks, and .xlsx files encrypted with a password. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/** Whether the CFB file holds an "EncryptedPackage" stream: an OOXML workbook saved with a password. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(name) >= 0;
}

/** Reads the file's bytes, or says in one line why it cannot. */
export function readInputBytes(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new CliError(`${file} is a folder, not an order file`);
  if (stat.size === 0) throw new CliError(`${file} is empty (0 bytes)`);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CliError(`${file} could not be read: ${(error as Error).message}`);
  }
}

/**
 * What kind of file this is, by its first bytes (the extension only breaks the tie for text). Refuses, with the
 * fix in the message, the files AE Guard cannot read.
 */
export function sniffInput(file: string, bytes: Uint8Array): InputKind {
  const name = path.basename(file);
  const extension = path.extname(file).toLowerCase();
  if (startsWith(bytes, CFB_MAGIC)) {
    if (isEncryptedPackage(bytes)) {
      throw new CliError(
        `${name} is password-protected; remove the password in Excel (File > Info > Protect Workbook) and scan again`,
      );
    }
    throw new CliError(
      `${name} is an old Excel 97-2003 workbook (.xls); open it in Excel, save it as .xlsx and scan that file`,
    );
  }
  if (startsWith(bytes, ZIP_MAGIC)) return "xlsx";
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) throw new CliError(`${name} is an empty zip archive, not a workbook`);
  if (extension === ".xlsx" || extension === ".xlsm" || extension === ".xls") {
    throw new CliError(
      `${name} is not a valid Excel workbook (it is not a zip archive); it may be damaged or only renamed`,
    );
  }
  if (extension === ".csv" || extension === ".txt" || extension === ".tsv" || extension === "") return "csv";
  throw new CliError(`${name}: AE Guard reads .xlsx and .csv order exports (got ${extension})`);
}

/** Writes `bytes` to `file` unless `file` is the input itself (the input is never modified). */
export function assertNotInput(output: string, input: string, option: string): void {
  if (path.resolve(output) === path.resolve(input)) {
    throw new CliError(
      `${option} ${output} is the input file; AE Guard never overwrites the input, choose another name`,
    );
  }
}
