import { symbolList } from "../../rating/scale";
import { at } from "../helpers";
import { defineRule } from "../types";

export const ratingInvalid = defineRule({
  code: "RATING_INVALID",
  severity: "error",
  title: { ja: "評価が尺度の記号でない", en: "Rating is not on the scale" },
  why: {
    ja: "評価欄は尺度の記号（既定では S・A・B、枝番は「-」または空欄）だけを受け付けます。それ以外の文字は集計とレポートを誤らせます。",
    en: "The rating column takes the scale's symbols (S, A or B by default; \"-\" or empty on sub-items). Anything else breaks the summary and the report.",
  },
  messages: {
    invalid: {
      ja: "評価「{written}」は {symbols} のいずれでもありません",
      en: "Rating \"{written}\" is none of {symbols}",
    },
  },
  check(context) {
    return context.rows
      .filter((row) => row.ratingStatus === "invalid")
      .map((row) => ({
        ...at(context, row, "rating"),
        severity: "error" as const,
        messageId: "invalid" as const,
        data: { written: row.ratingWritten, symbols: { ja: symbolList(context.profile.scale), en: symbolList(context.profile.scale).replace(/・/g, ", ") } },
      }));
  },
});
