import { at } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

export const repostMismatch = defineRule({
  code: "REPOST_MISMATCH",
  severity: "warning",
  title: { ja: "再掲と元の項目が違う", en: "Repost differs from its original" },
  why: { ja: "再掲の項目名や評価が元の項目と違うと、同じ取組が二通りに公表されます。", en: "A repost (再掲) whose title or rating differs from its original publishes one action two ways." },
  messages: {
    title: {
      ja: "項目名「{title}」が No. {no}「{originalTitle}」と違います",
      en: "Title \"{title}\" differs from No. {no} \"{originalTitle}\"",
    },
    rating: {
      ja: "評価 {rating} が No. {no} の評価 {originalRating} と違います",
      en: "Rating {rating} differs from No. {no}'s {originalRating}",
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const row of context.rows) {
      if (row.repostOf === undefined) continue;
      const original = context.rowsByItem.get(String(row.repostOf));
      if (!original || original.repostOf !== undefined) continue;
      if (row.title && original.title && row.title !== original.title) {
        out.push({
          ...at(context, row, "title"),
          severity: "warning",
          messageId: "title",
          data: { title: row.title, no: original.no ?? "", originalTitle: original.title },
        });
      }
      if (row.rating && original.rating && row.rating !== original.rating) {
        out.push({
          ...at(context, row, "rating"),
          severity: "warning",
          messageId: "rating",
          data: { rating: row.rating, no: original.no ?? "", originalRating: original.rating },
        });
      }
    }
    return out;
  },
});
