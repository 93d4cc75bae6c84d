import { RULES } from "../../src/core/check/catalogue";
import type { Finding, Severity } from "../../src/core/check/types";

/**
 * Reference forms of behaviours the product implements for speed: each states the behaviour plainly, and
 * a test holds the fast form to it.
 */

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map(RULES.map((rule, i) => [rule.code, i]));

/** The order of the findings (docs/contracts/rating.md): severity, row (workbook-level first), the catalogue's order, column. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (RULE_RANK.get(a.code) ?? 99) - (RULE_RANK.get(b.code) ?? 99) ||
    (a.column ?? -1) - (b.column ?? -1)
  );
}
