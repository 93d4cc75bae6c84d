import { DEFAULT_SCALE, isRateScale, symbolFor, symbolForRate, type Band, type RatingScale, type ScaleSymbol } from "./scale";
import type { ExpectedRating, PairEvaluation } from "./types";

/**
 * The one owner of the rating rule (docs/contracts/rating.md, "The rating rule"): which band a set of
 * evaluated pairs supports, and whether a stated rating contradicts it. The check's rules and the custom
 * functions ask this module. Ratings are read through the profile's scale
 * (rating/scale.ts), so the rule holds for S/A/B as for ◎/○/△ or 達成/未達成.
 */

/** Pairs that can be compared: met, exceeded or short (not interim, not incomparable). */
export function comparablePairs(pairs: readonly PairEvaluation[]): PairEvaluation[] {
  return pairs.filter((p) => p.status === "met" || p.status === "exceeded" || p.status === "short");
}

/** The pair with the lowest achievement: the one a message quotes. */
export function worstPair(pairs: readonly PairEvaluation[]): PairEvaluation | undefined {
  let worst: PairEvaluation | undefined;
  for (const pair of pairs) {
    if (!worst || (pair.achievement ?? Infinity) < (worst.achievement ?? Infinity)) worst = pair;
  }
  return worst;
}

/** The band the pairs support: none comparable → undefined; any short → behind; all exceeded → ahead; else on. */
export function expectedBand(pairs: readonly PairEvaluation[]): Band | undefined {
  const comparable = comparablePairs(pairs);
  if (comparable.length === 0) return undefined;
  if (comparable.some((p) => p.status === "short")) return "behind";
  if (comparable.every((p) => p.status === "exceeded")) return "ahead";
  return "on";
}

/**
 * The achievement of an item on a rate-defined scale: the lowest of its comparable pairs (the pair the
 * message quotes), to 0.1 % as legends and reports print it; undefined when a pair has none (a zero target).
 */
export function itemRate(pairs: readonly PairEvaluation[]): number | undefined {
  const comparable = comparablePairs(pairs);
  if (comparable.length === 0 || comparable.some((p) => p.achievement === undefined)) return undefined;
  const lowest = Math.min(...comparable.map((p) => p.achievement as number));
  return Math.round(lowest * 1000) / 1000;
}

/** The rating the pairs support on a scale (S, A, B on the default one; by rate on a rate-defined one), "-" when nothing compares. */
export function expectedRating(pairs: readonly PairEvaluation[], scale: RatingScale = DEFAULT_SCALE): ExpectedRating {
  if (isRateScale(scale)) {
    const rate = itemRate(pairs);
    const symbol = rate === undefined ? undefined : symbolForRate(rate, scale);
    if (symbol) return symbol.symbol;
  }
  const band = expectedBand(pairs);
  return band === undefined ? "-" : symbolFor(band, scale);
}

/** How a stated rating contradicts its evidence. */
export type VerdictKind = "overstated" | "understated" | "sCandidate";

export interface RatingVerdict {
  kind: VerdictKind;
  /** The band the evidence supports, and its symbol on the scale. */
  band: Band;
  suggested: string;
  /** Overstated only because of short pairs that all lie within the profile's tolerance floor. */
  tolerated: boolean;
  /** The pair a message quotes: the worst short pair, else the first comparable one. */
  pair?: PairEvaluation;
  /**
   * On a rate-defined scale (「A：達成率80%以上」): the item's achievement and the rates of the symbol
   * stated, which it falls outside of.
   */
  rate?: { achievement: number; minRate?: number; maxRate?: number };
}

/**
 * Whether a stated rating contradicts the evidence. A rating that does not stand for "behind" while a
 * pair is short is overstated (S or A against a short pair); one that stands only for "ahead" while the
 * pairs are only met is overstated too (S on plan). A rating that stands only for "behind" while no
 * pair is short is understated. One that stands for "on plan" but not "ahead" while every pair is
 * exceeded is an S candidate. Undefined when they agree, nothing compares, or the rating is not on the scale.
 */
export function ratingVerdict(stated: string, pairs: readonly PairEvaluation[], scale: RatingScale = DEFAULT_SCALE): RatingVerdict | undefined {
  const symbol = scale.symbols.find((s) => s.symbol === stated);
  const bands = symbol?.bands;
  const comparable = comparablePairs(pairs);
  const first = comparable[0];
  const band = expectedBand(comparable);
  // A word that states no judgement (未確定) is contradicted by nothing.
  if (!symbol || !bands || bands.length === 0 || !first || band === undefined) return undefined;
  if (symbol.minRate !== undefined || symbol.maxRate !== undefined) return rateVerdict(symbol, comparable, scale);
  const quote = (pair: PairEvaluation | undefined) => (pair ? { pair } : {});
  const verdict = (kind: VerdictKind, tolerated: boolean, pair: PairEvaluation | undefined): RatingVerdict => ({
    kind,
    band,
    suggested: symbolFor(band, scale),
    tolerated,
    ...quote(pair),
  });
  const short = comparable.filter((p) => p.status === "short");
  if (band === "behind" && !bands.includes("behind")) return verdict("overstated", short.every((p) => p.withinTolerance), worstPair(short));
  if (band === "on" && !bands.includes("on") && bands.includes("ahead")) return verdict("overstated", false, first);
  if (band !== "behind" && bands.every((b) => b === "behind")) return verdict("understated", false, first);
  if (band === "ahead" && !bands.includes("ahead") && bands.includes("on")) return verdict("sCandidate", false, first);
  return undefined;
}

/**
 * The verdict on a symbol a legend defines by achievement rates (「A：80%以上 B：60%以上80%未満 …」,
 * 下田市: tests/fixtures/cities/shimoda): below the symbol's lowest rate it is overstated, at or above the
 * rate where the next symbol starts it is understated; the suggestion is the symbol holding the rate.
 * An item whose achievement cannot be computed (a zero target) is judged by nothing.
 */
function rateVerdict(symbol: ScaleSymbol, comparable: readonly PairEvaluation[], scale: RatingScale): RatingVerdict | undefined {
  const rate = itemRate(comparable);
  if (rate === undefined) return undefined;
  const low = symbol.minRate ?? -Infinity;
  const high = symbol.maxRate ?? Infinity;
  if (rate >= low && rate < high) return undefined;
  const expected = symbolForRate(rate, scale);
  const band: Band = expected?.bands[0] ?? expectedBand(comparable) ?? "behind";
  const short = comparable.filter((p) => p.status === "short");
  return {
    kind: rate < low ? "overstated" : "understated",
    band,
    suggested: expected?.symbol ?? symbolFor(band, scale),
    tolerated: false,
    pair: worstPair(comparable) ?? short[0] ?? comparable[0],
    rate: { achievement: rate, ...(symbol.minRate === undefined ? {} : { minRate: symbol.minRate }), ...(symbol.maxRate === undefined ? {} : { maxRate: symbol.maxRate }) },
  };
}
