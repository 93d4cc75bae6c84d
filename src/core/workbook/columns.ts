/** The fields of the progress table (docs/contracts/workbook.md). */
export const FIELDS = ["category", "no", "sub", "title", "department", "rating", "actions", "plan", "result", "notes"] as const;
export type Field = (typeof FIELDS)[number];

/** 0-based column index of each field found. */
export type ColumnMap = Partial<Record<Field, number>>;

export const CANONICAL_HEADER: Readonly<Record<Field, string>> = {
  category: "分野",
  no: "No.",
  sub: "枝番",
  title: "項目",
  department: "主な推進担当課",
  rating: "評価",
  actions: "実施内容",
  plan: "当初予定（目標値）",
  result: "取組実績（実績値）",
  notes: "備考",
};

/**
 * What a table needs to be read: the rating (a column, or ratings written at the end of the results). The
 * plan and the results are what the check compares; a table that has neither (ratings only: 南相馬市's
 * 指定管理者の評価結果, tests/fixtures/cities/minamisoma) is still read, each rating said to be unverifiable.
 * The No. column is not needed: a table without one is numbered in row order. Header names and aliases
 * are in headers.ts.
 */
export const REQUIRED: readonly Field[] = ["rating", "plan", "result"];

/** Required fields a column map lacks: none with a rating; without one, the rating, and the plan and results if both are absent too. */
export function missingFields(map: ColumnMap, ratingElsewhere = false): Field[] {
  if (map.rating !== undefined || ratingElsewhere) return [];
  return map.plan === undefined && map.result === undefined ? ["rating", "plan", "result"] : ["rating"];
}
