import { at } from "../helpers";
import type { Rule, RuleFinding } from "../types";

export const subNumberInvalid: Rule = {
  code: "SUB_NUMBER_INVALID",
  severity: "error",
  title: { ja: "枝番の誤り", en: "Invalid sub-item number" },
  why: { ja: "枝番は親の項目の下に 1, 2, 3 … の順で並びます。親がない・順番が違うと、親項目の評価の根拠が崩れます。", en: "Sub-items stand under their parent numbered 1, 2, 3 …; without a parent or out of order, the parent's evidence is wrong." },
  check(context) {
    const out: RuleFinding[] = [];
    let parent: string | undefined;
    let expected = 1;
    for (const row of context.rows) {
      if (row.kind === "item") {
        parent = row.item;
        expected = 1;
        continue;
      }
      if (!row.parent || row.parent !== parent) {
        out.push({
          ...at(context, row, "sub"),
          severity: "error",
          message: row.parent
            ? { ja: `枝番 ${row.item} が親の No. ${row.parent} の下にありません`, en: `Sub-item ${row.item} does not stand under No. ${row.parent}` }
            : { ja: "枝番の上に親の項目がありません", en: "The sub-item has no item above it" },
        });
      } else if (row.sub !== expected) {
        out.push({
          ...at(context, row, "sub"),
          severity: "error",
          message: { ja: `枝番 ${row.sub} の位置には ${expected} が来るはずです`, en: `Sub-item ${row.sub} stands where ${expected} was expected` },
        });
      }
      expected = (row.sub ?? expected) + 1;
    }
    return out;
  },
};
