import { at } from "../helpers";
import type { Rule, RuleFinding } from "../types";

export const repostMismatch: Rule = {
  code: "REPOST_MISMATCH",
  severity: "warning",
  title: { ja: "再掲と元の項目が違う", en: "Repost differs from its original" },
  why: { ja: "再掲の項目名や評価が元の項目と違うと、同じ取組が二通りに公表されます。", en: "A repost (再掲) whose title or rating differs from its original publishes one action two ways." },
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
          message: { ja: `項目名「${row.title}」が No. ${original.no}「${original.title}」と違います`, en: `Title "${row.title}" differs from No. ${original.no} "${original.title}"` },
        });
      }
      if (row.rating && original.rating && row.rating !== original.rating) {
        out.push({
          ...at(context, row, "rating"),
          severity: "warning",
          message: { ja: `評価 ${row.rating} が No. ${original.no} の評価 ${original.rating} と違います`, en: `Rating ${row.rating} differs from No. ${original.no}'s ${original.rating}` },
        });
      }
    }
    return out;
  },
};
