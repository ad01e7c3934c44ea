import * as fs from "node:fs";
import * as zlib from "node:zlib";
import type { ZipEntry, ZipPackage } from "./zipRead";

/**
 * Writes a zip package to a file, front to back (APPNOTE.TXT 4.3): parts copied from another package keep their
 * local record byte for byte (header, compressed data, data descriptor) and their central record with only its
 * offset changed; new parts are deflated as they are written.
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

  /** Copies an entry of `source` unchanged. */
  copy(source: ZipPackage, entry: ZipEntry): void {
    const at = this.offset;
    this.write(source.bytes.subarray(entry.localOffset, entry.recordEnd));
    const record = Buffer.from(entry.central);
    record.writeUInt32LE(at, 42);
    this.central.push(record);
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
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(packed, 8);
    descriptor.writeUInt32LE(size, 12);
    this.write(descriptor);
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
