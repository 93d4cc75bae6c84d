import type { Finding } from "../check/types";
import type { SimpleSheet } from "../port";
import type { RatingScale } from "../rating/scale";
import type { Field } from "../workbook/columns";
import { tableRow, type TableRead, type TableRow } from "../workbook/table";
import { departmentsIn } from "../workbook/departments";
import { earlierAnswers, historyTime, type HistoryEntry } from "./history";
import type { CellChange, MergePlan } from "./merge";
import { rowDepartments, tableDepartments } from "./rows";

/**
 * Who has answered and who must correct (docs/contracts/roundtrip.md, "Status"): per department, its
 * rows, whether its file came back and when — in this merge, or in an earlier one the history records —
 * the cells it changes, its conflicts, and the check's errors and warnings on its rows after the merge.
 */
export interface DepartmentStatus {
  department: string;
  rows: number;
  /** The file taken for it (in this merge, else in an earlier one), and when that file was saved, when it says. */
  file?: string;
  returnedAt?: string;
  /** Answered in an earlier merge (取込履歴): its id, and when it was merged (Japan time, as the history writes it). */
  merge?: string;
  mergedAt?: string;
  changed: number;
  conflicts: number;
  errors: number;
  warnings: number;
}

/** The table as it would read with these changes made (the rating read again on the profile's scale). */
export function tableWithChanges(table: TableRead, changes: readonly CellChange[], scale?: RatingScale): TableRead {
  if (changes.length === 0) return table;
  const byRow = new Map<number, CellChange[]>();
  for (const c of changes) byRow.set(c.sheetRow, [...(byRow.get(c.sheetRow) ?? []), c]);
  const rows = table.rows.map((row): TableRow => {
    const list = byRow.get(row.sheetRow);
    if (!list) return row;
    const value = (field: Field, current: string) => list.find((c) => c.field === field)?.after ?? current;
    return tableRow(
      {
        sheetRow: row.sheetRow,
        category: row.category,
        ...(row.no === undefined ? {} : { no: row.no }),
        ...(row.sub === undefined ? {} : { sub: row.sub }),
        title: row.title,
        department: row.department,
        ratingWritten: value("rating", row.ratingWritten),
        actions: value("actions", row.actions),
        plan: value("plan", row.plan),
        result: value("result", row.result),
        notes: value("notes", row.notes),
        noWritten: row.noWritten,
        subWritten: row.subWritten,
        errors: row.errors,
      },
      scale,
    );
  });
  return { ...table, rows };
}

/**
 * The status of every department of the table, in the order they first appear. A department with no file
 * in this merge whose answer an earlier merge took (the history's entries, that merge not undone) has
 * answered too.
 */
export function departmentStatus(table: TableRead, plan: MergePlan | undefined, findings: readonly Finding[], history: readonly HistoryEntry[] = []): DepartmentStatus[] {
  const earlier = earlierAnswers(history);
  return tableDepartments(table).map((department) => {
    const file = plan?.files.find((f) => f.taken && f.department === department);
    const before = file ? undefined : earlier.get(department);
    const mine = findings.filter((f) => departmentsIn(f.department ?? "").includes(department));
    return {
      department,
      rows: table.rows.filter((r) => rowDepartments(r).includes(department)).length,
      ...(file ? { file: file.file } : before ? { file: before.file, merge: before.merge, mergedAt: before.at } : {}),
      ...(file?.modified ? { returnedAt: file.modified } : {}),
      changed: plan?.changes.filter((c) => c.department.split("、").includes(department)).length ?? 0,
      conflicts: plan?.conflicts.filter((c) => c.department === department).length ?? 0,
      errors: mine.filter((f) => f.severity === "error").length,
      warnings: mine.filter((f) => f.severity === "warning").length,
    };
  });
}

export const STATUS_SHEET = "取込状況";

/** The status as a sheet of the add-in (exported beside the table). */
export function statusSheet(status: readonly DepartmentStatus[], title = "取込状況（計画進捗チェッカーが作成）"): SimpleSheet {
  return {
    name: STATUS_SHEET,
    title,
    columns: [
      { header: "担当課", width: 18 },
      { header: "行数", width: 6 },
      { header: "回答", width: 8 },
      { header: "ファイル", width: 30 },
      { header: "保存日時（日本時間）", width: 18 },
      { header: "取込日時（日本時間）", width: 18 },
      { header: "変更するセル", width: 10 },
      { header: "衝突", width: 6 },
      { header: "エラー", width: 6 },
      { header: "警告", width: 6 },
    ],
    rows: status.map((s) => ({
      values: [
        s.department,
        String(s.rows),
        s.file ? (s.merge ? "あり（取込済）" : "あり") : "未回答",
        s.file ?? "",
        s.returnedAt ? historyTime(s.returnedAt) : "",
        s.mergedAt ?? "",
        String(s.changed),
        String(s.conflicts),
        String(s.errors),
        String(s.warnings),
      ],
    })),
  };
}
