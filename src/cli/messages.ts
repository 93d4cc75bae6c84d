/** Everything the command line prints for people, Japanese first. */
const ja = {
  usage: `使い方: plan-progress <コマンド> [オプション]

コマンド:
  fy TEXT          年度を表示します（例: plan-progress fy 令和3年3月末 → 2020）
  metrics TEXT [--json]
                   セルの文から読み取れる目標値・実績値を表示します
  import-text REPORT.txt -o OUT.xlsx
                   公表資料のテキストから進捗管理表（.xlsx）を作ります

共通オプション:
  --lang ja|en     表示言語（既定: ja）
  -h, --help       このヘルプを表示します
  -v, --version    バージョンを表示します`,
  fyUsage: `使い方: plan-progress fy TEXT [--lang ja|en]

TEXT の年度（4月〜翌3月）を西暦で表示します。
  令和2年度 → 2020   R5年度 → 2023   平成31年度 → 2019   令和3年3月末 → 2020`,
  unknownCommand: (name: string) => `不明なコマンドです: ${name}（plan-progress --help で一覧を表示）`,
  missingText: "TEXT を指定してください（例: plan-progress fy 令和3年3月末）",
  fyNotFound: (text: string) => `年度が読み取れません: ${text}`,
  badOption: (detail: string) => `オプションが正しくありません: ${detail}`,
  metricsUsage: `使い方: plan-progress metrics TEXT [--json] [--lang ja|en]

計画・実績のセルの文末にある数値（例: (参加団体数 12団体)）を読み取って表示します。
金額は円に、370万件は 3700000 件に換算します。--json で JSON の配列を出力します。`,
  noMetrics: "数値は読み取れませんでした（文末の（ラベル 数値）や ①②③ の並びを読みます）",
  metricLine: (marker: string, label: string, value: string, op: string, extra: string) =>
    `${marker}${label || "（ラベルなし）"}: ${value}${op}${extra}`,
  opWords: { eq: "", ge: " 以上", gt: " 超", le: " 以下", lt: " 未満", approx: "（約）", range: "" } as Record<string, string>,
  fiscalYearWord: (fy: number) => ` ［${fy}年度］`,
  rangeExclusive: " 未満",
  cumulativeWord: "（延べ）",
  importUsage: `使い方: plan-progress import-text REPORT.txt -o OUT.xlsx

公表資料「…の進捗状況」のテキスト（表はタブ区切り）を読み、進捗管理表のブックを書き出します。`,
  importMissingArgs: "入力テキストと出力先を指定してください（例: plan-progress import-text report.txt -o out.xlsx）",
  sameInputOutput: "出力先が入力ファイルと同じです。別のファイル名を指定してください。",
  cannotRead: (file: string) => `ファイルを読み込めません: ${file}`,
  cannotWrite: (file: string) => `ファイルに書き込めません: ${file}`,
  noRows: (file: string) => `表の行が見つかりません（見出し「項目」「評価」の行が必要です）: ${file}`,
  imported: (file: string, items: number, subs: number) => `${file} に書き出しました（項目 ${items}、枝番 ${subs}）`,
};

export type CliMessages = typeof ja;

const en: CliMessages = {
  usage: `Usage: plan-progress <command> [options]

Commands:
  fy TEXT          prints the fiscal year (e.g. plan-progress fy 令和3年3月末 → 2020)
  metrics TEXT [--json]
                   shows the target or achieved values read in a cell's text
  import-text REPORT.txt -o OUT.xlsx
                   turns a published report's text into a progress workbook (.xlsx)

Options:
  --lang ja|en     language of messages (default: ja)
  -h, --help       shows this help
  -v, --version    shows the version`,
  fyUsage: `Usage: plan-progress fy TEXT [--lang ja|en]

Prints the fiscal year (April to March) of TEXT as a western year.
  令和2年度 → 2020   R5年度 → 2023   平成31年度 → 2019   令和3年3月末 → 2020`,
  unknownCommand: (name: string) => `Unknown command: ${name} (plan-progress --help lists them)`,
  missingText: "Give the TEXT (e.g. plan-progress fy 令和3年3月末)",
  fyNotFound: (text: string) => `No fiscal year found in: ${text}`,
  badOption: (detail: string) => `Invalid option: ${detail}`,
  metricsUsage: `Usage: plan-progress metrics TEXT [--json] [--lang ja|en]

Shows the values read at the end of a plan or results cell (e.g. (参加団体数 12団体)), in base units:
yen for 千円/万円/億円, 370万件 as 3700000 件. --json prints a JSON array.`,
  noMetrics: "No values found (the trailing (label value) block or ①②③ list is read)",
  metricLine: (marker: string, label: string, value: string, op: string, extra: string) =>
    `${marker}${label || "(no label)"}: ${value}${op}${extra}`,
  opWords: { eq: "", ge: " or more", gt: " more than", le: " or less", lt: " less than", approx: " (approx.)", range: "" } as Record<string, string>,
  fiscalYearWord: (fy: number) => ` [FY${fy}]`,
  rangeExclusive: " (excl.)",
  cumulativeWord: " (cumulative)",
  importUsage: `Usage: plan-progress import-text REPORT.txt -o OUT.xlsx

Reads the text of a published progress report (tables separated by tabs) and writes a progress workbook.`,
  importMissingArgs: "Give the input text and the output (e.g. plan-progress import-text report.txt -o out.xlsx)",
  sameInputOutput: "The output is the input file. Choose another file name.",
  cannotRead: (file: string) => `Cannot read the file: ${file}`,
  cannotWrite: (file: string) => `Cannot write the file: ${file}`,
  noRows: (file: string) => `No table rows found (a header row with 項目 and 評価 is needed): ${file}`,
  imported: (file: string, items: number, subs: number) => `Wrote ${file} (${items} items, ${subs} sub-items)`,
};

export const CLI_MESSAGES = { ja, en } as const;
export type CliLocale = keyof typeof CLI_MESSAGES;
