import { at, isRepost } from "../helpers";
import { defineRule } from "../types";

export const ratingMissing = defineRule({
  code: "RATING_MISSING",
  severity: "error",
  title: { ja: "評価がない", en: "Rating missing" },
  why: { ja: "項目（枝番ではない行）には評価が必要です。", en: "Every item (not a sub-item) needs a rating." },
  messages: {
    missing: {
      ja: "評価が記入されていません",
      en: "No rating is given",
    },
  },
  check(context) {
    return context.rows
      .filter((row) => row.kind === "item" && !isRepost(row) && (row.rating === "" || row.rating === "-") && row.ratingStatus !== "invalid")
      .map((row) => ({
        ...at(context, row, "rating"),
        severity: "error" as const,
        messageId: "missing" as const,
      }));
  },
});
