import { defineRule } from "../../check/types";
import { atItem, movement, resultsStood, valueList, type DiffContext } from "../context";

export const resultUnchangedRatingUp = defineRule<"stood" | "stoodValues", DiffContext>({
  code: "RESULT_UNCHANGED_RATING_UP",
  severity: "error",
  title: { ja: "実績が変わらないのに評価が上がった", en: "Rating up while the results did not move" },
  why: { ja: "実績の数値が前年度と同じなのに評価だけが上がるのは、評価か実績の書き忘れのことが多いです。", en: "A rating that rises while the achieved values stay the same usually means a rating or a result was not updated." },
  messages: {
    stood: { ja: "評価が {from} から {to} に上がりましたが、実績は前年度と同じです", en: "The rating rose from {from} to {to}, but the results are last year's" },
    stoodValues: { ja: "評価が {from} から {to} に上がりましたが、実績は前年度と同じです（{values}）", en: "The rating rose from {from} to {to}, but the results are last year's ({values})" },
  },
  check(context) {
    return context.matches
      .filter((match) => movement(match, context.scale) === "up" && resultsStood(context, match))
      .map((match) => {
        const values = context.metrics(match.this.result);
        const data = { from: match.last.rating, to: match.this.rating };
        return { ...atItem(match.this), ...(values.length > 0 ? { messageId: "stoodValues" as const, data: { ...data, values: valueList(values) } } : { messageId: "stood" as const, data }) };
      });
  },
});
