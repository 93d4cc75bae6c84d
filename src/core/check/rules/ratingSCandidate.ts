import { formatPercent } from "../format";
import { rowFinding } from "../helpers";
import { evidence, leafVerdicts } from "./ratingEvidence";
import { defineRule } from "../types";

export const ratingSCandidate = defineRule({
  code: "RATING_S_CANDIDATE",
  severity: "info",
  title: { ja: "S の候補", en: "S candidate" },
  why: {
    ja: "すべての数値が目標を大きく（既定では 10% 以上）上回っています。予定以上の進捗として S とすることを検討できます。",
    en: "Every value beats its target by the S margin (10% by default): the item may deserve S.",
  },
  messages: {
    beats: {
      ja: "評価は {stated} ですが、すべての数値が目標を大きく上回っています",
      en: "Rated {stated}, but every value beats its target by the S margin",
    },
    beatsBy: {
      ja: "評価は {stated} ですが、すべての数値が目標を大きく上回っています（達成率 {achievement}）",
      en: "Rated {stated}, but every value beats its target by the S margin ({achievement})",
    },
  },
  check(context) {
    return leafVerdicts(context, "sCandidate").map(({ row, evaluation, stated, verdict }) => {
      const achievement = verdict.pair?.achievement;
      const saying = achievement ? { messageId: "beatsBy" as const, data: { stated, achievement: formatPercent(achievement) } } : { messageId: "beats" as const, data: { stated } };
      return rowFinding(context, row, "rating", {
        ...saying,
        evidence: evidence(context, row.item, evaluation.pairs),
        years: row.years,
        suggested: verdict.suggested,
      });
    });
  },
});
