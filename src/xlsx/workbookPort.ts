import type ExcelJS from "exceljs";
import { rawText, type RawCell, type SheetGrid } from "../core/workbook/cells";
import { GUARD_TITLE, type EntryGuard, type GuardRange } from "../core/workbook/guard";
import { WorkbookError, checkGuards, type CellGuard, type FileWorkbookPort, type SimpleSheet, type WorkbookRead } from "../core/port";
import type { SheetPlan } from "../core/report/plan";
import { sheetNameFor, withGeneratedSheet } from "../core/workbook/sheets";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsFromRows, settingsToRows, type PlanSettings, type SettingsRead, type SettingsRow } from "../core/workbook/settings";
import { MAX_TABLE_ROWS, tableTooLong } from "../core/workbook/limits";
import { readTable, type ReadOptions } from "../core/workbook/table";
import { readXlsx, type ReadOptions as XlsxReadOptions, type SheetRead, type XlsxRead } from "./reader";
import { addBarChart, type BarChartSpec } from "./chart";
import { READ_ERRORS } from "./zip";

/** Raised when the bytes are not an .xlsx workbook: the reader's refusals (zip.ts), one class. */
export { XlsxReadError as NotXlsxError } from "./zip";
export type { Inflater } from "./zip";

/** Loads a workbook into exceljs, to write it: only bytes the reader (reader.ts) accepted reach here. */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import(/* webpackChunkName: "xlsx-write" */ "exceljs");
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
  /** The cell last selected, for the file-mode table view. */
  selected?: { sheet: string; column: number; sheetRow: number };
  private book?: ExcelJS.Workbook;
  private changed = false;
  /** The report's chart, added to the file when it is saved (exceljs writes no charts). */
  private chart?: BarChartSpec;

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

  /** The grids of the sheets a user keeps data on (the settings sheet aside). */
  grids(): SheetGrid[] {
    return this.model.sheets.filter((s) => s.name !== SETTINGS_SHEET);
  }

  /** The workbook in exceljs, loaded once, to write. */
  async workbook(): Promise<ExcelJS.Workbook> {
    this.book ??= await loadWorkbook(this.bytes);
    return this.book;
  }

  async read(options: Omit<ReadOptions, "tableSheet"> = {}): Promise<WorkbookRead> {
    const settings = await this.readSettings();
    const mapping = options.mapping ?? settings?.settings.mapping;
    const tableSheet = this.model.sheets.find((s) => s.name !== SETTINGS_SHEET && s.hasTable)?.name;
    const scale = settings?.settings.profile.scale;
    const table = readTable(this.grids(), { ...options, ...(mapping ? { mapping } : {}), ...(tableSheet ? { tableSheet } : {}), ...(scale ? { scale } : {}) });
    const lastRow = table.rows[table.rows.length - 1]?.sheetRow ?? 0;
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

  /** Replaces (or adds) a sheet of the read model after a write. */
  private mirror(sheet: SheetRead): void {
    const sheets = this.model.sheets.filter((s) => s.name !== sheet.name);
    this.model = { ...this.model, sheets: [...sheets, sheet] };
    this.changed = true;
  }

  /**
   * Adds a sheet of the add-in, built aside and added when complete: the wanted name, or a new one when
   * a user's sheet has it; an earlier sheet of the add-in's is replaced. The settings sheet records it.
   */
  private async addOwnSheet(wanted: string, render: (sheet: ExcelJS.Worksheet) => void | Promise<void>): Promise<string> {
    const workbook = await this.workbook();
    const settings = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
    const name = sheetNameFor(wanted, workbook.worksheets.map((s) => s.name), settings.generated ?? []);
    // Built under a temporary name: a failure leaves the workbook as it was.
    const sheet = workbook.addWorksheet(`~${Date.now().toString(36)}`);
    try {
      await render(sheet);
    } catch (error) {
      workbook.removeWorksheet(sheet.id);
      throw error;
    }
    const old = workbook.getWorksheet(name);
    if (old) workbook.removeWorksheet(old.id);
    sheet.name = name;
    // The add-in's own sheets are never read as a table: the read model keeps their name only.
    this.mirror(sheetOf(name, []));
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

  /** Entry guards as exceljs data validation, per cell; a cell with a rule of the user's skips its range. */
  async guardEntry(guard: EntryGuard): Promise<{ skipped: GuardRange[] }> {
    await this.clearGuards();
    const workbook = await this.workbook();
    const current = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
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
    await this.writeSettings({ ...current, guards: set });
    return { skipped };
  }

  /** Removes the guards the settings record, where they are still the add-in's. */
  async clearGuards(): Promise<void> {
    const current = (await this.readSettings())?.settings;
    if (!current?.guards?.length) return;
    const workbook = await this.workbook();
    for (const g of current.guards) {
      const sheet = workbook.getWorksheet(g.sheet);
      for (let row = g.first; sheet && row <= g.last; row += 1) {
        const cell = sheet.getCell(row, g.column + 1);
        // exceljs keeps a sheet's rules in one model by address; its remove() leaves an empty rule behind.
        if (cell.dataValidation?.promptTitle === GUARD_TITLE) delete (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model[cell.address];
      }
    }
    await this.writeSettings({ ...current, guards: [] });
  }

  async writeReport(plan: SheetPlan): Promise<string> {
    const { renderPlan } = await import(/* webpackChunkName: "xlsx-write" */ "./report");
    const name = await this.addOwnSheet(plan.name, (sheet) => renderPlan(sheet, plan));
    // Opened, the file shows the report, and printing it prints the report (its print area is set).
    const workbook = await this.workbook();
    const index = workbook.worksheets.findIndex((s) => s.name === name);
    workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, index), visibility: "visible" }];
    for (const sheet of workbook.worksheets) {
      // tabSelected is written by exceljs but missing from its types.
      sheet.views = (sheet.views?.length ? sheet.views : [{}]).map((view) => ({ ...view, tabSelected: sheet.name === name }) as unknown as ExcelJS.WorksheetView);
    }
    this.chart = summaryChart(name, plan);
    return name;
  }

  /** The workbook as a file: the bytes as they came when nothing was written, else exceljs's (with the report's chart). */
  async save(): Promise<Uint8Array> {
    if (!this.changed || !this.book) return this.bytes;
    const bytes = new Uint8Array(await this.book.xlsx.writeBuffer());
    return this.chart && this.book.getWorksheet(this.chart.sheet) ? addBarChart(bytes, this.chart) : bytes;
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
