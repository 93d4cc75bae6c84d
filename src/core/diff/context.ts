import type { Memo } from "../memo";
import { extractMetrics, type Metric } from "../metrics/extract";
import type { RatingScale } from "../rating/scale";
import type { Localized } from "../text/localized";
import type { TableRead, TableRow } from "../workbook/table";
import type { ItemMatch } from "./match";

/** What the comparison's rules see: both tables, how their items matched, and this year's scale. */
export interface DiffContext {
  last: TableRead;
  current: TableRead;
  scale: RatingScale;
  matches: readonly ItemMatch[];
  added: readonly TableRow[];
  removed: readonly TableRow[];
  /** The metrics of a cell text (from the shell's memo when there is one). */
  metrics(text: string): readonly Metric[];
}

export function diffContext(fields: Omit<DiffContext, "metrics">, memo?: Memo): DiffContext {
  return { ...fields, metrics: (text) => extractMetrics(text, memo) };
}

/** A rating's place on the scale: 0 the best; undefined off the scale (or "-"). */
export function rank(rating: string, scale: RatingScale): number | undefined {
  let ranks = RANKS.get(scale.symbols);
  if (!ranks) {
    ranks = new Map();
    // The first place of a symbol written twice, as a search from the best would find it.
    for (const [index, s] of scale.symbols.entries()) if (!ranks.has(s.symbol)) ranks.set(s.symbol, index);
    RANKS.set(scale.symbols, ranks);
  }
  return ranks.get(rating);
}

/** Each scale's places by symbol, made when the scale is first asked about. */
const RANKS = new WeakMap<RatingScale["symbols"], Map<string, number>>();

/** How a matched item's rating moved: up (better), down, the same, or not comparable (off the scale). */
export function movement(match: ItemMatch, scale: RatingScale): "up" | "down" | "same" | undefined {
  const from = rank(match.last.rating, scale);
  const to = rank(match.this.rating, scale);
  if (from === undefined || to === undefined) return undefined;
  return to < from ? "up" : to > from ? "down" : "same";
}

/** The results did not move: the same values read, or the same text word for word. */
export function resultsStood(context: DiffContext, match: ItemMatch): boolean {
  const now = context.metrics(match.this.result);
  if (now.length > 0 && sameValues(context.metrics(match.last.result), now)) return true;
  return match.this.result.trim() !== "" && match.this.result.trim() === match.last.result.trim();
}

export const sameValues = (a: readonly Metric[], b: readonly Metric[]): boolean =>
  a.length === b.length && a.every((m, i) => m.value === b[i]?.value && m.unit === b[i]?.unit && m.op === b[i]?.op);

const OP_WORDS: Readonly<Partial<Record<Metric["op"], string>>> = { ge: "以上", gt: "超", le: "以下", lt: "未満" };

/**
 * Numbers as Japanese writes them (6,525,148): what `value.toLocaleString("ja-JP", { maximumFractionDigits: 10 })`
 * gives, which makes this same format afresh at every call (ECMA-402, Number.prototype.toLocaleString).
 */
let numberFormat: Intl.NumberFormat | undefined;

/** A metric as a person reads it: 策定件数 3件以上, 市ホームページアクセス件数 6,525,148件. */
const valueText = (m: Metric) =>
  `${m.label ? `${m.label} ` : ""}${(numberFormat ??= new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 10 })).format(m.value)}${m.unit}${OP_WORDS[m.op] ?? ""}`;

/** Metrics as a list, joined as each language joins one. */
export const valueList = (metrics: readonly Metric[]): Localized => {
  const texts = metrics.map(valueText);
  return { ja: texts.join("、"), en: texts.join(", ") };
};

/** Where a finding about an item of this year's table points. */
export const atItem = (row: TableRow) => ({ item: row.item || undefined, row: row.sheetRow, category: row.category, title: row.title, department: row.department });
