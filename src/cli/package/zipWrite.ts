import * as fs from "node:fs";
import * as zlib from "node:zlib";
import type * as yauzl from "yauzl";
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
    this.write(storedLocalHeader(header));
    for await (const chunk of data as AsyncIterable<Buffer>) this.write(chunk);
    if (header.generalPurposeBitFlag & FLAG_DESCRIPTOR)
      this.write(descriptor(entry.record.crc32, entry.compressedSize, entry.size));
    this.central.push(storedCentralRecord(entry.record, at));
  }

  /** A new part, deflated whole. */
  add(name: string, content: Buffer | string): void {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = zlib.deflateRawSync(data, { level: WHOLE_PART_LEVEL });
    const crc = zlib.crc32(data);
    const header = this.header(name, 0, crc, packed.length, data.length);
    const at = this.offset;
    this.write(header);
    this.write(packed);
    this.central.push(this.centralRecord(name, 0, crc, packed.length, data.length, at));
  }

  /** A new part from a stream of chunks, deflated as they come; sizes and checksum follow in a data descriptor. */
  async addStream(name: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    const at = this.offset;
    this.write(this.header(name, FLAG_DESCRIPTOR, 0, 0, 0));
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
    this.central.push(this.centralRecord(name, FLAG_DESCRIPTOR, crc, packed, size, at));
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

  private header(name: string, flags: number, crc: number, packed: number, size: number): Buffer {
    const nameBytes = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30 + nameBytes.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(flags | FLAG_UTF8, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(packed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    nameBytes.copy(header, 30);
    return header;
  }

  private centralRecord(name: string, flags: number, crc: number, packed: number, size: number, at: number): Buffer {
    const nameBytes = Buffer.from(name, "utf8");
    const record = Buffer.alloc(46 + nameBytes.length);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    record.writeUInt16LE(flags | FLAG_UTF8, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(DOS_TIME, 12);
    record.writeUInt16LE(DOS_DATE, 14);
    record.writeUInt32LE(crc >>> 0, 16);
    record.writeUInt32LE(packed, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt32LE(at, 42);
    nameBytes.copy(record, 46);
    return record;
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

/** A local file header written back from its fields (APPNOTE.TXT 4.3.7): the same bytes as the input's. */
function storedLocalHeader(header: yauzl.LocalFileHeader): Buffer {
  const bytes = Buffer.alloc(30 + header.fileName.length + header.extraField.length);
  bytes.writeUInt32LE(0x04034b50, 0);
  bytes.writeUInt16LE(header.versionNeededToExtract, 4);
  bytes.writeUInt16LE(header.generalPurposeBitFlag, 6);
  bytes.writeUInt16LE(header.compressionMethod, 8);
  bytes.writeUInt16LE(header.lastModFileTime, 10);
  bytes.writeUInt16LE(header.lastModFileDate, 12);
  bytes.writeUInt32LE(header.crc32 >>> 0, 14);
  bytes.writeUInt32LE(header.compressedSize, 18);
  bytes.writeUInt32LE(header.uncompressedSize, 22);
  bytes.writeUInt16LE(header.fileName.length, 26);
  bytes.writeUInt16LE(header.extraField.length, 28);
  header.fileName.copy(bytes, 30);
  header.extraField.copy(bytes, 30 + header.fileName.length);
  return bytes;
}

/** A central directory record written back from its fields (APPNOTE.TXT 4.3.12), at its new offset. */
function storedCentralRecord(record: yauzl.Entry, at: number): Buffer {
  const variable = [record.fileNameRaw, record.extraFieldRaw, record.fileCommentRaw];
  const bytes = Buffer.alloc(46 + variable.reduce((sum, field) => sum + field.length, 0));
  bytes.writeUInt32LE(0x02014b50, 0);
  bytes.writeUInt16LE(record.versionMadeBy, 4);
  bytes.writeUInt16LE(record.versionNeededToExtract, 6);
  bytes.writeUInt16LE(record.generalPurposeBitFlag, 8);
  bytes.writeUInt16LE(record.compressionMethod, 10);
  bytes.writeUInt16LE(record.lastModFileTime, 12);
  bytes.writeUInt16LE(record.lastModFileDate, 14);
  bytes.writeUInt32LE(record.crc32 >>> 0, 16);
  bytes.writeUInt32LE(record.compressedSize, 20);
  bytes.writeUInt32LE(record.uncompressedSize, 24);
  bytes.writeUInt16LE(record.fileNameRaw.length, 28);
  bytes.writeUInt16LE(record.extraFieldRaw.length, 30);
  bytes.writeUInt16LE(record.fileCommentRaw.length, 32);
  // 34: the disk the part starts on, 0 in a single-file package (yauzl refuses any other).
  bytes.writeUInt16LE(record.internalFileAttributes, 36);
  bytes.writeUInt32LE(record.externalFileAttributes >>> 0, 38);
  bytes.writeUInt32LE(at, 42);
  Buffer.concat(variable).copy(bytes, 46);
  return bytes;
}
