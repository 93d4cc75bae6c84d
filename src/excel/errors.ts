import { WorkbookError } from "../core/port";
import type { Localized } from "../core/text/localized";

/**
 * Excel's error codes (Excel.ErrorCodes, OfficeExtension.ErrorCodes) as sentences a person can act on.
 * Codes are not localised by Excel; messages are, and are not meant for users (Microsoft's error-handling
 * guidance): the add-in says what happened from the code.
 */
const MESSAGES: Readonly<Record<string, Localized>> = {
  AccessDenied: {
    ja: "シートまたはブックが保護されているため書き込めません。［校閲］→［シート保護の解除］または［ブックの保護］を解除してから、もう一度お試しください。",
    en: "The sheet or the workbook is protected. Unprotect it (Review → Unprotect Sheet / Protect Workbook) and try again.",
  },
  InvalidOperationInCellEditMode: {
    ja: "セルの編集中のため実行できませんでした。Enter か Esc で編集を終えてから、もう一度お試しください。",
    en: "A cell is being edited. Press Enter or Esc to finish editing, then try again.",
  },
  ItemNotFound: {
    ja: "対象のシートまたはセルが見つかりません。シートの名前が変わったか、削除された可能性があります。もう一度チェックしてください。",
    en: "The sheet or cell was not found; it may have been renamed or deleted. Check again.",
  },
  RequestPayloadSizeLimitExceeded: {
    ja: "一度に送るデータが Excel on the web の上限（5 MB）を超えました。表を分けるか、デスクトップ版 Excel でお試しください。",
    en: "The data sent at once exceeds Excel on the web's 5 MB limit. Split the table or use Excel on the desktop.",
  },
  ResponsePayloadSizeLimitExceeded: {
    ja: "一度に読むデータが Excel on the web の上限（5 MB）を超えました。表を分けるか、デスクトップ版 Excel でお試しください。",
    en: "The data read at once exceeds Excel on the web's 5 MB limit. Split the table or use Excel on the desktop.",
  },
  InvalidOperation: {
    ja: "Excel がこの操作を受け付けませんでした（表示されているシートを残す必要がある、など）。",
    en: "Excel refused the operation (a workbook must keep a visible sheet, for instance).",
  },
  ItemAlreadyExists: {
    ja: "同じ名前のシートがすでにあります。名前を変えてからもう一度お試しください。",
    en: "A sheet of that name already exists. Rename it and try again.",
  },
};

const GENERIC: Localized = {
  ja: "Excel での処理に失敗しました。もう一度お試しください。",
  en: "Excel could not complete the operation. Try again.",
};

/** The error's code, whatever wrapped it. */
export function excelErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** An Excel error as a WorkbookError the pane can show; a WorkbookError passes through. */
export function toWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = excelErrorCode(error) ?? "Unknown";
  const text = MESSAGES[code] ?? { ja: `${GENERIC.ja}（${code}）`, en: `${GENERIC.en} (${code})` };
  return new WorkbookError(code, text, { cause: error });
}
