import type { Readable } from "node:stream";
import * as zlib from "node:zlib";
import * as yauzl from "yauzl";
import { CliError } from "../errors";
import { assertInflationLimits, inflatesPastDeclared } from "../zipLimits";

/**
 * A workbook's zip package, read with yauzl (maintained, and strict where a reader of untrusted files must be: it
 * refuses unsafe part names, checks each local header against the directory and that no part's data runs past the
 * file). Nothing is inflated until asked, and no part past its declared size; an unchanged entry can be copied as it
 * is stored (its local header's fields and compressed bytes).
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** The central directory record as yauzl read it, for a copy with the same fields. */
  record: yauzl.Entry;
}

/**
 * Inflated pieces of a streamed part: their text stays below V8's large-object size (128 KiB), so it is young
 * garbage, freed by the cheap collections; larger pieces pile up in old space until a full collection.
 */
const INFLATED_CHUNK_BYTES = 64 * 1024;
/** With `readAhead`, how far inflating may run ahead of the reader. */
const INFLATE_AHEAD_BYTES = 1024 * 1024;
const FLAG_ENCRYPTED = 0x1;
const ZIP64_EXTRA_FIELD = 0x0001;

export class ZipPackage {
  private readonly byName: Map<string, ZipEntry>;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ZipEntry[],
    private readonly file: string,
  ) {
    this.byName = new Map(entries.map((entry) => [entry.name, entry]));
  }

  /**
   * Reads the package's directory and refuses, before anything is inflated, a package AE Guard must not read or
   * cannot copy: unsafe part names, encrypted parts, zip64, unknown compression, parts past the inflation limits.
   */
  static async open(bytes: Uint8Array, file: string): Promise<ZipPackage> {
    const entries: ZipEntry[] = [];
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        strictFileNames: true,
      });
      for await (const record of zip.eachEntry()) {
        const name = record.fileName;
        if (record.generalPurposeBitFlag & FLAG_ENCRYPTED)
          throw new CliError(`${file}: part ${name} is encrypted; remove the password in Excel and scan again`);
        if (record.extraFields.some((field) => field.id === ZIP64_EXTRA_FIELD))
          throw new CliError(
            `${file} is a ZIP64 package (over 4 GB or 65,535 parts); AE Guard cannot write such a copy`,
          );
        if (record.compressionMethod !== 0 && record.compressionMethod !== 8)
          throw damaged(file, `part ${name} uses compression method ${record.compressionMethod}`);
        entries.push({
          name,
          method: record.compressionMethod,
          compressedSize: record.compressedSize,
          size: record.uncompressedSize,
          record,
        });
      }
    } catch (error) {
      throw readError(file, error);
    }
    assertInflationLimits(entries, file);
    return new ZipPackage(zip, entries, file);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** An entry's content, inflated whole: for the small parts (workbook, relationships, styles). */
  async read(name: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream(name)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  async text(name: string): Promise<string> {
    return (await this.read(name)).toString("utf8");
  }

  /**
   * An entry's content as a stream of inflated chunks; it stops with an error past the size its entry declares.
   * With `readAhead`, inflating (on libuv's thread pool) runs up to a MiB ahead of the reader, so the two work at the
   * same time (the copy's rewrite of the order sheet does without: paced by its deflate, the heap then stays flat).
   */
  async *stream(name: string, { readAhead = false } = {}): AsyncGenerator<Buffer> {
    const entry = this.byName.get(name);
    if (!entry) throw new CliError(`${this.file}: the workbook has no part ${name}; it may be damaged`);
    // yauzl gives the stored bytes; they are inflated here in larger pieces than its own inflating stream's 16 KiB,
    // which costs a 1,048,576-row copy a fifth more time (BENCHMARKS.md).
    const { data } = await this.stored(entry);
    const inflated =
      entry.method === 0
        ? data
        : data.pipe(
            // Node passes the options on to the stream (zlib.js ZlibBase), though its types list only zlib's own.
            zlib.createInflateRaw({
              chunkSize: INFLATED_CHUNK_BYTES,
              readableHighWaterMark: readAhead ? INFLATE_AHEAD_BYTES : undefined,
            } as zlib.ZlibOptions),
          );
    data.on("error", (error) => inflated.destroy(error));
    let total = 0;
    try {
      for await (const chunk of inflated as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > entry.size) throw inflatesPastDeclared(this.file, name, entry.size);
        yield chunk;
      }
    } catch (error) {
      throw readError(this.file, error, entry);
    } finally {
      // A reader that stops early (the header scan reads a sheet's first rows only) leaves the rest uninflated.
      data.destroy();
      inflated.destroy();
    }
    if (total !== entry.size)
      throw new CliError(
        `${this.file}: part ${name} does not have the size the zip directory gives; it may be damaged`,
      );
  }

  /** An entry as stored: its local header's fields, and its compressed bytes. */
  async stored(entry: ZipEntry): Promise<{ header: yauzl.LocalFileHeader; data: Readable }> {
    try {
      const header = await this.zip.readLocalFileHeaderPromise(entry.record);
      const data = await this.zip.openReadStreamPromise(entry.record, { decodeFileData: false });
      return { header, data };
    } catch (error) {
      throw readError(this.file, error, entry);
    }
  }
}

const damaged = (file: string, what: string): CliError =>
  new CliError(`${file} could not be read as an .xlsx workbook; it may be damaged (${what})`);

/** yauzl's errors in a seller's words, naming the file and the part. */
function readError(file: string, error: unknown, entry?: ZipEntry): CliError {
  if (error instanceof CliError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const unsafe = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(message);
  if (unsafe)
    return new CliError(
      `${file}: the package holds a part named "${unsafe[1]}", which points outside it; it is not read`,
    );
  if (entry) return damaged(file, `part ${entry.name}: ${message.split("\n")[0]}`);
  return damaged(file, message.split("\n")[0] as string);
}
