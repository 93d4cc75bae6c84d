import type { ItemEvaluation } from "../../rating/evaluate";
import { ratingVerdict, type RatingVerdict, type VerdictKind } from "../../rating/judgement";
import type { PairEvaluation } from "../../rating/types";
import type { TableRow } from "../../workbook/table";
import { toEvidence } from "../format";
import { hasSubItems, pairItem, ratedItems } from "../helpers";
import type { CheckContext } from "../types";

/** Evidence of an item: its pairs (a parent's include its sub-items'), each with where it comes from. */
export function evidence(context: CheckContext, item: string, pairs: readonly PairEvaluation[]) {
  return pairs.map((p) => toEvidence(p, pairItem(context, p, item)));
}

export interface JudgedItem {
  row: TableRow;
  evaluation: ItemEvaluation;
  stated: string;
  verdict: RatingVerdict;
}

/**
 * Items without sub-items whose stated rating the judgement finds of this kind (a parent's
 * contradiction is PARENT_CHILD_MISMATCH).
 */
export function leafVerdicts(context: CheckContext, kind: VerdictKind): JudgedItem[] {
  return judgedLeaves(context).filter((judged) => judged.verdict.kind === kind);
}

const judgedCache = new WeakMap<CheckContext, JudgedItem[]>();

/** Every rated item without sub-items and its verdict, judged once per check for all the rating rules. */
function judgedLeaves(context: CheckContext): JudgedItem[] {
  const cached = judgedCache.get(context);
  if (cached) return cached;
  const out: JudgedItem[] = [];
  for (const { row, evaluation, stated } of ratedItems(context)) {
    if (hasSubItems(context, row)) continue;
    const verdict = ratingVerdict(stated, evaluation.pairs, context.profile.scale);
    if (verdict) out.push({ row, evaluation, stated, verdict });
  }
  judgedCache.set(context, out);
  return out;
}
