import { findingOf, type Finding, type Severity } from "../check/types";
import type { Memo } from "../memo";
import { DEFAULT_SCALE, type RatingScale } from "../rating/scale";
import type { TableRead } from "../workbook/table";
import { DIFF_RULES } from "./catalogue";
import { diffContext, movement } from "./context";
import { comparedItems, matchItems, type ItemMatch } from "./match";

/**
 * What changed between two years' progress tables (docs/contracts/diff.md): items added, removed or
 * renumbered (matched by title, not only by No.), ratings that moved, targets that changed, results
 * that stood still while the rating went up — each a rule module (src/core/diff/rules, like the check's)
 * — and the movement of ratings per 分野. The findings have the check's shape (code, severity, message,
 * the row in this year's table) so that the pane, the CLI and the sheet show them the same way.
 */
export type { ItemMatch };

export interface CategoryMovement {
  name: string;
  items: number;
  up: number;
  down: number;
  same: number;
  added: number;
}

export interface DiffResult {
  lastFiscalYear?: number;
  thisFiscalYear?: number;
  matches: ItemMatch[];
  findings: Finding[];
  categories: CategoryMovement[];
  summary: { error: number; warning: number; info: number };
}

export interface DiffOptions {
  /** This year's rating scale (S/A/B by default). */
  scale?: RatingScale;
  /** The years the two tables evaluate, when known (shown, not used to match). */
  lastFiscalYear?: number;
  thisFiscalYear?: number;
  /** What the shell remembers between checks (the metrics of each text). */
  memo?: Memo;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map(DIFF_RULES.map((rule, i) => [rule.code, i]));

export function diffTables(last: TableRead, current: TableRead, options: DiffOptions = {}): DiffResult {
  const scale = options.scale ?? DEFAULT_SCALE;
  const { matches, added, removed } = matchItems(last.rows, current.rows);
  const context = diffContext({ last, current, scale, matches, added, removed }, options.memo);
  const findings = DIFF_RULES.flatMap((rule) => rule.check(context).map((found) => findingOf(found, rule, current.sheet)));
  findings.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (RULE_RANK.get(a.code) ?? 0) - (RULE_RANK.get(b.code) ?? 0) || (a.row ?? 0) - (b.row ?? 0),
  );

  const categories = new Map<string, CategoryMovement>();
  const category = (name: string) => {
    let entry = categories.get(name);
    if (!entry) categories.set(name, (entry = { name, items: 0, up: 0, down: 0, same: 0, added: 0 }));
    return entry;
  };
  for (const row of comparedItems(current.rows)) category(row.category).items += 1;
  for (const row of added) category(row.category).added += 1;
  for (const match of matches) {
    const moved = movement(match, scale);
    const entry = category(match.this.category);
    if (moved) entry[moved] += 1;
  }

  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return {
    ...(options.lastFiscalYear === undefined ? {} : { lastFiscalYear: options.lastFiscalYear }),
    ...(options.thisFiscalYear === undefined ? {} : { thisFiscalYear: options.thisFiscalYear }),
    matches,
    findings,
    categories: [...categories.values()],
    summary: { error: count("error"), warning: count("warning"), info: count("info") },
  };
}
