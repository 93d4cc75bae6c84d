/** One row of the progress workbook (spec/workbook.md): an item, or a sub-item (枝番) under one. */
export interface ProgressRow {
  /** 分野, filled on every row (continuation rows inherit it). */
  category: string;
  /** Item number; for a sub-item, its parent's number. */
  no: number;
  /** 枝番 of a sub-item; undefined on item rows. */
  sub?: number;
  title: string;
  department: string;
  /** As written: "S", "A", "B", "-" or "". */
  rating: string;
  actions: string;
  plan: string;
  result: string;
  notes: string;
}

export interface RatingLegend {
  S: string;
  A: string;
  B: string;
}

/** What travels with the workbook besides the table (spec/workbook.md, "Plan metadata"). */
export interface PlanMeta {
  title: string;
  fiscalYear?: number;
  evaluationDate?: string;
  legend: RatingLegend;
}

export const DEFAULT_LEGEND: RatingLegend = {
  S: "年度当初の予定以上に進捗",
  A: "年度当初の予定どおりに進捗",
  B: "年度当初の予定よりも遅れている",
};

/** "12" or "4-1". */
export function itemLabel(row: Pick<ProgressRow, "no" | "sub">): string {
  return row.sub === undefined ? String(row.no) : `${row.no}-${row.sub}`;
}
