import type ExcelJS from "exceljs";
import { zipSync, type Zippable } from "fflate";
import { IDENTITY_SHEET, identityRows } from "../core/roundtrip/identity";
import { lineHeight, wrappedLines } from "../core/text/width";
import { INSTRUCTIONS_SHEET, type DepartmentForm } from "../core/roundtrip/split";

/**
 * A department's file (docs/contracts/roundtrip.md, "Send"), written with exceljs: the instructions, the
 * department's rows with the columns it fills unlocked and every other cell locked (the sheet protected,
 * with no password unless one is given), a drop-down of the scale on the rating cells and an input
 * message on the text cells, and the identity in a very hidden sheet. A new workbook of the add-in's:
 * nothing of the master's package is copied.
 */

const FILL_ANSWER = "FFFFF2CC";
const FILL_CONTEXT = "FFF2F2F2";
const FILL_HEADER = "FFD9D9D9";
const TITLE = "計画進捗チェッカー";
/** The instructions' one column, in characters: A4 portrait at the default font. */
/**
 * The instructions' one column, in character units: within A4 portrait's printable width at 100 % where a
 * unit is widest (LibreOffice without Microsoft fonts: about 7.1 pt a unit; 66 units ≈ 470 pt of 495), so
 * the sheet prints whole in any program even where fit-to-page is ignored.
 */
const INSTRUCTIONS_WIDTH = 66;
const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

async function exceljsModule(): Promise<typeof ExcelJS> {
  const { default: exceljs } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  return exceljs;
}

/**
 * The protection of every sheet: cells selectable, columns and rows resizable (long answers), nothing
 * else: no rows inserted or deleted, no locked cell changed.
 */
async function protect(sheet: ExcelJS.Worksheet, password: string | undefined): Promise<void> {
  await sheet.protect(password ?? "", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function instructionsSheet(workbook: ExcelJS.Workbook, form: DepartmentForm): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET, {
    views: [{ showGridLines: false }],
    pageSetup: { orientation: "portrait", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: INSTRUCTIONS_WIDTH }];
  form.instructions.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line.text;
    cell.numFmt = "@";
    cell.alignment = { wrapText: true, vertical: "top" };
    const size = line.kind === "title" ? 14 : 11;
    sheet.getRow(i + 1).height = Math.max(1, wrappedLines(line.text, INSTRUCTIONS_WIDTH, size)) * lineHeight(size) + 4;
    if (line.kind === "title") cell.font = { bold: true, size: 14 };
    if (line.kind === "heading") cell.font = { bold: true, size: 11 };
  });
  return sheet;
}

function formSheet(workbook: ExcelJS.Workbook, form: DepartmentForm): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(form.sheet, {
    views: [{ state: "frozen", ySplit: form.headerRow }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${form.headerRow}:${form.headerRow}` },
  });
  sheet.columns = form.columns.map((c) => ({ width: c.width }));
  const title = sheet.getCell(1, 1);
  title.value = form.title;
  title.font = { bold: true, size: 12 };
  const note = sheet.getCell(2, 1);
  note.value = form.note;
  note.font = { size: 9 };
  const header = sheet.getRow(form.headerRow);
  header.height = Math.max(...form.columns.map((c) => wrappedLines(c.header, c.width, 11))) * lineHeight(11) + 4;
  form.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.numFmt = "@";
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fill ? FILL_ANSWER : FILL_HEADER } };
    cell.border = BORDER;
  });
  const rating = form.columns.findIndex((c) => c.field === "rating");
  for (const row of form.rows) {
    const excelRow = sheet.getRow(row.formRow);
    excelRow.height = row.height;
    form.columns.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1);
      // Every cell text, so that what a department types stays as typed (12 stays 12, 4-1 no date).
      cell.numFmt = "@";
      cell.value = row.values[i] ?? "";
      cell.alignment = { wrapText: true, vertical: "top" };
      cell.border = BORDER;
      const answer = row.role === "own" && c.fill;
      if (answer) {
        cell.protection = { locked: false };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL_ANSWER } };
        cell.dataValidation =
          i === rating
            ? { type: "list", allowBlank: true, formulae: [`"${form.symbols.join(",")}"`], showInputMessage: true, promptTitle: TITLE, prompt: form.ratingPrompt, showErrorMessage: true, errorStyle: "stop", errorTitle: TITLE, error: form.ratingError }
            : { type: "textLength", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showInputMessage: true, promptTitle: TITLE, prompt: form.textPrompt };
      } else if (row.role === "context") {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL_CONTEXT } };
        cell.font = { color: { argb: "FF595959" } };
      } else if (!c.field && row.values[i]) {
        cell.font = { color: { argb: "FFC00000" } };
      }
    });
  }
  return sheet;
}

function identitySheet(workbook: ExcelJS.Workbook, form: DepartmentForm): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(IDENTITY_SHEET, { state: "veryHidden" });
  sheet.columns = [{ width: 14 }, { width: 40 }];
  identityRows(form.identity).forEach((values, r) => {
    values.forEach((value, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      cell.numFmt = "@";
      cell.value = value;
    });
  });
  return sheet;
}

/** The .xlsx of one department's form. */
export async function departmentWorkbookBytes(form: DepartmentForm, options: { password?: string } = {}): Promise<Uint8Array> {
  const exceljs = await exceljsModule();
  const workbook = new exceljs.Workbook();
  workbook.creator = TITLE;
  const created = new Date(form.identity.created);
  workbook.created = created;
  workbook.modified = created;
  const sheets = [instructionsSheet(workbook, form), formSheet(workbook, form), identitySheet(workbook, form)];
  for (const sheet of sheets) await protect(sheet, options.password);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Every department's file, one after the other (a few hundred kilobytes each at most). */
export async function departmentWorkbooks(forms: readonly DepartmentForm[], options: { password?: string } = {}): Promise<Uint8Array[]> {
  const files: Uint8Array[] = [];
  for (const form of forms) files.push(await departmentWorkbookBytes(form, options));
  return files;
}

/** The files as one zip (file mode's download), names in UTF-8. */
export function filesZip(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.name] = [file.bytes, { level: 0 }];
  return zipSync(entries);
}
