import type { SheetPlan } from "./report/plan";
import type { RawCell } from "./workbook/cells";
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
  /**
   * Writes several text cells of one sheet in one request (a merge of the departments' answers, its
   * undoing). Every guard (a cell of a written row that must still hold what the preview read: its No.,
   * its title, the value shown as "before") is read first, and nothing is written when one fails
   * (WorkbookError "RowMoved"); on a protected sheet a locked cell refuses the whole write
   * ("CellLocked", naming the cell). A text is written as that text: one the host would read as a formula, a number or a
   * date (typedAsOtherThanText) is written as text; an empty text empties the cell.
   */
  writeCells(sheet: string, cells: readonly CellWrite[], guards?: readonly RowGuard[]): Promise<void>;
  /** The cells of one sheet from A1 (values as read, formulas as their results), or undefined when there is no such sheet. */
  readSheet(name: string): Promise<RawCell[][] | undefined>;
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

/** One text cell of a writeCells request. */
export interface CellWrite {
  /** 0-based column, 1-based row. */
  column: number;
  sheetRow: number;
  text: string;
}

/** A cell of a row (1-based) that must still hold a text before a writeCells. */
export interface RowGuard extends CellGuard {
  sheetRow: number;
}

/** How a text a host would take for a formula starts: =, +, @, or - before something (a lone "-" is a text). */
export const FORMULA_START = /^(?:[=+@]|-\S)/;

/**
 * Whether a host typing this text into a General cell would keep something else than the text: a
 * formula (=, +, @, or - before something), a number (12, -3.5, 1,000, 50%, 1e3), a date or a time
 * (2021/3/31, 4-1, 10:30), a boolean. Such a text is written with the text format first, so that an
 * answer stays the department's words.
 */
export function typedAsOtherThanText(text: string): boolean {
  const t = text.trim();
  if (FORMULA_START.test(text)) return true;
  if (/^[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?%?$/i.test(t)) return true;
  if (/^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$/.test(t) || /^\d{1,2}:\d{2}/.test(t)) return true;
  return /^(?:true|false)$/i.test(t);
}

/** Refuses a write whose guards no longer hold (checkGuards, row by row). */
export function checkRowGuards(guards: readonly RowGuard[], textAt: (column: number, sheetRow: number) => string): void {
  const rows = new Map<number, RowGuard[]>();
  for (const g of guards) rows.set(g.sheetRow, [...(rows.get(g.sheetRow) ?? []), g]);
  for (const [sheetRow, list] of rows) checkGuards(sheetRow, list, (column) => textAt(column, sheetRow));
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
