import { formatPercent } from "../format";
import { at } from "../helpers";
import { ratingVerdict } from "../verdict";
import { evidence, leafItems } from "./ratingEvidence";
import type { Rule, RuleFinding } from "../types";

export const ratingSCandidate: Rule = {
  code: "RATING_S_CANDIDATE",
  severity: "info",
  title: { ja: "S の候補", en: "S candidate" },
  why: {
    ja: "すべての数値が目標を大きく（既定では 10% 以上）上回っています。予定以上の進捗として S とすることを検討できます。",
    en: "Every value beats its target by the S margin (10% by default): the item may deserve S.",
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const { row, evaluation, stated } of leafItems(context)) {
      const verdict = ratingVerdict(stated, evaluation);
      if (verdict?.code !== "RATING_S_CANDIDATE") continue;
      const achievement = verdict.pair?.achievement;
      out.push({
        ...at(context, row, "rating"),
        message: {
          ja: `評価は A ですが、すべての数値が目標を大きく上回っています${achievement ? `（達成率 ${formatPercent(achievement)}）` : ""}`,
          en: `Rated A, but every value beats its target by the S margin${achievement ? ` (${formatPercent(achievement)})` : ""}`,
        },
        evidence: evidence(context, row.item, evaluation.pairs),
        suggested: "S",
      });
    }
    return out;
  },
};
