import { expectedRating } from "../../rating/evaluate";
import { at, hasSubItems, ratedItems } from "../helpers";
import { evidence } from "./ratingEvidence";
import type { Rule, RuleFinding } from "../types";

type Raw = RuleFinding;

export const parentChildMismatch: Rule = {
  code: "PARENT_CHILD_MISMATCH",
  severity: "warning",
  title: { ja: "親項目の評価と枝番の数値が合わない", en: "Parent rating contradicts its sub-items" },
  why: {
    ja: "枝番のある項目の評価は、枝番の数値をまとめたものと合っている必要があります。",
    en: "A parent's rating must agree with the evidence of its sub-items taken together.",
  },
  check(context) {
    const out: Raw[] = [];
    for (const { row, evaluation, stated } of ratedItems(context)) {
      if (!hasSubItems(context, row)) continue;
      const expected = expectedRating(evaluation.pairs);
      if (expected === "-" || expected === stated) continue;
      const behind = expected === "B";
      const contradicts = behind ? stated !== "B" : stated === "B" || (stated === "S" && expected === "A");
      if (!contradicts) continue;
      out.push({
        ...at(context, row, "rating"),
        message: {
          ja: `評価は ${stated} ですが、枝番の数値からは ${expected} です`,
          en: `Rated ${stated}, but its sub-items' numbers support ${expected}`,
        },
        evidence: evidence(context, row.item, evaluation.pairs),
        suggested: expected,
      });
    }
    return out;
  },
};
