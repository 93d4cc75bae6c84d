import { formatTarget } from "../format";
import { at } from "../helpers";
import type { Rule, RuleFinding } from "../types";

export const targetInterim: Rule = {
  code: "TARGET_INTERIM",
  severity: "info",
  title: { ja: "後年度の目標（比較せず）", en: "Target for a later year (not compared)" },
  why: {
    ja: "目標が評価年度より後の年度のもの（例: 令和4年度末）なので、今年度の遅れとしては比べていません。途中経過として確認してください。",
    en: "The target is for a later fiscal year than the one evaluated (e.g. end of FY2022): it is not compared as short this year. Review it as interim progress.",
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const row of context.rows) {
      const own = context.evaluations.byRow.get(row.item);
      for (const pair of own?.pairs ?? []) {
        if (pair.status !== "interim") continue;
        out.push({
          ...at(context, row, "plan"),
          severity: "info",
          message: {
            ja: `${pair.target.label} の目標 ${formatTarget(pair.target, "ja")} は ${pair.target.fiscalYear}年度のものです（現在の実績 ${pair.result.value}${pair.result.unit}）`,
            en: `The target ${formatTarget(pair.target, "en")} of ${pair.target.label} is for FY${pair.target.fiscalYear} (result so far ${pair.result.value}${pair.result.unit})`,
          },
        });
      }
    }
    return out;
  },
};
