import { ratedItems, rowFinding } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

export const notEvaluable = defineRule({
  code: "NOT_EVALUABLE",
  severity: "info",
  title: { ja: "評価不能（数値の根拠なし）", en: "Not evaluable (no numeric evidence)" },
  why: {
    ja: "目標と実績の数値の組がないため、記載どおりの評価として扱いました。目標値・実績値を文末の（ ）に書くと点検できます。",
    en: "No target and result pair to compare: the rating is accepted as stated. Write the values in the trailing ( ) of the cells to have them checked.",
  },
  messages: {
    accepted: {
      ja: "数値で確かめられないため、評価 {stated} をそのまま受け入れました",
      en: "No numbers to verify: rating {stated} accepted as stated",
    },
  },
  check(context) {
    const out: RuleFinding<"accepted">[] = [];
    // Most items of a large table say one of a few ratings: their data is shared.
    const dataOf = new Map<string, { stated: string }>();
    for (const { row, stated, evaluation } of ratedItems(context)) {
      if (evaluation.expected !== "-") continue;
      let data = dataOf.get(stated);
      if (!data) dataOf.set(stated, (data = { stated }));
      out.push(rowFinding(context, row, "rating", { messageId: "accepted", data, suggested: "-" }));
    }
    return out;
  },
});
