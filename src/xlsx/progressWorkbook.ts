import ExcelJS from "exceljs";
import type { PlanMeta } from "../core/workbook/model";
import type { Rollover } from "../core/workbook/rollover";
import type { TableRow } from "../core/workbook/table";
import { wrappedLines } from "../core/text/width";
import { DEFAULT_SETTINGS, settingsToRows, type PlanSettings, type SettingsRow } from "../core/workbook/settings";
import { checkRatingCell } from "../core/check/cellCheck";
import { writeSettingsSheet } from "./ownSheets";
import { fiscalYearLabel } from "../core/fiscalYear";

/** Name of the progress table sheet written by the importer. */
export const TABLE_SHEET = "進捗管理表";

interface Column {
  header: string;
  width: number;
  value: (row: TableRow) => string | number;
  text: boolean;
}

function columns(meta: PlanMeta): Column[] {
  const fy = meta.fiscalYear === undefined ? "" : fiscalYearLabel(meta.fiscalYear);
  const evaluation = meta.evaluationDate ?? "";
  return [
    { header: "分野", width: 14, value: (r) => r.category, text: true },
    { header: "No.", width: 6, value: (r) => r.no ?? "", text: false },
    { header: "枝番", width: 6, value: (r) => (r.sub === undefined ? "" : r.sub), text: false },
    { header: "項目", width: 24, value: (r) => r.title, text: true },
    { header: "主な推進担当課", width: 16, value: (r) => r.department, text: true },
    { header: "評価", width: 6, value: (r) => r.ratingWritten, text: true },
    { header: "実施内容", width: 30, value: (r) => r.actions, text: true },
    { header: `${fy}当初予定（目標値）`, width: 50, value: (r) => r.plan, text: true },
    { header: `取組実績（${evaluation}実績値）`, width: 50, value: (r) => r.result, text: true },
    { header: "備考", width: 12, value: (r) => r.notes, text: true },
  ];
}

/** The 「整合性」 column: =PLAN.CHECK(評価, 当初予定, 取組実績) on every row, with its result cached. */
export const CONSISTENCY_HEADER = "整合性";

/**
 * =PLAN.CHECK(F{n},H{n},I{n}) in the form Excel stores an add-in's custom function in a file and binds
 * on open: _xldudf_PLAN_CHECK(…) ("When formulas are properly resolved [...] Excel rewrites them with a
 * _xldudf_ prefix", as _xldudf_CONTOSO_ADD(1,2) for =CONTOSO.ADD(1,2) —
 * https://github.com/evelyn-chrono/officejs-custom-functions-name-error-repro, the repro of
 * https://github.com/OfficeDev/office-js/issues/6611; "For Javascript Custom Functions, we by default
 * save out with a different prefix "_xldudf"" — https://github.com/OfficeDev/Excel-Custom-Functions/issues/108).
 * A formula stored as typed, PLAN.CHECK(…), stays #NAME? even with the add-in loaded
 * (https://github.com/OfficeDev/office-js/issues/6395). The cached result stays: it is what a program
 * without the add-in shows.
 */
function consistencyFormula(sheetRow: number): string {
  return `_xldudf_PLAN_CHECK(F${sheetRow},H${sheetRow},I${sheetRow})`;
}

/**
 * Builds the progress workbook: the table on 進捗管理表 and the plan metadata on the hidden settings
 * sheet. Text cells are formatted "@" so that "4-1" or "=x" stay text. Row heights are set from
 * the wrapped text: spreadsheet programs do not grow rows of a freshly written file by themselves.
 */
export function buildProgressWorkbook(meta: PlanMeta, rows: readonly TableRow[], settings: PlanSettings = { ...DEFAULT_SETTINGS, meta }): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: the same input gives the same workbook.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  workbook.creator = "plan-progress";

  const sheet = workbook.addWorksheet(TABLE_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const cols = columns(meta);
  sheet.columns = [...cols.map((c) => ({ width: c.width })), { width: 28 }];
  const header = sheet.getRow(1);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  });
  const consistency = header.getCell(cols.length + 1);
  consistency.value = CONSISTENCY_HEADER;
  consistency.font = { bold: true };
  consistency.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  consistency.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  header.height = 32;

  rows.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 2);
    let lines = 1;
    cols.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1);
      const value = c.value(row);
      if (c.text) cell.numFmt = "@";
      cell.value = value === "" ? null : value;
      cell.alignment = { vertical: "top", wrapText: c.text, horizontal: c.text ? "left" : "center" };
      if (typeof value === "string") lines = Math.max(lines, wrappedLines(value, c.width, 11));
    });
    excelRow.height = Math.min(409, Math.max(18, lines * 14));
    // Excel computes it with the add-in; other programs show the result the engine gave when written.
    const formula = excelRow.getCell(cols.length + 1);
    formula.value = { formula: consistencyFormula(r + 2), result: checkRatingCell(row.ratingWritten, row.plan, row.result) ?? "" };
    formula.alignment = { vertical: "top", wrapText: true };
  });

  writeSettingsSheet(workbook, settingsToRows({ ...settings, meta }));
  return workbook;
}

export { SETTINGS_SHEET } from "../core/workbook/settings";

/** Next year's table (core/workbook/rollover.ts) as a workbook file: the roll-over's WorkbookMaker. */
export function rolloverWorkbookBytes(next: Rollover): Promise<Uint8Array> {
  return progressWorkbookBytes(next.meta, next.rows, next.settings);
}

/** The progress workbook as .xlsx bytes. */
export async function progressWorkbookBytes(meta: PlanMeta, rows: readonly TableRow[], settings?: PlanSettings): Promise<Uint8Array> {
  return new Uint8Array(await buildProgressWorkbook(meta, rows, settings).xlsx.writeBuffer());
}

/** A table in a layout of its own: title lines, a header row, rows of values; text cells formatted "@". */
export interface LayoutWorkbook {
  sheet: string;
  preamble: string[];
  header: string[];
  /** Column widths in characters. */
  widths: number[];
  rows: (string | number)[][];
  settings: SettingsRow[];
}

/** Another city's progress table as it keeps it (the samples; tests of other layouts). */
export function buildLayoutWorkbook(layout: LayoutWorkbook): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  workbook.creator = "plan-progress";
  const sheet = workbook.addWorksheet(layout.sheet);
  sheet.columns = layout.widths.map((width) => ({ width }));
  layout.preamble.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.numFmt = "@";
    cell.value = text;
    cell.font = { bold: true, size: 12 };
  });
  const headerRow = layout.preamble.length + 1;
  const rows = [layout.header, ...layout.rows];
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + r);
    let lines = 1;
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      if (typeof value === "string") cell.numFmt = "@";
      cell.value = value;
      cell.alignment = { vertical: "top", wrapText: true };
      if (r === 0) cell.font = { bold: true };
      if (typeof value === "string") lines = Math.max(lines, wrappedLines(value, layout.widths[c] ?? 10, 11));
    });
    row.height = Math.min(409, Math.max(18, lines * 15));
  });
  writeSettingsSheet(workbook, layout.settings);
  return workbook;
}
