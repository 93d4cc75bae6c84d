import type { SheetPlan } from "./report/plan";
import type { EntryGuard, GuardRange } from "./workbook/guard";
import type { PlanSettings, SettingsRead } from "./workbook/settings";
import type { ReadOptions, TableRead } from "./workbook/table";
import { WorkbookError } from "./workbook/error";

/**
 * What a host can do beyond reading and writing cells and sheets. A shell checks these before it offers
 * a button; an action refuses (WorkbookError "Unsupported") a capability the port lacks.
 */
export interface PortCapabilities {
  /** Marks cells by severity as an overlay the user removes with one button (Excel's conditional formats). */
  readonly marks: boolean;
  /** Sets and removes entry rules (data validation on the rating, plan and results columns). */
  readonly guards: boolean;
  /** Opens a new workbook in the host (Excel's createWorkbook). */
  readonly openWorkbook: boolean;
}

/**
 * The workbook port of the product: primitives only. Office.js (src/excel) and the file adapter
 * (src/xlsx) implement it; every user action (src/core/actions) is written once over it, and keeps the
 * settings' bookkeeping (which sheets, marks and rules the add-in made) itself.
 */
export interface WorkbookPort {
  readonly can: PortCapabilities;
  /**
   * Reads the progress table and the settings sheet together (one read for the check). The table's sheet
   * is chosen by the core's one rule (chooseTableSheet): every port hands it every sheet it may hold,
   * hidden or not, with its visibility.
   */
  read(options?: Omit<ReadOptions, "tableSheet">): Promise<WorkbookRead>;
  /** The settings sheet, or undefined when the workbook has none. */
  readSettings(): Promise<SettingsRead | undefined>;
  /** Creates or replaces the settings sheet (hidden). */
  writeSettings(settings: PlanSettings): Promise<void>;
  /** The names of every sheet of the workbook, hidden ones included (to name a new sheet). */
  sheetNames(): Promise<string[]>;
  /** Selects a cell (0-based column, 1-based row) so that the user sees it. */
  selectCell(sheet: string, column: number, sheetRow: number): Promise<void>;
  /**
   * Writes one text cell of the table (the quick fix). With a guard, the cells of the guard are read
   * first and the write is refused (WorkbookError "RowMoved") when one no longer holds what the check
   * saw: rows may have been inserted since. A cell the host protects is refused with "AccessDenied".
   */
  writeCell(sheet: string, column: number, sheetRow: number, text: string, guard?: readonly CellGuard[]): Promise<void>;
  /** Writes a sheet of the add-in under this name; a sheet of that name (the caller knows it is the add-in's) is replaced. */
  writeSheet(name: string, sheet: SimpleSheet): Promise<void>;
  /** Writes the report sheet from its plan under this name (docs/contracts/report.md), replacing a sheet of that name. */
  writeReport(name: string, plan: SheetPlan): Promise<void>;
  /** Marks cells by severity (can.marks), leaving the user's own formats alone. */
  markCells(sheet: string, marks: readonly CellMark[]): Promise<void>;
  /** Removes every mark the add-in made, and nothing else (can.marks). */
  clearMarks(): Promise<void>;
  /** Sets entry rules (can.guards); a range with a rule of the user's is skipped and returned. */
  setGuards(guard: EntryGuard): Promise<{ set: GuardRange[]; skipped: GuardRange[] }>;
  /** Removes these entry rules where they are still the add-in's (can.guards). */
  clearGuards(ranges: readonly GuardRange[]): Promise<void>;
  /** Opens a new workbook from .xlsx bytes in the host (can.openWorkbook). */
  openWorkbook(bytes: Uint8Array): Promise<void>;
  /** The host's own command asking for a check (Excel's ribbon button): listens to it; returns the unsubscribe. */
  onCheckRequested(listener: () => void): () => void;
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

const CAPABILITY_TEXT: Record<keyof PortCapabilities, { ja: string; en: string }> = {
  marks: { ja: "セルの色付け", en: "Marking cells" },
  guards: { ja: "入力規則の設定", en: "Entry rules" },
  openWorkbook: { ja: "新しいブックを開くこと", en: "Opening a new workbook" },
};

/** The refusal of a capability the host lacks (a port's method for it, or an action that needs it). */
export function unsupported(capability: keyof PortCapabilities): WorkbookError {
  const what = CAPABILITY_TEXT[capability];
  return new WorkbookError("Unsupported", {
    ja: `${what.ja}はここではできません（Excel で開いたアドインで使えます）。`,
    en: `${what.en} is not available here (use the add-in in Excel).`,
  });
}

/** Refuses at once when the port lacks a capability: nothing is read or written first. */
export function requireCapability(port: WorkbookPort, capability: keyof PortCapabilities): void {
  if (!port.can[capability]) throw unsupported(capability);
}
