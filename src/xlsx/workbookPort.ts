import type ExcelJS from "exceljs";
import { rawText, type RawCell, type SheetGrid } from "../core/workbook/cells";
import { GUARD_TITLE, type EntryGuard, type GuardRange } from "../core/workbook/guard";
import {
  WorkbookError,
  checkGuards,
  checkRowGuards,
  unsupported,
  type CellGuard,
  type CellWrite,
  type FileWorkbookPort,
  type PortCapabilities,
  type RowGuard,
  type SimpleSheet,
  type WorkbookRead,
} from "../core/port";
import type { SheetPlan } from "../core/report/plan";
import { SETTINGS_SHEET, settingsFromRows, settingsToRows, type PlanSettings, type SettingsRead, type SettingsRow } from "../core/workbook/settings";
import { MAX_TABLE_ROWS, tableTooLong } from "../core/workbook/limits";
import { readTable, type ReadOptions } from "../core/workbook/table";
import { readXlsx, type ReadOptions as XlsxReadOptions, type SheetRead, type XlsxRead } from "./reader";
import { addBarChart, type BarChartSpec } from "./chart";
import { READ_ERRORS } from "./zip";

export type { Inflater } from "./zip";
// The round trip's files, reached by the shells through this entry point of the file adapter.
export { readReturnedFile } from "./returnedFile";
export { departmentWorkbooks, filesZip } from "./departmentWorkbook";

/** Loads a workbook into exceljs, to write it: only bytes the reader (reader.ts) accepted reach here. */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new exceljs.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch (error) {
    throw READ_ERRORS.notWorkbook("exceljs", error);
  }
  return workbook;
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

/** A sheet of the read model that holds these rows (what a write put there). */
function sheetOf(name: string, rows: RawCell[][], hidden = false): SheetRead {
  return { name, rows, hidden, hasTable: false, usedRows: rows.length, usedColumns: Math.max(0, ...rows.map((r) => r.length)), merges: [] };
}

/**
 * The workbook port over an .xlsx file: file mode and the CLI. It reads with the bounded reader
 * (reader.ts: the cells the file holds, nothing evaluated), and writes with exceljs, loaded the first
 * time something is written. Each write is mirrored in the read model, so that the next read sees it.
 */
export class XlsxWorkbookPort implements FileWorkbookPort {
  readonly can: PortCapabilities = { marks: false, guards: true, openWorkbook: false };
  /** The cell last selected, for the file-mode table view. */
  selected?: { sheet: string; column: number; sheetRow: number };
  private book?: ExcelJS.Workbook;
  private changed = false;
  /** The report's chart, added to the file when it is saved (exceljs writes no charts). */
  private chart?: BarChartSpec;
  /** The sheet shown when the file is opened (the report). */
  private active?: string;

  private constructor(
    private readonly bytes: Uint8Array,
    private model: XlsxRead,
  ) {}

  /** Reads an .xlsx; refuses what is not one, is encrypted or too large, with an XlsxReadError. */
  static async load(data: ArrayBuffer | Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxWorkbookPort> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    return new XlsxWorkbookPort(bytes, readXlsx(bytes, options));
  }

  /** A workbook built in memory (tests, generated samples), read as its file would be. */
  static async fromWorkbook(workbook: ExcelJS.Workbook): Promise<XlsxWorkbookPort> {
    return XlsxWorkbookPort.load(new Uint8Array(await workbook.xlsx.writeBuffer()));
  }

  /** Every sheet as read, the settings sheet included. */
  sheets(): readonly SheetRead[] {
    return this.model.sheets;
  }

  /** The grids of the sheets a user keeps data on (the settings sheet aside), with their visibility. */
  grids(): SheetGrid[] {
    return this.model.sheets.filter((s) => s.name !== SETTINGS_SHEET);
  }

  async sheetNames(): Promise<string[]> {
    return this.model.sheets.map((s) => s.name);
  }

  /** The workbook in exceljs, loaded once, to write. */
  async workbook(): Promise<ExcelJS.Workbook> {
    this.book ??= await loadWorkbook(this.bytes);
    return this.book;
  }

  async read(options: ReadOptions = {}): Promise<WorkbookRead> {
    const settings = await this.readSettings();
    const mapping = options.mapping ?? settings?.settings.mapping;
    const scale = settings?.settings.profile.scale;
    const table = readTable(this.grids(), { ...options, ...(mapping ? { mapping } : {}), ...(scale ? { scale } : {}) });
    const lastRow = table.rows.at(-1)?.sheetRow ?? 0;
    if (lastRow > MAX_TABLE_ROWS) throw tableTooLong(table.sheet, lastRow);
    return { table, ...(settings ? { settings } : {}) };
  }

  async readSettings(): Promise<SettingsRead | undefined> {
    const sheet = this.model.sheets.find((s) => s.name === SETTINGS_SHEET);
    return sheet ? settingsFromRows(sheet.rows) : undefined;
  }

