import { evaluateRows, type ColumnHeaders, type RowEvaluations } from "../rating/evaluate";
import type { EvaluationContext } from "../rating/types";
import type { TableRow } from "../workbook/table";

/**
 * Evaluates the rows of a table as the check does: each numbered row on its own texts, and each parent
 * on the union of its sub-items' pairs and its own. The check, the tests of the sample and the
 * benchmarks take this one path.
 */
export function evaluateTable(rows: readonly TableRow[], context: EvaluationContext = {}, headers?: ColumnHeaders): RowEvaluations {
  return evaluateRows(
    rows.filter((r) => r.item).map((r) => ({ item: r.item, ...(r.parent ? { parent: r.parent } : {}), plan: r.plan, result: r.result, title: r.title })),
    context,
    headers,
  );
}
