import type { Localized } from "../text/localized";
import type { YearValues } from "../workbook/rows";
import type { ItemEvaluation } from "../rating/evaluate";
import { bandsOf } from "../rating/scale";
import type { PairEvaluation } from "../rating/types";
import type { Field } from "../workbook/columns";
import type { ReadProblem, TableRow } from "../workbook/table";
import type { CheckContext, Finding } from "./types";

type Base = Omit<Finding, "code" | "sheet" | "severity" | "message">;

/** Where a finding about a row points: the row, a field's column, and what the pane shows beside it. */
export function at(context: CheckContext, row: TableRow, field?: Field): Base {
  // A sideways table or an item written over two rows keeps a field's cell elsewhere than the row's
  // column of that field: the row says where (row.cells).
  const cell = field === undefined ? undefined : row.cells?.[field];
  // Every field present (undefined where absent): one object shape for every finding's place.
  return {
    item: row.item || undefined,
    row: cell?.row ?? row.sheetRow,
    column: field === undefined ? undefined : (cell?.column ?? context.column(field)),
    category: row.category,
    title: row.title || parentTitle(context, row),
    department: row.department,
  };
}

function parentTitle(context: CheckContext, row: TableRow): string {
  if (row.kind !== "sub" || !row.parent) return "";
  const parent = context.rowsByItem.get(row.parent);
  return parent ? `${parent.title}（枝番 ${row.sub}）` : "";
}

/** A placeholder cell: empty or "-". */
export const isBlank = (text: string): boolean => text.trim() === "" || /^[-－ー―]$/.test(text.trim());

export const isRepost = (row: TableRow): boolean => row.repostOf !== undefined;

export function hasSubItems(context: CheckContext, row: TableRow): boolean {
  return row.kind === "item" && context.parents.has(row.item);
}

/** Items that carry a rating to check: items (not sub-items), not 再掲, with a rating on the profile's scale. */
type RatedItem = { row: TableRow; evaluation: ItemEvaluation; stated: string };
const ratedCache = new WeakMap<CheckContext, RatedItem[]>();

export function ratedItems(context: CheckContext): RatedItem[] {
  const cached = ratedCache.get(context);
  if (cached) return cached;
  const out: RatedItem[] = [];
  for (const row of context.rows) {
    if (row.kind !== "item" || isRepost(row) || !row.item) continue;
    const stated = row.rating;
    if (!bandsOf(stated, context.profile.scale)) continue;
    const evaluation = context.evaluations.byItem.get(row.item);
    if (evaluation) out.push({ row, evaluation, stated });
  }
  ratedCache.set(context, out);
  return out;
}

/** Which item a pair comes from (a parent's evidence includes its sub-items'). */
export function pairItem(context: CheckContext, pair: PairEvaluation, fallback: string): string {
  return context.pairOwner.get(pair) ?? fallback;
}

/** The reading problems of one code, typed as that code's problem. */
export function problemsOf<C extends ReadProblem["code"]>(context: CheckContext, code: C): Extract<ReadProblem, { code: C }>[] {
  return context.table.problems.filter((p): p is Extract<ReadProblem, { code: C }> => p.code === code);
}

/** One cell of another year, on one line and short: a year grid's cells are values, a long text is cut. */
const yearCell = (text: string): string => {
  const line = text.replace(/\s+/g, " ").trim();
  return line === "" ? "—" : line.length > 40 ? `${line.slice(0, 40)}…` : line;
};

/** A year grid's other years of an item, one line each, as the pane, the export and the CLI show the trend. */
export function yearsLines(years: readonly YearValues[]): Localized[] {
  return years.map((y) => ({
    ja: `${y.fiscalYear}年度: 目標 ${yearCell(y.plan)} / 実績 ${yearCell(y.result)}`,
    en: `FY${y.fiscalYear}: target ${yearCell(y.plan)} / result ${yearCell(y.result)}`,
  }));
}
