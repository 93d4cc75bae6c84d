import type { Finding, Severity } from "../check/types";
import { extractMetrics, type Metric } from "../metrics/extract";
import { DEFAULT_SCALE, type RatingScale } from "../rating/scale";
import type { Localized } from "../text/localized";
import { foldText } from "../text/fold";
import type { TableRead, TableRow } from "../workbook/table";

/**
 * What changed between two years' progress tables (docs/contracts/diff.md): items added, removed or
 * renumbered (matched by title, not only by No.), ratings that moved, targets that changed, results
 * that stood still while the rating went up, and the movement of ratings per 分野. The findings have
 * the check's shape (code, severity, message, the row in this year's table) so that the pane, the CLI
 * and the sheet show them the same way.
 */
export type DiffCode = "ITEM_ADDED" | "ITEM_REMOVED" | "ITEM_RENUMBERED" | "RATING_UP" | "RATING_DOWN" | "TARGET_CHANGED" | "RESULT_UNCHANGED_RATING_UP";

export interface DiffRule {
  code: DiffCode;
  severity: Severity;
  title: Localized;
  why: Localized;
}

export const DIFF_RULES: readonly DiffRule[] = [
  {
    code: "RESULT_UNCHANGED_RATING_UP",
    severity: "error",
    title: { ja: "実績が変わらないのに評価が上がった", en: "Rating up while the results did not move" },
    why: { ja: "実績の数値が前年度と同じなのに評価だけが上がるのは、評価か実績の書き忘れのことが多いです。", en: "A rating that rises while the achieved values stay the same usually means a rating or a result was not updated." },
  },
  {
    code: "RATING_DOWN",
    severity: "warning",
    title: { ja: "評価が下がった", en: "Rating went down" },
    why: { ja: "前年度より評価が下がった項目は、理由を実績欄で説明すると読み手に伝わります。", en: "A rating lower than last year's is best explained in the results." },
  },
  {
    code: "ITEM_REMOVED",
    severity: "warning",
    title: { ja: "前年度にあった項目がない", en: "Item of last year missing" },
    why: { ja: "削除・統合した項目は、公表資料でも経緯を示すのが通例です。", en: "A removed or merged item is usually explained in the published report." },
  },
  {
    code: "TARGET_CHANGED",
    severity: "info",
    title: { ja: "目標値が変わった", en: "Target changed" },
    why: { ja: "計画期間中に目標値を変えたときは、変更の理由と時期を記録しておきます。", en: "A target changed within the plan's period deserves a note of when and why." },
  },
  {
    code: "RATING_UP",
    severity: "info",
    title: { ja: "評価が上がった", en: "Rating went up" },
    why: { ja: "前年度より評価が上がった項目です。実績の数値が裏づけているか確かめてください。", en: "A rating higher than last year's: check that the achieved values support it." },
  },
  {
    code: "ITEM_RENUMBERED",
    severity: "info",
    title: { ja: "番号が変わった項目", en: "Item renumbered" },
    why: { ja: "番号が変わった項目は、前年度の資料と並べて読むときに取り違えやすくなります。", en: "A renumbered item is easy to mistake when last year's report is read beside this one." },
  },
  {
    code: "ITEM_ADDED",
    severity: "info",
    title: { ja: "新しい項目", en: "New item" },
    why: { ja: "今年度から加わった項目です。", en: "An item added this year." },
  },
];

export const DIFF_RULES_BY_CODE: ReadonlyMap<string, DiffRule> = new Map(DIFF_RULES.map((rule) => [rule.code, rule]));

/** How an item of this year was found in last year's table. */
export interface ItemMatch {
  last: TableRow;
  this: TableRow;
  /** "title": the same title; "number": the same No. with a title edited; "similar": a title alike. */
  by: "title" | "number" | "similar";
  similarity: number;
}

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

/** A title folded for comparison: width, spaces and punctuation aside. */
function comparable(title: string): string {
  return foldText(title).replace(/[\s・、。,.()（）「」『』【】〔〕\-－―]/g, "").toLowerCase();
}

