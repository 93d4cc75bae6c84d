import { defineRule } from "../../check/types";
import { atItem, movement, type DiffContext } from "../context";

export const ratingDown = defineRule<"fell", DiffContext>({
  code: "RATING_DOWN",
  severity: "warning",
  title: { ja: "評価が下がった", en: "Rating went down" },
  why: { ja: "前年度より評価が下がった項目は、理由を実績欄で説明すると読み手に伝わります。", en: "A rating lower than last year's is best explained in the results." },
  messages: { fell: { ja: "評価が {from} から {to} に下がりました", en: "The rating fell from {from} to {to}" } },
  check(context) {
    return context.matches
      .filter((match) => movement(match, context.scale) === "down")
      .map((match) => ({ ...atItem(match.this), messageId: "fell" as const, data: { from: match.last.rating, to: match.this.rating } }));
  },
});
