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
export function comparable(title: string): string {
  return foldText(title).replace(/[\s・、。,.()（）「」『』【】〔〕\-－―]/g, "").toLowerCase();
}

/** How alike two titles are: the Dice coefficient of their character pairs (1 the same, 0 nothing shared). */
export function titleSimilarity(a: string, b: string): number {
  return similarityOf(comparable(a), comparable(b));
}

function similarityOf(x: string, y: string): number {
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  return diceOf(pairCounts(x), pairCounts(y), x.length - 1 + (y.length - 1));
}

/** A text's character pairs (UTF-16 units, as String#slice counts them), each with how often it occurs. */
function pairCounts(s: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length - 1; i += 1) {
    const pair = s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** The Dice coefficient of two texts' pairs, `pairs` the count of both together. */
function diceOf(px: ReadonlyMap<number, number>, py: ReadonlyMap<number, number>, pairs: number): number {
  let shared = 0;
  for (const [pair, n] of px) shared += Math.min(n, py.get(pair) ?? 0);
  return (2 * shared) / pairs;
}

/** A folded title with its pairs, made once for all the comparisons of step 3. */
interface Comparand {
  text: string;
  pairs: Map<number, number> | undefined;
}

const comparand = (text: string): Comparand => ({ text, pairs: text.length < 2 ? undefined : pairCounts(text) });

/**
 * similarityOf(x.text, y.text), or a number at most `floor` when that is at most `floor`: the pairs shared
 * are at most the fewer pairs of the two, so a title much longer or shorter than the other is set aside
 * without its pairs counted.
 */
function similarityAbove(x: Comparand, y: Comparand, floor: number): number {
  if (x.text === y.text) return 1;
  if (!x.pairs || !y.pairs) return 0;
  const nx = x.text.length - 1;
  const ny = y.text.length - 1;
  const pairs = nx + ny;
  if ((2 * Math.min(nx, ny)) / pairs <= floor) return floor;
  return diceOf(x.pairs, y.pairs, pairs);
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
  // Each title folded once: this year's titles are mostly last year's.
  const folded = new Map<string, string>();
  const comparableOf = (title: string): string => {
    let text = folded.get(title);
    if (text === undefined) folded.set(title, (text = comparable(title)));
    return text;
  };
  const titles = new Map(lastItems.map((row) => [row, comparableOf(row.title)]));
  const left = new Set(lastItems);
  const byTitle = indexBy(lastItems, (row) => titles.get(row));
  const firstLeft = (rows: readonly TableRow[] | undefined) => rows?.find((row) => left.has(row));
  const matches: ItemMatch[] = [];
  const take = (row: TableRow, found: TableRow, by: ItemMatch["by"], similarity: number) => {
    left.delete(found);
    matches.push({ last: found, this: row, by, similarity });
  };
  const unmatched: TableRow[] = [];
  for (const row of comparedItems(current)) {
    const found = firstLeft(byTitle.get(comparableOf(row.title)));
    if (found) take(row, found, "title", 1);
    else unmatched.push(row);
  }
  // Only the items left after step 1 are looked up by No. (a taken item is skipped either way).
  const byNo = indexBy(lastItems.filter((row) => left.has(row)), (row) => row.no);
  const rest: TableRow[] = [];
  for (const row of unmatched) {
    const sameNo = firstLeft(byNo.get(row.no));
    const similarity = sameNo ? similarityOf(titles.get(sameNo) ?? "", comparableOf(row.title)) : 0;
    if (sameNo && similarity >= SAME_NUMBER) take(row, sameNo, "number", similarity);
    else rest.push(row);
  }
  const added: TableRow[] = [];
  if (rest.length === 0) return { matches, added, removed: [...left] };
  // The pairs of last year's titles left, counted once for every title of this year's compared with them.
  const comparands = new Map<TableRow, Comparand>();
  const comparandOf = (row: TableRow): Comparand => {
    let found = comparands.get(row);
    if (!found) comparands.set(row, (found = comparand(titles.get(row) ?? "")));
    return found;
  };
  for (const row of rest) {
    const title = comparand(comparableOf(row.title));
    let best: { row: TableRow; similarity: number } | undefined;
    for (const l of left) {
      // A title that cannot reach the threshold, or beat the best found, is not counted through.
      const floor = best ? best.similarity : SIMILAR - Number.EPSILON;
      const similarity = similarityAbove(comparandOf(l), title, floor);
      if (similarity >= SIMILAR && (!best || similarity > best.similarity)) best = { row: l, similarity };
    }
    if (best) take(row, best.row, "similar", best.similarity);
    else added.push(row);
  }
  return { matches, added, removed: [...left] };
}
