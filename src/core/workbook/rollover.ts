import { fiscalYearLabel } from "../fiscalYear";
import { foldText } from "../text/fold";
import type { PlanMeta } from "./model";
import { workbookMeta } from "./planMeta";
import type { IgnoredFinding, PlanSettings } from "./settings";
import { tableRow, type TableRead, type TableRow } from "./table";

/**
 * Next year's progress table from this year's (docs/contracts/workbook.md, "Next year"): the items,
 * departments, actions and plans copied; ratings and results cleared; the evaluated year and the date
 * of the results moved on a year; the settings kept, and of the ignored findings those that still
 * apply (about the plan and the table's shape, not about this year's ratings or results).
 */
export interface Rollover {
  meta: PlanMeta;
  rows: TableRow[];
  settings: PlanSettings;
  /** Ignored findings left behind: they were about this year's ratings or results. */
  dropped: IgnoredFinding[];
}

/** Findings about a year's ratings and results: their ignores do not carry over. */
const YEARLY = new Set([
  "RATING_OVERSTATED",
  "RATING_UNDERSTATED",
  "RATING_S_CANDIDATE",
  "RATING_MISSING",
  "RATING_INVALID",
  "RATING_NORMALISED",
  "PARENT_CHILD_MISMATCH",
  "RESULT_MISSING",
  "NOT_EVALUABLE",
  "TARGET_INTERIM",
  "VALUE_UNREADABLE",
  "UNIT_MISMATCH",
  "FISCAL_YEAR_UNKNOWN",
  "CELL_ERROR",
]);

/** 令和3年3月末 → 令和4年3月末; 2021年3月末 → 2022年3月末; anything else is dropped. */
export function nextEvaluationDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const folded = foldText(date);
  const era = /^(令和|平成|R|H)\s*(元|\d{1,2})(\s*年.*)$/.exec(folded);
  if (era) {
    const year = era[2] === "元" ? 1 : Number(era[2]);
    const name = era[1] === "H" || era[1] === "平成" ? "平成" : "令和";
    // 平成31年 is 令和元年: the next year of 平成30 is 平成31, of 平成31 is 令和2.
    if (name === "平成" && year >= 31) return `令和${year - 29}${era[3]}`;
    return `${name}${year + 1}${era[3]}`;
  }
  const western = /^((?:19|20)\d{2})(\s*年.*)$/.exec(folded);
  return western ? `${Number(western[1]) + 1}${western[2]}` : undefined;
}

export function rolloverTable(table: TableRead, settings: PlanSettings): Rollover {
  const meta = workbookMeta(table, settings).meta;
  const fiscalYear = meta.fiscalYear === undefined ? undefined : meta.fiscalYear + 1;
  const evaluationDate = nextEvaluationDate(meta.evaluationDate);
  const nextMeta: PlanMeta = {
    title: meta.title,
    legend: meta.legend,
    ...(fiscalYear === undefined ? {} : { fiscalYear }),
    ...(evaluationDate ? { evaluationDate } : {}),
  };
  const rows = table.rows.map((row, i) =>
    tableRow(
      {
        sheetRow: i + 2,
        category: row.category,
        ...(row.no === undefined ? {} : { no: row.no }),
        ...(row.sub === undefined ? {} : { sub: row.sub }),
        title: row.title,
        department: row.department,
        // A sub-item's "-" says it carries no rating of its own: it stays.
        ratingWritten: row.kind === "sub" && row.rating === "-" ? "-" : "",
        actions: row.actions,
        plan: row.plan,
        result: "",
        notes: row.notes,
        noWritten: row.noWritten,
        subWritten: row.subWritten,
        errors: [],
      },
      settings.profile.scale,
    ),
  );
  const items = new Set(rows.map((r) => r.item));
  const kept = settings.ignored.filter((i) => !YEARLY.has(i.code) && (i.item === "" || items.has(i.item)));
  const dropped = settings.ignored.filter((i) => !kept.includes(i));
  return {
    meta: nextMeta,
    rows,
    // The new table is in the standard layout: a column mapping of this year's would not fit it.
    settings: { meta: nextMeta, profile: settings.profile, ignored: kept },
    dropped,
  };
}

/** A line saying what the new table is: 令和3年度. */
export function rolloverYearLabel(rollover: Rollover): string {
  return rollover.meta.fiscalYear === undefined ? "" : fiscalYearLabel(rollover.meta.fiscalYear);
}

