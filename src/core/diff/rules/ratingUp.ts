import { defineRule } from "../../check/types";
import { atItem, movement, resultsStood, type DiffContext } from "../context";

export const ratingUp = defineRule<"rose", DiffContext>({
  code: "RATING_UP",
  severity: "info",
  title: { ja: "評価が上がった", en: "Rating went up" },
  why: { ja: "前年度より評価が上がった項目です。実績の数値が裏づけているか確かめてください。", en: "A rating higher than last year's: check that the achieved values support it." },
  messages: { rose: { ja: "評価が {from} から {to} に上がりました", en: "The rating rose from {from} to {to}" } },
  check(context) {
    // A rise whose results stood still is RESULT_UNCHANGED_RATING_UP instead.
    return context.matches
      .filter((match) => movement(match, context.scale) === "up" && !resultsStood(context, match))
      .map((match) => ({ ...atItem(match.this), messageId: "rose" as const, data: { from: match.last.rating, to: match.this.rating } }));
  },
});
