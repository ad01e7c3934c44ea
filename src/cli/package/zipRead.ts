import * as zlib from "node:zlib";
import { CliError } from "../errors";
// One set of zip-bomb limits for the whole CLI (the input is checked against them before it is read).
import { inflatesPastDeclared, MAX_INFLATE_RATIO, MAX_PART_BYTES, RATIO_GRACE_BYTES } from "../zipLimits";

/**
 * The entries of a zip package held in memory, read from its central directory (APPNOTE.TXT 4.3.12, 4.3.16). Nothing
 * is inflated until asked, and an unchanged entry can be copied as its original bytes (local header, compressed
 * data, data descriptor).
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The central directory record as written, for a byte-for-byte copy (its offset is patched). */
  central: Buffer;
  /** Where the entry's compressed data starts and where its local record (data descriptor included) ends. */
  dataStart: number;
  recordEnd: number;
}

/**
 * Inflated pieces of a streamed part: their text stays below V8's large-object size (128 KiB), so it is young
 * garbage, freed by the cheap collections; larger pieces pile up in old space until a full collection.
 */
const INFLATED_CHUNK_BYTES = 64 * 1024;
/**
 * With `readAhead`, how far inflating (on libuv's thread pool) may run ahead of the reader, so the two work at the
 * same time. The copy's rewrite of the order sheet does not: paced by its deflate, the heap then stays flat.
 */
const INFLATE_AHEAD_BYTES = 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;

export class ZipPackage {
  readonly entries: ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;

  constructor(
    readonly bytes: Buffer,
    private readonly file: string,
  ) {
    this.entries = readDirectory(bytes, file);
    this.byName = new Map(this.entries.map((entry) => [entry.name, entry]));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The compressed bytes of an entry as stored. */
  compressed(entry: ZipEntry): Buffer {
    return this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  }

  /** An entry's content, inflated whole: for the small parts (workbook, relationships, styles). */
  read(name: string): Buffer {
    const entry = this.byName.get(name);
    if (!entry) throw new CliError(`${this.file}: the workbook has no part ${name}; it may be damaged`);
    this.checkBomb(entry);
    const data = this.compressed(entry);
    const out = entry.method === 0 ? Buffer.from(data) : inflate(data, entry, this.file);
    if (out.length !== entry.size)
      throw new CliError(
        `${this.file}: part ${name} does not have the size the zip directory gives; it may be damaged`,
      );
    return out;
  }

  text(name: string): string {
    return this.read(name).toString("utf8");
  }

  /** An entry's content as a stream of inflated chunks, never more than `limit` bytes in all. */
  async *stream(name: string, { readAhead = false, chunkBytes = 1 << 20 } = {}): AsyncGenerator<Buffer> {
    const entry = this.byName.get(name);
    if (!entry) throw new CliError(`${this.file}: the workbook has no part ${name}; it may be damaged`);
    this.checkBomb(entry);
    const data = this.compressed(entry);
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += chunkBytes) yield data.subarray(at, at + chunkBytes);
      return;
    }
    // Node passes the options on to the stream (zlib.js ZlibBase), though its types list only zlib's own.
    const inflater = zlib.createInflateRaw({
      chunkSize: INFLATED_CHUNK_BYTES,
      readableHighWaterMark: readAhead ? INFLATE_AHEAD_BYTES : undefined,
    } as zlib.ZlibOptions);
    const feed = async (): Promise<void> => {
      for (let at = 0; at < data.length; at += chunkBytes) {
        if (inflater.destroyed) return; // the reader stopped early
        if (!inflater.write(data.subarray(at, at + chunkBytes)))
          await new Promise<void>((resolve) => {
            const go = (): void => {
              inflater.off("drain", go).off("close", go);
              resolve();
            };
            inflater.on("drain", go).on("close", go);
          });
      }
      if (!inflater.destroyed) inflater.end();
    };
    const feeding = feed().catch((error: Error) => inflater.destroy(error));
    let total = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > entry.size) throw inflatesPastDeclared(this.file, name, entry.size);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(
        `${this.file}: part ${name} cannot be inflated; the file is damaged (${(error as Error).message})`,
      );
    } finally {
      inflater.destroy();
      await feeding;
    }
    if (total !== entry.size)
      throw new CliError(
        `${this.file}: part ${name} does not have the size the zip directory gives; it may be damaged`,
      );
  }

  private checkBomb(entry: ZipEntry): void {
    if (
      entry.size > MAX_PART_BYTES ||
      (entry.size > RATIO_GRACE_BYTES && entry.size > entry.compressedSize * MAX_INFLATE_RATIO)
    )
      throw bomb(this.file, entry.name);
  }
}

const bomb = (file: string, name: string): CliError =>
  new CliError(
    `${file}: part ${name} would inflate to more than ${MAX_INFLATE_RATIO} times its packed size or past 2 GiB; it looks like a zip bomb, so it is not read`,
  );

function inflate(data: Buffer, entry: ZipEntry, file: string): Buffer {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw inflatesPastDeclared(file, entry.name, entry.size);
    throw new CliError(
      `${file}: part ${entry.name} cannot be inflated; the file is damaged (${(error as Error).message})`,
    );
  }
}

/** A part name that could escape the package or the folder it is unpacked into. */
export function unsafeName(name: string): boolean {
  return name.startsWith("/") || name.includes("\\") || name.split("/").some((segment) => segment === "..");
}

function readDirectory(bytes: Buffer, file: string): ZipEntry[] {
  const damaged = (what: string): CliError =>
    new CliError(`${file} could not be read as an .xlsx workbook; it may be damaged (${what})`);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged("no zip directory at its end");
  if (end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR)
    throw new CliError(`${file} is a ZIP64 package (over 4 GB or 65,535 parts); AE Guard cannot write such a copy`);
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) throw damaged("a broken zip directory");
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const crc32 = bytes.readUInt32LE(offset + 16);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const recordLength = 46 + nameLength + extraLength + commentLength;
    const name = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (unsafeName(name))
      throw new CliError(`${file}: the package holds a part named "${name}", which points outside it; it is not read`);
    if (flags & FLAG_ENCRYPTED)
      throw new CliError(`${file}: part ${name} is encrypted; remove the password in Excel and scan again`);
    if (method !== 0 && method !== 8) throw damaged(`part ${name} uses compression method ${method}`);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL)
      throw damaged(`part ${name} is missing`);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    let recordEnd = dataStart + compressedSize;
    if (recordEnd > bytes.length) throw damaged(`part ${name} is cut short`);
    if (flags & FLAG_DESCRIPTOR)
      recordEnd += recordEnd + 4 <= bytes.length && bytes.readUInt32LE(recordEnd) === DESCRIPTOR ? 16 : 12;
    entries.push({
      name,
      method,
      flags,
      crc32,
      compressedSize,
      size,
      localOffset,
      central: bytes.subarray(offset, offset + recordLength),
      dataStart,
      recordEnd,
    });
    offset += recordLength;
  }
  return entries;
}
