import { isBlank, isRepost, rowFinding } from "../helpers";
import { defineRule } from "../types";

export const planMissing = defineRule({
  code: "PLAN_MISSING",
  severity: "warning",
  title: { ja: "当初予定がない", en: "Plan missing" },
  why: { ja: "実績があるのに当初予定（目標値）がないと、予定どおりかどうかを判断できません。", en: "Results without a plan (target) cannot be judged against a schedule." },
  messages: {
    empty: {
      ja: "取組実績はありますが、当初予定（目標値）が空欄です",
      en: "There are results but the plan cell is empty",
    },
  },
  check(context) {
    return context.rows
      .filter((row) => row.item && !isRepost(row) && isBlank(row.plan) && !isBlank(row.result))
      .map((row) => rowFinding(context, row, "plan", { severity: "warning", messageId: "empty" }));
  },
});
