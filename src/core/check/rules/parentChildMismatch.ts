import { ratingVerdict } from "../../rating/judgement";
import { at, hasSubItems, ratedItems } from "../helpers";
import { evidence } from "./ratingEvidence";
import { defineRule, type RuleFinding } from "../types";

export const parentChildMismatch = defineRule({
  code: "PARENT_CHILD_MISMATCH",
  severity: "warning",
  title: { ja: "親項目の評価と枝番の数値が合わない", en: "Parent rating contradicts its sub-items" },
  why: {
    ja: "枝番のある項目の評価は、枝番の数値をまとめたものと合っている必要があります。",
    en: "A parent's rating must agree with the evidence of its sub-items taken together.",
  },
  messages: {
    mismatch: {
      ja: "評価は {stated} ですが、枝番の数値からは {suggested} です",
      en: "Rated {stated}, but its sub-items' numbers support {suggested}",
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const { row, evaluation, stated } of ratedItems(context)) {
      if (!hasSubItems(context, row)) continue;
      // The same judgement as any item, on the union of the sub-items' pairs; an S candidate is no contradiction.
      const verdict = ratingVerdict(stated, evaluation.pairs, context.profile.scale);
      if (!verdict || verdict.kind === "sCandidate") continue;
      out.push({
        ...at(context, row, "rating"),
        messageId: "mismatch",
        data: { stated, suggested: verdict.suggested },
        evidence: evidence(context, row.item, evaluation.pairs),
        years: row.years,
        suggested: verdict.suggested,
      });
    }
    return out;
  },
});
