import type { Metric } from "../metrics/extract";
import type { Direction } from "./profile";

export type DirectionSource = "override" | "qualifier" | "lexicon" | "default";

export interface InferredDirection {
  direction: Direction;
  source: DirectionSource;
  /** The word of the lexicon that decided, when the lexicon did. */
  word?: string;
}

/** An amount *of* reduction is better when larger: 歳出削減額, 削減件数. */
const AMOUNT_OF_REDUCTION = /(?:削減|抑制|縮減)(?:額|数|件数|率|量)/;
const LOWER_IS_BETTER = ["削減", "抑制", "縮減", "ごみ量", "経常収支比率", "繰入額", "経費", "待機児童"];
const HIGHER_IS_BETTER = ["確保額", "基金", "数", "率", "額"];

/**
 * Direction of a target, in the order of docs/contracts/rating.md: an explicit override stored with the
 * workbook; the qualifier (以下・未満・以内 → lower, 以上・超 → higher); the lexicon; else higher,
 * which the evidence says was assumed.
 */
export function inferDirection(target: Metric, override?: Direction): InferredDirection {
  if (override) return { direction: override, source: "override" };
  if (target.op === "le" || target.op === "lt") return { direction: "lower", source: "qualifier" };
  if (target.op === "ge" || target.op === "gt") return { direction: "higher", source: "qualifier" };
  const reduction = AMOUNT_OF_REDUCTION.exec(target.label);
  if (reduction) return { direction: "higher", source: "lexicon", word: reduction[0] };
  const lower = LOWER_IS_BETTER.find((word) => target.label.includes(word));
  if (lower) return { direction: "lower", source: "lexicon", word: lower };
  const higher = HIGHER_IS_BETTER.find((word) => target.label.includes(word));
  if (higher) return { direction: "higher", source: "lexicon", word: higher };
  return { direction: "higher", source: "default" };
}
