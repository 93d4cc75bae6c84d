/**
 * Messages shown in the cell's error tooltip. Excel shows them as written, whatever the display
 * language, so they are Japanese first with the English after a slash.
 */
export const CELL_MESSAGES = {
  fiscalYearEmpty: "年度を表す文字列がありません / No text to read a fiscal year from",
  fiscalYearNotFound: "年度が読み取れません（例: 令和2年度） / No fiscal year found (e.g. 令和2年度)",
  fiscalYearNotText: "年度は文字列で指定してください / Give the fiscal year as text",
} as const;
