import { checkTable, type CheckResult } from "../check/check";
import type { Memo } from "../memo";
import { WorkbookError, type CellWrite, type RowGuard, type WorkbookPort } from "../port";
import { itemsCsv, metricsCsv } from "../roundtrip/csv";
import { answeredEntry, HISTORY_SHEET, type HistoryEntry } from "../roundtrip/history";
import { planMerge, type MergeOptions, type MergePlan, type ReturnedInput } from "../roundtrip/merge";
import { rowKeys } from "../roundtrip/rows";
import { planSplit, type DepartmentForm, type SplitOptions, type SplitPlan } from "../roundtrip/split";
import { departmentStatus, statusSheet, tableWithChanges, type DepartmentStatus } from "../roundtrip/status";
import { rawText, type RawCell } from "../workbook/cells";
import { workbookMeta } from "../workbook/planMeta";
import { cellAddress, type TableRead } from "../workbook/table";
import { readHistory, recordHistory } from "./history";
import { settingsOf } from "./settings";
import { requireTable, writeOwnSheet } from "./sheets";

export { readHistory, recordHistory };

/**
 * The round trip with the departments (docs/contracts/roundtrip.md): send each department its rows,
 * take the answers back, know who has not answered, undo a merge; and the table as open data (CSV).
 * The master changes only through the port, after what it held is recorded in the 「取込履歴」 sheet.
 */

/** Builds the department files (src/xlsx/departmentWorkbook.ts): one .xlsx per form. */
export type FormMaker = (forms: readonly DepartmentForm[], options: { password?: string }) => Promise<Uint8Array[]>;

export interface SplitRequest extends Omit<SplitOptions, "findings"> {
  /** A password for the sheets' protection (none by default: the protection guards against slips). */
  password?: string;
  /** Only these departments (else every one). */
  departments?: readonly string[];
}

export interface DepartmentFile {
  department: string;
  name: string;
  bytes: Uint8Array;
  rows: number;
}

export interface SplitResult {
  plan: SplitPlan;
  files: DepartmentFile[];
}

const FORMS = { ja: "課ごとの調書", en: "department forms" };

/**
 * 「課ごとの調書を作る」: one file per department, each with the findings of a check run now beside its
 * rows. Writes nothing to the master; the shell opens (Excel), downloads (file mode) or writes (CLI) them.
 */
export async function splitByDepartment(port: WorkbookPort, make: FormMaker, request: SplitRequest = {}): Promise<SplitResult> {
  const read = await port.read();
  const table = requireTable(read, FORMS);
  const settings = settingsOf(read);
  const { meta } = workbookMeta(table, settings);
  const { password, departments, ...options } = request;
  const findings = checkTable(table, { settings }).findings;
  const plan = planSplit(table, settings, meta, { ...options, findings });
  const forms = departments ? plan.forms.filter((f) => departments.includes(f.department)) : plan.forms;
  const bytes = await make(forms, password ? { password } : {});
  return {
    plan,
    files: forms.map((form, i) => ({ department: form.department, name: form.fileName, bytes: bytes[i] ?? new Uint8Array(), rows: form.rows.filter((r) => r.role === "own").length })),
  };
}

export interface MergePreview {
  plan: MergePlan;
  /** Per department: rows, answered or not, cells changed, conflicts, the check's errors and warnings after the merge. */
  status: DepartmentStatus[];
  /** The check of the table as it would be after the merge. */
  after: CheckResult;
  /** The table's sheet, as read for the preview. */
  sheet: string;
}

/**
 * 「調書を取り込む」, first step: what each returned file would change, every conflict, and the status
 * after (departments whose answers an earlier merge took, as 取込履歴 records, have answered). Writes nothing.
 */
export async function previewMerge(port: WorkbookPort, files: readonly ReturnedInput[], options: MergeOptions = {}): Promise<MergePreview> {
  const read = await port.read();
  const table = requireTable(read, { ja: "調書の取り込み", en: "the merge" });
  const settings = settingsOf(read);
  const { meta } = workbookMeta(table, settings);
  const plan = planMerge({ table, meta, ...(settings.profile.scale ? { scale: settings.profile.scale } : {}) }, files, options);
  const after = checkTable(tableWithChanges(table, plan.changes, settings.profile.scale), { settings });
  const { entries } = await readHistory(port);
  return { plan, status: departmentStatus(table, plan, after.findings, entries), after, sheet: table.sheet };
}

