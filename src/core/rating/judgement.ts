import type { ExpectedRating, PairEvaluation, Rating } from "./types";

/**
 * The one owner of the rating rule (docs/contracts/rating.md, "Rating profile"): which rating a set of
 * evaluated pairs supports, and whether a stated rating contradicts them. The check's rules, the
 * custom functions and the report all ask this module.
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

/** The rating the pairs support: none comparable → "-"; any short → B; all exceeded → S; else A. */
export function expectedRating(pairs: readonly PairEvaluation[]): ExpectedRating {
  const comparable = comparablePairs(pairs);
  if (comparable.length === 0) return "-";
  if (comparable.some((p) => p.status === "short")) return "B";
  if (comparable.every((p) => p.status === "exceeded")) return "S";
  return "A";
}

/** How a stated rating contradicts its evidence. */
export type VerdictKind = "overstated" | "understated" | "sCandidate";

export interface RatingVerdict {
  kind: VerdictKind;
  /** The rating the evidence supports. */
  suggested: ExpectedRating;
  /** Overstated only because of short pairs that all lie within the profile's tolerance floor. */
  tolerated: boolean;
  /** The pair a message quotes: the worst short pair, else the first comparable one. */
  pair?: PairEvaluation;
}

/**
 * Whether a stated rating contradicts the evidence: S or A with a short pair, or S with pairs only met,
 * is overstated; B with no short pair understated; A with every pair exceeded an S candidate.
 * Undefined when they agree or nothing can be compared.
 */
export function ratingVerdict(stated: Rating | string, pairs: readonly PairEvaluation[]): RatingVerdict | undefined {
  if (stated !== "S" && stated !== "A" && stated !== "B") return undefined;
  const comparable = comparablePairs(pairs);
  const first = comparable[0];
  if (!first) return undefined;
  const short = comparable.filter((p) => p.status === "short");
  const expected = expectedRating(comparable);
  const quote = (pair: PairEvaluation | undefined) => (pair ? { pair } : {});
  if ((stated === "S" || stated === "A") && short.length > 0) {
    return { kind: "overstated", suggested: "B", tolerated: short.every((p) => p.withinTolerance), ...quote(worstPair(short)) };
  }
  if (stated === "S" && expected === "A") return { kind: "overstated", suggested: "A", tolerated: false, ...quote(first) };
  if (stated === "B" && short.length === 0) return { kind: "understated", suggested: expected, tolerated: false, ...quote(first) };
  if (stated === "A" && expected === "S") return { kind: "sCandidate", suggested: "S", tolerated: false, ...quote(first) };
  return undefined;
}
