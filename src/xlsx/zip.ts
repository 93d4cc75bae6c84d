import { unzipSync, type UnzipFileInfo } from "fflate";
import { WorkbookError } from "../core/port";

/**
 * The zip container of an .xlsx, opened with care: what is in it is listed from the central directory
 * first, and a part is inflated only when its declared size and compression ratio are within bounds.
 * fflate inflates into a buffer of the declared size, so a part that lies about its size is cut there
 * (and then fails to parse) instead of growing without end.
 */

/** Limits of what is inflated, with the reasons in docs/contracts/workbook.md ("Limits"). */
export interface ZipLimits {
  /** The largest part, uncompressed. */
  partBytes: number;
  /** All the parts read together, uncompressed. */
  totalBytes: number;
  /** Above this many bytes a part must not be compressed more than `ratio` to one (a zip bomb is). */
  ratioFloorBytes: number;
  ratio: number;
}

export const ZIP_LIMITS: ZipLimits = {
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

export const READ_ERRORS = {
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

export interface ZipArchive {
  /** Entry names, as stored. */
  names(): string[];
  has(name: string): boolean;
  /** Inflates the named parts at once (missing names are left out), after checking their sizes. */
  read(names: readonly string[]): Map<string, Uint8Array>;
}

/** Opens the zip of an .xlsx: lists its entries without inflating anything. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipArchive {
  if (isCompoundFile(bytes)) {
    if (holdsEncryptedPackage(bytes)) throw READ_ERRORS.encrypted();
    throw READ_ERRORS.notWorkbook("古い形式の .xls または Office の複合ファイル / an old .xls or another compound file");
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw READ_ERRORS.notXlsx();
  const entries = new Map<string, UnzipFileInfo>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.set(file.name, { ...file });
        return false;
      },
    });
  } catch (error) {
    throw READ_ERRORS.notXlsx(error);
  }
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read(names) {
      const wanted = names.filter((name) => entries.has(name));
      let total = 0;
      for (const name of wanted) {
        const entry = entries.get(name) as UnzipFileInfo;
        total += entry.originalSize;
        if (entry.originalSize > limits.partBytes) {
          throw READ_ERRORS.tooLarge({ ja: `${name} が展開後 ${MB(entry.originalSize)}、上限 ${MB(limits.partBytes)}`, en: `${name} is ${MB(entry.originalSize)} uncompressed, over ${MB(limits.partBytes)}` });
        }
        if (entry.originalSize > limits.ratioFloorBytes && entry.originalSize > entry.size * limits.ratio) {
          throw READ_ERRORS.tooLarge({
            ja: `${name} の圧縮率が異常です（${Math.round(entry.originalSize / Math.max(1, entry.size))} 倍）`,
            en: `${name} is compressed ${Math.round(entry.originalSize / Math.max(1, entry.size))} to one, as a zip bomb is`,
          });
        }
      }
      if (total > limits.totalBytes) {
        throw READ_ERRORS.tooLarge({ ja: `展開後の合計 ${MB(total)}、上限 ${MB(limits.totalBytes)}`, en: `${MB(total)} uncompressed in all, over ${MB(limits.totalBytes)}` });
      }
      const set = new Set(wanted);
      try {
        const files = unzipSync(bytes, { filter: (file) => set.has(file.name) });
        return new Map(Object.entries(files));
      } catch (error) {
        throw READ_ERRORS.notWorkbook("zip の展開に失敗 / the zip could not be inflated", error);
      }
    },
  };
}
