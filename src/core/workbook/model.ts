export interface RatingLegend {
  S: string;
  A: string;
  B: string;
}

/** What travels with the workbook besides the table (docs/contracts/workbook.md, "Plan metadata"). */
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

/** A column of rows where the add-in set an entry guard (src/core/workbook/guard.ts). */
export interface GuardRange {
  sheet: string;
  /** 0-based. */
  column: number;
  /** 1-based sheet rows, inclusive. */
  first: number;
  last: number;
  kind: "rating" | "text";
}
