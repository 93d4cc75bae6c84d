import type { Memo } from "../memo";
import type { Metric } from "../metrics/extract";
import type { DirectionSource } from "./direction";
import type { PairedBy } from "./pairing";
import type { Direction, RatingProfile } from "./profile";

/**
 * What one target ↔ result pair says: met, exceeded by the S margin, short; interim (a later year's
 * target); yearUnknown (a dated target while the year evaluated is unknown); incomparable (units).
 */
export type PairStatus = "met" | "exceeded" | "short" | "interim" | "yearUnknown" | "incomparable";
/** A symbol of the profile's scale (S, A, B by default), or "-" when nothing compares. */
export type ExpectedRating = string;

/** How achievement was computed: result/target (higher is better) or target/result (lower is better). */
export type AchievementMethod = "result/target" | "target/result";

export interface PairEvaluation {
  target: Metric;
  result: Metric;
  pairedBy: PairedBy;
  direction: Direction;
  directionSource: DirectionSource;
  /** The lexicon word that decided the direction. */
  directionWord?: string;
  status: PairStatus;
  /** result/target or target/result; undefined when not computable (interim, incomparable, zero). */
  achievement?: number;
  method?: AchievementMethod;
  /** The bound of the target the result was compared with. */
  reference?: number;
  /** Short, but at or above the profile's tolerance floor. */
  withinTolerance: boolean;
}

export interface EvaluationContext {
  /** The fiscal year evaluated (2020 for 令和2年度); later targets are interim. */
  fiscalYear?: number;
  profile?: RatingProfile;
  /**
   * With no fiscal year known, a target for a named year (令和4年度末) is not compared but interim.
   * The custom functions, which see two cells and no workbook, evaluate this way.
   */
  datedTargetsInterim?: boolean;
  /**
   * What the shell remembers between checks (src/core/memo.ts): without it every text is read afresh.
   * A table too large for it is read without (a one-off check of 50,000 rows), with a memo of the pass.
   */
  memo?: Memo;
}

/** The metrics of a plan text and a results text, paired and evaluated. */
export interface TextEvaluation {
  targets: readonly Metric[];
  results: readonly Metric[];
  pairs: PairEvaluation[];
  unpairedTargets: Metric[];
  unpairedResults: Metric[];
  expected: ExpectedRating;
}
