import { at, isRepost } from "../helpers";
import type { Rule } from "../types";

export const ratingMissing: Rule = {
  code: "RATING_MISSING",
  severity: "error",
  title: { ja: "評価がない", en: "Rating missing" },
  why: { ja: "項目（枝番ではない行）には評価が必要です。", en: "Every item (not a sub-item) needs a rating." },
  check(context) {
    return context.rows
      .filter((row) => row.kind === "item" && !isRepost(row) && (row.rating === "" || row.rating === "-") && row.ratingStatus !== "invalid")
      .map((row) => ({
        ...at(context, row, "rating"),
        severity: "error" as const,
        message: { ja: "評価が記入されていません", en: "No rating is given" },
      }));
  },
};