  async writeSettings(settings: PlanSettings): Promise<void> {
    const rows = settingsToRows(settings);
    writeSettingsSheet(await this.workbook(), rows);
    this.mirror(sheetOf(SETTINGS_SHEET, rows.map((row) => [...row]), true));
  }

  async selectCell(sheet: string, column: number, sheetRow: number): Promise<void> {
    if (!this.model.sheets.some((s) => s.name === sheet)) return;
    this.selected = { sheet, column, sheetRow };
  }

  async writeCell(sheet: string, column: number, sheetRow: number, text: string, guard: readonly CellGuard[] = []): Promise<void> {
    const read = this.model.sheets.find((s) => s.name === sheet);
    const target = (await this.workbook()).getWorksheet(sheet);
    if (!read || !target) throw new WorkbookError("ItemNotFound", { ja: `シート「${sheet}」が見つかりません`, en: `Sheet "${sheet}" not found` });
    checkGuards(sheetRow, guard, (c) => rawText(read.rows[sheetRow - 1]?.[c]));
    target.getRow(sheetRow).getCell(column + 1).value = text;
    (read.rows[sheetRow - 1] ??= [])[column] = text;
    this.changed = true;
  }

  /**
   * Several text cells in one write (a merge, its undoing): every guard checked on the read model first,
   * nothing written when one fails; each text written as a text cell (never a formula), an empty one
   * emptying the cell; mirrored in the read model. Kept in this one method: the package writer that
   * patches cells in place takes it over.
   */
  async writeCells(sheet: string, cells: readonly CellWrite[], guards: readonly RowGuard[] = []): Promise<void> {
    const read = this.model.sheets.find((s) => s.name === sheet);
    const target = (await this.workbook()).getWorksheet(sheet);
    if (!read || !target) throw new WorkbookError("ItemNotFound", { ja: `シート「${sheet}」が見つかりません`, en: `Sheet "${sheet}" not found` });
    checkRowGuards(guards, (column, sheetRow) => rawText(read.rows[sheetRow - 1]?.[column]));
    for (const { column, sheetRow, text } of cells) {
      const cell = target.getRow(sheetRow).getCell(column + 1);
      // A cell of the table read as rich text or a formula's result becomes the plain text written.
      cell.value = text === "" ? null : text;
      (read.rows[sheetRow - 1] ??= [])[column] = text === "" ? null : text;
    }
    this.changed = true;
  }

