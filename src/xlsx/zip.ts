import { inflateSync } from "fflate";
import { WorkbookError } from "../core/port";

/**
 * The zip container of an .xlsx, opened with care: what is in it is listed from the central directory
 * first, and a part is inflated only when its declared size and compression ratio are within bounds.
 * Inflation writes into a buffer of the declared size, so a part that lies about its size is cut there
 * (and then fails to parse) instead of growing without end. The directory is read here (fflate lists
 * entries but not where their data starts, which Node's native zlib needs); inflation is fflate's or
 * zlib's.
 */

/** Limits of what is inflated, with the reasons in docs/contracts/workbook.md ("Limits"). */
export interface ZipLimits {
  /** The largest file read: the command line reads no more than this of any input, however it grows. */
  fileBytes: number;
  /** The largest part, uncompressed. */
  partBytes: number;
  /** All the parts read together, uncompressed. */
  totalBytes: number;
  /** Above this many bytes a part must not be compressed more than `ratio` to one (a zip bomb is). */
  ratioFloorBytes: number;
  ratio: number;
}

export const ZIP_LIMITS: ZipLimits = {
  fileBytes: 512 * 1024 * 1024,
  partBytes: 256 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  ratioFloorBytes: 8 * 1024 * 1024,
  ratio: 400,
};

/** Why a file cannot be read as a workbook, in both languages; `code` for callers and tests. */
export type XlsxReadCode = "NotXlsx" | "NotWorkbook" | "Encrypted" | "TooLarge";

export class XlsxReadError extends WorkbookError {
  constructor(
    readonly reason: XlsxReadCode,
    text: { ja: string; en: string },
    options?: { cause?: unknown },
  ) {
    super(reason, text, options);
    this.name = "XlsxReadError";
  }
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-US")} MB`;

export const READ_ERRORS: {
  notXlsx: (cause?: unknown) => XlsxReadError;
  notWorkbook: (detail: string, cause?: unknown) => XlsxReadError;
  encrypted: () => XlsxReadError;
  fileTooLarge: (bytes: number, limit: number) => XlsxReadError;
  tooLarge: (what: { ja: string; en: string }) => XlsxReadError;
} = {
  notXlsx: (cause?: unknown) =>
    new XlsxReadError(
      "NotXlsx",
      { ja: ".xlsx ファイルではありません。Excel ブック（.xlsx）を指定してください。", en: "Not an .xlsx file: give an Excel workbook (.xlsx)." },
      { cause },
    ),
  notWorkbook: (detail: string, cause?: unknown) =>
    new XlsxReadError(
      "NotWorkbook",
      {
        ja: `Excel ブックとして読めません（${detail}）。Excel で開いて「名前を付けて保存」から .xlsx で保存し直してください。`,
        en: `Not readable as an Excel workbook (${detail}). Open it in Excel and save it again as .xlsx.`,
      },
      { cause },
    ),
  encrypted: () =>
    new XlsxReadError("Encrypted", {
      ja: "このブックはパスワードで保護（暗号化）されています。Excel でパスワードを解除して保存してから、もう一度お試しください。",
      en: "The workbook is password-protected (encrypted). Remove the password in Excel, save, and try again.",
    }),
  /** A file larger than the reader reads at all (ZipLimits.fileBytes), said before reading it. */
  fileTooLarge: (bytes: number, limit: number) =>
    READ_ERRORS.tooLarge({ ja: `ファイルが ${MB(bytes)}、上限 ${MB(limit)}`, en: `the file is ${MB(bytes)}, over ${MB(limit)}` }),
  tooLarge: (what: { ja: string; en: string }) =>
    new XlsxReadError("TooLarge", {
      ja: `ブックが大きすぎるため読み込みを中止しました（${what.ja}）。不要なシートやセルを削除してから、もう一度お試しください。`,
      en: `The workbook is too large to read (${what.en}). Delete unneeded sheets or cells and try again.`,
    }),
};

/** An OLE compound file (D0 CF 11 E0): an encrypted .xlsx is one, and so is an old .xls. */
function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Whether a compound file holds an encrypted OOXML package (its stream "EncryptedPackage", in UTF-16). */
function holdsEncryptedPackage(bytes: Uint8Array): boolean {
  const name = "EncryptedPackage";
  const limit = Math.min(bytes.length, 64 * 1024 * 1024);
  outer: for (let i = 0; i + name.length * 2 <= limit; i += 1) {
    for (let k = 0; k < name.length; k += 1) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** One entry of the central directory: where its data is and what it says of itself. */
/** One entry of the central directory, as stored. */
export interface ZipEntry {
  name: string;
  /** The name's bytes as stored (decoded as UTF-8 whatever flag bit 11 says). */
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  /** Compressed size. */
  size: number;
  originalSize: number;
  localHeader: number;
  crc: number;
  time: number;
  date: number;
  versionMadeBy: number;
  internalAttributes: number;
  externalAttributes: number;
}

/**
 * Inflates raw deflate data into at most `size` bytes. fflate's by default (browsers); the command line
 * passes Node's zlib, several times faster on large sheets. Either must stop at `size`.
 */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array;

export const fflateInflater: Inflater = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The header ID of the ZIP64 extended information extra field (APPNOTE.TXT 4.5.3). */
const ZIP64_EXTRA = 0x0001;
const MAX32 = 0xffffffff;

/**
 * The central directory (APPNOTE.TXT 4.3.12–4.3.16): read from the end of the file, each entry's name,
 * method, sizes and the offset of its local header. ZIP64 archives are read too, as some libraries
 * write every archive (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT): the end of central
 * directory's 0xFFFF and 0xFFFFFFFF send the reader to the ZIP64 end of central directory record
 * (4.3.14), found through its locator (4.3.15); an entry's 0xFFFFFFFF sizes or offset stand in its ZIP64
 * extended information extra field (4.5.3), in the order original size, compressed size, offset, each
 * present only when its field says 0xFFFFFFFF. Sizes past what a number holds exactly are refused.
 */
export function centralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => {
    const value = view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw READ_ERRORS.notXlsx();
    return Number(value);
  };
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw READ_ERRORS.notXlsx();
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (count === 0xffff || offset === MAX32 || u32(eocd + 12) === MAX32) {
    // ZIP64: the locator stands just before the end record and points to the ZIP64 end record.
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) throw READ_ERRORS.notXlsx();
    const record = u64(locator + 8);
    if (record + 56 > bytes.length || u32(record) !== ZIP64_EOCD) throw READ_ERRORS.notXlsx();
    count = u64(record + 32);
    offset = u64(record + 48);
  }
  const names = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let k = 0; k < count; k += 1) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) throw READ_ERRORS.notXlsx();
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const end = at + 46 + nameLength;
    if (end + extraLength > bytes.length) throw READ_ERRORS.notXlsx();
    const nameBytes = bytes.subarray(at + 46, end);
    const entry: ZipEntry = {
      name: names.decode(nameBytes),
      nameBytes,
      method: u16(at + 10),
      flags: u16(at + 8),
      size: u32(at + 20),
      originalSize: u32(at + 24),
      localHeader: u32(at + 42),
      crc: u32(at + 16),
      time: u16(at + 12),
      date: u16(at + 14),
      versionMadeBy: u16(at + 4),
      internalAttributes: u16(at + 36),
      externalAttributes: u32(at + 38),
    };
    if (entry.size === MAX32 || entry.originalSize === MAX32 || entry.localHeader === MAX32) zip64Sizes(entry, end, end + extraLength, u16, u64);
    entries.push(entry);
    at = end + extraLength + u16(at + 32);
  }
  return entries;
}

