import type ExcelJS from "exceljs";
import type { SimpleSheet } from "../core/port";
import type { SheetPlan } from "../core/report/plan";
import { SETTINGS_SHEET, type SettingsRow } from "../core/workbook/settings";
import { addBarChart, type BarChartSpec } from "./chart";
import { renderPlan } from "./report";

/**
 * The add-in's own sheets, built with exceljs in a package of their own: the settings sheet, sheets of
 * text (findings, comparisons), the report and its chart. The file port grafts that package into the
 * user's (package/graft.ts): exceljs never reads or writes the user's workbook.
 */
export type OwnSheet =
  | { kind: "settings"; rows: SettingsRow[] }
  | { kind: "simple"; name: string; sheet: SimpleSheet }
  | { kind: "report"; name: string; plan: SheetPlan };

export const ownSheetName = (sheet: OwnSheet): string => (sheet.kind === "settings" ? SETTINGS_SHEET : sheet.name);

/** Writes the settings sheet, hidden, values as text so that nothing is coerced. */
export function writeSettingsSheet(workbook: ExcelJS.Workbook, rows: SettingsRow[]): void {
  const existing = workbook.getWorksheet(SETTINGS_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(SETTINGS_SHEET, { state: "hidden" });
  sheet.columns = [{ width: 24 }, { width: 60 }];
  rows.forEach(([key, value], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).numFmt = "@";
    row.getCell(1).value = key;
    row.getCell(2).numFmt = typeof value === "number" ? "General" : "@";
    row.getCell(2).value = value;
  });
}

/** A sheet of text: a title line, a bold header row, text cells wrapped at the top, links to cells of the table. */
function renderSimpleSheet(sheet: ExcelJS.Worksheet, plan: SimpleSheet): void {
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  sheet.columns = plan.columns.map((c) => ({ width: c.width }));
  sheet.getCell("A1").value = plan.title;
  sheet.getCell("A1").font = { bold: true };
  const header = sheet.getRow(2);
  plan.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
  });
  plan.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 3);
    row.values.forEach((text, c) => {
      const cell = excelRow.getCell(c + 1);
      cell.numFmt = "@";
      cell.alignment = { vertical: "top", wrapText: true };
      cell.value = row.link && row.link.column === c ? { text, hyperlink: `#'${row.link.sheet.replace(/'/g, "''")}'!${row.link.address}` } : text;
    });
  });
}

/** The package of the add-in's sheets, in this order, as .xlsx bytes (the report's chart added). */
export async function ownPackage(sheets: readonly OwnSheet[]): Promise<Uint8Array> {
  const { default: exceljs } = await import(/* webpackChunkName: "xlsx-write" */ "exceljs");
  const workbook = new exceljs.Workbook();
  const charts: BarChartSpec[] = [];
  for (const own of sheets) {
    if (own.kind === "settings") writeSettingsSheet(workbook, own.rows);
    else if (own.kind === "simple") renderSimpleSheet(workbook.addWorksheet(own.name), own.sheet);
    else {
      renderPlan(workbook.addWorksheet(own.name), own.plan);
      // The report's chart, planned in the core; exceljs writes no charts.
      if (own.plan.chart) charts.push({ sheet: own.name, chart: own.plan.chart });
    }
  }
  let bytes: Uint8Array = new Uint8Array(await workbook.xlsx.writeBuffer());
  for (const chart of charts) bytes = addBarChart(bytes, chart);
  return bytes;
}