  /**
   * The cells of one sheet: as read from the file, or, for a sheet written since (the add-in's own, kept
   * by name only in the read model), as exceljs holds it, each value as the reader would hand it.
   */
  async readSheet(name: string): Promise<RawCell[][] | undefined> {
    const read = this.model.sheets.find((s) => s.name === name);
    if (!read) return undefined;
    const written = this.book?.getWorksheet(name);
    if (!written || read.rows.length > 0) return read.rows;
    const rows: RawCell[][] = [];
    written.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.value;
        const raw: RawCell =
          value === null || value === undefined
            ? null
            : typeof value === "string" || typeof value === "number" || typeof value === "boolean"
              ? value
              : value instanceof Date
                ? { date: value.toISOString().slice(0, 10) }
                : cell.text;
        (rows[r - 1] ??= [])[c - 1] = raw;
      });
    });
    return rows;
  }

  /** Replaces (or adds) a sheet of the read model after a write. */
  private mirror(sheet: SheetRead): void {
    const sheets = this.model.sheets.filter((s) => s.name !== sheet.name);
    this.model = { ...this.model, sheets: [...sheets, sheet] };
    this.changed = true;
  }

  /**
   * Adds a sheet of the add-in under its name, built aside and added when complete: a failure leaves the
   * workbook as it was; a sheet of that name (the caller knows it is the add-in's) is replaced.
   */
  private async addOwnSheet(name: string, render: (sheet: ExcelJS.Worksheet) => void | Promise<void>): Promise<void> {
    const workbook = await this.workbook();
    const sheet = workbook.addWorksheet(`~${Date.now().toString(36)}`);
    try {
      await render(sheet);
    } catch (error) {
      workbook.removeWorksheet(sheet.id);
      throw error;
    }
    const old = workbook.worksheets.find((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase());
    if (old) workbook.removeWorksheet(old.id);
    sheet.name = name;
    // The add-in's own sheets are never read as a table: the read model keeps their name only.
    this.mirror(sheetOf(name, []));
  }

  async writeSheet(name: string, plan: SimpleSheet): Promise<void> {
    await this.addOwnSheet(name, (sheet) => {
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

  /** Entry guards as exceljs data validation, per cell; a cell with a rule of the user's skips its range. */
  async setGuards(guard: EntryGuard): Promise<{ set: GuardRange[]; skipped: GuardRange[] }> {
    const workbook = await this.workbook();
    const set: GuardRange[] = [];
    const skipped: GuardRange[] = [];
    for (const g of guard.ranges) {
      const sheet = workbook.getWorksheet(g.sheet);
      if (!sheet) continue;
      const cells = Array.from({ length: g.last - g.first + 1 }, (_, i) => sheet.getCell(g.first + i, g.column + 1));
      if (cells.some((cell) => cell.dataValidation && cell.dataValidation.promptTitle !== GUARD_TITLE)) {
        skipped.push(g);
        continue;
      }
      const rating = g.kind === "rating";
      const common = { allowBlank: true, showInputMessage: true, promptTitle: GUARD_TITLE, prompt: rating ? guard.ratingPrompt : guard.textPrompt };
      for (const cell of cells) {
        cell.dataValidation = rating
          ? { ...common, type: "list", formulae: [`"${guard.symbols.join(",")}"`], showErrorMessage: true, errorStyle: "stop", errorTitle: GUARD_TITLE, error: guard.ratingError }
          : { ...common, type: "textLength", operator: "greaterThanOrEqual", formulae: [0] };
      }
      set.push(g);
    }
    this.changed = true;
    return { set, skipped };
  }

  /** Removes these guards, where they are still the add-in's (by their title). */
  async clearGuards(ranges: readonly GuardRange[]): Promise<void> {
    const workbook = await this.workbook();
    for (const g of ranges) {
      const sheet = workbook.getWorksheet(g.sheet);
      for (let row = g.first; sheet && row <= g.last; row += 1) {
        const cell = sheet.getCell(row, g.column + 1);
        // exceljs keeps a sheet's rules in one model by address; its remove() leaves an empty rule behind.
        if (cell.dataValidation?.promptTitle === GUARD_TITLE) delete (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model[cell.address];
      }
    }
    this.changed = true;
  }

  async markCells(): Promise<void> {
    throw unsupported("marks");
  }

  async clearMarks(): Promise<void> {
    throw unsupported("marks");
  }

  async openWorkbook(): Promise<void> {
    throw unsupported("openWorkbook");
  }

  /** A file has no command of its own that asks for a check. */
  onCheckRequested(): () => void {
    return () => undefined;
  }

  async writeReport(name: string, plan: SheetPlan): Promise<void> {
    const { renderPlan } = await import(/* webpackChunkName: "exceljs" */ "./report");
    await this.addOwnSheet(name, (sheet) => renderPlan(sheet, plan));
    // Opened, the file shows the report, and printing it prints the report (its print area is set).
    this.active = name;
    this.chart = summaryChart(name, plan);
  }

  /** The workbook as a file: the bytes as they came when nothing was written, else exceljs's (with the report's chart). */
  async save(): Promise<Uint8Array> {
    if (!this.changed || !this.book) return this.bytes;
    if (this.active) activate(this.book, this.active);
    const bytes = new Uint8Array(await this.book.xlsx.writeBuffer());
    return this.chart && this.book.getWorksheet(this.chart.sheet) ? addBarChart(bytes, this.chart) : bytes;
  }
}

/** Makes a sheet the one shown and printed when the file is opened (the only one selected). */
function activate(workbook: ExcelJS.Workbook, name: string): void {
  const index = workbook.worksheets.findIndex((s) => s.name === name);
  if (index < 0) return;
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" }];
  for (const sheet of workbook.worksheets) {
    // tabSelected is written by exceljs but missing from its types.
    sheet.views = (sheet.views?.length ? sheet.views : [{}]).map((view) => ({ ...view, tabSelected: sheet.name === name }) as unknown as ExcelJS.WorksheetView);
  }
}

/** Greys of the chart's bars, best symbol first: dark, then white, then light (greyscale-safe). */
function barFills(count: number): string[] {
  if (count <= 2) return ["#595959", "#D9D9D9"].slice(0, count);
  return Array.from({ length: count }, (_, i) => (i === 0 ? "#595959" : i === count - 1 ? "#D9D9D9" : i === 1 ? "#FFFFFF" : "#A6A6A6"));
}

/** The summary's chart: one bar per 分野, stacked by rating symbol, beside the legend (as in Excel). */
function summaryChart(sheet: string, plan: SheetPlan): BarChartSpec {
  const { top, bottom, left, right } = plan.summary;
  const at = (row: number, column: number) => plan.cells.find((c) => c.row === row && c.column === column)?.value;
  const rows = Array.from({ length: bottom - top }, (_, i) => top + 1 + i);
  const columns = Array.from({ length: right - left }, (_, i) => left + 1 + i);
  const fills = barFills(columns.length);
  return {
    sheet,
    // The summary's own heading, the line above it.
    title: String(at(top - 1, 0) ?? ""),
    from: [4, 1],
    to: [plan.columns.length, Math.max(2, top - 1)],
    categories: { column: left, rows: [top + 1, bottom], texts: rows.map((r) => String(at(r, left) ?? "")) },
    series: columns.map((column, i) => ({
      name: String(at(top, column) ?? ""),
      nameRow: top,
      column,
      values: rows.map((r) => Number(at(r, column) ?? 0)),
      fill: fills[i] ?? "#A6A6A6",
    })),
  };
}
