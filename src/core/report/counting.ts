import { DEFAULT_SCALE, type RatingScale } from "../rating/scale";
import type { TableRow } from "../workbook/table";

/**
 * Which rows count as items, everywhere items are counted (the report's summary, the comparison of two
 * years): an item row, not a sub-item, and not a 再掲 row. A 再掲 row lists again an item counted where it
 * first stands (「【No.15の再掲】」 is No.15), so it is never counted a second time in a total.
 */
export function countedItem(row: TableRow): boolean {
  return row.kind === "item" && row.repostOf === undefined;
}

/** The rule as the report states it, under the 再掲 notes. */
export const REPOST_COUNT_NOTE = "※再掲の項目は、評価の集計に重ねて数えていません。";

export interface CategoryCount {
  name: string;
  /** Items rated with each symbol of the scale. */
  counts: Record<string, number>;
  total: number;
}

/**
 * Ratings per 分野, by the scale's symbols: the items `countedItem` counts, in the order of their 分野 (a 分野
 * listed only with 再掲 rows is there, with nothing counted).
 */
export function ratingCounts(rows: readonly TableRow[], scale: RatingScale = DEFAULT_SCALE): CategoryCount[] {
  const out: CategoryCount[] = [];
  const zero = () => Object.fromEntries(scale.symbols.map((s) => [s.symbol, 0]));
  for (const row of rows) {
    if (row.kind !== "item") continue;
    let entry = out.find((c) => c.name === row.category);
    if (!entry) {
      entry = { name: row.category, counts: zero(), total: 0 };
      out.push(entry);
    }
    if (countedItem(row) && row.rating in entry.counts) {
      entry.counts[row.rating] = (entry.counts[row.rating] ?? 0) + 1;
      entry.total += 1;
    }
  }
  return out;
}

/** The totals of the counts per 分野. */
export function totalCount(counts: readonly CategoryCount[], scale: RatingScale = DEFAULT_SCALE, name = "合計"): CategoryCount {
  return {
    name,
    counts: Object.fromEntries(scale.symbols.map((s) => [s.symbol, counts.reduce((n, c) => n + (c.counts[s.symbol] ?? 0), 0)])),
    total: counts.reduce((n, c) => n + c.total, 0),
  };
}
