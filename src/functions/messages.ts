/**
 * Messages shown in the cell's error tooltip. Excel shows them as written, whatever the display
 * language, so they are Japanese first with the English after a slash.
 */
export const CELL_MESSAGES = {
  fiscalYearEmpty: "年度を表す文字列がありません / No text to read a fiscal year from",
  fiscalYearNotFound: "年度が読み取れません（例: 令和2年度） / No fiscal year found (e.g. 令和2年度)",
  fiscalYearNotText: "年度は文字列か日付で指定してください / Give the fiscal year as text or a date",
  targetMissing: "目標値の数値が見つかりません / No target value found",
  actualMissing: "実績値の数値が見つかりません / No achieved value found",
  targetEmpty:
    "目標値のセルが空です（数値の 0 も空のセルとして読みます。目標が 0 のときは「0件」のように単位を付けて書いてください） / The target cell is empty (the number 0 reads as an empty cell: write a zero target with its unit, e.g. 0件)",
  actualEmpty:
    "実績値のセルが空です（数値の 0 も空のセルとして読みます。実績が 0 のときは「0件」のように単位を付けて書いてください） / The results cell is empty (the number 0 reads as an empty cell: write a zero result with its unit, e.g. 0件)",
  textEmpty: "セルが空です（数値の 0 も空のセルとして読みます） / The cell is empty (the number 0 reads as an empty cell)",
  notTextOrNumber: "セルの文字列か数値を指定してください / Give a cell's text or a number",
  ratingInvalid: "評価は尺度の記号（既定では S・A・B）で指定してください / The rating must be a symbol of the scale (S, A or B by default)",
  scaleInvalid: "尺度は良い順に 2 つ以上の記号で指定してください（例: \"S,A,B\"） / Give the scale as two or more symbols, best first (e.g. \"S,A,B\")",
  toleranceInvalid: "許容下限は 0 より大きく 1 以下（または 100 以下の %）で指定してください / Tolerance must be in (0, 1] (or a % up to 100)",
  marginInvalid:
    "S の目安は 0 以上 1 以下（または 100 以下の %）で指定してください。0 は \"0%\" と書きます / The S margin must be in [0, 1] (or a % up to 100); write zero as \"0%\"",
  noPair: "目標と実績の組が見つかりません / No target and result to compare",
  markerNotFound: "その番号（①②③）の目標と実績の組がありません / No pair with that marker",
  indexInvalid: "番号は 1 以上の整数で指定してください / The index must be a whole number from 1",
  indexOutOfRange: "その番号の数値はありません / There is no value with that index",
  noValue: "数値が見つかりません / No value found",
  notANumber: "桁が多すぎて数値として読めません / Too many digits to read as a number",
} as const;
