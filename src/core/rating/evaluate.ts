import { Memo, MEMO_LIMIT, memoKind } from "../memo";
import { extractMetrics, type Metric } from "../metrics/extract";
import { cutTitle, inferDirection, savingReading, namesSaving, type InferredDirection } from "./direction";
import { expectedRating } from "./judgement";
import { pairMetrics, unitsCompatible, type MetricPair } from "./pairing";
import { DEFAULT_PROFILE, type Direction, type RatingProfile } from "./profile";
import type { AchievementMethod, EvaluationContext, PairEvaluation, PairStatus, TextEvaluation } from "./types";

function overrideFor(profile: RatingProfile, item: string | undefined, target: Metric, index: number): Direction | undefined {
  if (!item) return undefined;
  const overrides = profile.directionOverrides;
  return overrides[`${item}:${target.marker ?? index + 1}`] ?? overrides[item];
}

/** The headers of the plan and results columns: their words may say what the values are (削減額). */
export interface ColumnHeaders {
  plan?: string;
  result?: string;
}

/** A value as compared by size: a decrease written △ 500万円 is a cut of 5,000,000. */
interface Bounds {
  low?: number;
  high?: number;
  lowOpen: boolean;
  highOpen: boolean;
}

function boundsOf(target: Metric): Bounds {
  return { low: target.min, high: target.max, lowOpen: target.op === "gt", highOpen: target.op === "lt" || target.maxExclusive === true };
}

/**
 * The bounds of a target written as a decrease, by size. A qualifier speaks of the size as written
 * (△1億円以内: a cut of at most 1億円; △5%以上: at least 5%); an exact value or a range is negated.
 */
function bySize(target: Metric, bounds: Bounds): Bounds {
  const negated = (x: number | undefined) => (x === undefined ? undefined : -x);
  if (target.op === "ge" || target.op === "gt") return { low: negated(bounds.low), lowOpen: bounds.lowOpen, highOpen: false };
  if (target.op === "le" || target.op === "lt") return { high: negated(bounds.high), highOpen: bounds.highOpen, lowOpen: false };
  return { low: negated(bounds.high), high: negated(bounds.low), lowOpen: bounds.highOpen, highOpen: bounds.lowOpen };
}

/**
 * The direction of a pair read by size: what a qualifier says (△1億円以内 is at most a cut of 1億円),
 * else a larger cut is better; said in the evidence as the sign that decided (△ or ▲).
 */
function sizeDirection(target: Metric, inferred: InferredDirection): InferredDirection {
  if (inferred.source === "override") return inferred;
  const word = target.sign === "▲" ? "▲" : target.sign === "△" ? "△" : undefined;
  if (target.op === "le" || target.op === "lt") return { direction: "lower", source: "sign", word };
  return { direction: "higher", source: "sign", word: word ?? inferred.word };
}

