import { WorkbookError } from "./error";

/**
 * What a protected sheet refuses, said precisely (docs/contracts/workbook.md, "Protected sheets"). Excel
 * protects locked cells only: a common municipal layout protects the sheet and unlocks the rating and
 * results columns, so a write to an unlocked cell goes ahead; formatting (the add-in's marks) needs the
 * protection's "Format cells" allowance; entry rules (data validation) need the protection removed.
 */
export function cellLocked(sheet: string, cell: string): WorkbookError {
  return new WorkbookError("CellLocked", {
    ja: `シート「${sheet}」は保護されていて、セル ${cell} はロックされているため書き込めません。［校閲］→［シート保護の解除］で保護を外すか、このセルのロックを外してから、もう一度お試しください。`,
    en: `Sheet "${sheet}" is protected and cell ${cell} is locked, so it cannot be written. Unprotect the sheet (Review → Unprotect Sheet) or unlock the cell, then try again.`,
  });
}

const WHAT = {
  marks: {
    ja: "セルに印を付ける（書式を変える）ことができません。シートの保護で「セルの書式設定」を許可するか、［校閲］→［シート保護の解除］で保護を外してから",
    en: "mark cells (change their format). Allow \"Format cells\" in the sheet's protection or unprotect it (Review → Unprotect Sheet), then",
  },
  guards: {
    ja: "入力規則を設定・解除することができません。［校閲］→［シート保護の解除］で保護を外してから",
    en: "set or remove entry rules. Unprotect it (Review → Unprotect Sheet), then",
  },
} as const;

export function sheetProtected(sheet: string, what: keyof typeof WHAT): WorkbookError {
  return new WorkbookError("SheetProtected", {
    ja: `シート「${sheet}」は保護されているため、${WHAT[what].ja}、もう一度お試しください。`,
    en: `Sheet "${sheet}" is protected, so the add-in cannot ${WHAT[what].en} try again.`,
  });
}
