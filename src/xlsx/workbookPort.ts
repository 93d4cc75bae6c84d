import { rawText, type RawCell, type SheetGrid } from "../core/workbook/cells";
import { type EntryGuard, type GuardRange } from "../core/workbook/guard";
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
import { SETTINGS_SHEET, settingsFromRows, settingsToRows, type PlanSettings, type SettingsRead } from "../core/workbook/settings";
import { cellAddress, readTable, type ReadOptions } from "../core/workbook/table";
import { MAX_TABLE_ROWS, tableTooLong } from "../core/workbook/limits";
import { readXlsx, readXlsxAsync, type ReadOptions as XlsxReadOptions, type SheetRead, type XlsxRead } from "./reader";
import type { OwnSheet } from "./ownSheets";

export type { AsyncInflater, Inflater } from "./zip";
export { streamInflater } from "./streamInflate";
// The round trip's files, reached by the shells through this entry point of the file adapter.
export { readReturnedFile } from "./returnedFile";
export { departmentWorkbooks, filesZip } from "./departmentWorkbook";

/** The writers (exceljs, the package graft), loaded the first time something is written. */
const writer = () => import(/* webpackChunkName: "xlsx-write" */ "./writer");

/** A sheet of the read model that holds these rows (what a write put there). */
function sheetOf(name: string, rows: SheetRead["rows"], hidden = false): SheetRead {
  return { name, rows, hidden, hasTable: false, usedRows: rows.length, usedColumns: Math.max(0, ...rows.map((r) => r.length)), merges: [] };
}

/**
 * The workbook port over an .xlsx file: file mode and the CLI. It reads with the bounded reader
 * (reader.ts: the cells the file holds, nothing evaluated) and writes into the user's package without
 * re-writing it (package/): the add-in's sheets are built in a package of their own and grafted in, a
 * quick fix patches its one cell, entry rules edit only the rules of their sheet — every other part of
 * the user's stays as it was stored, byte for byte. Each write is applied to the package at once (so a
 * refusal is said at the write) and mirrored in the read model, so that the next read sees it.
 */
export class XlsxWorkbookPort implements FileWorkbookPort {
  readonly can: PortCapabilities = { marks: false, guards: true, openWorkbook: false };
  /** The cell last selected, for the file-mode table view. */
  selected?: { sheet: string; column: number; sheetRow: number };

  private constructor(
    /** The package as it is now: the user's, with every change made through the port. */
    private bytes: Uint8Array,
    private model: XlsxRead,
    private readonly options: XlsxReadOptions,
  ) {}

  /** Reads an .xlsx; refuses what is not one, is encrypted or too large, with an XlsxReadError. */
  static async load(data: ArrayBuffer | Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxWorkbookPort> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const inflateAsync = options.inflateAsync;
    return new XlsxWorkbookPort(bytes, inflateAsync ? await readXlsxAsync(bytes, { ...options, inflateAsync }) : readXlsx(bytes, options), options);
  }

