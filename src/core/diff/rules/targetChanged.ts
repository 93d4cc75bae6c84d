import { defineRule } from "../../check/types";
import { atItem, sameValues, valueList, type DiffContext } from "../context";

export const targetChanged = defineRule<"changed", DiffContext>({
  code: "TARGET_CHANGED",
  severity: "info",
  title: { ja: "目標値が変わった", en: "Target changed" },
  why: { ja: "計画期間中に目標値を変えたときは、変更の理由と時期を記録しておきます。", en: "A target changed within the plan's period deserves a note of when and why." },
  messages: { changed: { ja: "目標値が変わりました: {from} → {to}", en: "Target changed: {from} → {to}" } },
  check(context) {
    return context.matches.flatMap((match) => {
      // The same text is the same target (a value too long to read compares unequal to itself).
      if (match.last.plan === match.this.plan) return [];
      const was = context.metrics(match.last.plan);
      const now = context.metrics(match.this.plan);
      if (was.length === 0 || now.length === 0 || sameValues(was, now)) return [];
      return [{ ...atItem(match.this), messageId: "changed" as const, data: { from: valueList(was), to: valueList(now) } }];
    });
  },
});