/** Evaluates one target ↔ result pair (docs/contracts/rating.md, "Direction and evaluation"). */
export function evaluatePair(
  pair: MetricPair,
  context: EvaluationContext = {},
  item?: string,
  index = 0,
  headers?: ColumnHeaders,
  title?: string,
): PairEvaluation {
  const profile = context.profile ?? DEFAULT_PROFILE;
  const { target, result } = pair;
  const header = headers?.plan || headers?.result ? `${headers.plan ?? ""} ${headers.result ?? ""}` : undefined;
  const reading = savingReading(target, result, header);
  const signed = inferDirection(target, overrideFor(profile, item, target, index), profile, header, title);
  const inferred = reading ? sizeDirection(target, signed) : signed;
  // Every evaluation has one shape, each field present (undefined where absent): a large table makes
  // hundreds of thousands.
  const evaluation = (
    status: PairStatus,
    achievement?: number,
    method?: AchievementMethod,
    reference?: number,
    withinTolerance = false,
  ): PairEvaluation => ({
    target,
    result,
    pairedBy: pair.pairedBy,
    direction: inferred.direction,
    directionSource: inferred.source,
    directionWord: inferred.word || undefined,
    status,
    achievement,
    method,
    reference,
    withinTolerance,
  });
  if (target.fiscalYear !== undefined) {
    // A target for a named year: interim when that year is later than the one evaluated; with no year
    // known, the functions take it as interim and the check leaves it uncompared (FISCAL_YEAR_UNKNOWN).
    if (context.fiscalYear !== undefined ? target.fiscalYear > context.fiscalYear : context.datedTargetsInterim === true) return evaluation("interim");
    if (context.fiscalYear === undefined) return evaluation("yearUnknown");
  }
  // 20件中18件 against a percentage: the share of the whole, 90%.
  const share = target.unit === "%" && result.unit !== "%" && result.total !== undefined && result.total > 0 ? (result.value / result.total) * 100 : undefined;
  if (target.notANumber || result.notANumber || (share === undefined && !unitsCompatible(target, result))) return evaluation("incomparable");

  // Read by size: a target written as a decrease has its bounds negated; a result written △ or ▲ is the
  // size of its cut, and one without a sign beside a decrease is an increase unless words say it is a saving.
  const bounds = reading === "both" ? bySize(target, boundsOf(target)) : boundsOf(target);
  const written = share ?? result.value;
  const actual = reading === undefined ? written : written < 0 ? -written : reading === "both" && !namesSaving(target, result, header) ? -written : written;
  const { low, high, lowOpen, highOpen } = bounds;
  const margin = profile.sMargin;
  /** Short, exceeded or met; short but at or above the profile's tolerance floor is within tolerance. */
  const judged = (short: boolean, exceeded: boolean, achievement: number | undefined, method: AchievementMethod, reference: number) =>
    evaluation(
      short ? "short" : exceeded ? "exceeded" : "met",
      achievement,
      method,
      reference,
      short && achievement !== undefined && profile.toleranceFloor < 1 && achievement >= profile.toleranceFloor,
    );

  if (inferred.direction === "higher") {
    // Short below the near bound; exceeded when it beats the far bound (the same one unless a range).
    const near = low ?? high;
    const far = target.op === "range" ? (high ?? near) : near;
    if (near === undefined || far === undefined) return evaluation("incomparable");
    const short = actual < near || (lowOpen && actual === near);
    const achievement = near > 0 && actual >= 0 ? actual / near : undefined;
    const exceeded = !short && (far > 0 ? actual >= far * (1 + margin) : actual > far);
    return judged(short, exceeded, achievement, "result/target", near);
  }
  const near = high ?? low;
  const far = target.op === "range" ? (low ?? near) : near;
  if (near === undefined || far === undefined) return evaluation("incomparable");
  const short = actual > near || (highOpen && actual === near);
  const achievement = actual > 0 && near >= 0 ? near / actual : actual === 0 && near === 0 ? 1 : undefined;
  const exceeded = !short && actual <= far * (1 - margin);
  return judged(short, exceeded, achievement, "target/result", near);
}

/** Reads, pairs and evaluates the metrics of a plan text and a results text. */
export function evaluateTexts(plan: string, result: string, context: EvaluationContext = {}, item?: string, headers?: ColumnHeaders): TextEvaluation {
  return evaluateMetrics(extractMetrics(plan, context.memo), extractMetrics(result, context.memo), context, item, headers);
}

/** Pairs and evaluates metrics already read. */
export function evaluateMetrics(
  targets: readonly Metric[],
  results: readonly Metric[],
  context: EvaluationContext = {},
  item?: string,
  headers?: ColumnHeaders,
  title?: string,
): TextEvaluation {
  const pairing = pairMetrics(targets, results);
  const pairs = pairing.pairs.map((pair) => evaluatePair(pair, context, item, targets.indexOf(pair.target), headers, title));
  return {
    targets,
    results,
    pairs,
    unpairedTargets: pairing.unpairedTargets,
    unpairedResults: pairing.unpairedResults,
    expected: expectedRating(pairs),
  };
}

