import { at } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

export const unitMismatch = defineRule({
  code: "UNIT_MISMATCH",
  severity: "warning",
  title: { ja: "目標と実績の単位が違う", en: "Target and result units differ" },
  why: { ja: "単位の違う数値（% と 件など）は比べられません。同じ単位で書いてください。", en: "Values in different units (% and 件) cannot be compared. Write them in the same unit." },
  messages: {
    units: {
      ja: "{label}: 目標は「{targetUnit}」、実績は「{resultUnit}」です",
      en: "{label}: the target is in \"{targetUnit}\", the result in \"{resultUnit}\"",
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const row of context.rows) {
      for (const pair of context.evaluations.byRow.get(row.item)?.pairs ?? []) {
        if (pair.status !== "incomparable") continue;
        out.push({
          ...at(context, row, "result"),
          severity: "warning",
          messageId: "units",
          data: {
            label: pair.target.label,
            targetUnit: pair.target.unit || { ja: "単位なし", en: "no unit" },
            resultUnit: pair.result.unit || { ja: "単位なし", en: "no unit" },
          },
        });
      }
    }
    return out;
  },
});
