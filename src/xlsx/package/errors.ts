import { WorkbookError } from "../../core/workbook/error";

/**
 * Why a workbook cannot be written in place, in both languages; `reason` for callers and tests. Each is a
 * refusal the user can act on (save the workbook again in Excel, rename a sheet …), said before anything
 * is written: a refused write leaves no file, never a damaged one.
 */
export type PackageCode =
  | "Strict"
  | "NotSpreadsheetML"
  | "EntryTwice"
  | "OutsidePackage"
  | "PartMissing"
  | "NotWellFormed"
  | "Encoding"
  | "SheetExists"
  | "SheetNotFound"
  | "SharedFormula"
  | "TooLarge";

export class PackageError extends WorkbookError {
  constructor(
    readonly reason: PackageCode,
    text: { ja: string; en: string },
    options?: { cause?: unknown },
  ) {
    super(`Package${reason}`, text, options);
    this.name = "PackageError";
  }
}

const SAVE_AGAIN = { ja: "Excel で開いて「Excel ブック (*.xlsx)」として保存し直してから、もう一度お試しください。", en: "Open it in Excel, save it as an Excel Workbook (*.xlsx), and try again." };

export const PACKAGE_ERRORS = {
  strict: () =>
    new PackageError("Strict", {
      ja: `このブックは「Strict Open XML スプレッドシート」形式のため書き込めません。${SAVE_AGAIN.ja}`,
      en: `The workbook is in the Strict Open XML Spreadsheet format, which cannot be written to. ${SAVE_AGAIN.en}`,
    }),
  notSpreadsheetML: (part: string) =>
    new PackageError("NotSpreadsheetML", {
      ja: `${part} が Excel ブックの形式ではないため書き込めません。${SAVE_AGAIN.ja}`,
      en: `${part} is not in the Excel workbook format, so the workbook cannot be written to. ${SAVE_AGAIN.en}`,
    }),
  entryTwice: (name: string) =>
    new PackageError("EntryTwice", {
      ja: `ブックの中に同じ名前の部品「${name}」が 2 つあるため書き込めません。${SAVE_AGAIN.ja}`,
      en: `The workbook holds two parts named "${name}", so it cannot be written to. ${SAVE_AGAIN.en}`,
    }),
  outsidePackage: (source: string, target: string) =>
    new PackageError("OutsidePackage", {
      ja: `${source} がブックの外の「${target}」を指しているため書き込めません。${SAVE_AGAIN.ja}`,
      en: `${source} points outside the workbook ("${target}"), so the workbook cannot be written to. ${SAVE_AGAIN.en}`,
    }),
  partMissing: (part: string) =>
    new PackageError("PartMissing", {
      ja: `ブックの部品 ${part} が見つからないため書き込めません。${SAVE_AGAIN.ja}`,
      en: `The workbook's part ${part} is missing, so the workbook cannot be written to. ${SAVE_AGAIN.en}`,
    }),
  notWellFormed: (part: string, cause?: unknown) =>
    new PackageError(
      "NotWellFormed",
      { ja: `ブックの部品 ${part} が壊れているため書き込めません。${SAVE_AGAIN.ja}`, en: `The workbook's part ${part} is damaged, so the workbook cannot be written to. ${SAVE_AGAIN.en}` },
      { cause },
    ),
  encoding: (part: string) =>
    new PackageError("Encoding", {
      ja: `ブックの部品 ${part} の文字コードが読めないため書き込めません。${SAVE_AGAIN.ja}`,
      en: `The workbook's part ${part} is not in a text encoding that can be read, so the workbook cannot be written to. ${SAVE_AGAIN.en}`,
    }),
  sheetExists: (name: string) =>
    new PackageError("SheetExists", {
      ja: `シート「${name}」はすでにあります。シートの名前を変えてから、もう一度お試しください。`,
      en: `A sheet named "${name}" already exists. Rename that sheet and try again.`,
    }),
  sheetNotFound: (name: string) =>
    new PackageError("SheetNotFound", { ja: `シート「${name}」が見つかりません。`, en: `Sheet "${name}" not found.` }),
  sharedFormula: (sheet: string, cell: string) =>
    new PackageError("SharedFormula", {
      ja: `シート「${sheet}」のセル ${cell} には、ほかのセルと共有する数式（配列数式を含む）があるため書き換えません。Excel でこのセルを直接修正してください。`,
      en: `Cell ${cell} of sheet "${sheet}" holds a formula that other cells share (or an array formula), so it is not overwritten. Fix the cell in Excel.`,
    }),
  tooLarge: () =>
    new PackageError("TooLarge", {
      ja: "書き込むブックが 4 GB を超えるため保存できません。不要なシートを削除してから、もう一度お試しください。",
      en: "The workbook to write would exceed 4 GB. Delete unneeded sheets and try again.",
    }),
};
