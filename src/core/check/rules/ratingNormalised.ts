import { at } from "../helpers";
import { defineRule } from "../types";

export const ratingNormalised = defineRule({
  code: "RATING_NORMALISED",
  severity: "info",
  title: { ja: "評価の表記を読み替えた", en: "Rating read as a symbol of the scale" },
  why: {
    ja: "全角・小文字・前後の空白のある評価（Ａ、a、\" A \"）を S・A・B として読みました。表記をそろえると集計が確実になります。",
    en: "Ratings written in full width, lower case or with spaces (Ａ, a, \" A \") were read as S, A or B. Writing them plainly makes counting reliable.",
  },
  messages: {
    readAs: {
      ja: "評価「{written}」を {rating} として読みました",
      en: "Rating \"{written}\" read as {rating}",
    },
  },
  check(context) {
    return context.rows
      .filter((row) => row.ratingStatus === "normalised")
      .map((row) => ({
        ...at(context, row, "rating"),
        severity: "info" as const,
        messageId: "readAs" as const,
        data: { written: row.ratingWritten, rating: row.rating },
      }));
  },
});