/** How alike two titles are: the Dice coefficient of their character pairs (1 the same, 0 nothing shared). */
export function titleSimilarity(a: string, b: string): number {
  const x = comparable(a);
  const y = comparable(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const pairs = (s: string) => {
    const counts = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i += 1) counts.set(s.slice(i, i + 2), (counts.get(s.slice(i, i + 2)) ?? 0) + 1);
    return counts;
  };
  const px = pairs(x);
  const py = pairs(y);
  let shared = 0;
  for (const [pair, n] of px) shared += Math.min(n, py.get(pair) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/** Above this, a title edited or moved is taken for the same item. */
const SIMILAR = 0.6;
/** With the same No., a title this alike is the same item edited. */
const SAME_NUMBER = 0.4;

/** Matches the items (not sub-items, not 再掲 rows) of two tables. */
export function matchItems(last: readonly TableRow[], current: readonly TableRow[]): { matches: ItemMatch[]; added: TableRow[]; removed: TableRow[] } {
  const items = (rows: readonly TableRow[]) => rows.filter((r) => r.kind === "item" && r.repostOf === undefined && r.title);
  const left = new Set(items(last));
  const matches: ItemMatch[] = [];
  const unmatched: TableRow[] = [];
  const take = (row: TableRow, found: TableRow, by: ItemMatch["by"], similarity: number) => {
    left.delete(found);
    matches.push({ last: found, this: row, by, similarity });
  };
  // 1. The same title.
  for (const row of items(current)) {
    const found = [...left].find((l) => comparable(l.title) === comparable(row.title));
    if (found) take(row, found, "title", 1);
    else unmatched.push(row);
  }
  // 2. The same No. with a title edited; 3. the most alike title.
  const rest: TableRow[] = [];
  for (const row of unmatched) {
    const sameNo = [...left].find((l) => l.no === row.no);
    const similarity = sameNo ? titleSimilarity(sameNo.title, row.title) : 0;
    if (sameNo && similarity >= SAME_NUMBER) take(row, sameNo, "number", similarity);
    else rest.push(row);
  }
  const added: TableRow[] = [];
  for (const row of rest) {
    let best: { row: TableRow; similarity: number } | undefined;
    for (const l of left) {
      const similarity = titleSimilarity(l.title, row.title);
      if (similarity >= SIMILAR && (!best || similarity > best.similarity)) best = { row: l, similarity };
    }
    if (best) take(row, best.row, "similar", best.similarity);
    else added.push(row);
  }
  return { matches, added, removed: [...left] };
}

/** A rating's place on the scale: 0 the best; undefined off the scale (or "-"). */
function rank(rating: string, scale: RatingScale): number | undefined {
  const index = scale.symbols.findIndex((s) => s.symbol === rating);
  return index < 0 ? undefined : index;
}

const OP_WORDS: Readonly<Partial<Record<Metric["op"], string>>> = { ge: "以上", gt: "超", le: "以下", lt: "未満" };
/** A metric as a person reads it: 策定件数 3件以上, 市ホームページアクセス件数 6,525,148件. */
const valueText = (m: Metric) => `${m.label ? `${m.label} ` : ""}${m.value.toLocaleString("ja-JP", { maximumFractionDigits: 10 })}${m.unit}${OP_WORDS[m.op] ?? ""}`;
const sameValues = (a: readonly Metric[], b: readonly Metric[]) =>
  a.length === b.length && a.every((m, i) => m.value === b[i]?.value && m.unit === b[i]?.unit && m.op === b[i]?.op);

export interface DiffOptions {
  /** This year's rating scale (S/A/B by default). */
  scale?: RatingScale;
  /** The years the two tables evaluate, when known (shown, not used to match). */
  lastFiscalYear?: number;
  thisFiscalYear?: number;
}

export function diffTables(last: TableRead, current: TableRead, options: DiffOptions = {}): DiffResult {
  const scale = options.scale ?? DEFAULT_SCALE;
  const { matches, added, removed } = matchItems(last.rows, current.rows);
  const findings: Finding[] = [];
  const at = (row: TableRow, code: DiffCode, message: Localized): Finding => {
    const rule = DIFF_RULES_BY_CODE.get(code) as DiffRule;
    return {
      code,
      severity: rule.severity,
      item: row.item || undefined,
      sheet: current.sheet,
      row: row.sheetRow,
      column: undefined,
      message,
      evidence: undefined,
      suggested: undefined,
      category: row.category,
      title: row.title,
      department: row.department,
    };
  };

  for (const row of added) {
    findings.push(at(row, "ITEM_ADDED", { ja: `No.${row.item}「${row.title}」は前年度の表にありません`, en: `No.${row.item} "${row.title}" is not in last year's table` }));
  }
  for (const row of removed) {
    findings.push({
      ...at(row, "ITEM_REMOVED", { ja: `前年度の No.${row.item}「${row.title}」が今年度の表にありません`, en: `Last year's No.${row.item} "${row.title}" is not in this year's table` }),
      sheet: last.sheet,
      row: undefined,
    });
  }
  const movement = new Map<string, CategoryMovement>();
  const category = (name: string) => {
    let entry = movement.get(name);
    if (!entry) movement.set(name, (entry = { name, items: 0, up: 0, down: 0, same: 0, added: 0 }));
    return entry;
  };
  for (const row of current.rows.filter((r) => r.kind === "item" && r.repostOf === undefined && r.title)) category(row.category).items += 1;
  for (const row of added) category(row.category).added += 1;

  for (const { last: was, this: row, by } of matches) {
    if (was.no !== row.no) {
      findings.push(
        at(row, "ITEM_RENUMBERED", {
          ja: `「${row.title}」は前年度の No.${was.item} です${by === "title" ? "" : `（前年度の項目名「${was.title}」）`}`,
          en: `"${row.title}" was No.${was.item} last year${by === "title" ? "" : ` (titled "${was.title}")`}`,
        }),
      );
    }
    const from = rank(was.rating, scale);
    const to = rank(row.rating, scale);
    const moved = category(row.category);
    const lastResults = extractMetrics(was.result);
    const thisResults = extractMetrics(row.result);
    if (from !== undefined && to !== undefined) {
      if (to < from) {
        moved.up += 1;
        const stood = (thisResults.length > 0 && sameValues(lastResults, thisResults)) || (row.result.trim() !== "" && row.result.trim() === was.result.trim());
        if (stood) {
          findings.push(
            at(row, "RESULT_UNCHANGED_RATING_UP", {
              ja: `評価が ${was.rating} から ${row.rating} に上がりましたが、実績は前年度と同じです${thisResults.length ? `（${thisResults.map(valueText).join("、")}）` : ""}`,
              en: `The rating rose from ${was.rating} to ${row.rating}, but the results are last year's${thisResults.length ? ` (${thisResults.map(valueText).join(", ")})` : ""}`,
            }),
          );
        } else {
          findings.push(at(row, "RATING_UP", { ja: `評価が ${was.rating} から ${row.rating} に上がりました`, en: `The rating rose from ${was.rating} to ${row.rating}` }));
        }
      } else if (to > from) {
        moved.down += 1;
        findings.push(at(row, "RATING_DOWN", { ja: `評価が ${was.rating} から ${row.rating} に下がりました`, en: `The rating fell from ${was.rating} to ${row.rating}` }));
      } else {
        moved.same += 1;
      }
    }
    const lastTargets = extractMetrics(was.plan);
    const thisTargets = extractMetrics(row.plan);
    if (lastTargets.length > 0 && thisTargets.length > 0 && !sameValues(lastTargets, thisTargets)) {
      findings.push(
        at(row, "TARGET_CHANGED", {
          ja: `目標値が変わりました: ${lastTargets.map(valueText).join("、")} → ${thisTargets.map(valueText).join("、")}`,
          en: `Target changed: ${lastTargets.map(valueText).join(", ")} → ${thisTargets.map(valueText).join(", ")}`,
        }),
      );
    }
  }

  const order = new Map(DIFF_RULES.map((rule, i) => [rule.code, i]));
  const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || (order.get(a.code as DiffCode) ?? 0) - (order.get(b.code as DiffCode) ?? 0) || (a.row ?? 0) - (b.row ?? 0));
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return {
    ...(options.lastFiscalYear === undefined ? {} : { lastFiscalYear: options.lastFiscalYear }),
    ...(options.thisFiscalYear === undefined ? {} : { thisFiscalYear: options.thisFiscalYear }),
    matches,
    findings,
    categories: [...movement.values()],
    summary: { error: count("error"), warning: count("warning"), info: count("info") },
  };
}