/** Replaces an entry's 0xFFFFFFFF fields by those of its ZIP64 extra field (APPNOTE.TXT 4.5.3). */
function zip64Sizes(entry: ZipEntry, from: number, to: number, u16: (at: number) => number, u64: (at: number) => number): void {
  for (let at = from; at + 4 <= to; ) {
    const id = u16(at);
    const length = u16(at + 2);
    const data = at + 4;
    if (data + length > to) break;
    if (id === ZIP64_EXTRA) {
      let field = data;
      const next = () => {
        if (field + 8 > data + length) throw READ_ERRORS.notXlsx();
        const value = u64(field);
        field += 8;
        return value;
      };
      if (entry.originalSize === MAX32) entry.originalSize = next();
      if (entry.size === MAX32) entry.size = next();
      if (entry.localHeader === MAX32) entry.localHeader = next();
      return;
    }
    at = data + length;
  }
  // 0xFFFFFFFF with no ZIP64 field: the sizes are what they say (a part that large is refused anyway).
}

/** The compressed bytes of an entry, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw READ_ERRORS.notWorkbook(`${entry.name} の位置が不正 / ${entry.name} is misplaced`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.size > bytes.length) throw READ_ERRORS.notWorkbook(`${entry.name} が途中で切れています / ${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.size);
}

/** Inflates as Inflater does, off the main thread (Node's zlib in its thread pool). */
export type AsyncInflater = (data: Uint8Array, size: number) => Promise<Uint8Array>;

