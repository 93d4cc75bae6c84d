import { deflateSync } from "fflate";
import { centralDirectory, entryData } from "../zip";
import { PACKAGE_ERRORS } from "./errors";

/**
 * The zip container written part by part: the entries of a package as stored (their compressed bytes,
 * never inflated), and a writer that copies them raw with their CRC and adds or replaces the few parts
 * that are edited. Reading what an entry holds goes through the bounded reader (../zip.ts); this file only
 * moves bytes (APPNOTE.TXT 4.3.7 local header, 4.3.12 central directory, 4.3.16 end of central directory).
 */

/** One entry of the central directory, with its compressed data. */
export interface RawEntry {
  name: string;
  /** The name as stored (UTF-8 when flag bit 11 is set, else as written). */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  versionMadeBy: number;
  internalAttributes: number;
  externalAttributes: number;
  /** The compressed bytes, a view into the package. */
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_FLAG = 0x800;
const DESCRIPTOR_FLAG = 0x8;

/**
 * The entries of a zip in the order of its central directory, read by the bounded reader's own directory
 * reader (../zip.ts: ZIP64 included). Refused: two entries of one name (OPC part names compare without
 * case: ECMA-376 Part 2, 6.3.5) — which of the two a program reads is not defined — and an entry whose
 * data lies outside the file.
 */
export function readEntries(bytes: Uint8Array): RawEntry[] {
  const seen = new Set<string>();
  return centralDirectory(bytes).map((entry) => {
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw PACKAGE_ERRORS.entryTwice(entry.name);
    seen.add(key);
    return {
      name: entry.name,
      nameBytes: entry.nameBytes,
      flags: entry.flags,
      method: entry.method,
      time: entry.time,
      date: entry.date,
      crc: entry.crc,
      compressedSize: entry.size,
      size: entry.originalSize,
      versionMadeBy: entry.versionMadeBy,
      internalAttributes: entry.internalAttributes,
      externalAttributes: entry.externalAttributes,
      data: entryData(bytes, entry),
    };
  });
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 of the uncompressed bytes (APPNOTE.TXT 4.4.7). */
export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i += 1) crc = (CRC_TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** The DOS time and date of a moment (APPNOTE.TXT 4.4.6), in local time as zip programs show it. */
function dosDateTime(moment: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, moment.getFullYear()));
  return {
    time: (moment.getHours() << 11) | (moment.getMinutes() << 5) | (moment.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate(),
  };
}

/** An entry whose uncompressed bytes are new: deflated here. */
export function newEntry(name: string, content: Uint8Array, like?: RawEntry, moment = new Date()): RawEntry {
  const nameBytes = new TextEncoder().encode(name);
  const stamp = like ?? { ...dosDateTime(moment), versionMadeBy: 20, internalAttributes: 0, externalAttributes: 0 };
  const data = deflateSync(content, { level: 6 });
  return {
    name,
    nameBytes,
    // The name is flagged UTF-8 when it is not ASCII (APPNOTE.TXT appendix D).
    flags: nameBytes.length !== name.length ? UTF8_FLAG : 0,
    method: 8,
    time: stamp.time,
    date: stamp.date,
    crc: crc32(content),
    compressedSize: data.length,
    size: content.length,
    versionMadeBy: stamp.versionMadeBy,
    internalAttributes: stamp.internalAttributes,
    externalAttributes: stamp.externalAttributes,
    data,
  };
}

/**
 * A zip of these entries, in this order: each local header written anew from the entry (sizes and CRC
 * in the header, so no data descriptor follows), the data as it is. No extra fields and no comments are
 * written; ZIP64 is not: past 4 GB, or 65,535 entries, the write is refused.
 */
export function writeEntries(entries: readonly RawEntry[]): Uint8Array {
  if (entries.length >= 0xffff) throw PACKAGE_ERRORS.tooLarge();
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += 30 + e.nameBytes.length + e.data.length;
    centralSize += 46 + e.nameBytes.length;
  }
  const total = localSize + centralSize + 22;
  if (localSize > 0xffffffff || total > 0xffffffff) throw PACKAGE_ERRORS.tooLarge();
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, e.method === 0 ? 10 : 20, true);
    view.setUint16(at + 6, e.flags & ~DESCRIPTOR_FLAG, true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.compressedSize, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, e.nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(e.nameBytes, at + 30);
    out.set(e.data, at + 30 + e.nameBytes.length);
    at += 30 + e.nameBytes.length + e.data.length;
  }
  const central = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, e.versionMadeBy, true);
    view.setUint16(at + 6, e.method === 0 ? 10 : 20, true);
    view.setUint16(at + 8, e.flags & ~DESCRIPTOR_FLAG, true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.compressedSize, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, e.nameBytes.length, true);
    // Extra field, comment, disk number: none.
    view.setUint16(at + 36, e.internalAttributes, true);
    view.setUint32(at + 38, e.externalAttributes, true);
    view.setUint32(at + 42, offsets[i] as number, true);
    out.set(e.nameBytes, at + 46);
    at += 46 + e.nameBytes.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
