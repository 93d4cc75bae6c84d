import type { Metric } from "../../metrics/extract";
import { formatTarget } from "../format";
import { isBlank, isRepost, rowFinding } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

type Raw = RuleFinding<"empty" | "emptyWithTargets" | "noResult">;

const NONE: readonly Metric[] = [];

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
      const unpaired = context.evaluations.byRow.get(row.item)?.unpairedTargets;
      const missing =
        unpaired === undefined || unpaired.length === 0
          ? NONE
          : unpaired.filter((t) => !(t.fiscalYear !== undefined && context.fiscalYear !== undefined && t.fiscalYear > context.fiscalYear));
      if (isBlank(row.result) && !isBlank(row.plan)) {
        out.push(
          rowFinding(
            context,
            row,
            "result",
            missing.length > 0 ? { severity: "warning", messageId: "emptyWithTargets", data: { targets: targetList(missing) } } : { severity: "warning", messageId: "empty" },
          ),
        );
      } else if (missing.length > 0) {
        out.push(rowFinding(context, row, "result", { severity: "warning", messageId: "noResult", data: { targets: targetList(missing) } }));
      }
    }
    return out;
  },
});