export interface ItemEvaluation extends TextEvaluation {
  item: string;
  /** For a parent: the labels of its sub-items, whose pairs are part of its evidence. */
  subItems: string[];
}

/** What evaluateRows needs of a row: its label, its parent's label for a sub-item, and its texts. */
export interface EvaluableRow {
  item: string;
  parent?: string;
  plan: string;
  result: string;
  /** The item's title: one that names a cut (時間外勤務の縮減) says which way its quantity is better. */
  title?: string;
}

/**
 * The evaluations of a memo, by plan text: the evaluation of the results text last seen with it, and of
 * any others. Valid for one evaluation context (fiscal year and profile): a new context starts afresh.
 * Every evaluation counts towards the memo's limit.
 */
class EvaluationMemo {
  context = "";
  private size = 0;
  private readonly byPlan = new Map<string, { key: string; evaluation: TextEvaluation; others?: Map<string, TextEvaluation> }>();

  get(plan: string, key: string): TextEvaluation | undefined {
    const entry = this.byPlan.get(plan);
    if (!entry) return undefined;
    return entry.key === key ? entry.evaluation : entry.others?.get(key);
  }

  set(plan: string, key: string, evaluation: TextEvaluation): void {
    if (this.size >= MEMO_LIMIT) this.clear();
    this.size += 1;
    const entry = this.byPlan.get(plan);
    if (entry) (entry.others ??= new Map()).set(key, evaluation);
    else this.byPlan.set(plan, { key, evaluation });
  }

  clear(): void {
    this.byPlan.clear();
    this.size = 0;
    this.byMetrics.clear();
    this.metricsSize = 0;
  }

  /**
   * The evaluations by the metrics read, for cells of other texts: extractMetrics gives cells with the
   * same metrics blocks one array, and a table's cells differ in their prose far more often than in
   * their metrics. By the plan's array, the results' array, then the rest of the key (title, item).
   */
  private readonly byMetrics = new Map<readonly Metric[], Map<readonly Metric[], Map<string, TextEvaluation>>>();
  private metricsSize = 0;

  byMetricsGet(targets: readonly Metric[], results: readonly Metric[], key: string): TextEvaluation | undefined {
    return this.byMetrics.get(targets)?.get(results)?.get(key);
  }

  byMetricsSet(targets: readonly Metric[], results: readonly Metric[], key: string, evaluation: TextEvaluation): void {
    if (this.metricsSize >= MEMO_LIMIT) {
      this.byMetrics.clear();
      this.metricsSize = 0;
    }
    this.metricsSize += 1;
    let byResults = this.byMetrics.get(targets);
    if (!byResults) this.byMetrics.set(targets, (byResults = new Map()));
    let byKey = byResults.get(results);
    if (!byKey) byResults.set(results, (byKey = new Map()));
    byKey.set(key, evaluation);
  }
}

/**
 * An evaluation of the same metrics for another row: equal, with pairs of its own (an item's pairs are
 * told apart from another's by identity: CheckContext.pairOwner).
 */
function copiedEvaluation(evaluation: TextEvaluation): TextEvaluation {
  return {
    targets: evaluation.targets,
    results: evaluation.results,
    pairs: evaluation.pairs.map(copiedPair),
    unpairedTargets: evaluation.unpairedTargets.slice(),
    unpairedResults: evaluation.unpairedResults.slice(),
    expected: evaluation.expected,
  };
}

/** A pair evaluation's copy, in the one shape evaluatePair gives (each field present, in its order). */
function copiedPair(pair: PairEvaluation): PairEvaluation {
  return {
    target: pair.target,
    result: pair.result,
    pairedBy: pair.pairedBy,
    direction: pair.direction,
    directionSource: pair.directionSource,
    directionWord: pair.directionWord,
    status: pair.status,
    achievement: pair.achievement,
    method: pair.method,
    reference: pair.reference,
    withinTolerance: pair.withinTolerance,
  };
}

const EVALUATIONS = memoKind<"evaluations", EvaluationMemo>("evaluations");

