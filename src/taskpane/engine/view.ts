import type { CheckRun } from "../../core/actions/check";
import type { YearComparison } from "../../core/actions/compare";
import { ratingFixOf, type RatingFix } from "../../core/actions/fix";
import type { CheckSummary } from "../../core/check/check";
import { departmentsOf } from "../../core/check/export";
import type { Finding } from "../../core/check/types";
import type { DiffResult } from "../../core/diff/diff";
import { summarizeTable, type TableRead, type TableRow, type TableSummary } from "../../core/workbook/table";

/**
 * What the pane draws of a table: a row's place, number, rating, title and department. The texts it
 * does not show (実施内容, 当初予定, 取組実績, 備考) stay with the engine, so that a table of fifty
 * thousand rows reaches the pane in a few megabytes.
 */
export interface PaneRow {
  sheetRow: number;
  kind: TableRow["kind"];
  item: string;
  sub?: number;
  parent?: string;
  category: string;
  title: string;
  /** A sub-item without a title of its own: its parent's (looked up once, by a map). */
  parentTitle?: string;
  department: string;
  rating: string;
}

export interface PaneTable extends Omit<TableRead, "rows"> {
  rows: PaneRow[];
}

/** A workbook as opened: the table read and its counts. */
export interface OpenedView {
  table: PaneTable;
  summary: TableSummary;
}

/** A check as the pane shows it: the run without the texts it does not draw. */
export interface PaneRun extends Omit<CheckRun, "table" | "result"> {
  table: PaneTable;
  tableSummary: TableSummary;
  result: { findings: Finding[]; summary: CheckSummary; fiscalYear?: number };
  /** What the quick fix of a finding would write, by the finding's key (findingKey; RATING_OVERSTATED only). */
  fixes: Record<string, RatingFix>;
  /** The departments of the findings, as the filter lists them (core/check/export.ts, departmentsOf). */
  departments: string[];
}

/** What makes a finding the same one in the next check: its rule, item and cell. */
export const findingKey = (f: Pick<Finding, "code" | "item" | "row" | "column">): string => `${f.code}|${f.item ?? ""}|${f.row ?? ""}|${f.column ?? ""}`;

/** The year comparison as the pane shows it: its findings (with titles and rows), movement, counts. */
export type PaneComparison = Omit<DiffResult, "matches"> & { lastSheet: string; thisSheet: string };

export function paneTable(table: TableRead): PaneTable {
  const titles = new Map<string, string>();
  for (const row of table.rows) if (row.kind === "item" && !titles.has(row.item)) titles.set(row.item, row.title);
  const rows = table.rows.map((row): PaneRow => {
    const slim: PaneRow = {
      sheetRow: row.sheetRow,
      kind: row.kind,
      item: row.item,
      category: row.category,
      title: row.title,
      department: row.department,
      rating: row.rating,
    };
    if (row.sub !== undefined) slim.sub = row.sub;
    if (row.parent !== undefined) {
      slim.parent = row.parent;
      const parentTitle = titles.get(row.parent);
      if (parentTitle !== undefined) slim.parentTitle = parentTitle;
    }
    return slim;
  });
  return { ...table, rows };
}

export function openedView(table: TableRead): OpenedView {
  return { table: paneTable(table), summary: summarizeTable(table) };
}

export function paneRun(run: CheckRun): PaneRun {
  const { table, result, ...rest } = run;
  const fixes: Record<string, RatingFix> = {};
  const rows = new Map(table.rows.map((row) => [row.sheetRow, row]));
  // ratingFixOf looks the row up by its number: the one row it needs, through a table of one row.
  for (const finding of result.findings) {
    if (finding.code !== "RATING_OVERSTATED" || finding.row === undefined) continue;
    const row = rows.get(finding.row);
    const fix = ratingFixOf({ ...table, rows: row ? [row] : [] }, finding);
    if (fix) fixes[findingKey(finding)] = fix;
  }
  return {
    ...rest,
    table: paneTable(table),
    tableSummary: summarizeTable(table),
    result: { findings: result.findings, summary: result.summary, ...(result.fiscalYear === undefined ? {} : { fiscalYear: result.fiscalYear }) },
    fixes,
    departments: departmentsOf(result.findings),
  };
}

export function paneComparison(diff: YearComparison): PaneComparison {
  const { matches: _matches, ...view } = diff;
  return view;
}
