import type { SheetPlan } from "./report/plan";
import type { EntryGuard, GuardRange } from "./workbook/guard";
import { DEFAULT_SETTINGS, type PlanSettings, type SettingsRead } from "./workbook/settings";
import type { ReadOptions, TableRead } from "./workbook/table";

/**
 * The one small workbook port of the product. Office.js (src/excel) and exceljs (src/xlsx) implement
 * it; the task pane, the CLI and the check reach a workbook through nothing else.
 */
export interface WorkbookPort {
  /** Reads the progress table and the settings sheet together (one read for the check). */
  read(options?: Omit<ReadOptions, "tableSheet">): Promise<WorkbookRead>;
  /** The settings sheet, or undefined when the workbook has none. */
  readSettings(): Promise<SettingsRead | undefined>;
  /** Creates or replaces the settings sheet (hidden). */
  writeSettings(settings: PlanSettings): Promise<void>;
  /** Selects a cell (0-based column, 1-based row) so that the user sees it. */
  selectCell(sheet: string, column: number, sheetRow: number): Promise<void>;
  /**
   * Writes one text cell of the table: the quick fix, the only write to user data. With a guard, the
   * cells of the guard are read first and the write is refused (WorkbookError "RowMoved") when one no
   * longer holds what the check saw: rows may have been inserted since.
   */
  writeCell(sheet: string, column: number, sheetRow: number, text: string, guard?: readonly CellGuard[]): Promise<void>;
  /** Writes (or replaces, when the add-in made it) a sheet such as 「チェック結果」; returns its name. */
  writeSheet(sheet: SimpleSheet): Promise<string>;
  /**
   * Writes the report sheet from its plan (docs/contracts/report.md) and returns its name; an earlier
   * report is replaced only if the add-in made it.
   */
  writeReport(plan: SheetPlan): Promise<string>;
  /**
   * Marks cells by severity, as an overlay (conditional formats) that leaves the user's own
   * formatting alone; only where the host can draw one (Excel).
   */
  markCells?(sheet: string, marks: CellMark[]): Promise<void>;
  /** Removes every mark the add-in made, and nothing else. */
  clearMarks?(): Promise<void>;
  /**
   * Sets entry guards (data validation: the rating drop-down, the input messages); a range that has a
   * rule of the user's is skipped and returned. Recorded in the settings, removable with clearGuards.
   */
  guardEntry?(guard: EntryGuard): Promise<{ skipped: GuardRange[] }>;
  /** Removes the entry guards the add-in set, and nothing else. */
  clearGuards?(): Promise<void>;
  /** Opens a new workbook from .xlsx bytes (Excel: next year's table); absent in file mode. */
  openWorkbook?(bytes: Uint8Array): Promise<void>;
  /** Where the host has a command that asks for a check (Excel's ribbon button): listens to it. */
  onCheckRequested?(listener: () => void): () => void;
}

/** A workbook held in memory (file mode, the CLI): what was changed is saved as a new file. */
export interface FileWorkbookPort extends WorkbookPort {
  /** The workbook with every change made through the port, as .xlsx bytes. */
  save(): Promise<Uint8Array>;
}

export interface WorkbookRead {
  table: TableRead;
  settings?: SettingsRead;
  /**
   * The workbook changed while it was read in several requests (rows inserted or deleted between
   * them): some rows may have been read twice or not at all. The pane says so and asks for a new check.
   */
  changedWhileReading?: boolean;
}

/**
 * Changes the settings as they are in the workbook now, not as the last check saw them: what another
 * change wrote meanwhile (an ignore from a second window, a co-author's profile) is kept.
 */
export async function updateSettings(port: WorkbookPort, change: (current: PlanSettings) => PlanSettings): Promise<PlanSettings> {
  const current = (await port.readSettings())?.settings ?? DEFAULT_SETTINGS;
  const next = change(current);
  await port.writeSettings(next);
  return next;
}

/** A sheet the add-in writes: a title line, a header row, text cells, optional links to cells of the table. */
export interface SimpleSheet {
  /** The name wanted; a user's sheet of that name is never overwritten (a new name is used). */
  name: string;
  /** The first line of the sheet. */
  title: string;
  columns: { header: string; width: number }[];
  rows: { values: string[]; link?: { column: number; sheet: string; address: string } }[];
}

export interface CellMark {
  column: number;
  sheetRow: number;
  severity: "error" | "warning" | "info";
}

/** A cell that must still hold what the check read (the row's No., its title) before a write to its row. */
export interface CellGuard {
  column: number;
  expected: string;
}

import { WorkbookError } from "./workbook/error";

export { WorkbookError };

/** Refuses a write to a row whose guard cells no longer hold what the check read (rows moved since). */
export function checkGuards(sheetRow: number, guards: readonly CellGuard[], textAt: (column: number) => string): void {
  for (const guard of guards) {
    const found = textAt(guard.column).trim();
    if (found === guard.expected.trim()) continue;
    throw new WorkbookError("RowMoved", {
      ja: `${sheetRow}行目の内容がチェックしたときと違います（「${guard.expected}」のはずが「${found}」）。行の挿入や削除があったようです。もう一度チェックしてから直してください。`,
      en: `Row ${sheetRow} no longer holds what was checked ("${guard.expected}", now "${found}"): rows were inserted or deleted. Check again before fixing.`,
    });
  }
}
