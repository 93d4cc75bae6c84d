import { DEFAULT_SCALE, bandsOf, symbolFor, type Band, type RatingScale } from "./scale";
import type { ExpectedRating, PairEvaluation } from "./types";

/**
 * The one owner of the rating rule (docs/contracts/rating.md, "The rating rule"): which band a set of
 * evaluated pairs supports, and whether a stated rating contradicts it. The check's rules, the custom
 * functions and the report all ask this module. Ratings are read through the profile's scale
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

/** The rating the pairs support on a scale (S, A, B on the default one), "-" when nothing compares. */
export function expectedRating(pairs: readonly PairEvaluation[], scale: RatingScale = DEFAULT_SCALE): ExpectedRating {
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
}

/**
 * Whether a stated rating contradicts the evidence. A rating that does not stand for "behind" while a
 * pair is short is overstated (S or A against a short pair); one that stands only for "ahead" while the
 * pairs are only met is overstated too (S on plan). A rating that stands only for "behind" while no
 * pair is short is understated. One that stands for "on plan" but not "ahead" while every pair is
 * exceeded is an S candidate. Undefined when they agree, nothing compares, or the rating is not on the scale.
 */
export function ratingVerdict(stated: string, pairs: readonly PairEvaluation[], scale: RatingScale = DEFAULT_SCALE): RatingVerdict | undefined {
  const bands = bandsOf(stated, scale);
  const comparable = comparablePairs(pairs);
  const first = comparable[0];
  const band = expectedBand(comparable);
  if (!bands || !first || band === undefined) return undefined;
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
