import { formatTarget } from "../format";
import { at, isBlank, isRepost } from "../helpers";
import type { Rule, RuleFinding } from "../types";

type Raw = RuleFinding;

export const resultMissing: Rule = {
  code: "RESULT_MISSING",
  severity: "warning",
  title: { ja: "実績がない", en: "Result missing" },
  why: {
    ja: "目標値に対応する実績値（または取組実績の記入そのもの）がないと、進捗を確かめられません。",
    en: "Without a result for a target (or without any results text) progress cannot be verified.",
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
          message: {
            ja: missing.length > 0 ? `取組実績が空欄です（目標: ${missing.map((m) => `${m.label} ${formatTarget(m, "ja")}`).join("、")}）` : "当初予定はありますが、取組実績が空欄です",
            en: missing.length > 0 ? `The results cell is empty (targets: ${missing.map((m) => `${m.label} ${formatTarget(m, "en")}`).join(", ")})` : "There is a plan but the results cell is empty",
          },
        });
      } else if (missing.length > 0) {
        out.push({
          ...at(context, row, "result"),
          severity: "warning",
          message: {
            ja: `目標に対応する実績値がありません: ${missing.map((m) => `${m.label} ${formatTarget(m, "ja")}`).join("、")}`,
            en: `No result for: ${missing.map((m) => `${m.label} ${formatTarget(m, "en")}`).join(", ")}`,
          },
        });
      }
    }
    return out;
  },
};
