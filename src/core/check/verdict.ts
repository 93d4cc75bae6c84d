import type { ExpectedRating, PairEvaluation, TextEvaluation } from "../rating/evaluate";
import type { Severity } from "./types";

export type RatingCode = "RATING_OVERSTATED" | "RATING_UNDERSTATED" | "RATING_S_CANDIDATE";

export interface RatingVerdict {
  code: RatingCode;
  severity: Severity;
  suggested: ExpectedRating;
  /** The pair a message quotes: the worst short pair, else the first comparable one. */
  pair?: PairEvaluation;
}

const comparable = (pairs: readonly PairEvaluation[]) => pairs.filter((p) => p.status === "met" || p.status === "exceeded" || p.status === "short");

/**
 * Whether a stated rating contradicts the evidence (spec/rating.md, "Rating profile"). One function for
 * the check's rating rules and for PLAN.CHECK, so that a cell formula and the one-click check never disagree.
 */
export function ratingVerdict(stated: string, evaluation: Pick<TextEvaluation, "pairs" | "expected">): RatingVerdict | undefined {
  if (stated !== "S" && stated !== "A" && stated !== "B") return undefined;
  const pairs = comparable(evaluation.pairs);
  if (pairs.length === 0) return undefined;
  const short = pairs.filter((p) => p.status === "short");
  if ((stated === "S" || stated === "A") && short.length > 0) {
    const worst = [...short].sort((a, b) => (a.achievement ?? Infinity) - (b.achievement ?? Infinity))[0];
    return { code: "RATING_OVERSTATED", severity: short.every((p) => p.withinTolerance) ? "warning" : "error", suggested: "B", ...(worst ? { pair: worst } : {}) };
  }
  if (stated === "S" && evaluation.expected === "A") return { code: "RATING_OVERSTATED", severity: "warning", suggested: "A", ...(pairs[0] ? { pair: pairs[0] } : {}) };
  if (stated === "B" && short.length === 0) return { code: "RATING_UNDERSTATED", severity: "warning", suggested: evaluation.expected, ...(pairs[0] ? { pair: pairs[0] } : {}) };
  if (stated === "A" && evaluation.expected === "S") return { code: "RATING_S_CANDIDATE", severity: "info", suggested: "S", ...(pairs[0] ? { pair: pairs[0] } : {}) };
  return undefined;
}
