import ExcelJS from "exceljs";
import { columnLetter, rawText, type RawCell, type SheetGrid } from "../core/workbook/cells";
import { WorkbookError, checkGuards, type CellGuard, type FileWorkbookPort, type SimpleSheet, type WorkbookRead } from "../core/port";
import type { SheetPlan } from "../core/report/plan";
import { sheetNameFor, withGeneratedSheet } from "../core/workbook/sheets";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsFromRows, settingsToRows, type PlanSettings, type SettingsRead, type SettingsRow } from "../core/workbook/settings";
import { readTable, type ReadOptions } from "../core/workbook/table";
import { renderPlan } from "./report";

/** Raised when the bytes are not an .xlsx workbook (a zip with a workbook part). */
export class NotXlsxError extends Error {
  constructor(cause: unknown) {
    super("not an xlsx workbook", { cause });
    this.name = "NotXlsxError";
  }
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch (error) {
    throw new NotXlsxError(error);
  }
  return workbook;
}

/** Every kind of exceljs value as the core's RawCell: rich text joined, formulas by their result. */
export function cellToRaw(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    return cellToRaw((value as { result?: ExcelJS.CellValue }).result);
  }
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text) return cellToRaw(text as ExcelJS.CellValue);
  }
  return null;
}

export function sheetToGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: RawCell[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      // As in Excel, only the top-left cell of a merged area holds the value (exceljs repeats it).
      cells.push(cell.isMerged && cell.master !== cell ? null : cellToRaw(cell.value));
    }
    rows[number - 1] = cells;
  });
  for (let r = 0; r < rows.length; r += 1) rows[r] ??= [];
  return { name: sheet.name, rows };
}

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

/** The workbook port over an exceljs workbook: file mode and the CLI. */
export class XlsxWorkbookPort implements FileWorkbookPort {
  /** The cell last selected, for the file-mode table view. */
  selected?: { sheet: string; column: number; sheetRow: number };

  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async load(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbookPort> {
    return new XlsxWorkbookPort(await loadWorkbook(data));
  }

  /** The grids of the sheets a user keeps data on (the settings sheet aside). */
  grids(): SheetGrid[] {
    return this.workbook.worksheets.filter((s) => s.name !== SETTINGS_SHEET).map(sheetToGrid);
  }

  async read(options: Omit<ReadOptions, "tableSheet"> = {}): Promise<WorkbookRead> {
    const settings = await this.readSettings();
    const mapping = options.mapping ?? settings?.settings.mapping;
    const tableSheet = this.workbook.worksheets.find((s) => s.name !== SETTINGS_SHEET && s.getTables().length > 0)?.name;
    const scale = settings?.settings.profile.scale;
    const table = readTable(this.grids(), { ...options, ...(mapping ? { mapping } : {}), ...(tableSheet ? { tableSheet } : {}), ...(scale ? { scale } : {}) });
    return { table, ...(settings ? { settings } : {}) };
  }

  async readSettings(): Promise<SettingsRead | undefined> {
    const sheet = this.workbook.getWorksheet(SETTINGS_SHEET);
    return sheet ? settingsFromRows(sheetToGrid(sheet).rows) : undefined;
  }

  async writeSettings(settings: PlanSettings): Promise<void> {
    writeSettingsSheet(this.workbook, settingsToRows(settings));
  }

  async selectCell(sheet: string, column: number, sheetRow: number): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) return;
    this.selected = { sheet, column, sheetRow };
    const address = `${columnLetter(column)}${sheetRow}`;
    ws.views = [{ ...(ws.views[0] ?? {}), activeCell: address, state: ws.views[0]?.state ?? "normal" } as ExcelJS.WorksheetView];
  }

  async writeCell(sheet: string, column: number, sheetRow: number, text: string, guard: readonly CellGuard[] = []): Promise<void> {
    const row = this.workbook.getWorksheet(sheet)?.getRow(sheetRow);
    if (!row) throw new WorkbookError("ItemNotFound", { ja: `シート「${sheet}」が見つかりません`, en: `Sheet "${sheet}" not found` });
    checkGuards(sheetRow, guard, (c) => rawText(cellToRaw(row.getCell(c + 1).value)));
    row.getCell(column + 1).value = text;
  }

  /**
   * Adds a sheet of the add-in, built aside and added when complete: the wanted name, or a new one when
   * a user's sheet has it; an earlier sheet of the add-in's is replaced. The settings sheet records it.
   */
  private async addOwnSheet(wanted: string, render: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
    const settings = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
    const name = sheetNameFor(wanted, this.workbook.worksheets.map((s) => s.name), settings.generated ?? []);
    // Built under a temporary name: a failure leaves the workbook as it was.
    const sheet = this.workbook.addWorksheet(`~${Date.now().toString(36)}`);
    try {
      render(sheet);
    } catch (error) {
      this.workbook.removeWorksheet(sheet.id);
      throw error;
    }
    const old = this.workbook.getWorksheet(name);
    if (old) this.workbook.removeWorksheet(old.id);
    sheet.name = name;
    await this.writeSettings(withGeneratedSheet(settings, name));
    return name;
  }

  async writeSheet(plan: SimpleSheet): Promise<string> {
    return this.addOwnSheet(plan.name, (sheet) => {
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
    });
  }

  async writeReport(plan: SheetPlan): Promise<string> {
    return this.addOwnSheet(plan.name, (sheet) => renderPlan(sheet, plan));
  }

  async save(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