  /** A workbook built in memory (tests, generated samples), read as its file would be. */
  static async fromWorkbook(workbook: { xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> } }): Promise<XlsxWorkbookPort> {
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

  async read(options: ReadOptions = {}): Promise<WorkbookRead> {
    const settings = await this.readSettings();
    const mapping = options.mapping ?? settings?.settings.mapping;
    const scale = settings?.settings.profile.scale;
    const fiscalYear = settings?.settings.meta.fiscalYear;
    // The year saved in the settings picks a year grid's columns; an option given for this read wins.
    const table = readTable(this.grids(), { ...(fiscalYear === undefined ? {} : { fiscalYear }), ...options, ...(mapping ? { mapping } : {}), ...(scale ? { scale } : {}) });
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
    await this.graft({ kind: "settings", rows });
    this.mirror(sheetOf(SETTINGS_SHEET, rows.map((row) => [...row]), true));
  }

  async selectCell(sheet: string, column: number, sheetRow: number): Promise<void> {
    if (!this.model.sheets.some((s) => s.name === sheet)) return;
    this.selected = { sheet, column, sheetRow };
  }

  /** The quick fix: one cell's XML replaced in its sheet (its style kept); every other byte stays. */
  async writeCell(sheet: string, column: number, sheetRow: number, text: string, guard: readonly CellGuard[] = []): Promise<void> {
    const read = this.model.sheets.find((s) => s.name === sheet);
    if (!read) throw new WorkbookError("ItemNotFound", { ja: `シート「${sheet}」が見つかりません`, en: `Sheet "${sheet}" not found` });
    checkGuards(sheetRow, guard, (c) => rawText(read.rows[sheetRow - 1]?.[c]));
    // Formulas that read the cell keep stale results in the file: the workbook asks to be recalculated when opened.
    const { patchCells } = await writer();
    this.bytes = patchCells(this.bytes, [{ sheet, cell: cellAddress(column, sheetRow), text }], { ...this.options, recalc: "always" }).bytes;
    (read.rows[sheetRow - 1] ??= [])[column] = text;
  }

  /**
   * Several text cells in one write (a merge, its undoing): every guard checked on the read model first,
   * nothing written when one fails; each cell's XML replaced in its sheet (its style kept) as a text cell,
   * never a formula, an empty text emptying the cell; mirrored in the read model. Every other byte stays.
   */
  async writeCells(sheet: string, cells: readonly CellWrite[], guards: readonly RowGuard[] = []): Promise<void> {
    const read = this.model.sheets.find((s) => s.name === sheet);
    if (!read) throw new WorkbookError("ItemNotFound", { ja: `シート「${sheet}」が見つかりません`, en: `Sheet "${sheet}" not found` });
    checkRowGuards(guards, (column, sheetRow) => rawText(read.rows[sheetRow - 1]?.[column]));
    if (cells.length === 0) return;
    const { patchCells } = await writer();
    const edits = cells.map(({ column, sheetRow, text }) => ({ sheet, cell: cellAddress(column, sheetRow), text }));
    this.bytes = patchCells(this.bytes, edits, { ...this.options, recalc: "always" }).bytes;
    for (const { column, sheetRow, text } of cells) (read.rows[sheetRow - 1] ??= [])[column] = text === "" ? null : text;
  }

  /**
   * The cells of one sheet: as read from the file, or, for a sheet of the add-in's written since (the read
   * model keeps its name only), as the package now holds it, read again by the same reader.
   */
  async readSheet(name: string): Promise<RawCell[][] | undefined> {
    const read = this.model.sheets.find((s) => s.name === name);
    if (!read) return undefined;
    if (read.rows.length > 0) return read.rows;
    return readXlsx(this.bytes, this.options).sheets.find((s) => s.name === name)?.rows ?? read.rows;
  }

  async writeSheet(name: string, sheet: SimpleSheet): Promise<void> {
    await this.graft({ kind: "simple", name, sheet });
    // The add-in's own sheets are never read as a table: the read model keeps their name only.
    this.mirror(sheetOf(name, []));
  }

  async writeReport(name: string, plan: SheetPlan): Promise<void> {
    await this.graft({ kind: "report", name, plan });
    this.mirror(sheetOf(name, []));
  }

  /** Entry guards as data validation on their sheets' parts alone; a range with a rule of the user's is skipped. */
  async setGuards(guard: EntryGuard): Promise<{ set: GuardRange[]; skipped: GuardRange[] }> {
    const { setEntryRules } = await writer();
    const result = setEntryRules(this.bytes, guard, this.options);
    this.bytes = result.bytes;
    return { set: result.set, skipped: result.skipped };
  }

  /** Removes the add-in's entry rules (by their title) from the sheets of these ranges. */
  async clearGuards(ranges: readonly GuardRange[]): Promise<void> {
    const sheets = [...new Set(ranges.map((g) => g.sheet))].filter((name) => this.model.sheets.some((s) => s.name === name));
    if (sheets.length === 0) return;
    const { removeEntryRules } = await writer();
    this.bytes = removeEntryRules(this.bytes, sheets, this.options).bytes;
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

  /**
   * The workbook as a file: the user's package with every change made through the port. A copy: the caller
   * may hand it on (a worker transfers it to the page), and the port goes on working on its own.
   */
  async save(): Promise<Uint8Array> {
    return this.bytes.slice();
  }

  /**
   * Grafts one sheet of the add-in's into the package: built by exceljs in a package of its own, a sheet
   * of that name (the caller knows it is the add-in's) replaced with every part only it used.
   */
  private async graft(own: OwnSheet): Promise<void> {
    const { graftSheets, ownPackage, ownSheetName } = await writer();
    const name = ownSheetName(own);
    const exists = this.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
    const ours = await ownPackage([own]);
    this.bytes = graftSheets(this.bytes, ours, { ...this.options, replace: exists ? [name] : [] }).bytes;
  }

  /** Replaces (or adds) a sheet of the read model after a write. */
  private mirror(sheet: SheetRead): void {
    const sheets = this.model.sheets.filter((s) => s.name.toLowerCase() !== sheet.name.toLowerCase());
    this.model = { ...this.model, sheets: [...sheets, sheet] };
  }
}
