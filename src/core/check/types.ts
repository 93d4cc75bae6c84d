import type { Memo } from "../memo";
import { fillMessage, type Localized, type MessageData } from "../text/localized";
import type { DirectionSource } from "../rating/direction";
import type { RowEvaluations } from "../rating/evaluate";
import type { ExpectedRating, PairEvaluation, PairStatus } from "../rating/types";
import type { Direction, RatingProfile } from "../rating/profile";
import type { Field } from "../workbook/columns";
import type { PlanSettings } from "../workbook/settings";
import type { TableRead, TableRow } from "../workbook/table";
import type { YearValues } from "../workbook/rows";

export type Severity = "error" | "warning" | "info";


/** One pair of a rating finding, as a reviewer reads it: target → result, achievement, method. */
export interface Evidence {
  label: string;
  marker?: number;
  target: string;
  result: string;
  status: PairStatus;
  /** result/target or target/result, as a ratio (0.463). */
  achievement?: number;
  method?: "result/target" | "target/result";
  direction: Direction;
  directionSource: DirectionSource;
  /** The item the pair comes from, for a parent's evidence from its sub-items. */
  item: string;
  text: Localized;
}

export interface Finding {
  code: string;
  severity: Severity;
  /** "12", "4-1"; undefined for workbook-level findings. */
  item?: string;
  sheet: string;
  /** 1-based sheet row; undefined for workbook-level findings. */
  row?: number;
  /** 0-based column. */
  column?: number;
  message: Localized;
  evidence?: Evidence[];
  /** A symbol of the profile's scale, or "-" when nothing compares. */
  suggested?: ExpectedRating;
  /** Context for display: the row's 分野, title and department. */
  category?: string;
  title?: string;
  department?: string;
  /** A year grid's other years of the item (oldest first), its trend beside the year evaluated: context only. */
  years?: YearValues[];
}

export interface CheckContext {
  table: TableRead;
  rows: readonly TableRow[];
  /** By item label: each row on its own texts (byRow), and parents with their sub-items' pairs (byItem). */
  evaluations: RowEvaluations;
  settings: PlanSettings;
  profile: RatingProfile;
  fiscalYear?: number;
  /** The column of a field, when the table has it. */
  column(field: Field): number | undefined;
  /** Rows by item label (the first row of a label). */
  rowsByItem: ReadonlyMap<string, TableRow>;
  /** Labels of the items that have sub-items. */
  parents: ReadonlySet<string>;
  /** The item each pair comes from. */
  pairOwner: ReadonlyMap<PairEvaluation, string>;
  /** What the shell remembers between checks, when the table fits it (src/core/memo.ts). */
  memo?: Memo;
}

/**
 * What a rule reports: where, which of its messages with what values, and the evidence. The engine adds
 * the code, the sheet, the rule's severity if none is given, and the message in both languages.
 */
export type RuleFinding<Id extends string = string> = Omit<Finding, "code" | "sheet" | "severity" | "message"> & {
  severity?: Severity;
  messageId: Id;
  data?: MessageData;
  /** A finding about another sheet than the one checked (last year's table, in the comparison). */
  sheet?: string;
};

/**
 * A rule, like an ESLint rule: code, severity, texts, its messages, and what it finds in its context — a
 * table for the consistency check (CheckContext), two years' tables for the comparison (DiffContext).
 */
export interface Rule<Id extends string = string, Context = CheckContext> {
  code: string;
  /** The usual severity; a finding may say otherwise (RATING_OVERSTATED within tolerance). */
  severity: Severity;
  title: Localized;
  /** Why it matters, for the pane and the documentation. */
  why: Localized;
  /** Every message the rule says, by id, in both languages; {name} stands for a value of the finding's data. */
  messages: Readonly<Record<Id, Localized>>;
  check(context: Context): RuleFinding<Id>[];
}

/** A rule, its message ids checked against its messages. */
export function defineRule<const Id extends string, Context = CheckContext>(rule: Rule<Id, Context>): Rule<Id, Context> {
  return rule;
}

/**
 * The one finding factory: a rule's finding with its code, sheet, severity and message in both languages,
 * every field present (undefined where absent) — one object shape for all the findings, which may number
 * a hundred thousand.
 */
export function findingOf<Context>(found: RuleFinding, rule: Rule<string, Context>, sheet: string): Finding {
  const template = rule.messages[found.messageId];
  return {
    code: rule.code,
    severity: found.severity ?? rule.severity,
    item: found.item,
    sheet: found.sheet ?? sheet,
    row: found.row,
    column: found.column,
    message: template ? fillMessage(template, found.data) : { ja: found.messageId, en: found.messageId },
    evidence: found.evidence,
    suggested: found.suggested,
    category: found.category,
    title: found.title,
    department: found.department,
    years: found.years,
  };
}
