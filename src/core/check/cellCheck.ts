import type { Memo } from "../memo";
import { evaluateArguments } from "../rating/arguments";
import { ratingVerdict, type VerdictKind } from "../rating/judgement";
import { DEFAULT_PROFILE, type RatingProfile } from "../rating/profile";
import { readRating } from "../rating/scale";
import { shortEvidence } from "./format";

/** The rule code of each kind of verdict. */
export const VERDICT_CODES: Readonly<Record<VerdictKind, string>> = {
  overstated: "RATING_OVERSTATED",
  understated: "RATING_UNDERSTATED",
  sCandidate: "RATING_S_CANDIDATE",
};

/**
 * What PLAN.CHECK shows for a stated rating and two cells: "" when they agree (or there is nothing to
 * check), else the code and the short evidence, e.g. "RATING_OVERSTATED: 実績44.0% / 目標95% (46%)".
 * Returns undefined for a rating that is not on the profile's scale (S, A, B by default), "-" or empty.
 */
export function checkRatingCell(rating: string, target: string | number, actual: string | number, profile: RatingProfile = DEFAULT_PROFILE, memo?: Memo): string | undefined {
  const stated = readRating(rating, profile.scale);
  if (stated.status === "invalid") return undefined;
  if (stated.status === "empty" || stated.rating === "-") return "";
  if ((typeof target === "string" && target.trim() === "") || (typeof actual === "string" && actual.trim() === "")) return "";
  const verdict = ratingVerdict(stated.rating, evaluateArguments(target, actual, { profile, ...(memo ? { memo } : {}) }).pairs, profile.scale);
  if (!verdict) return "";
  const code = VERDICT_CODES[verdict.kind];
  return verdict.pair ? `${code}: ${shortEvidence(verdict.pair)}` : code;
}
