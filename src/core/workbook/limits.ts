import { WorkbookError } from "./error";

/**
 * How far down a progress table may reach (docs/contracts/workbook.md, "Limits"). Plans have tens or
 * hundreds of rows; a value a million rows down is a stray cell, and reading down to it would cost Excel
 * on the web thousands of requests. Both ports refuse such a table with this message.
 */
export const MAX_TABLE_ROWS = 100_000;

export function tableTooLong(sheet: string, lastRow: number): WorkbookError {
  const row = lastRow.toLocaleString("en-US");
  const max = MAX_TABLE_ROWS.toLocaleString("en-US");
  return new WorkbookError("TooLarge", {
    ja: `シート「${sheet}」の表が ${row} 行目まで続いています（上限 ${max} 行）。表より下の不要なセル（値の入ったセル）を削除してから、もう一度お試しください。`,
    en: `The table on sheet "${sheet}" reaches row ${row} (the limit is ${max} rows). Delete the stray cells below the table and try again.`,
  });
}
