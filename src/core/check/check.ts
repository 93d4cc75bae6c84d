import { fitsMemo, type Memo } from "../memo";
import { FORMULA_WITHOUT_RESULT } from "../workbook/cells";
import { settingsWithUnderstood } from "../workbook/understood";
import { workbookMeta } from "../workbook/planMeta";
import { evaluateTable } from "./evaluations";
import { DEFAULT_SETTINGS, type PlanSettings } from "../workbook/settings";
import type { TableRead, TableRow } from "../workbook/table";
import type { PairEvaluation } from "../rating/types";
import { RULES } from "./catalogue";
import { findingOf, type CheckContext, type Finding, type Severity } from "./types";

export interface CategorySummary {
  name: string;
  items: number;
  error: number;
  warning: number;
  /** Info findings, NOT_EVALUABLE included (as in CheckSummary). */
  info: number;
  notEvaluable: number;
}

export interface CheckSummary {
  items: number;
  error: number;
  warning: number;
  info: number;
  /** Items whose rating no numbers could confirm (NOT_EVALUABLE), counted apart from the info. */
  notEvaluable: number;
  /** Findings the workbook's settings say to ignore. */
  ignored: number;
  categories: CategorySummary[];
}

export interface CheckResult {
  findings: Finding[];
  /** Findings left out because the settings ignore them, with their reason. */
  ignored: (Finding & { reason: string })[];
  summary: CheckSummary;
  fiscalYear?: number;
}

export interface CheckOptions {
  settings?: PlanSettings;
  /** Overrides the fiscal year of the settings and of the headers. */
  fiscalYear?: number;
  /** What the shell remembers between checks (src/core/memo.ts). */
  memo?: Memo;
}

/** The fiscal year evaluated: the settings', else the headers' or the title's (令和2年度当初予定 → 2020). */
export function evaluatedFiscalYear(table: TableRead, settings: PlanSettings): number | undefined {
  return workbookMeta(table, settings).meta.fiscalYear;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map(RULES.map((rule, i) => [rule.code, i]));

/**
 * Sorts the findings (docs/contracts/rating.md): severity, row (workbook-level first), the catalogue's
 * order, column — on one number per finding, each within its own range of digits (a check may hold a
 * hundred thousand). tests/support/oracles.ts states the order as a comparison; a test holds the two together.
 */
function sortFindings(findings: Finding[]): void {
  const key = (f: Finding) =>
    SEVERITY_RANK[f.severity] * 1e14 + (f.row ?? 0) * 1e7 + (RULE_RANK.get(f.code) ?? 99) * 1e5 + ((f.column ?? -1) + 1);
  const keyed = findings.map((finding, i) => ({ finding, key: key(finding), i }));
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  keyed.forEach((entry, i) => (findings[i] = entry.finding));
}

/**
 * The consistency check of docs/contracts/rating.md over a table as read. Read-only: it returns findings and
 * never touches the workbook.
 */
export function checkTable(table: TableRead, options: CheckOptions = {}): CheckResult {
  // A profile that names no scale judges with the scale the table itself says (its legend, or its symbols).
  const settings = settingsWithUnderstood(options.settings ?? DEFAULT_SETTINGS, table.understood);
  const fiscalYear = options.fiscalYear ?? evaluatedFiscalYear(table, settings);
  // A table larger than the memo would only fill and clear it: read once, without.
  const memo = options.memo && fitsMemo(table.rows.length) ? options.memo : undefined;
  const evaluationContext = { ...(fiscalYear === undefined ? {} : { fiscalYear }), profile: settings.profile, ...(memo ? { memo } : {}) };
  // The plan and results columns' headers say what the values are (削減額, 効果額: a larger saving is better).
  const evaluations = evaluateTable(table.rows, evaluationContext, { plan: table.headers.plan, result: table.headers.result });
  const rowsByItem = new Map<string, TableRow>();
  for (const row of table.rows) if (row.item && !rowsByItem.has(row.item)) rowsByItem.set(row.item, row);
  const pairOwner = new Map<PairEvaluation, string>();
  for (const [item, evaluation] of evaluations.byRow) for (const pair of evaluation.pairs) pairOwner.set(pair, item);
  const context: CheckContext = {
    rowsByItem,
    parents: new Set(table.rows.filter((r) => r.kind === "sub" && r.parent).map((r) => r.parent as string)),
    pairOwner,
    table,
    rows: table.rows,
    evaluations,
    settings,
    profile: settings.profile,
    ...(fiscalYear === undefined ? {} : { fiscalYear }),
    column: (field) => table.columns[field],
    ...(memo ? { memo } : {}),
  };
  const columnsMissing = table.problems.some((p) => p.code === "COLUMNS_MISSING");
  const rules = columnsMissing ? RULES.filter((r) => r.code === "COLUMNS_MISSING") : RULES;
  // A cell whose formula has no saved result reads as empty: FORMULA_RESULT_MISSING says so once, and
  // no other rule speaks of that cell (31 RATING_MISSING for 31 rating formulas say nothing more).
  const withoutResult = new Set<string>();
  for (const row of table.rows) for (const e of row.errors) if (e.error === FORMULA_WITHOUT_RESULT) withoutResult.add(`${row.sheetRow}:${e.column}`);
  const all: Finding[] = [];
  for (const rule of rules) {
    for (const found of rule.check(context)) {
      if (withoutResult.size > 0 && rule.code !== "FORMULA_RESULT_MISSING" && withoutResult.has(`${found.row}:${found.column}`)) continue;
      all.push(findingOf(found, rule, table.sheet));
    }
  }
  sortFindings(all);

  const ignoredKeys = new Map(settings.ignored.map((i) => [`${i.code} ${i.item}`, i.reason]));
  const findings: Finding[] = [];
  const ignored: (Finding & { reason: string })[] = [];
  for (const finding of all) {
    const reason = ignoredKeys.size === 0 ? undefined : ignoredKeys.get(`${finding.code} ${finding.item ?? ""}`);
    if (reason === undefined) findings.push(finding);
    else ignored.push({ ...finding, reason });
  }
  return { findings, ignored, summary: summarize(table, findings, ignored.length), ...(fiscalYear === undefined ? {} : { fiscalYear }) };
}

function summarize(table: TableRead, findings: Finding[], ignored: number): CheckSummary {
  // The findings counted in one pass: a large table's check has tens of thousands.
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let notEvaluable = 0;
  for (const finding of findings) {
    counts[finding.severity] += 1;
    if (finding.code === "NOT_EVALUABLE") notEvaluable += 1;
  }
  const byName = new Map<string, CategorySummary>();
  for (const row of table.rows) {
    let entry = byName.get(row.category);
    if (!entry) {
      entry = { name: row.category, items: 0, error: 0, warning: 0, info: 0, notEvaluable: 0 };
      byName.set(row.category, entry);
    }
    if (row.kind === "item") entry.items += 1;
  }
  const categories = [...byName.values()];
  for (const finding of findings) {
    if (!finding.category && finding.category !== "") continue;
    const entry = byName.get(finding.category);
    if (!entry) continue;
    entry[finding.severity] += 1;
    if (finding.code === "NOT_EVALUABLE") entry.notEvaluable += 1;
  }
  return {
    items: table.rows.filter((r) => r.kind === "item").length,
    error: counts.error,
    warning: counts.warning,
    info: counts.info,
    notEvaluable,
    ignored,
    categories,
  };
}