const CHANGED = () =>
  new WorkbookError("RowMoved", {
    ja: "プレビューのあとで表が変わりました（行の挿入・削除や、セルの変更）。もう一度プレビューしてから取り込んでください。",
    en: "The table changed after the preview (rows inserted or deleted, cells edited). Preview again before applying.",
  });

/** The guards of a row: its No. and title as the preview read them. */
function rowGuards(table: TableRead, sheetRow: number): RowGuard[] {
  const row = table.rows.find((r) => r.sheetRow === sheetRow);
  const guards: RowGuard[] = [];
  if (row && table.columns.no !== undefined) guards.push({ sheetRow, column: table.columns.no, expected: row.noWritten });
  if (row && table.columns.title !== undefined) guards.push({ sheetRow, column: table.columns.title, expected: row.title });
  return guards;
}

export interface Applied {
  id: string;
  cells: number;
  /** The history sheet's name. */
  history: string;
}

/** The exact text of a cell of a sheet as read (a text may end with a line feed: nothing is trimmed). */
const exactText = (grid: readonly (readonly RawCell[] | undefined)[], column: number, sheetRow: number) => rawText(grid[sheetRow - 1]?.[column]);

/**
 * 「取り込む」: makes the preview's changes in the master. The table is read again and must still hold
 * what the preview showed (each row's No. and title, each cell's value before); the values it holds are
 * recorded in the 「取込履歴」 sheet first, then the cells are written in one request of the port. A
 * department whose answer was taken and changes no cell gets one row too (「（変更なし）」), so that the
 * status of a later merge knows it answered.
 */
export async function applyMerge(port: WorkbookPort, preview: MergePreview, options: { at?: string } = {}): Promise<Applied> {
  const { changes, id } = preview.plan;
  const read = await port.read();
  const table = requireTable(read, { ja: "調書の取り込み", en: "the merge" });
  if (table.sheet !== preview.sheet) throw CHANGED();
  const keys = rowKeys(table);
  for (const change of changes) {
    const row = table.rows.find((r) => r.sheetRow === change.sheetRow);
    const now = row && change.column === table.columns[change.field] ? rawText(exactValue(row, change.field)) : undefined;
    if (!row || keys.get(row.sheetRow) !== change.key || now?.trim() !== change.before.trim()) throw CHANGED();
  }
  const grid = (await port.readSheet(table.sheet)) ?? [];
  const at = options.at ?? new Date().toISOString();
  const entries: HistoryEntry[] = changes.map((c) => ({
    at,
    action: "merge",
    merge: id,
    department: c.department,
    file: c.file,
    item: c.item,
    column: c.header,
    cell: cellAddress(c.column, c.sheetRow),
    before: exactText(grid, c.column, c.sheetRow),
    after: c.after,
  }));
  const changed = new Set(changes.flatMap((c) => c.department.split("、")));
  for (const file of preview.plan.files) {
    if (file.taken && file.department && !changed.has(file.department)) entries.push(answeredEntry(at, id, file.department, file.file));
  }
  const history = entries.length > 0 ? await recordHistory(port, entries) : HISTORY_SHEET;
  const guards = [...new Set(changes.map((c) => c.sheetRow))].flatMap((r) => rowGuards(table, r));
  guards.push(...changes.map((c) => ({ sheetRow: c.sheetRow, column: c.column, expected: c.before })));
  const first = changes[0];
  if (first) {
    await port.writeCells(table.sheet, changes.map((c): CellWrite => ({ column: c.column, sheetRow: c.sheetRow, text: c.after })), guards);
    // Writing the history showed its sheet (Excel activates a sheet it writes): back to the table.
    await port.selectCell(table.sheet, first.column, first.sheetRow);
  }
  return { id, cells: changes.length, history };
}

/** A row's field as the check read it (what a preview's "before" is compared with). */
function exactValue(row: TableRead["rows"][number], field: MergePlan["changes"][number]["field"]): string {
  return field === "rating" ? row.ratingWritten : row[field];
}

export interface Undone {
  id: string;
  restored: number;
  /** Cells changed again since the merge: left as they are, said. */
  kept: { item: string; column: string; cell: string; now: string; merged: string }[];
}

