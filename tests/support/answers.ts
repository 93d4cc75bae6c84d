import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

/**
 * Departments answering their forms, as people do: in Excel (exceljs stands in: it reads and writes the
 * file as a program other than ours would), or in LibreOffice (the file opened and saved again by
 * `soffice --headless --convert-to xlsx`). Each edit names the form's row by its No. and 枝番, as a
 * person finds it.
 */

/** The form sheet's columns for the Kodaira sample (分野 No. 枝番 項目 主な推進担当課 評価 実施内容 目標 実績 備考 チェック結果). */
export const FORM_COLUMN = { category: 1, no: 2, sub: 3, title: 4, department: 5, rating: 6, actions: 7, plan: 8, result: 9, notes: 10 } as const;

export type FormField = keyof typeof FORM_COLUMN;

/** The 1-based row of the form sheet holding this item ("12", "4-1"). */
export function formRowOf(sheet: ExcelJS.Worksheet, item: string): number {
  const [no, sub = ""] = item.split("-");
  for (let r = 4; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    if (String(row.getCell(FORM_COLUMN.no).value ?? "").trim() === no && String(row.getCell(FORM_COLUMN.sub).value ?? "").trim() === sub) return r;
  }
  throw new Error(`no row for ${item} in the form`);
}

export interface FormEdit {
  item: string;
  field: FormField;
  value: ExcelJS.CellValue;
}

export interface Fill {
  edits?: FormEdit[];
  /** Removes the sheet's protection first (then locked cells can be changed). */
  unprotect?: boolean;
  /** Deletes these items' rows (after unprotecting). */
  deleteRows?: string[];
  /** Swaps two items' rows (after unprotecting). */
  swapRows?: [string, string];
  /** Inserts a copy of another form's row values before this item. */
  insertRow?: { before: string; values: ExcelJS.CellValue[] };
  /** When the file says it was saved. */
  modified?: Date;
  /** Copies the form sheet's values into a new workbook (the identity is lost). */
  copyToNewWorkbook?: boolean;
}

/** A department's answer written with exceljs. */
export async function fillWithExcelJs(bytes: Uint8Array, fill: Fill): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("調書");
  if (!sheet) throw new Error("no form sheet");
  if (fill.unprotect || fill.deleteRows || fill.swapRows || fill.insertRow) sheet.unprotect();
  for (const edit of fill.edits ?? []) sheet.getRow(formRowOf(sheet, edit.item)).getCell(FORM_COLUMN[edit.field]).value = edit.value;
  if (fill.swapRows) {
    const [a, b] = fill.swapRows.map((item) => formRowOf(sheet, item)) as [number, number];
    const values = (r: number) => Array.from({ length: 11 }, (_, c) => sheet.getRow(r).getCell(c + 1).value);
    const [va, vb] = [values(a), values(b)];
    vb.forEach((v, c) => (sheet.getRow(a).getCell(c + 1).value = v));
    va.forEach((v, c) => (sheet.getRow(b).getCell(c + 1).value = v));
  }
  for (const item of fill.deleteRows ?? []) sheet.spliceRows(formRowOf(sheet, item), 1);
  if (fill.insertRow) sheet.spliceRows(formRowOf(sheet, fill.insertRow.before), 0, fill.insertRow.values);
  let out = workbook;
  if (fill.copyToNewWorkbook) {
    out = new ExcelJS.Workbook();
    const copy = out.addWorksheet("Sheet1");
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        copy.getCell(r, c).value = cell.value;
      });
    });
  }
  if (fill.modified) out.modified = fill.modified;
  return new Uint8Array(await out.xlsx.writeBuffer());
}

/** LibreOffice's command (SOFFICE overrides it where it is installed elsewhere). */
const SOFFICE = process.env.SOFFICE ?? "soffice";

/** Whether LibreOffice can be run here (CI installs it: Debian's libreoffice-calc). */
export function hasLibreOffice(): boolean {
  try {
    execFileSync(SOFFICE, ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The files opened and saved again by LibreOffice (`soffice --headless --convert-to xlsx`), all in one
 * run, with a profile of its own (another LibreOffice running on the machine is not disturbed).
 */
export function throughLibreOffice(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "plan-progress-lo-"));
  try {
    const names = Object.keys(files).map((name, i) => {
      const file = `in${i}.xlsx`;
      writeFileSync(join(dir, file), files[name] as Uint8Array);
      return { name, file };
    });
    execFileSync(
      SOFFICE,
      [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "out"), ...names.map((n) => join(dir, n.file))],
      { stdio: "ignore", timeout: 180_000 },
    );
    return Object.fromEntries(names.map(({ name, file }) => [name, new Uint8Array(readFileSync(join(dir, "out", file)))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
