import type { Localized } from "../text/localized";
import { isSpaceCode } from "../text/fold";
import type { YearValues } from "../workbook/rows";
import type { ItemEvaluation } from "../rating/evaluate";
import { bandsOf } from "../rating/scale";
import type { PairEvaluation } from "../rating/types";
import type { Field } from "../workbook/columns";
import type { ReadProblem, TableRow } from "../workbook/table";
import type { CheckContext, Finding, RuleFinding } from "./types";

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

/** What a rule says of a row, beside where (at). */
export type RowSaying<Id extends string> = Pick<RuleFinding<Id>, "severity" | "messageId" | "data" | "evidence" | "suggested" | "years">;

/**
 * A rule's finding about a row: at(context, row, field) and what the rule says, in one object of one
 * shape (a large table's check makes tens of thousands: no spread, no second object).
 */
export function rowFinding<Id extends string>(context: CheckContext, row: TableRow, field: Field | undefined, saying: RowSaying<Id>): RuleFinding<Id> {
  const cell = field === undefined ? undefined : row.cells?.[field];
  return {
    item: row.item || undefined,
    row: cell?.row ?? row.sheetRow,
    column: field === undefined ? undefined : (cell?.column ?? context.column(field)),
    category: row.category,
    title: row.title || parentTitle(context, row),
    department: row.department,
    severity: saying.severity,
    messageId: saying.messageId,
    data: saying.data,
    evidence: saying.evidence,
    suggested: saying.suggested,
    years: saying.years,
  };
}

function parentTitle(context: CheckContext, row: TableRow): string {
  if (row.kind !== "sub" || !row.parent) return "";
  const parent = context.rowsByItem.get(row.parent);
  return parent ? `${parent.title}（枝番 ${row.sub}）` : "";
}

/**
 * A placeholder cell: empty or "-" (text.trim() is "" or one of - － ー ―), decided in place: a table's
 * texts are asked several times each.
 */
export function isBlank(text: string): boolean {
  let first = 0;
  while (first < text.length && isSpaceCode(text.charCodeAt(first))) first += 1;
  if (first === text.length) return true;
  let last = text.length - 1;
  while (isSpaceCode(text.charCodeAt(last))) last -= 1;
  if (last !== first) return false;
  const code = text.charCodeAt(first);
  return code === 0x2d || code === 0xff0d || code === 0x30fc || code === 0x2015;
}

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