/** "F12" → 0-based column and 1-based row. */
function parseAddress(address: string): { column: number; sheetRow: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  const column = [...(m[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { column, sheetRow: Number(m[2]) };
}

/**
 * Undoes a merge from the history: each cell it changed that still holds what the merge wrote gets back
 * what it held before; a cell changed since is left and said. The undoing is recorded in the history
 * first (「取込の取消」), then written. A row moved since (rows inserted above) is found by its item.
 */
export async function undoMerge(port: WorkbookPort, id: string, options: { at?: string } = {}): Promise<Undone> {
  const { entries, merges } = await readHistory(port);
  const merge = merges.find((m) => m.id === id);
  if (!merge) throw new WorkbookError("NothingToUndo", { ja: `取込 ${id} は取込履歴にありません。`, en: `Merge ${id} is not in the history.` });
  if (merge.undone) throw new WorkbookError("NothingToUndo", { ja: `取込 ${id} はすでに取り消されています。`, en: `Merge ${id} was undone already.` });
  const read = await port.read();
  const table = requireTable(read, { ja: "取込の取消", en: "the undo" });
  const grid = (await port.readSheet(table.sheet)) ?? [];
  const at = options.at ?? new Date().toISOString();
  const writes: CellWrite[] = [];
  const guards: RowGuard[] = [];
  const undo: HistoryEntry[] = [];
  const kept: Undone["kept"] = [];
  for (const entry of entries.filter((e) => e.action === "merge" && e.merge === id).reverse()) {
    const address = parseAddress(entry.cell);
    if (!address) continue;
    // The row the merge wrote, or the row of its item now (rows inserted or deleted since).
    const same = table.rows.find((r) => r.sheetRow === address.sheetRow && r.item === entry.item);
    const moved = same ? undefined : table.rows.find((r) => r.item === entry.item);
    const sheetRow = (same ?? moved)?.sheetRow;
    const now = sheetRow === undefined ? undefined : exactText(grid, address.column, sheetRow);
    if (sheetRow === undefined || now === undefined || now.trim() !== entry.after.trim()) {
      if (now?.trim() !== entry.before.trim()) kept.push({ item: entry.item, column: entry.column, cell: entry.cell, now: now ?? "", merged: entry.after });
      continue;
    }
    writes.push({ column: address.column, sheetRow, text: entry.before });
    guards.push({ sheetRow, column: address.column, expected: now }, ...rowGuards(table, sheetRow));
    undo.push({ ...entry, at, action: "undo", cell: cellAddress(address.column, sheetRow), before: now, after: entry.before });
  }
  // An undo with nothing left to restore is recorded too: the merge is then undone.
  await recordHistory(
    port,
    undo.length > 0 ? undo : [{ at, action: "undo", merge: id, department: merge.departments.join("、"), file: "", item: "", column: "", cell: "", before: "", after: "" }],
  );
  const first = writes[0];
  if (first) {
    await port.writeCells(table.sheet, writes, guards);
    await port.selectCell(table.sheet, first.column, first.sheetRow);
  }
  return { id, restored: writes.length, kept };
}

/** Writes the status as the 「取込状況」 sheet of the add-in; returns its name. */
export async function exportStatus(port: WorkbookPort, status: readonly DepartmentStatus[]): Promise<{ sheet: string }> {
  return { sheet: await writeOwnSheet(port, statusSheet(status)) };
}

export interface CsvExport {
  /** One row per item and sub-item (UTF-8 with BOM when encoded). */
  items: string;
  /** The metrics read, one row each. */
  metrics: string;
  rows: number;
}

/** 「CSV で書き出す」: the table and the metrics read, as two CSV texts (docs/contracts/roundtrip.md, "CSV"). Writes nothing. */
export async function exportCsv(port: WorkbookPort, memo?: Memo): Promise<CsvExport> {
  const read = await port.read();
  const table = requireTable(read, { ja: "CSV", en: "CSV" });
  const settings = settingsOf(read);
  const { findings } = checkTable(table, { settings, ...(memo ? { memo } : {}) });
  const grid = (await port.readSheet(table.sheet)) ?? [];
  return { items: itemsCsv(table, findings, grid), metrics: metricsCsv(table, memo), rows: table.rows.length };
}
