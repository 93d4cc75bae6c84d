import type { ReadOptions, TableRead } from "./table";
import type { PlanSettings, SettingsRead } from "./settings";

/**
 * The one small workbook port of the product. Office.js (src/excel) and exceljs (src/xlsx) implement
 * it; the task pane, the CLI and the check use nothing else to reach a workbook.
 */
export interface WorkbookPort {
  /** Reads the progress table, applying the column mapping stored in the settings sheet. */
  readTable(options?: Omit<ReadOptions, "tableSheet">): Promise<TableRead>;
  /** The settings sheet, or undefined when the workbook has none. */
  readSettings(): Promise<SettingsRead | undefined>;
  /** Creates or replaces the settings sheet (hidden). */
  writeSettings(settings: PlanSettings): Promise<void>;
  /** Selects a cell (0-based column, 1-based row) so that the user sees it. */
  selectCell(sheet: string, column: number, sheetRow: number): Promise<void>;
}
