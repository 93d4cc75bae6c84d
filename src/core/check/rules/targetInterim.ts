import { formatResult, formatTarget } from "../format";
import { rowFinding } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

export const targetInterim = defineRule({
  code: "TARGET_INTERIM",
  severity: "info",
  title: { ja: "後年度の目標（比較せず）", en: "Target for a later year (not compared)" },
  why: {
    ja: "目標が評価年度より後の年度のもの（例: 令和4年度末）なので、今年度の遅れとしては比べていません。途中経過として確認してください。",
    en: "The target is for a later fiscal year than the one evaluated (e.g. end of FY2022): it is not compared as short this year. Review it as interim progress.",
  },
  messages: {
    later: {
      ja: "{label} の目標 {target} は {year}年度のものです（現在の実績 {result}）",
      en: "The target {target} of {label} is for FY{year} (result so far {result})",
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const row of context.rows) {
      const own = context.evaluations.byRow.get(row.item);
      for (const pair of own?.pairs ?? []) {
        if (pair.status !== "interim") continue;
        out.push(
          rowFinding(context, row, "plan", {
            severity: "info",
            messageId: "later",
            data: {
              label: pair.target.label,
              target: { ja: formatTarget(pair.target, "ja"), en: formatTarget(pair.target, "en") },
              year: pair.target.fiscalYear ?? "",
              result: formatResult(pair.result),
            },
          }),
        );
      }
    }
    return out;
  },
});