/** An item's evaluation: its texts' evaluation with its label (one object shape for all). */
function itemEvaluation(item: string, evaluation: TextEvaluation, pairs: PairEvaluation[] = evaluation.pairs): ItemEvaluation {
  return {
    item,
    subItems: [],
    targets: evaluation.targets,
    results: evaluation.results,
    pairs,
    unpairedTargets: evaluation.unpairedTargets,
    unpairedResults: evaluation.unpairedResults,
    expected: evaluation.expected,
  };
}

export interface RowEvaluations {
  /** Each row on its own texts (a parent without its sub-items). */
  byRow: Map<string, ItemEvaluation>;
  /** Items with their evidence: a parent's is the union of its sub-items' pairs and its own. */
  byItem: Map<string, ItemEvaluation>;
}

/**
 * Evaluates every row; a parent with sub-items takes as evidence the union of its sub-items' pairs
 * and its own, and its expected rating is computed on that union. `headers`: the plan and results
 * columns' headers, whose words say what a value without its own words is (削減額 → a saving).
 */
export function evaluateRows(rows: readonly EvaluableRow[], context: EvaluationContext = {}, headers?: ColumnHeaders): RowEvaluations {
  const own = new Map<string, ItemEvaluation>();
  // A re-check of the same workbook (the usual case) finds its evaluations in the shell's memo; without
  // one (a table too large for it), a memo of this pass still reads each distinct text once.
  const memo = context.memo ?? new Memo();
  const evaluations = memo.get(EVALUATIONS, "evaluations", () => new EvaluationMemo());
  const contextKey = `${context.fiscalYear ?? ""}\u0001${JSON.stringify(context.profile ?? DEFAULT_PROFILE)}\u0001${headers?.plan ?? ""}\u0001${headers?.result ?? ""}`;
  if (contextKey !== evaluations.context) {
    evaluations.clear();
    evaluations.context = contextKey;
  }
  const overrides = Object.keys(context.profile?.directionOverrides ?? {}).length > 0;
  for (const row of rows) {
    if (!row.item || own.has(row.item)) continue;
    // Keyed by the cell strings themselves (their hashes are cached), the item only when overrides apply.
    // The title joins the key only when it names a cut (the only way it changes a direction).
    const title = cutTitle(row.title);
    const rest = `${overrides ? `${row.item}\u0001` : ""}${title === undefined ? "" : `${title}\u0002`}`;
    const key = `${rest}${row.result}`;
    let evaluation = evaluations.get(row.plan, key);
    if (!evaluation) {
      const targets = extractMetrics(row.plan, memo);
      const results = extractMetrics(row.result, memo);
      const same = evaluations.byMetricsGet(targets, results, rest);
      if (same) evaluation = copiedEvaluation(same);
      else {
        evaluation = evaluateMetrics(targets, results, context, row.item, headers, title);
        evaluations.byMetricsSet(targets, results, rest, evaluation);
      }
      evaluations.set(row.plan, key, evaluation);
    }
    own.set(row.item, itemEvaluation(row.item, evaluation));
  }
  // Only parents get evaluations of their own making; every other item shares its row's.
  const parents = new Set(rows.filter((r) => r.parent).map((r) => r.parent as string));
  const items = new Map<string, ItemEvaluation>();
  for (const [item, evaluation] of own) {
    items.set(item, parents.has(item) ? itemEvaluation(item, evaluation, [...evaluation.pairs]) : evaluation);
  }
  // A parent's expected rating is computed once, on the union of all its sub-items' pairs and its own.
  const grown = new Set<ItemEvaluation>();
  for (const row of rows) {
    if (!row.parent) continue;
    const parent = items.get(row.parent);
    const child = own.get(row.item);
    if (!parent || !child || parent.subItems.includes(child.item)) continue;
    parent.subItems.push(child.item);
    for (const pair of child.pairs) parent.pairs.push(pair);
    grown.add(parent);
  }
  for (const parent of grown) parent.expected = expectedRating(parent.pairs);
  return { byRow: own, byItem: items };
}
