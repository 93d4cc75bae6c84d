import type { SimpleSheet } from "../port";
import { rawText, type RawCell } from "../workbook/cells";

/**
 * The 「取込履歴」 sheet (docs/contracts/roundtrip.md, "History"): every change the add-in makes to the
 * table — a merge of the departments' answers, its undoing, a quick fix of a rating — one row per cell,
 * with when, what, who answered, from which file, and the value before and after. A reviewer or the
 * committee reads who changed which rating, when, from what; the pane undoes a merge from it.
 */
export const HISTORY_SHEET = "取込履歴";

export type HistoryAction = "merge" | "undo" | "fix";

const ACTION_JA: Record<HistoryAction, string> = { merge: "取込", undo: "取込の取消", fix: "評価の修正" };

export interface HistoryEntry {
  /** ISO 8601. */
  at: string;
  action: HistoryAction;
  /** The merge's id (an undo names the merge it undoes); empty for a quick fix. */
  merge: string;
  department: string;
  file: string;
  /** The item label. */
  item: string;
  /** The column's header as the table writes it. */
  column: string;
  /** "F12". */
  cell: string;
  before: string;
  after: string;
}

const COLUMNS: { key: keyof HistoryEntry; header: string; width: number }[] = [
  { key: "at", header: "日時", width: 18 },
  { key: "action", header: "操作", width: 10 },
  { key: "merge", header: "取込ID", width: 18 },
  { key: "department", header: "担当課", width: 16 },
  { key: "file", header: "ファイル", width: 28 },
  { key: "item", header: "項目", width: 6 },
  { key: "column", header: "列", width: 18 },
  { key: "cell", header: "セル", width: 8 },
  { key: "before", header: "変更前", width: 40 },
  { key: "after", header: "変更後", width: 40 },
];

/**
 * "2021-05-14T01:30:00.000Z" as the sheet writes it: the time in Japan, to the second. Every time the
 * round trip shows (the history, the status, the notes, the merge's id) is Japan time, and says so.
 */
export function historyTime(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(iso)) return iso;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const jst = new Date(at.getTime() + 9 * 3600_000).toISOString();
  return `${jst.slice(0, 10)} ${jst.slice(11, 19)}`;
}

/** The sheet of these entries, oldest first. Every cell is text: a value "=1+1" stays a text. */
export function historySheet(entries: readonly HistoryEntry[], name = HISTORY_SHEET): SimpleSheet {
  return {
    name,
    title:
      "取込履歴（計画進捗チェッカーが記録: 表への変更ごとに 1 行、変更のない回答は「（変更なし）」の 1 行、日時は日本時間） / Changes made to the table by the add-in, and answers taken without a change (times in Japan time)",
    columns: COLUMNS.map((c) => ({ header: c.header, width: c.width })),
    rows: entries.map((e) => ({
      values: COLUMNS.map((c) => (c.key === "action" ? ACTION_JA[e.action] : c.key === "at" ? historyTime(e.at) : String(e[c.key]))),
    })),
  };
}

/** The entries of the sheet as written (its header row found by its texts), oldest first. */
export function historyFromRows(rows: readonly (readonly RawCell[] | undefined)[]): HistoryEntry[] {
  const headerIndex = rows.findIndex((row) => rawText(row?.[0]).trim() === COLUMNS[0]?.header && rawText(row?.[1]).trim() === COLUMNS[1]?.header);
  if (headerIndex < 0) return [];
  const header = (rows[headerIndex] ?? []).map((c) => rawText(c).trim());
  const columnOf = new Map(COLUMNS.map((c) => [c.key, header.indexOf(c.header)]));
  const actions = new Map(Object.entries(ACTION_JA).map(([k, v]) => [v, k as HistoryAction]));
  const entries: HistoryEntry[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    // The before and after are kept exactly as written (a text may end with a line feed).
    const text = (key: keyof HistoryEntry) => {
      const column = columnOf.get(key) ?? -1;
      return column < 0 ? "" : rawText(row?.[column]);
    };
    const action = actions.get(text("action").trim());
    if (!action) continue;
    entries.push({
      at: text("at").trim(),
      action,
      merge: text("merge").trim(),
      department: text("department").trim(),
      file: text("file").trim(),
      item: text("item").trim(),
      column: text("column").trim(),
      cell: text("cell").trim(),
      before: text("before"),
      after: text("after"),
    });
  }
  return entries;
}

/**
 * The 列 of a history row that records an answer taken with no cell to change (its 項目 and セル empty):
 * the department answered, and the status counts it as answered.
 */
export const ANSWERED_UNCHANGED = "（変更なし）";

/** A history row for a department whose answer was taken and changes no cell. */
export function answeredEntry(at: string, merge: string, department: string, file: string): HistoryEntry {
  return { at, action: "merge", merge, department, file, item: "", column: ANSWERED_UNCHANGED, cell: "", before: "", after: "" };
}

/** What the history says a department answered, by the latest merge not undone. */
export interface EarlierAnswer {
  merge: string;
  /** When it was merged, in Japan time as the sheet writes it. */
  at: string;
  file: string;
}

/** Each department's answer taken by a merge the history records and no undo took back: the latest. */
export function earlierAnswers(entries: readonly HistoryEntry[]): Map<string, EarlierAnswer> {
  const undone = new Set(entries.filter((e) => e.action === "undo").map((e) => e.merge));
  const answers = new Map<string, EarlierAnswer>();
  for (const e of entries) {
    if (e.action !== "merge" || !e.merge || undone.has(e.merge)) continue;
    const departments = e.department.split("、");
    const files = e.file.split("、");
    departments.forEach((department, i) => {
      if (!department) return;
      const file = (departments.length === files.length ? files[i] : e.file) ?? "";
      answers.set(department, { merge: e.merge, at: historyTime(e.at), file });
    });
  }
  return answers;
}

export interface MergeRecord {
  id: string;
  at: string;
  departments: string[];
  files: string[];
  cells: number;
  /** The merge was undone (an undo names it). */
  undone: boolean;
}

/** The merges the history records, newest first, each with whether it was undone. */
export function mergesOf(entries: readonly HistoryEntry[]): MergeRecord[] {
  const undone = new Set(entries.filter((e) => e.action === "undo").map((e) => e.merge));
  const merges = new Map<string, MergeRecord>();
  for (const e of entries) {
    if (e.action !== "merge" || !e.merge) continue;
    const record = merges.get(e.merge) ?? { id: e.merge, at: e.at, departments: [], files: [], cells: 0, undone: undone.has(e.merge) };
    if (e.cell) record.cells += 1;
    for (const d of e.department.split("、")) if (d && !record.departments.includes(d)) record.departments.push(d);
    for (const f of e.file.split("、")) if (f && !record.files.includes(f)) record.files.push(f);
    merges.set(e.merge, record);
  }
  return [...merges.values()].reverse();
}

/** The name of the history sheet among the add-in's own sheets (「取込履歴」, or 「取込履歴 (2)」 beside a user's sheet). */
export function historySheetName(generated: readonly string[]): string | undefined {
  return generated.find((n) => n === HISTORY_SHEET) ?? generated.find((n) => /^取込履歴 \(\d+\)$/.test(n));
}
