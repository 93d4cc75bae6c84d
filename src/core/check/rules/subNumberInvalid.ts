import { at } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

export const subNumberInvalid = defineRule({
  code: "SUB_NUMBER_INVALID",
  severity: "error",
  title: { ja: "枝番の誤り", en: "Invalid sub-item number" },
  why: { ja: "枝番は親の項目の下に 1, 2, 3 … の順で並びます。親がない・順番が違うと、親項目の評価の根拠が崩れます。", en: "Sub-items stand under their parent numbered 1, 2, 3 …; without a parent or out of order, the parent's evidence is wrong." },
  messages: {
    notUnderParent: {
      ja: "枝番 {item} が親の No. {parent} の下にありません",
      en: "Sub-item {item} does not stand under No. {parent}",
    },
    noParent: {
      ja: "枝番の上に親の項目がありません",
      en: "The sub-item has no item above it",
    },
    order: {
      ja: "枝番 {sub} の位置には {expected} が来るはずです",
      en: "Sub-item {sub} stands where {expected} was expected",
    },
  },
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
          ...(row.parent ? { messageId: "notUnderParent" as const, data: { item: row.item, parent: row.parent } } : { messageId: "noParent" as const }),
        });
      } else if (row.sub !== expected) {
        out.push({
          ...at(context, row, "sub"),
          severity: "error",
          messageId: "order",
          data: { sub: row.sub ?? "", expected },
        });
      }
      expected = (row.sub ?? expected) + 1;
    }
    return out;
  },
});
