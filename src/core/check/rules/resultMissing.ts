import type { Metric } from "../../metrics/extract";
import { formatTarget } from "../format";
import { at, isBlank, isRepost } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

type Raw = RuleFinding<"empty" | "emptyWithTargets" | "noResult">;

/** Targets as a list, joined as each language joins one. */
const targetList = (targets: readonly Metric[]) => ({
  ja: targets.map((m) => `${m.label} ${formatTarget(m, "ja")}`).join("、"),
  en: targets.map((m) => `${m.label} ${formatTarget(m, "en")}`).join(", "),
});

export const resultMissing = defineRule({
  code: "RESULT_MISSING",
  severity: "warning",
  title: { ja: "実績がない", en: "Result missing" },
  why: {
    ja: "目標値に対応する実績値（または取組実績の記入そのもの）がないと、進捗を確かめられません。",
    en: "Without a result for a target (or without any results text) progress cannot be verified.",
  },
  messages: {
    empty: {
      ja: "当初予定はありますが、取組実績が空欄です",
      en: "There is a plan but the results cell is empty",
    },
    emptyWithTargets: {
      ja: "取組実績が空欄です（目標: {targets}）",
      en: "The results cell is empty (targets: {targets})",
    },
    noResult: {
      ja: "目標に対応する実績値がありません: {targets}",
      en: "No result for: {targets}",
    },
  },
  check(context) {
    const out: Raw[] = [];
    for (const row of context.rows) {
      if (isRepost(row) || !row.item) continue;
      const own = context.evaluations.byRow.get(row.item);
      const missing = (own?.unpairedTargets ?? []).filter(
        (t) => !(t.fiscalYear !== undefined && context.fiscalYear !== undefined && t.fiscalYear > context.fiscalYear),
      );
      if (isBlank(row.result) && !isBlank(row.plan)) {
        out.push({
          ...at(context, row, "result"),
          severity: "warning",
          ...(missing.length > 0 ? { messageId: "emptyWithTargets" as const, data: { targets: targetList(missing) } } : { messageId: "empty" as const }),
        });
      } else if (missing.length > 0) {
        out.push({
          ...at(context, row, "result"),
          severity: "warning",
          messageId: "noResult",
          data: { targets: targetList(missing) },
        });
      }
    }
    return out;
  },
});
