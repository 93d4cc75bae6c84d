import { at } from "../helpers";
import type { Rule, RuleFinding } from "../types";

export const unitMismatch: Rule = {
  code: "UNIT_MISMATCH",
  severity: "warning",
  title: { ja: "目標と実績の単位が違う", en: "Target and result units differ" },
  why: { ja: "単位の違う数値（% と 件など）は比べられません。同じ単位で書いてください。", en: "Values in different units (% and 件) cannot be compared. Write them in the same unit." },
  check(context) {
    const out: RuleFinding[] = [];
    for (const row of context.rows) {
      for (const pair of context.evaluations.byRow.get(row.item)?.pairs ?? []) {
        if (pair.status !== "incomparable") continue;
        out.push({
          ...at(context, row, "result"),
          severity: "warning",
          message: {
            ja: `${pair.target.label}: 目標は「${pair.target.unit || "単位なし"}」、実績は「${pair.result.unit || "単位なし"}」です`,
            en: `${pair.target.label}: the target is in "${pair.target.unit || "no unit"}", the result in "${pair.result.unit || "no unit"}"`,
          },
        });
      }
    }
    return out;
  },
};
