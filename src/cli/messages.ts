/** Everything the command line prints for people, Japanese first. */
const ja = {
  usage: `使い方: plan-progress <コマンド> [オプション]

コマンド:
  fy TEXT          年度を表示します（例: plan-progress fy 令和3年3月末 → 2020）
  check FILE.xlsx [FILE …] [--json] [--sheet NAME | --all-sheets] [--year Y] [--scale S] [--columns C] [--config F] [--explain]
                   評価と数値の整合性を点検します（終了コード 0: エラーなし / 1: エラーあり / 2: 実行できず）
  report FILE.xlsx -o OUT.xlsx [--paper A4|A3] [--orientation landscape|portrait] [--force]
                   公表用の進捗状況レポートのシートを加えたブックを書き出します
  diff LAST.xlsx THIS.xlsx [--json]
                   前年度のブックと比べ、項目の増減・番号の変更・評価の上下・目標値の変更を表示します
  rollover THIS.xlsx -o NEXT.xlsx [--force]
                   次年度の進捗管理表を作ります（評価と実績を空にし、年度を進めます）
  metrics TEXT [--json]
                   セルの文から読み取れる目標値・実績値を表示します
  import-text REPORT.txt -o OUT.xlsx [--force]
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
  noMetrics: "数値は読み取れませんでした（文末の（ラベル 数値）、①②③ の並び、「目標：」の行、短い一句を読みます）",
  notANumber: "数値として読めません（桁が多すぎます）",
  unknownUnit: "（不明な単位）",
  metricLine: (marker: string, label: string, value: string, op: string, extra: string) =>
    `${marker}${label || "（ラベルなし）"}: ${value}${op}${extra}`,
  opWords: { eq: "", ge: " 以上", gt: " 超", le: " 以下", lt: " 未満", approx: "（約）", range: "" } as Record<string, string>,
  fiscalYearWord: (fy: number) => ` ［${fy}年度］`,
  rangeExclusive: " 未満",
  cumulativeWord: "（延べ）",
  checkUsage: `使い方: plan-progress check FILE.xlsx [FILE …] [オプション] [--lang ja|en]

進捗管理表の評価と目標値・実績値の食い違いを点検します。ファイルは変更しません。
表の形（見出しの行・年度の列・1項目2行・横向きの表）、評価する年度、評価の尺度（凡例または評価の記号から）を
設定なしで読み取り、ファイルごとに「読み取り:」の 1 行で示します。次に 1 行に 1 件: 重要度 項目 行:列 コード
メッセージ。最後に重要度別・分野別の集計を表示します。

  --sheet NAME     点検するシート（既定: 表のある最初のシート）
  --all-sheets     表のあるシートをすべて、シートごとに点検します
  --year Y         評価する年度（例: 令和2年度、R2、2020）
  --scale S        評価の尺度: A/B/C/D/E などの名前、または "A:ahead,B:on,C:behind"、"A:80%以上,B:60%以上80%未満,C:60%未満"
  --columns C      列の指定（例: rating=C,plan=A,result=B）
  --config F.json  設定シートと同じ内容の JSON（"plan.fiscalYear"、"profile"、"columns"、"ignored" …）。ブックの設定シートの代わりに使います
  --explain        読み取った内容（表の形・各列・年度・尺度と、それぞれの根拠）をすべて表示します
  --json           {"file","items","findings","summary","understood"} を出力します（複数ファイルなら配列）
指定とファイルの内容が違うときは、両方を「指定とファイルの違い:」の行で示します。
終了コード: 0 エラーなし、1 エラーあり、2 実行できない（ファイルが読めない・.xlsx でない・指定が読めない）。`,
  checkMissingFile: "点検する .xlsx ファイルを指定してください（例: plan-progress check 進捗管理表.xlsx）",
  notFound: (file: string) => `ファイルが見つかりません: ${file}`,
  diffUsage: `使い方: plan-progress diff LAST.xlsx THIS.xlsx [--json] [--lang ja|en]

前年度（LAST）と今年度（THIS）の進捗管理表を比べます。項目は番号だけでなく項目名の近さでも対応づけます。
1 行に 1 件: 重要度 項目 行 コード メッセージ。最後に重要度別と分野別の評価の動きを表示します。
終了コード: 0 エラーなし、1 エラーあり（実績が変わらないのに評価が上がった項目など）、2 実行できない。`,
  diffMissingFiles: "比べる 2 つのブックを指定してください（例: plan-progress diff 令和2年度.xlsx 令和3年度.xlsx）",
  rolloverUsage: `使い方: plan-progress rollover THIS.xlsx -o NEXT.xlsx [--force] [--lang ja|en]

今年度の進捗管理表から次年度の表を作ります。項目・担当課・実施内容・当初予定を写し、評価と取組実績を空にして、
評価する年度と実績の時点を 1 年進めます。評価プロファイルと、次年度にも当てはまる「無視」の設定を引き継ぎます。
THIS は変更しません（NEXT に同じファイルは指定できません）。NEXT が既にあるときは --force で置き換えます。`,
  rolloverMissingArgs: "今年度のブックと出力先を指定してください（例: plan-progress rollover 令和2年度.xlsx -o 令和3年度.xlsx）",
  rolledOver: (file: string, year: string, items: number, subs: number, dropped: number) =>
    `${file} に${year ? `${year}の` : "次年度の"}表を書き出しました（項目 ${items}、枝番 ${subs}。評価と取組実績は空です${dropped ? `。今年度の評価・実績についての「無視」${dropped}件は引き継いでいません` : ""}）`,
  diffHeading: (years: string) => `前年度との比較${years ? `（${years}）` : ""}`,
  diffSummary: (e: number, w: number, i: number) => `集計: エラー ${e}件、警告 ${w}件、情報 ${i}件`,
  diffCategory: (name: string, items: number, up: number, down: number, same: number, added: number) =>
    `  ${name}: 項目 ${items}、上がった ${up}、下がった ${down}、変わらない ${same}、新しい項目 ${added}`,
  isDirectory: (file: string) => `フォルダーです。.xlsx ファイルを指定してください: ${file}`,
  checkFailed: (file: string, detail: string) => `点検できませんでした（内部エラー: ${detail}）: ${file}`,
  reading: (file: string) => `${file} を読み込み中…`,
  severity: { error: "error", warning: "warning", info: "info" } as Record<string, string>,
  summaryLine: (e: number, w: number, i: number, ne: number, ignored: number) =>
    `集計: エラー ${e}件、警告 ${w}件、情報 ${i}件（うち評価不能 ${ne}件）${ignored ? `、無視 ${ignored}件` : ""}`,
  categoryLine: (name: string, items: number, e: number, w: number, i: number) => `  ${name || "（分野なし）"}: 項目 ${items}、エラー ${e}、警告 ${w}、情報 ${i}`,
  itemsLine: (file: string, items: number, fy: number | undefined) => `${file}: 項目 ${items}${fy ? `（${fy}年度）` : ""}`,
  sheetLabel: (file: string, sheet: string) => `${file}［${sheet}］`,
  understoodLine: (text: string) => `読み取り: ${text}`,
  disagreementLine: (what: "year" | "scale" | "columns", option: string, file: string) =>
    `指定とファイルの違い（${{ year: "年度", scale: "尺度", columns: "列" }[what]}）: 指定 ${option} ／ ファイル ${file}`,
  badYear: (text: string) => `--year の年度を読み取れません: ${text}（例: 令和2年度、R2、2020）`,
  reportUsage: `使い方: plan-progress report FILE.xlsx -o OUT.xlsx [--paper A4|A3] [--orientation landscape|portrait] [--sheet NAME] [--force]

進捗管理表から公表用の「進捗状況レポート」シートを作り、元のブックに加えて OUT.xlsx に書き出します。
元のファイルは変更しません（OUT に同じファイルは、リンク経由でも指定できません）。
OUT が既にあるときは --force を付けたときだけ置き換えます。`,
  reportMissingArgs: "入力ブックと出力先を指定してください（例: plan-progress report 進捗管理表.xlsx -o レポート.xlsx）",
  reportWritten: (file: string, sheet: string) => `${file} に「${sheet}」シートを書き出しました`,
  reportNoTable: (file: string) => `表を読み取れないため、レポートを作れません: ${file}`,
  badPaper: "用紙は A4 か A3 を指定してください",
  badOrientation: "向きは landscape（横）か portrait（縦）を指定してください",
  importUsage: `使い方: plan-progress import-text REPORT.txt -o OUT.xlsx

公表資料「…の進捗状況」のテキスト（表はタブ区切り）を読み、進捗管理表のブックを書き出します。`,
  importMissingArgs: "入力テキストと出力先を指定してください（例: plan-progress import-text report.txt -o out.xlsx）",
  sameInputOutput: "出力先が入力ファイルと同じです（リンクを含めて同じファイルです）。別のファイル名を指定してください。",
  outputExists: (file: string) => `出力先のファイルが既にあります。置き換えるときは --force を付けてください: ${file}`,
  noStdout: "ブックは標準出力（-o -）には書き出せません。出力先のファイル名を指定してください。",
  cannotRead: (file: string) => `ファイルを読み込めません: ${file}`,
  cannotWrite: (file: string) => `ファイルに書き込めません: ${file}`,
  noRows: (file: string) => `表の行が見つかりません（目標・実績・評価の見出しのある表、または項目の見出しと目標・実績の行が必要です）: ${file}`,
  imported: (file: string, items: number, subs: number) => `${file} に書き出しました（項目 ${items}、枝番 ${subs}）`,
  notRegularFile: (file: string) => `通常のファイルではありません（デバイスや名前付きパイプは読みません）。.xlsx ファイルを指定してください: ${file}`,
  fileTooLarge: (file: string, size: string | undefined, limit: string) =>
    `ファイルが大きすぎるため読み込みを中止しました（${size ? `${size}、上限 ${limit}` : `上限 ${limit} を超えています`}）。不要なシートやセルを削除してから、もう一度お試しください: ${file}`,
};

export type CliMessages = typeof ja;

const en: CliMessages = {
  usage: `Usage: plan-progress <command> [options]

Commands:
  fy TEXT          prints the fiscal year (e.g. plan-progress fy 令和3年3月末 → 2020)
  check FILE.xlsx [FILE …] [--json] [--sheet NAME | --all-sheets] [--year Y] [--scale S] [--columns C] [--config F] [--explain]
                   checks ratings against the numbers (exit 0: no errors / 1: errors / 2: could not run)
  report FILE.xlsx -o OUT.xlsx [--paper A4|A3] [--orientation landscape|portrait] [--force]
                   writes the workbook with the formatted progress report sheet added
  diff LAST.xlsx THIS.xlsx [--json]
                   compares with last year's workbook: items added, removed or renumbered, ratings up or down, targets changed
  rollover THIS.xlsx -o NEXT.xlsx [--force]
                   makes next year's workbook (ratings and results cleared, the year moved on)
  metrics TEXT [--json]
                   shows the target or achieved values read in a cell's text
  import-text REPORT.txt -o OUT.xlsx [--force]
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
  noMetrics: "No values found (the trailing (label value) block, a ①②③ list, a 目標: line or a short phrase is read)",
  notANumber: "not a number (far too many digits)",
  unknownUnit: " (unknown unit)",
  metricLine: (marker: string, label: string, value: string, op: string, extra: string) =>
    `${marker}${label || "(no label)"}: ${value}${op}${extra}`,
  opWords: { eq: "", ge: " or more", gt: " more than", le: " or less", lt: " less than", approx: " (approx.)", range: "" } as Record<string, string>,
  fiscalYearWord: (fy: number) => ` [FY${fy}]`,
  rangeExclusive: " (excl.)",
  cumulativeWord: " (cumulative)",
  checkUsage: `Usage: plan-progress check FILE.xlsx [FILE …] [options] [--lang ja|en]

Checks the ratings of a progress workbook against its target and achieved values; never writes to the
file. The layout (header row, year columns, two rows per item, sideways tables), the year evaluated and the
rating scale (from a legend or the symbols used) are read without setup and said in one "Read as:" line
per file. Then one line per finding: severity item row:column code message; then totals by severity and
by category.

  --sheet NAME     the sheet to check (default: the first sheet holding a table)
  --all-sheets     checks every sheet holding a table, each on its own
  --year Y         the year evaluated (令和2年度, R2, 2020)
  --scale S        the rating scale: a name such as A/B/C/D/E, or "A:ahead,B:on,C:behind", "A:80%以上,B:60%以上80%未満,C:60%未満"
  --columns C      the columns (e.g. rating=C,plan=A,result=B)
  --config F.json  the settings sheet's content as JSON ("plan.fiscalYear", "profile", "columns", "ignored" …), used instead of the workbook's
  --explain        prints all that was understood (layout, columns, year, scale, and where each came from)
  --json           prints {"file","items","findings","summary","understood"} (an array for several files)
Where the options and the file disagree, both are said in an "Options and file differ:" line.
Exit: 0 no errors, 1 errors found, 2 could not run (file unreadable, not .xlsx, or an option that cannot be read).`,
  checkMissingFile: "Give the .xlsx file to check (e.g. plan-progress check progress.xlsx)",
  notFound: (file: string) => `File not found: ${file}`,
  diffUsage: `Usage: plan-progress diff LAST.xlsx THIS.xlsx [--json] [--lang ja|en]

Compares last year's (LAST) and this year's (THIS) progress workbooks. Items are matched by title
likeness as well as by No. One line per finding: severity item row code message; then totals and the
movement of ratings per category. Exit: 0 no errors, 1 errors (a rating up while the results did not
move …), 2 could not run.`,
  diffMissingFiles: "Give the two workbooks to compare (e.g. plan-progress diff 2020.xlsx 2021.xlsx)",
  rolloverUsage: `Usage: plan-progress rollover THIS.xlsx -o NEXT.xlsx [--force] [--lang ja|en]

Makes next year's progress workbook from this year's: items, departments, actions and plans copied,
ratings and results cleared, the evaluated year and the date of the results moved on a year. The rating
profile and the ignored findings that still apply carry over. THIS is never changed (NEXT may not be
THIS); an existing NEXT is replaced only with --force.`,
  rolloverMissingArgs: "Give this year's workbook and the output (e.g. plan-progress rollover 2020.xlsx -o 2021.xlsx)",
  rolledOver: (file: string, year: string, items: number, subs: number, dropped: number) =>
    `Wrote ${year ? `the ${year} ` : "next year's "}table to ${file} (${items} items, ${subs} sub-items; ratings and results are empty${dropped ? `; ${dropped} ignored findings about this year's ratings or results were not carried over` : ""})`,
  diffHeading: (years: string) => `Compared with last year${years ? ` (${years})` : ""}`,
  diffSummary: (e: number, w: number, i: number) => `Total: ${e} errors, ${w} warnings, ${i} info`,
  diffCategory: (name: string, items: number, up: number, down: number, same: number, added: number) =>
    `  ${name}: ${items} items, ${up} up, ${down} down, ${same} unchanged, ${added} new`,
  isDirectory: (file: string) => `A folder, not a file: give an .xlsx file: ${file}`,
  checkFailed: (file: string, detail: string) => `Could not check (internal error: ${detail}): ${file}`,
  reading: (file: string) => `Reading ${file}…`,
  severity: { error: "error", warning: "warning", info: "info" } as Record<string, string>,
  summaryLine: (e: number, w: number, i: number, ne: number, ignored: number) =>
    `Total: ${e} errors, ${w} warnings, ${i} info (${ne} not evaluable)${ignored ? `, ${ignored} ignored` : ""}`,
  categoryLine: (name: string, items: number, e: number, w: number, i: number) => `  ${name || "(no category)"}: ${items} items, ${e} errors, ${w} warnings, ${i} info`,
  itemsLine: (file: string, items: number, fy: number | undefined) => `${file}: ${items} items${fy ? ` (FY${fy})` : ""}`,
  sheetLabel: (file: string, sheet: string) => `${file} [${sheet}]`,
  understoodLine: (text: string) => `Read as: ${text}`,
  disagreementLine: (what: "year" | "scale" | "columns", option: string, file: string) => `Options and file differ (${what}): option ${option} / file ${file}`,
  badYear: (text: string) => `Cannot read the year of --year: ${text} (e.g. 令和2年度, R2, 2020)`,
  reportUsage: `Usage: plan-progress report FILE.xlsx -o OUT.xlsx [--paper A4|A3] [--orientation landscape|portrait] [--sheet NAME] [--force]

Builds the published 「進捗状況レポート」 sheet from the progress table and writes the workbook with it
added to OUT.xlsx. The input file is never changed (OUT may not be FILE, through a link or not).
An existing OUT is replaced only with --force.`,
  reportMissingArgs: "Give the input workbook and the output (e.g. plan-progress report progress.xlsx -o report.xlsx)",
  reportWritten: (file: string, sheet: string) => `Wrote the sheet 「${sheet}」 to ${file}`,
  reportNoTable: (file: string) => `The table cannot be read, so no report can be made: ${file}`,
  badPaper: "The paper must be A4 or A3",
  badOrientation: "The orientation must be landscape or portrait",
  importUsage: `Usage: plan-progress import-text REPORT.txt -o OUT.xlsx

Reads the text of a published progress report (tables separated by tabs) and writes a progress workbook.`,
  importMissingArgs: "Give the input text and the output (e.g. plan-progress import-text report.txt -o out.xlsx)",
  sameInputOutput: "The output is the input file (through a link or not). Choose another file name.",
  outputExists: (file: string) => `The output file already exists. Add --force to replace it: ${file}`,
  noStdout: "A workbook cannot be written to standard output (-o -). Give an output file name.",
  cannotRead: (file: string) => `Cannot read the file: ${file}`,
  cannotWrite: (file: string) => `Cannot write the file: ${file}`,
  noRows: (file: string) => `No table rows found (a table with target, result and rating headers, or item headings with target and result lines, is needed): ${file}`,
  imported: (file: string, items: number, subs: number) => `Wrote ${file} (${items} items, ${subs} sub-items)`,
  notRegularFile: (file: string) => `Not a regular file (devices and named pipes are not read): give an .xlsx file: ${file}`,
  fileTooLarge: (file: string, size: string | undefined, limit: string) =>
    `The file is too large to read (${size ? `${size}, ` : ""}over ${limit}). Delete unneeded sheets or cells and try again: ${file}`,
};

export const CLI_MESSAGES = { ja, en } as const;
export type CliLocale = keyof typeof CLI_MESSAGES;
