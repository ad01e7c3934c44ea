import * as fs from "node:fs";
import * as yauzl from "yauzl";

/**
 * A zip package as a test sees it, read with yauzl alone (not through AE Guard's package reader, whose output the
 * tests check): each part's name, declared sizes, inflated content and stored record (its local header and
 * compressed bytes, as they lie in the file).
 */
export interface StoredZip {
  entries: Array<{ name: string; size: number; compressedSize: number }>;
  has(name: string): boolean;
  text(name: string): string;
  record(name: string): Buffer | undefined;
  /** The central directory record's fields but its offset (the name, extra field and comment as hex). */
  central(name: string): Record<string, number | string> | undefined;
}

/** The parts and the sizes the central directory declares, nothing inflated (a forged bomb can be looked at). */
export async function declaredParts(bytes: Buffer): Promise<StoredZip["entries"]> {
  const zip = await yauzl.fromBufferPromise(bytes);
  const entries: StoredZip["entries"] = [];
  for await (const entry of zip.eachEntry())
    entries.push({
      name: entry.fileName,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
    });
  return entries;
}

export async function readStoredZip(file: string): Promise<StoredZip> {
  const bytes = fs.readFileSync(file);
  const zip = await yauzl.fromBufferPromise(bytes);
  const entries: StoredZip["entries"] = [];
  const contents = new Map<string, Buffer>();
  const records = new Map<string, Buffer>();
  const centrals = new Map<string, Record<string, number | string>>();
  for await (const entry of zip.eachEntry()) {
    centrals.set(entry.fileName, {
      versionMadeBy: entry.versionMadeBy,
      versionNeededToExtract: entry.versionNeededToExtract,
      generalPurposeBitFlag: entry.generalPurposeBitFlag,
      compressionMethod: entry.compressionMethod,
      lastModFileTime: entry.lastModFileTime,
      lastModFileDate: entry.lastModFileDate,
      crc32: entry.crc32,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      internalFileAttributes: entry.internalFileAttributes,
      externalFileAttributes: entry.externalFileAttributes,
      fileName: entry.fileNameRaw.toString("hex"),
      extraField: entry.extraFieldRaw.toString("hex"),
      fileComment: entry.fileCommentRaw.toString("hex"),
    });
    entries.push({
      name: entry.fileName,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
    });
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, {
      minimal: true,
    });
    records.set(
      entry.fileName,
      bytes.subarray(entry.relativeOffsetOfLocalHeader, fileDataStart + entry.compressedSize),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    contents.set(entry.fileName, Buffer.concat(chunks));
  }
  return {
    entries,
    has: (name) => contents.has(name),
    text: (name) => {
      const content = contents.get(name);
      if (!content) throw new Error(`${file} has no part ${name}`);
      return content.toString("utf8");
    },
    record: (name) => records.get(name),
    central: (name) => centrals.get(name),
  };
}
