import { countedItem } from "../report/counting";
import { foldText } from "../text/fold";
import type { TableRow } from "../workbook/table";

/** How an item of this year was found in last year's table. */
export interface ItemMatch {
  last: TableRow;
  this: TableRow;
  /** "title": the same title; "number": the same No. with a title edited; "similar": a title alike. */
  by: "title" | "number" | "similar";
  similarity: number;
}

/** A title folded for comparison: width, spaces and punctuation aside. */
function comparable(title: string): string {
  return foldText(title).replace(/[\s・、。,.()（）「」『』【】〔〕\-－―]/g, "").toLowerCase();
}

/** How alike two titles are: the Dice coefficient of their character pairs (1 the same, 0 nothing shared). */
export function titleSimilarity(a: string, b: string): number {
  return similarityOf(comparable(a), comparable(b));
}

function similarityOf(x: string, y: string): number {
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const pairs = (s: string) => {
    const counts = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i += 1) counts.set(s.slice(i, i + 2), (counts.get(s.slice(i, i + 2)) ?? 0) + 1);
    return counts;
  };
  const px = pairs(x);
  const py = pairs(y);
  let shared = 0;
  for (const [pair, n] of px) shared += Math.min(n, py.get(pair) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/** Above this, a title edited or moved is taken for the same item. */
const SIMILAR = 0.6;
/** With the same No., a title this alike is the same item edited. */
const SAME_NUMBER = 0.4;

/** The rows of a table that are compared across years: the items counted everywhere (countedItem) that have a title. */
export const comparedItems = (rows: readonly TableRow[]): TableRow[] => rows.filter((r) => countedItem(r) && r.title !== "");

/** Rows by a key, each list in table order; a taken row is skipped when looked up. */
function indexBy<K>(rows: readonly TableRow[], key: (row: TableRow) => K): Map<K, TableRow[]> {
  const index = new Map<K, TableRow[]>();
  for (const row of rows) {
    const k = key(row);
    const list = index.get(k);
    if (list) list.push(row);
    else index.set(k, [row]);
  }
  return index;
}

/**
 * Matches the items of two tables: 1. the same title; 2. the same No. with a title edited; 3. the most
 * alike title. Each of last year's items is taken once, the first in table order where several fit.
 * Steps 1 and 2 look up indexes (a table of 50,000 items is matched in linear time); step 3 compares
 * only the items left over.
 */
export function matchItems(last: readonly TableRow[], current: readonly TableRow[]): { matches: ItemMatch[]; added: TableRow[]; removed: TableRow[] } {
  const lastItems = comparedItems(last);
  const titles = new Map(lastItems.map((row) => [row, comparable(row.title)]));
  const left = new Set(lastItems);
  const byTitle = indexBy(lastItems, (row) => titles.get(row));
  const byNo = indexBy(lastItems, (row) => row.no);
  const firstLeft = (rows: readonly TableRow[] | undefined) => rows?.find((row) => left.has(row));
  const matches: ItemMatch[] = [];
  const take = (row: TableRow, found: TableRow, by: ItemMatch["by"], similarity: number) => {
    left.delete(found);
    matches.push({ last: found, this: row, by, similarity });
  };
  const unmatched: TableRow[] = [];
  for (const row of comparedItems(current)) {
    const found = firstLeft(byTitle.get(comparable(row.title)));
    if (found) take(row, found, "title", 1);
    else unmatched.push(row);
  }
  const rest: TableRow[] = [];
  for (const row of unmatched) {
    const sameNo = firstLeft(byNo.get(row.no));
    const similarity = sameNo ? similarityOf(titles.get(sameNo) ?? "", comparable(row.title)) : 0;
    if (sameNo && similarity >= SAME_NUMBER) take(row, sameNo, "number", similarity);
    else rest.push(row);
  }
  const added: TableRow[] = [];
  for (const row of rest) {
    const title = comparable(row.title);
    let best: { row: TableRow; similarity: number } | undefined;
    for (const l of left) {
      const similarity = similarityOf(titles.get(l) ?? "", title);
      if (similarity >= SIMILAR && (!best || similarity > best.similarity)) best = { row: l, similarity };
    }
    if (best) take(row, best.row, "similar", best.similarity);
    else added.push(row);
  }
  return { matches, added, removed: [...left] };
}
