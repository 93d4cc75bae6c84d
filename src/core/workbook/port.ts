import type { ReadOptions, TableRead } from "./table";
import type { SheetPlan } from "../report/plan";
import type { PlanSettings, SettingsRead } from "./settings";

/** A sheet the add-in writes: text cells, optional links to cells of the table. */
export interface SimpleSheet {
  /** The name wanted; a user's sheet of that name is never overwritten (a new name is used). */
  name: string;
  /** Written in A1: it marks the sheet as the add-in's own, so that it may be replaced next time. */
  marker: string;
  columns: { header: string; width: number }[];
  rows: { values: string[]; link?: { column: number; sheet: string; address: string } }[];
}

export interface WorkbookRead {
  table: TableRead;
  settings?: SettingsRead;
}

/**
 * The one small workbook port of the product. Office.js (src/excel) and exceljs (src/xlsx) implement
 * it; the task pane, the CLI and the check use nothing else to reach a workbook.
 */
export interface WorkbookPort {
  /** Reads the progress table and the settings sheet together (the check's one read). */
  read(options?: Omit<ReadOptions, "tableSheet">): Promise<WorkbookRead>;
  /** Reads the progress table, applying the column mapping stored in the settings sheet. */
  readTable(options?: Omit<ReadOptions, "tableSheet">): Promise<TableRead>;
  /** The settings sheet, or undefined when the workbook has none. */
  readSettings(): Promise<SettingsRead | undefined>;
  /** Creates or replaces the settings sheet (hidden). */
  writeSettings(settings: PlanSettings): Promise<void>;
  /** Selects a cell (0-based column, 1-based row) so that the user sees it. */
  selectCell(sheet: string, column: number, sheetRow: number): Promise<void>;
  /** Writes one text cell of the table: the quick fix, the only write to user data. */
  writeCell(sheet: string, column: number, sheetRow: number, text: string): Promise<void>;
  /** Writes (or replaces, when the add-in made it) a sheet such as 「チェック結果」; returns its name. */
  writeSheet(sheet: SimpleSheet): Promise<string>;
  /**
   * Writes the report sheet from its plan (spec/report.md) and returns its name; an earlier report is
   * replaced only if the add-in made it.
   */
  writeReport(plan: SheetPlan): Promise<string>;
  /**
   * Marks cells by severity, as an overlay (conditional formats) that leaves the user's own
   * formatting alone; only where the host can draw one (Excel).
   */
  markCells?(sheet: string, marks: CellMark[]): Promise<void>;
  /** Removes every mark the add-in made, and nothing else. */
  clearMarks?(): Promise<void>;
}

export interface CellMark {
  column: number;
  sheetRow: number;
  severity: "error" | "warning" | "info";
}

/** The name to write a sheet under: the wanted one if free or the add-in's own, else "name (2)" … */
export function sheetNameFor(wanted: string, existing: readonly { name: string; marker: string }[], marker: string): string {
  const taken = (name: string) => existing.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const own = taken(wanted);
  if (!own || own.marker === marker) return wanted;
  for (let n = 2; ; n += 1) {
    const candidate = `${wanted} (${n})`;
    const other = taken(candidate);
    if (!other || other.marker === marker) return candidate;
  }
}
