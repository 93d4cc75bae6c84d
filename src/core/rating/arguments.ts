import { extractMetrics, maskNonValues, metricOf, type Metric } from "../metrics/extract";
import { findQuantities } from "../quantity/quantity";
import { memoKind, type Memo } from "../memo";
import { foldText } from "../text/fold";
import { evaluateMetrics } from "./evaluate";
import type { EvaluationContext, TextEvaluation } from "./types";

/** A text short enough, and without sentences, to be a quantity itself ("370万件以上", "参加団体数 12団体"). */
const BARE_QUANTITY_LIMIT = 30;

/**
 * The metrics of what a formula passes: the text of a plan or results cell (its metrics block), a bare
 * quantity such as "370万件以上", or a plain number. Running text is never read for numbers.
 */
export function argumentMetrics(input: string | number, memo?: Memo): readonly Metric[] {
  if (typeof input === "number") {
    const quantity = { value: input, unit: "", unitKnown: true, op: "eq", min: input, max: input, cumulative: false, start: 0, end: 0, kanjiOnly: false } as const;
    return [metricOf(quantity, "", [], String(input))];
  }
  const metrics = extractMetrics(input, memo);
  if (metrics.length > 0 || input.length > BARE_QUANTITY_LIMIT || /[。\n]/.test(input)) return metrics;
  return memo ? memo.get(BARE, input, bareQuantities) : bareQuantities(input);
}

const BARE = memoKind<string, readonly Metric[]>("bare-quantities");

const bareQuantities = (input: string): readonly Metric[] =>
  Object.freeze(findQuantities(maskNonValues(foldText(input))).map((q) => metricOf(q, "", [], input.slice(q.start, q.end))));

/**
 * Evaluates a target argument against an actual one, as PLAN.RATING and PLAN.CHECK do. Two cells say
 * nothing of the year evaluated: it is the latest year the results name, else a target for a named
 * year is interim (as the check finds it when that year is later than the one evaluated).
 */
export function evaluateArguments(target: string | number, actual: string | number, context: EvaluationContext = {}): TextEvaluation {
  const results = argumentMetrics(actual, context.memo);
  const named = results.map((m) => m.fiscalYear).filter((y): y is number => y !== undefined);
  const fiscalYear = context.fiscalYear ?? (named.length ? Math.max(...named) : undefined);
  return evaluateMetrics(argumentMetrics(target, context.memo), results, { ...context, ...(fiscalYear === undefined ? {} : { fiscalYear }), datedTargetsInterim: true });
}
