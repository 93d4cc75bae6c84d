import { formatPercent } from "../format";
import { at } from "../helpers";
import { evidence, leafVerdicts } from "./ratingEvidence";
import type { Rule } from "../types";

export const ratingSCandidate: Rule = {
  code: "RATING_S_CANDIDATE",
  severity: "info",
  title: { ja: "S の候補", en: "S candidate" },
  why: {
    ja: "すべての数値が目標を大きく（既定では 10% 以上）上回っています。予定以上の進捗として S とすることを検討できます。",
    en: "Every value beats its target by the S margin (10% by default): the item may deserve S.",
  },
  check(context) {
    return leafVerdicts(context, "sCandidate").map(({ row, evaluation, stated, verdict }) => {
      const achievement = verdict.pair?.achievement;
      return {
        ...at(context, row, "rating"),
        message: {
          ja: `評価は ${stated} ですが、すべての数値が目標を大きく上回っています${achievement ? `（達成率 ${formatPercent(achievement)}）` : ""}`,
          en: `Rated ${stated}, but every value beats its target by the S margin${achievement ? ` (${formatPercent(achievement)})` : ""}`,
        },
        evidence: evidence(context, row.item, evaluation.pairs),
        suggested: verdict.suggested,
      };
    });
  },
};
