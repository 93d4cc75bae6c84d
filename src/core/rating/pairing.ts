import type { Metric } from "../metrics/extract";

export type PairedBy = "marker" | "label" | "single" | "unit";

export interface MetricPair {
  target: Metric;
  result: Metric;
  pairedBy: PairedBy;
}

export interface Pairing {
  pairs: MetricPair[];
  /** Targets with no result: a result is missing. */
  unpairedTargets: Metric[];
  /** Results with no target: extra information, not an error. */
  unpairedResults: Metric[];
}

type Unit = Pick<Metric, "unit"> & { unitKnown?: boolean };

/**
 * Whether two values can be compared: 回/年 and 回 can, 回/年 and 回/月 cannot, % and 件 cannot. A
 * value without a unit compares only with another without one, and an unknown unit only with the
 * same word: never a guess.
 */
export function unitsCompatible(a: Unit, b: Unit): boolean {
  if (!a.unit || !b.unit) return !a.unit && !b.unit;
  if (a.unitKnown === false || b.unitKnown === false) return a.unit === b.unit;
  const [baseA, perA] = a.unit.split("/");
  const [baseB, perB] = b.unit.split("/");
  return baseA === baseB && (perA === undefined || perB === undefined || perA === perB);
}

function normaliseLabel(label: string): string {
  return label.replace(/[\s:：・、,，「」『』()（）【】→]/g, "");
}

/** Length of the longest common substring. */
function commonLength(a: string, b: string): number {
  let best = 0;
  const previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      previous[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      diagonal = above;
      if ((previous[j] ?? 0) > best) best = previous[j] ?? 0;
    }
  }
  return best;
}

/**
 * How much two labels share a core noun (参加団体数 ~ 参加団体数): 1 for the same label, 0 for none.
 * Sharing one character (額, 数) is not enough.
 */
export function labelSimilarity(a: string, b: string): number {
  return similarity(normaliseLabel(a), normaliseLabel(b));
}

/** labelSimilarity of two labels already normalised. */
function similarity(x: string, y: string): number {
  if (!x || !y) return 0;
  if (x === y) return 1;
  const common = commonLength(x, y);
  const shorter = Math.min(x.length, y.length);
  if (common < 2 || (common < 4 && common / shorter < 0.5)) return 0;
  return common / Math.max(x.length, y.length);
}

/**
 * Pairs target and result metrics: by circled marker first, then by label similarity, then a single
 * metric on each side, then by the only result of a compatible unit.
 */
export function pairMetrics(allTargets: readonly Metric[], allResults: readonly Metric[]): Pairing {
  // A value that is not a number (hundreds of digits) pairs with nothing; VALUE_UNREADABLE reports it.
  const targets = allTargets.filter((m) => !m.notANumber);
  const results = allResults.filter((m) => !m.notANumber);
  const pairs: MetricPair[] = [];
  const openTargets = new Set(targets);
  const openResults = new Set(results);
  const take = (target: Metric, result: Metric, pairedBy: PairedBy) => {
    pairs.push({ target, result, pairedBy });
    openTargets.delete(target);
    openResults.delete(result);
  };

  // Each label normalised once, not once for every metric it is scored against.
  const normalised = new Map<Metric, string>();
  const labelOf = (m: Metric): string => {
    let label = normalised.get(m);
    if (label === undefined) {
      label = normaliseLabel(m.label);
      normalised.set(m, label);
    }
    return label;
  };
  const byLabel = (candidates: Metric[], pool: Metric[], pairedBy: PairedBy) => {
    if (candidates.length === 0 || pool.length === 0) return;
    const scored: { t: Metric; r: Metric; score: number }[] = [];
    for (const t of candidates) {
      for (const r of pool) {
        const score = similarity(labelOf(t), labelOf(r)) + (unitsCompatible(t, r) ? 0.001 : 0);
        if (score > 0.001) scored.push({ t, r, score });
      }
    }
    scored.sort((p, q) => q.score - p.score);
    for (const { t, r } of scored) {
      if (openTargets.has(t) && openResults.has(r)) take(t, r, pairedBy);
    }
  };

  // 1. Markers: ① with ①. Several metrics under one marker pair among themselves by label.
  const markers = new Set(targets.map((t) => t.marker).filter((m): m is number => m !== undefined));
  for (const marker of markers) {
    const ts = targets.filter((t) => t.marker === marker);
    const rs = results.filter((r) => r.marker === marker);
    if (ts.length === 1 && rs.length === 1) take(ts[0] as Metric, rs[0] as Metric, "marker");
    else byLabel(ts, rs, "marker");
  }
  // 2. Labels.
  byLabel([...openTargets], [...openResults], "label");
  // 3. A single metric on each side.
  if (targets.length === 1 && results.length === 1 && openTargets.size === 1 && openResults.size === 1) {
    take(targets[0] as Metric, results[0] as Metric, "single");
  }
  // 4. The only open result of a compatible, written unit.
  for (const t of [...openTargets]) {
    if (!t.unit) continue;
    const candidates = [...openResults].filter((r) => r.unit && unitsCompatible(t, r));
    const competing = [...openTargets].filter((o) => o.unit && unitsCompatible(o, t));
    if (candidates.length === 1 && competing.length === 1) take(t, candidates[0] as Metric, "unit");
  }
  return { pairs, unpairedTargets: [...openTargets], unpairedResults: [...openResults] };
}
