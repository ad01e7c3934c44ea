import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { CliError } from "../errors";
import type { ZipEntry, ZipPackage } from "./zipRead";

/**
 * Writes a zip package to a file, front to back (APPNOTE.TXT 4.3). A part copied from another package keeps its
 * compressed bytes and every field of its local header and central record but the record's offset; new parts are
 * deflated as they are written (with Node's zlib, on libuv's thread pool beside the reader). No maintained zip
 * writer for Node adds an entry's compressed bytes as they are: yazl and archiver always compress or store what
 * they are given, and fflate's Zip writes its own headers and a data descriptor for every entry.
 */
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const VERSION = 20;
/** 1980-01-01 00:00 in MS-DOS time and date, the stamp new parts get (Excel writes the same). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** zlib's default level, for the small parts written whole (styles, workbook, relationships). */
const WHOLE_PART_LEVEL = 6;
/**
 * The streamed parts (the rewritten order sheet, the summary and Actions sheets) are as big as the export: zlib's
 * fastest level keeps a 1,048,576-row copy inside its time budget, for a file about a quarter larger (BENCHMARKS.md).
 */
const STREAMED_PART_LEVEL = 1;

export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly central: Buffer[] = [];
  private closed = false;

  constructor(file: string) {
    this.fd = fs.openSync(file, "w");
  }

  private write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done);
    this.offset += bytes.length;
  }

  /** Copies an entry of `source` as it is stored. */
  async copy(source: ZipPackage, entry: ZipEntry): Promise<void> {
    const at = this.offset;
    const { header, data } = await source.stored(entry);
    this.write(localHeader(header));
    for await (const chunk of data as AsyncIterable<Buffer>) this.write(chunk);
    if (header.generalPurposeBitFlag & FLAG_DESCRIPTOR)
      this.write(descriptor(entry.record.crc32, entry.compressedSize, entry.size));
    const record = entry.record;
    this.central.push(
      centralRecord(
        {
          ...record,
          fileName: record.fileNameRaw,
          extraField: record.extraFieldRaw,
          fileComment: record.fileCommentRaw,
          attributes: [record.internalFileAttributes, record.externalFileAttributes],
        },
        at,
      ),
    );
  }

  /** A new part, deflated whole. */
  add(name: string, content: Buffer | string): void {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = zlib.deflateRawSync(data, { level: WHOLE_PART_LEVEL });
    const crc = zlib.crc32(data);
    const fields = newPart(name, 0, crc, packed.length, data.length);
    const at = this.offset;
    this.write(localHeader(fields));
    this.write(packed);
    this.central.push(centralRecord(fields, at));
  }

  /** A new part from a stream of chunks, deflated as they come; sizes and checksum follow in a data descriptor. */
  async addStream(name: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    const at = this.offset;
    this.write(localHeader(newPart(name, FLAG_DESCRIPTOR, 0, 0, 0)));
    const deflater = zlib.createDeflateRaw({ level: STREAMED_PART_LEVEL, chunkSize: 256 * 1024 });
    let crc = 0;
    let size = 0;
    let packed = 0;
    const drained = (async () => {
      for await (const chunk of deflater as AsyncIterable<Buffer>) {
        this.write(chunk);
        packed += chunk.length;
      }
    })();
    try {
      for await (const chunk of chunks) {
        crc = zlib.crc32(chunk, crc);
        size += chunk.length;
        if (!deflater.write(chunk)) await new Promise<void>((resolve) => deflater.once("drain", () => resolve()));
      }
      deflater.end();
      await drained;
    } catch (error) {
      deflater.destroy();
      await drained.catch(() => undefined);
      throw error;
    }
    this.write(descriptor(crc, packed, size));
    this.central.push(centralRecord(newPart(name, FLAG_DESCRIPTOR, crc, packed, size), at));
  }

  /** Writes the central directory and closes the file. */
  finish(): void {
    const start = this.offset;
    for (const record of this.central) this.write(record);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

/** A data descriptor with its signature (APPNOTE.TXT 4.3.9), as Excel and most writers put it. */
function descriptor(crc: number, packed: number, size: number): Buffer {
  const bytes = Buffer.alloc(16);
  bytes.writeUInt32LE(0x08074b50, 0);
  bytes.writeUInt32LE(crc >>> 0, 4);
  bytes.writeUInt32LE(packed, 8);
  bytes.writeUInt32LE(size, 12);
  return bytes;
}

/** The fields of a part's local header and central record (APPNOTE.TXT 4.3.7, 4.3.12). */
interface RecordFields {
  versionMadeBy: number;
  versionNeededToExtract: number;
  generalPurposeBitFlag: number;
  compressionMethod: number;
  lastModFileTime: number;
  lastModFileDate: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  fileName: Buffer;
  extraField: Buffer;
  fileComment: Buffer;
  /** Internal, then external file attributes. */
  attributes: [number, number];
}

const EMPTY = Buffer.alloc(0);
const MAX_32_BIT = 0xffffffff;

/** A part AE Guard writes: deflated, named in UTF-8, stamped as Excel stamps its parts. */
function newPart(name: string, flags: number, crc: number, packed: number, size: number): RecordFields {
  return {
    versionMadeBy: VERSION,
    versionNeededToExtract: VERSION,
    generalPurposeBitFlag: flags | FLAG_UTF8,
    compressionMethod: 8,
    lastModFileTime: DOS_TIME,
    lastModFileDate: DOS_DATE,
    crc32: crc,
    compressedSize: packed,
    uncompressedSize: size,
    fileName: Buffer.from(name, "utf8"),
    extraField: EMPTY,
    fileComment: EMPTY,
    attributes: [0, 0],
  };
}

/** What a local header holds: the central record's fields but the version made by, comment and attributes. */
type LocalFields = Omit<RecordFields, "versionMadeBy" | "fileComment" | "attributes">;

function localHeader(fields: LocalFields): Buffer {
  const bytes = Buffer.alloc(30 + fields.fileName.length + fields.extraField.length);
  bytes.writeUInt32LE(0x04034b50, 0);
  writeSharedFields(bytes, 4, fields);
  Buffer.concat([fields.fileName, fields.extraField]).copy(bytes, 30);
  return bytes;
}

/**
 * The run of fields a local header (from byte 4) and a central record (from byte 6) both hold, in the same order:
 * version needed, flags, method, time, date, CRC-32, sizes, name and extra field lengths.
 */
function writeSharedFields(bytes: Buffer, from: number, fields: LocalFields): void {
  bytes.writeUInt16LE(fields.versionNeededToExtract, from);
  bytes.writeUInt16LE(fields.generalPurposeBitFlag, from + 2);
  bytes.writeUInt16LE(fields.compressionMethod, from + 4);
  bytes.writeUInt16LE(fields.lastModFileTime, from + 6);
  bytes.writeUInt16LE(fields.lastModFileDate, from + 8);
  bytes.writeUInt32LE(fields.crc32 >>> 0, from + 10);
  bytes.writeUInt32LE(fields.compressedSize, from + 14);
  bytes.writeUInt32LE(fields.uncompressedSize, from + 18);
  bytes.writeUInt16LE(fields.fileName.length, from + 22);
  bytes.writeUInt16LE(fields.extraField.length, from + 24);
}

/** The central directory record of a part whose local header is at offset `at`. */
function centralRecord(fields: RecordFields, at: number): Buffer {
  if (at > MAX_32_BIT || fields.compressedSize > MAX_32_BIT || fields.uncompressedSize > MAX_32_BIT)
    throw new CliError("the scanned copy would pass 4 GiB, more than a zip package without ZIP64 can hold");
  const variable = [fields.fileName, fields.extraField, fields.fileComment];
  const bytes = Buffer.alloc(46 + variable.reduce((sum, field) => sum + field.length, 0));
  bytes.writeUInt32LE(0x02014b50, 0);
  bytes.writeUInt16LE(fields.versionMadeBy, 4);
  writeSharedFields(bytes, 6, fields);
  bytes.writeUInt16LE(fields.fileComment.length, 32);
  // 34: the disk the part starts on, 0 in a single-file package (yauzl refuses any other).
  bytes.writeUInt16LE(fields.attributes[0], 36);
  bytes.writeUInt32LE(fields.attributes[1] >>> 0, 38);
  bytes.writeUInt32LE(at, 42);
  Buffer.concat(variable).copy(bytes, 46);
  return bytes;
}