export interface ZipArchive {
  /** Entry names, as stored. */
  names(): string[];
  has(name: string): boolean;
  /** Inflates the named parts (missing names are left out), after checking their sizes together. */
  read(names: readonly string[]): Map<string, Uint8Array>;
  /**
   * What read gives, the parts inflated side by side by `inflate` and each handed to `then` as soon as it
   * is whole (a part is decoded while the others still inflate): the same checks first, and the same
   * failure as read — that of the first part, in `names` order, that cannot be had.
   */
  readAsync<T>(names: readonly string[], inflate: AsyncInflater, then: (name: string, part: Uint8Array) => T): Promise<Map<string, T>>;
}

/** Opens the zip of an .xlsx: lists its entries without inflating anything. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS, inflate: Inflater = fflateInflater): ZipArchive {
  if (isCompoundFile(bytes)) {
    if (holdsEncryptedPackage(bytes)) throw READ_ERRORS.encrypted();
    throw READ_ERRORS.notWorkbook("古い形式の .xls または Office の複合ファイル / an old .xls or another compound file");
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw READ_ERRORS.notXlsx();
  if (bytes.length > limits.fileBytes) throw READ_ERRORS.fileTooLarge(bytes.length, limits.fileBytes);
  const entries = new Map(centralDirectory(bytes).map((entry) => [entry.name, entry]));
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read(names) {
      const wanted = checked(names);
      const parts = new Map<string, Uint8Array>();
      for (const entry of wanted) {
        const data = entryData(bytes, entry);
        try {
          // Never more than the declared size: a part that lies is cut there (and then fails to parse).
          parts.set(entry.name, entry.method === 0 ? data.subarray(0, entry.originalSize) : inflate(data, entry.originalSize));
        } catch (error) {
          throw cannotInflate(entry, error);
        }
      }
      return parts;
    },
    async readAsync(names, inflateAsync, then) {
      const wanted = checked(names);
      // As read: a part misplaced in the file fails where read would, after the parts before it.
      const started: Promise<{ value: ReturnType<typeof then> } | { error: unknown }>[] = [];
      let misplaced: unknown;
      for (const entry of wanted) {
        let data: Uint8Array;
        try {
          data = entryData(bytes, entry);
        } catch (error) {
          misplaced = error;
          break;
        }
        let inflated: Promise<Uint8Array>;
        try {
          inflated = entry.method === 0 ? Promise.resolve(data.subarray(0, entry.originalSize)) : inflateAsync(data, entry.originalSize);
        } catch (error) {
          inflated = Promise.reject(error);
        }
        started.push(inflated.then((part) => ({ value: then(entry.name, part) }), (error: unknown) => ({ error })));
      }
      const done = await Promise.all(started);
      const parts = new Map<string, ReturnType<typeof then>>();
      done.forEach((result, i) => {
        const entry = wanted[i] as ZipEntry;
        if ("error" in result) throw cannotInflate(entry, result.error);
        parts.set(entry.name, result.value);
      });
      if (misplaced !== undefined) throw misplaced;
      return parts;
    },
  };

  /** The named entries, checked together: each within its limits, all within theirs. */
  function checked(names: readonly string[]): ZipEntry[] {
    const wanted = names.filter((name) => entries.has(name)).map((name) => entries.get(name) as ZipEntry);
    let total = 0;
    for (const entry of wanted) {
      const { name, originalSize, size } = entry;
      total += originalSize;
      if (originalSize > limits.partBytes) {
        throw READ_ERRORS.tooLarge({ ja: `${name} が展開後 ${MB(originalSize)}、上限 ${MB(limits.partBytes)}`, en: `${name} is ${MB(originalSize)} uncompressed, over ${MB(limits.partBytes)}` });
      }
      if (originalSize > limits.ratioFloorBytes && originalSize > size * limits.ratio) {
        const ratio = Math.round(originalSize / Math.max(1, size));
        throw READ_ERRORS.tooLarge({ ja: `${name} の圧縮率が異常です（${ratio} 倍）`, en: `${name} is compressed ${ratio} to one, as a zip bomb is` });
      }
      if (entry.flags & 1) throw READ_ERRORS.notWorkbook(`${name} が暗号化されています / ${name} is encrypted`);
      if (entry.method !== 0 && entry.method !== 8) throw READ_ERRORS.notWorkbook(`${name} の圧縮方式 ${entry.method} / compression method ${entry.method}`);
    }
    if (total > limits.totalBytes) {
      throw READ_ERRORS.tooLarge({ ja: `展開後の合計 ${MB(total)}、上限 ${MB(limits.totalBytes)}`, en: `${MB(total)} uncompressed in all, over ${MB(limits.totalBytes)}` });
    }
    return wanted;
  }
}

const cannotInflate = (entry: ZipEntry, error: unknown) => READ_ERRORS.notWorkbook(`${entry.name} を展開できません / ${entry.name} could not be inflated`, error);
