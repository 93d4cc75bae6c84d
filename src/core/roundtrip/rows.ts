import { foldText } from "../text/fold";
import { rawText, type RawCell } from "../workbook/cells";
import type { Field } from "../workbook/columns";
import { departmentsIn } from "../workbook/departments";
import { readItemNumber, type TableRead, type TableRow } from "../workbook/table";

/**
 * The master table as the round trip sees it: each row's key, the departments it belongs to, and the
 * text of each of its fields as a department file shows it.
 */

/** A cell that names no department: empty, or a dash (a parent of sub-items, 「-」). */
const PLACEHOLDER = /^[-－ー―—]?$/;

/** The departments a row belongs to (a shared item belongs to each): none for 「-」 or an empty cell. */
export function rowDepartments(row: Pick<TableRow, "department">): string[] {
  return PLACEHOLDER.test(row.department.trim()) ? [] : departmentsIn(row.department);
}

/** Every department of the table, in the order they first appear. */
export function tableDepartments(table: TableRead): string[] {
  return [...new Set(table.rows.flatMap(rowDepartments))];
}

/**
 * The key of each row: its item label ("12", "4-1"); a label written twice gets "#2", "#3" … in the
 * order of the rows, so that every row has its own. Rows without a readable label have none.
 */
export function rowKeys(table: TableRead): Map<number, string> {
  const seen = new Map<string, number>();
  const keys = new Map<number, string>();
  for (const row of table.rows) {
    if (!row.item) continue;
    const n = (seen.get(row.item) ?? 0) + 1;
    seen.set(row.item, n);
    keys.set(row.sheetRow, n === 1 ? row.item : `${row.item}#${n}`);
  }
  return keys;
}

/** The text of one field of a row, as written (the No. and 枝番 as written, the rating as written). */
export function fieldText(row: TableRow, field: Field): string {
  switch (field) {
    case "category":
      return row.category;
    case "no":
      return row.noWritten;
    case "sub":
      return row.subWritten;
    case "title":
      return row.title;
    case "department":
      return row.department;
    case "rating":
      return row.ratingWritten;
    case "actions":
      return row.actions;
    case "plan":
      return row.plan;
    case "result":
      return row.result;
    case "notes":
      return row.notes;
    default:
      return "";
  }
}

/** A cell's text for comparing: as a person reads it, trimmed. */
export const cellText = (cell: RawCell | undefined): string => rawText(cell).trim();

/**
 * The item labels of a sheet's rows below its header, read as the table reader reads them (a sub-item
 * without its own No. takes its parent's): sheet row → label ("" when none).
 */
export function labelsOf(rows: readonly (readonly RawCell[] | undefined)[], headerRow: number, columns: { no?: number; sub?: number }, last = rows.length): Map<number, string> {
  const labels = new Map<number, string>();
  let parent: number | undefined;
  for (let r = headerRow; r < Math.min(rows.length, last); r += 1) {
    const row = rows[r] ?? [];
    const number = readItemNumber(columns.no === undefined ? undefined : row[columns.no]);
    const subText = columns.sub === undefined ? "" : foldText(cellText(row[columns.sub])).replace(/^-\s*/, "");
    const sub = /^\d+$/.test(subText) ? Number(subText) : number.sub;
    let no = number.no;
    if (sub === undefined && no !== undefined) parent = no;
    if (sub !== undefined) no ??= parent;
    labels.set(r + 1, no === undefined ? "" : sub === undefined ? String(no) : `${no}-${sub}`);
  }
  return labels;
}

/** A text's character pairs (widths folded, spaces dropped) counted, and how many there are. */
interface Pairs {
  counts: Map<string, number>;
  total: number;
}

function pairsOf(text: string): Pairs {
  const folded = foldText(text).replace(/\s+/g, "");
  const counts = new Map<string, number>();
  const add = (p: string) => counts.set(p, (counts.get(p) ?? 0) + 1);
  if (folded.length === 1) add(folded);
  for (let i = 0; i + 1 < folded.length; i += 1) add(folded.slice(i, i + 2));
  return { counts, total: folded.length === 1 ? 1 : Math.max(0, folded.length - 1) };
}

function dice(left: Pairs, right: Pairs): number {
  if (left.total === 0 && right.total === 0) return 1;
  const [small, large] = left.counts.size <= right.counts.size ? [left, right] : [right, left];
  let common = 0;
  for (const [p, n] of small.counts) common += Math.min(n, large.counts.get(p) ?? 0);
  return (2 * common) / (left.total + right.total);
}

/** How alike two titles are, 0 to 1: the share of their character pairs in common (Dice), widths folded. */
export function titleLikeness(a: string, b: string): number {
  return dice(pairsOf(a), pairsOf(b));
}

/** titleLikeness, each text's pairs counted once: for comparing many rows with many. */
export function likenessOfMany(): (a: string, b: string) => number {
  const cache = new Map<string, Pairs>();
  const of = (text: string) => {
    let pairs = cache.get(text);
    if (!pairs) cache.set(text, (pairs = pairsOf(text)));
    return pairs;
  };
  return (a, b) => dice(of(a), of(b));
}
