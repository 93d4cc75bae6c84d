import type { Metric } from "../metrics/extract";
import type { Direction, RatingProfile } from "./profile";
import { directionWordIn } from "./vocabulary";

/**
 * Where a direction came from: a setting, a qualifier or the words after the value, the vocabulary, the
 * sign of a reduction written △ or ▲ (compared by size), or nothing (assumed higher).
 */
export type DirectionSource = "override" | "qualifier" | "lexicon" | "sign" | "default";

export interface InferredDirection {
  direction: Direction;
  source: DirectionSource;
  /** The word (of the profile or the vocabulary) that decided, when one did. */
  word?: string;
}

/** An amount *of* reduction is better when larger: 歳出削減額, 削減件数. */
const AMOUNT_OF_REDUCTION = /(?:削減|抑制|縮減|節減)(?:額|数|件数|率|量)/;
/** A label that names a cut (職員数の削減, 経費縮減): its value is the amount cut, more is better. */
const NAMES_A_CUT = /(?:削減|縮減|減額|節減|圧縮)$/;

/**
 * Words that say a value is an amount saved: 削減額, 効果額 (財政効果額), 縮減, 減額 (Sado: 6.1%減額), 節減,
 * 圧縮 (Sado: 5,294万円圧縮). A △ or ▲ beside them marks the saving, not a loss.
 */
const SAVING = /削減|縮減|減額|節減|圧縮|効果額|財政効果|抑制額/;
/** A balance carries its own sign: a △ there is a deficit, not a cut (収支 △2億円). */
const BALANCE = /収支|赤字|黒字|残高|差引|不足額|損益/;

/** The direction a text says: an amount of reduction, a label that names a cut, or the vocabulary. */
function wordsSay(text: string): InferredDirection | undefined {
  if (!text) return undefined;
  const reduction = AMOUNT_OF_REDUCTION.exec(text) ?? NAMES_A_CUT.exec(text);
  if (reduction) return { direction: "higher", source: "lexicon", word: reduction[0] };
  const entry = directionWordIn(text);
  return entry ? { direction: entry.direction, source: "lexicon", word: entry.word } : undefined;
}

/**
 * A title that names a cut of what the target measures: 「時間外勤務の縮減」 over 時間外勤務時間 55,000時間 (a
 * 集中改革プラン item, as 宮古島市's 結果一覧 lists its 改革項目 with 目標達成 / 未達成:
 * https://www.city.miyakojima.lg.jp/gyosei/gyoseikaikaku/h19-6.html), 「職員数の削減」: the quantity is to fall.
 * An amount of reduction in the label (削減額) is not the quantity cut.
 */
const TITLE_CUT = /^(.+?)の?(?:削減|縮減|抑制|低減|減少|圧縮|短縮)(?:化)?(?:の推進|に向けた取組)?$/;

/** The title when it names a cut (時間外勤務の縮減), else undefined: only such a title can change a direction. */
export function cutTitle(title: string | undefined): string | undefined {
  return title && TITLE_CUT.test(title.replace(/\s+/g, "")) ? title : undefined;
}

/** The direction an item's title gives a target whose label is the quantity the title says to cut. */
export function titleSays(title: string | undefined, label: string): InferredDirection | undefined {
  const m = TITLE_CUT.exec((title ?? "").replace(/\s+/g, ""));
  const stem = m?.[1] ?? "";
  const quantity = label.replace(/\s+/g, "");
  if (stem.length < 2 || quantity.length < 2 || AMOUNT_OF_REDUCTION.test(quantity)) return undefined;
  if (!quantity.includes(stem) && !stem.includes(quantity)) return undefined;
  return { direction: "lower", source: "lexicon", word: (title ?? "").slice(stem.length).replace(/^の/, "") };
}

/**
 * Direction of a target, in the order of docs/contracts/rating.md: an override stored with the workbook
 * (for an item, or for labels containing a word); the qualifier (以下・未満・以内 → lower, 以上・超 →
 * higher); what the words after the value say (15人削減 is an amount cut: higher; に抑える a ceiling:
 * lower); the label's words (an amount of reduction, a label naming a cut, the vocabulary of
 * rating/vocabulary.ts); the item's title when it names a cut of the label's quantity (時間外勤務の縮減);
 * the column's header, the same way; else higher, which the evidence says was assumed.
 */
export function inferDirection(target: Metric, override?: Direction, profile?: Pick<RatingProfile, "labelDirections">, header?: string, title?: string): InferredDirection {
  if (override) return { direction: override, source: "override" };
  const byLabel = Object.entries(profile?.labelDirections ?? {})
    .filter(([word]) => target.label.includes(word))
    .sort((a, b) => b[0].length - a[0].length)[0];
  if (byLabel) return { direction: byLabel[1], source: "override", word: byLabel[0] };
  if (target.op === "le" || target.op === "lt") return { direction: "lower", source: "qualifier" };
  if (target.op === "ge" || target.op === "gt") return { direction: "higher", source: "qualifier" };
  if (target.sense === "reduction") return { direction: "higher", source: "qualifier", word: "削減" };
  if (target.sense === "ceiling") return { direction: "lower", source: "qualifier", word: "抑える" };
  return wordsSay(target.label) ?? titleSays(title, target.label) ?? wordsSay(header ?? "") ?? { direction: "higher", source: "default" };
}

/**
 * Whether a pair is read as amounts cut, compared by size (docs/contracts/rating.md, "Savings"):
 * - "both": the target is written △ or ▲ (or with a minus): a planned decrease. Target and result are
 *   compared by size, a result without a sign counting as an increase unless a word says it is a saving;
 * - "result": the target is a saving (削減, 効果額 … in its label, its words or the column's header, or
 *   15人削減) and the result is written △ or ▲: the sign marks the saving.
 * Undefined when the values are read with their signs: no sign written, or a balance (収支, 赤字, 残高)
 * whose sign is its own.
 */
export function savingReading(target: Metric, result: Metric, header?: string): "both" | "result" | undefined {
  // Most pairs have no sign written: nothing else is looked at.
  const targetDecrease = target.sign !== undefined && target.value < 0;
  const resultDecrease = result.sign !== undefined && result.value < 0;
  if (!targetDecrease && !resultDecrease) return undefined;
  if (BALANCE.test(target.label) || BALANCE.test(result.label)) return undefined;
  if (targetDecrease) return "both";
  return namesSaving(target, result, header) && target.sense !== "ceiling" ? "result" : undefined;
}

/** Whether the words of a pair (labels, the column's header) say its values are amounts saved. */
export function namesSaving(target: Metric, result: Metric, header?: string): boolean {
  return target.sense === "reduction" || result.sense === "reduction" || SAVING.test(target.label) || SAVING.test(result.label) || SAVING.test(header ?? "");
}
