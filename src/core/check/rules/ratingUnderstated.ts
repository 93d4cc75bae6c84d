import { at } from "../helpers";
import { evidence, leafVerdicts } from "./ratingEvidence";
import type { Rule } from "../types";

export const ratingUnderstated: Rule = {
  code: "RATING_UNDERSTATED",
  severity: "warning",
  title: { ja: "評価が数値より低い", en: "Rating lower than the numbers" },
  why: {
    ja: "B（遅れ）としながら数値はすべて目標に達しています。遅れと判断した理由（数値に表れない遅れ）を実績欄に書くか、評価を見直してください。",
    en: "Rated B (behind) while every target is met. Write why it is behind despite the numbers, or revise the rating.",
  },
  check(context) {
    return leafVerdicts(context, "understated").map(({ row, evaluation, stated, verdict }) => ({
      ...at(context, row, "rating"),
      message: { ja: `評価は ${stated} ですが、数値はすべて目標に達しています`, en: `Rated ${stated}, but every target is met` },
      evidence: evidence(context, row.item, evaluation.pairs),
      suggested: verdict.suggested,
    }));
  },
};
