import { at } from "../helpers";
import { evidence, leafVerdicts } from "./ratingEvidence";
import { defineRule } from "../types";

export const ratingUnderstated = defineRule({
  code: "RATING_UNDERSTATED",
  severity: "warning",
  title: { ja: "評価が数値より低い", en: "Rating lower than the numbers" },
  why: {
    ja: "B（遅れ）としながら数値はすべて目標に達しています。遅れと判断した理由（数値に表れない遅れ）を実績欄に書くか、評価を見直してください。",
    en: "Rated B (behind) while every target is met. Write why it is behind despite the numbers, or revise the rating.",
  },
  messages: {
    allMet: {
      ja: "評価は {stated} ですが、数値はすべて目標に達しています",
      en: "Rated {stated}, but every target is met",
    },
  },
  check(context) {
    return leafVerdicts(context, "understated").map(({ row, evaluation, stated, verdict }) => ({
      ...at(context, row, "rating"),
      messageId: "allMet" as const,
      data: { stated },
      evidence: evidence(context, row.item, evaluation.pairs),
        years: row.years,
      suggested: verdict.suggested,
    }));
  },
});
