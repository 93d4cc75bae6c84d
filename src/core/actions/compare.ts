import { diffReads, diffSheet, runDiff, type YearComparison } from "../diff/run";
import type { Memo } from "../memo";
import type { WorkbookPort, WorkbookRead } from "../port";
import { writeOwnSheet } from "./sheets";

export type { YearComparison };

/** Compares this year's workbook with last year's (items matched, ratings and targets moved). Writes nothing. */
export function compareYears(last: WorkbookPort, current: WorkbookPort, memo?: Memo): Promise<YearComparison> {
  return runDiff(last, current, memo);
}

/** compareYears of two workbooks already read: what each port's read() gave. */
export function compareReads(last: WorkbookRead, current: WorkbookRead, memo?: Memo): YearComparison {
  return diffReads(last, current, memo);
}

/** Writes the comparison as the 「前年度との比較」 sheet of this year's workbook; returns its name. */
export async function exportComparison(port: WorkbookPort, comparison: YearComparison): Promise<{ sheet: string }> {
  return { sheet: await writeOwnSheet(port, diffSheet(comparison, comparison.thisSheet)) };
}
