import { comparable, hasSubItems, pairItem, ratedItems } from "../helpers";
import { toEvidence } from "../format";
import type { CheckContext } from "../types";

/** Evidence of an item: its pairs (a parent's include its sub-items'), each with where it comes from. */
export function evidence(context: CheckContext, item: string, pairs: Parameters<typeof comparable>[0]) {
  return pairs.map((p) => toEvidence(p, pairItem(context, p, item)));
}

/** Rating rules look at items without sub-items; a parent's contradiction is PARENT_CHILD_MISMATCH. */
export function leafItems(context: CheckContext) {
  return ratedItems(context).filter(({ row }) => !hasSubItems(context, row));
}
