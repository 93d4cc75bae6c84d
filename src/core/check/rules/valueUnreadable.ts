import { at } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

export const valueUnreadable = defineRule({
  code: "VALUE_UNREADABLE",
  severity: "warning",
  title: { ja: "数値として読めない値", en: "Value that is not a number" },
  why: {
    ja: "桁が多すぎるなど、数値として比べられない値があります。その値は点検に使っていません。入力の誤りでないか確かめてください。",
    en: "A value cannot be compared as a number (it has far too many digits, for instance) and was left out of the check. Check whether it was typed by mistake.",
  },
  messages: {
    notANumber: {
      ja: "数値として読めない値があります: {values}",
      en: "Not a number: {values}",
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const row of context.rows) {
      const evaluation = context.evaluations.byRow.get(row.item);
      if (!evaluation) continue;
      for (const [field, metrics] of [["plan", evaluation.targets], ["result", evaluation.results]] as const) {
        const bad = metrics.filter((m) => m.notANumber);
        if (bad.length === 0) continue;
        const shown = bad.map((m) => `${m.label ? `${m.label}: ` : ""}${m.text.length > 24 ? `${m.text.slice(0, 24)}…` : m.text}`).join("、");
        out.push({
          ...at(context, row, field),
          messageId: "notANumber",
          data: { values: shown },
        });
      }
    }
    return out;
  },
});
