import type { Metric } from "../metrics/extract";
import type { Direction, RatingProfile } from "./profile";
import { directionWordIn } from "./vocabulary";

export type DirectionSource = "override" | "qualifier" | "lexicon" | "default";

export interface InferredDirection {
  direction: Direction;
  source: DirectionSource;
  /** The word (of the profile or the vocabulary) that decided, when one did. */
  word?: string;
}

/** An amount *of* reduction is better when larger: 歳出削減額, 削減件数. */
const AMOUNT_OF_REDUCTION = /(?:削減|抑制|縮減)(?:額|数|件数|率|量)/;

/**
 * Direction of a target, in the order of docs/contracts/rating.md: an override stored with the workbook
 * (for an item, or for labels containing a word); the qualifier (以下・未満・以内 → lower, 以上・超 →
 * higher); what the words after the value say (15人削減 is an amount cut: higher; に抑える a ceiling:
 * lower); the vocabulary (rating/vocabulary.ts); else higher, which the evidence says was assumed.
 */
export function inferDirection(target: Metric, override?: Direction, profile?: Pick<RatingProfile, "labelDirections">): InferredDirection {
  if (override) return { direction: override, source: "override" };
  const byLabel = Object.entries(profile?.labelDirections ?? {})
    .filter(([word]) => target.label.includes(word))
    .sort((a, b) => b[0].length - a[0].length)[0];
  if (byLabel) return { direction: byLabel[1], source: "override", word: byLabel[0] };
  if (target.op === "le" || target.op === "lt") return { direction: "lower", source: "qualifier" };
  if (target.op === "ge" || target.op === "gt") return { direction: "higher", source: "qualifier" };
  if (target.sense === "reduction") return { direction: "higher", source: "qualifier", word: "削減" };
  if (target.sense === "ceiling") return { direction: "lower", source: "qualifier", word: "抑える" };
  const reduction = AMOUNT_OF_REDUCTION.exec(target.label);
  if (reduction) return { direction: "higher", source: "lexicon", word: reduction[0] };
  const entry = directionWordIn(target.label);
  if (entry) return { direction: entry.direction, source: "lexicon", word: entry.word };
  return { direction: "higher", source: "default" };
}
