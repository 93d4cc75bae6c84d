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
  split MASTER.xlsx -o DIR [--deadline D] [--columns C] [--contact T] [--password P] [--force]
                   担当課ごとに、その課の行だけの調書（.xlsx）を書き出します
  merge MASTER.xlsx RETURNED.xlsx … -o MERGED.xlsx [--json] [--force]
                   戻った調書を取り込んだブックを書き出します（変更・衝突・未回答の課を表示）
  export FILE.xlsx --csv -o OUT.csv [--force]
                   項目の表（OUT.csv）と読み取った数値の表（OUT-metrics.csv）を CSV（UTF-8）で書き出します
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
  checkJsonLinesOption: "  --json-lines     1 ファイル（--all-sheets ではシート）ごとに 1 行の JSON を、点検が済むたびに出力します（JSON Lines）",
  jsonAndJsonLines: "--json と --json-lines はどちらか一方を指定してください",
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
  trendLine: (text: string) => `  推移 ${text}`,
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
  splitUsage: `使い方: plan-progress split MASTER.xlsx -o DIR [--deadline YYYY-MM-DD] [--columns 評価,取組実績,…] [--contact TEXT] [--password TEXT] [--force]

進捗管理表を担当課（主な推進担当課）ごとの調書に分け、DIR に 1 課 1 ファイルで書き出します。「市民課、政策課」のように
共同で担当する項目は両方の課に入り、枝番の項目には親の行を参考として付けます。記入する列（既定: 評価・取組実績）だけを
入力でき、ほかのセルはシートの保護でロックします（--password がなければパスワードなし）。前回のチェック結果を行の横に、
記入のしかた・締切・評価の記号を最初のシートに、照合用の識別情報を非表示のシートに入れます。MASTER は変更しません。
--columns には 評価・取組実績・実施内容・目標・備考（または rating,result,actions,plan,notes）を指定できます。`,
  splitMissingArgs: "進捗管理表と出力先のフォルダーを指定してください（例: plan-progress split 進捗管理表.xlsx -o 調書/）",
  badDeadline: (text: string) => `締切は YYYY-MM-DD で指定してください（例: 2021-05-14）: ${text}`,
  badColumns: (text: string) => `記入する列が正しくありません（評価・取組実績・実施内容・目標・備考 から選べます）: ${text}`,
  notAFolder: (dir: string) => `出力先はフォルダーを指定してください（作れないか、ファイルです）: ${dir}`,
  splitFile: (file: string, department: string, rows: number) => `${file}（${department}、${rows}行）`,
  splitDone: (count: number, dir: string) => `${dir} に ${count} 課分の調書を書き出しました`,
  splitUnassigned: (items: string) => `担当課のない行（事務局で記入）: ${items}`,
  mergeUsage: `使い方: plan-progress merge MASTER.xlsx RETURNED.xlsx … -o MERGED.xlsx [--json] [--force]

担当課から戻った調書を進捗管理表に取り込み、MERGED.xlsx に書き出します（MASTER は変更しません）。
調書は非表示の識別情報で照合し、識別情報のない調書は担当課・No.・項目名で照合します（その旨を表示）。
取り込むのは各課の担当行の記入する列だけです。ロックされたセルの変更、行の追加・削除・並べ替え、他の課の行、
別の年度・別の計画の調書、同じ課からの 2 つ目の回答（ファイルの保存日時が新しいほうを採用。同じ日時なら後に指定したほう）、
評価の記号にない回答、32,767 文字を超える回答は「衝突」として表示し、そのセル（2 つ目の回答はその調書）を取り込みません。式は式として取り込まず、保存されていた値を取り込みます。変更前の値は「取込履歴」シートに記録します。
課ごとの変更（変更前 → 変更後）、衝突、回答状況（未回答の課、取込後のエラー・警告）を表示します。
--json で {"merge","changes","conflicts","notices","status"} を出力します。
終了コード: 0 衝突なし、1 衝突あり（取り込まなかったものがある）、2 実行できない。`,
  mergeMissingArgs: "進捗管理表・戻った調書・出力先を指定してください（例: plan-progress merge 進捗管理表.xlsx 調書/*.xlsx -o 取込後.xlsx）",
  mergeDepartment: (department: string, file: string) => `■ ${department}（${file}）`,
  mergeChange: (item: string, header: string, before: string, after: string) => `  No.${item} ${header}: 「${before}」 → 「${after}」`,
  mergeChangeNamed: (label: string, header: string, before: string, after: string) => `  ${label} ${header}: 「${before}」 → 「${after}」`,
  mergeConflictsHeading: (n: number) => `衝突（取り込みません）: ${n}件`,
  mergeNoticesHeading: (n: number) => `お知らせ（取り込みます）: ${n}件`,
  mergeNote: (file: string, message: string) => `  ${file}: ${message}`,
  statusHeading: "回答状況: 担当課 行数 回答 変更 衝突 エラー 警告",
  statusLine: (department: string, rows: number, answered: string, changed: number, conflicts: number, errors: number, warnings: number) =>
    `  ${department} ${rows}行 ${answered} 変更${changed} 衝突${conflicts} エラー${errors} 警告${warnings}`,
  statusAnswered: (date: string) => `回答あり${date ? `（${date}）` : ""}`,
  statusAnsweredEarlier: (date: string) => `回答あり（取込済 ${date} 日本時間）`,
  statusAnsweredSaved: (date: string) => `回答あり（保存 ${date} 日本時間）`,
  statusNotAnswered: "未回答",
  merged: (file: string, cells: number, id: string) => `${file} に書き出しました（${cells} セルを変更、取込ID ${id}。「取込履歴」シートに変更前の値があります）`,
  exportUsage: `使い方: plan-progress export FILE.xlsx --csv -o OUT.csv [--force]

進捗管理表をオープンデータ用の CSV（UTF-8、BOM 付き）に書き出します。OUT.csv は項目・枝番ごとに 1 行
（分野, No., 枝番, 項目, 担当課, 評価, 目標, 実績, エラー, 警告, 情報）、OUT-metrics.csv は読み取った目標値・実績値を
1 行に 1 つ（No., 枝番, 項目, 役割, 番号, ラベル, 値, 単位, 比較, 下限, 上限, 年度）。列は docs/contracts/roundtrip.md のとおりです。`,
  exportMissingArgs: "ブック・--csv・出力先を指定してください（例: plan-progress export 進捗管理表.xlsx --csv -o 進捗.csv）",
  exported: (items: string, metrics: string, rows: number) => `${items}（${rows}行）と ${metrics} を書き出しました`,
  mergedNothing: (file: string) => `${file} に書き出しました（取り込む変更はありません）`,
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
  split MASTER.xlsx -o DIR [--deadline D] [--columns C] [--contact T] [--password P] [--force]
                   writes one form (.xlsx) per department with only its rows
  merge MASTER.xlsx RETURNED.xlsx … -o MERGED.xlsx [--json] [--force]
                   writes the workbook with the returned forms merged (changes, conflicts, who has not answered)
  export FILE.xlsx --csv -o OUT.csv [--force]
                   writes the items (OUT.csv) and the values read (OUT-metrics.csv) as CSV (UTF-8)
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
  checkJsonLinesOption: "  --json-lines     prints one line of JSON per file (per sheet with --all-sheets), each as soon as it is checked (JSON Lines)",
  jsonAndJsonLines: "Give either --json or --json-lines, not both",
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
  trendLine: (text: string) => `  trend ${text}`,
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
  splitUsage: `Usage: plan-progress split MASTER.xlsx -o DIR [--deadline YYYY-MM-DD] [--columns rating,result,…] [--contact TEXT] [--password TEXT] [--force]

Splits the progress table into one form per department (主な推進担当課), one file each in DIR. An item
shared by departments (「市民課、政策課」) goes to each; a sub-item comes with its parent row for context.
Only the columns to fill (default: the rating and the results) can be typed in; every other cell is locked
by the sheet's protection (no password unless --password). The last check's findings stand beside the
rows; the instructions, the deadline and the rating symbols are on the first sheet; an identity for the
merge is on a hidden sheet. MASTER is never changed. --columns takes rating, result, actions, plan, notes
(or the Japanese headers 評価, 取組実績, 実施内容, 目標, 備考).`,
  splitMissingArgs: "Give the progress workbook and the output folder (e.g. plan-progress split progress.xlsx -o forms/)",
  badDeadline: (text: string) => `Give the deadline as YYYY-MM-DD (e.g. 2021-05-14): ${text}`,
  badColumns: (text: string) => `Invalid columns to fill (choose among rating, result, actions, plan, notes): ${text}`,
  notAFolder: (dir: string) => `The output must be a folder (it cannot be made, or is a file): ${dir}`,
  splitFile: (file: string, department: string, rows: number) => `${file} (${department}, ${rows} rows)`,
  splitDone: (count: number, dir: string) => `Wrote the forms of ${count} departments to ${dir}`,
  splitUnassigned: (items: string) => `Rows without a department (the section fills them): ${items}`,
  mergeUsage: `Usage: plan-progress merge MASTER.xlsx RETURNED.xlsx … -o MERGED.xlsx [--json] [--force]

Takes the departments' answers back into the progress table and writes MERGED.xlsx (MASTER is never
changed). A form is matched by its hidden identity, or, without one, by department, No. and title (said).
Only each department's own rows and the columns it fills are taken. A locked cell changed, rows added,
deleted or moved, another department's row, a form of another year or plan, a second answer from one
department (the newer by the file's own time is taken; at equal times the one given later), a rating not on
the scale, an answer over 32,767 characters are conflicts: listed, that cell (or that form) not applied. A formula is
never taken as a formula: its saved value is. The values before are recorded in the 「取込履歴」 sheet.
Prints per department each change (before → after), the conflicts, and the status (who has not
answered, errors and warnings after the merge). --json prints {"merge","changes","conflicts","notices","status"}.
Exit: 0 no conflicts, 1 conflicts (something was not taken), 2 could not run.`,
  mergeMissingArgs: "Give the progress workbook, the returned forms and the output (e.g. plan-progress merge progress.xlsx forms/*.xlsx -o merged.xlsx)",
  mergeDepartment: (department: string, file: string) => `■ ${department} (${file})`,
  mergeChange: (item: string, header: string, before: string, after: string) => `  No.${item} ${header}: "${before}" → "${after}"`,
  mergeChangeNamed: (label: string, header: string, before: string, after: string) => `  ${label} ${header}: "${before}" → "${after}"`,
  mergeConflictsHeading: (n: number) => `Conflicts (not taken): ${n}`,
  mergeNoticesHeading: (n: number) => `Notices (taken): ${n}`,
  mergeNote: (file: string, message: string) => `  ${file}: ${message}`,
  statusHeading: "Status: department rows answered changed conflicts errors warnings",
  statusLine: (department: string, rows: number, answered: string, changed: number, conflicts: number, errors: number, warnings: number) =>
    `  ${department} ${rows} rows ${answered} changed ${changed} conflicts ${conflicts} errors ${errors} warnings ${warnings}`,
  statusAnswered: (date: string) => `answered${date ? ` (${date})` : ""}`,
  statusAnsweredEarlier: (date: string) => `answered (merged ${date} JST)`,
  statusAnsweredSaved: (date: string) => `answered (saved ${date} JST)`,
  statusNotAnswered: "not answered",
  merged: (file: string, cells: number, id: string) => `Wrote ${file} (${cells} cells changed, merge ${id}; the values before are in the 「取込履歴」 sheet)`,
  exportUsage: `Usage: plan-progress export FILE.xlsx --csv -o OUT.csv [--force]

Writes the progress table as open-data CSV (UTF-8 with a byte-order mark). OUT.csv has one row per item
and sub-item (分野, No., 枝番, 項目, 担当課, 評価, 目標, 実績, errors, warnings, info); OUT-metrics.csv one row
per value read (No., 枝番, 項目, role, marker, label, value, unit, op, min, max, fiscal year). The columns
are documented in docs/contracts/roundtrip.md.`,
  exportMissingArgs: "Give the workbook, --csv and the output (e.g. plan-progress export progress.xlsx --csv -o progress.csv)",
  exported: (items: string, metrics: string, rows: number) => `Wrote ${items} (${rows} rows) and ${metrics}`,
  mergedNothing: (file: string) => `Wrote ${file} (no change to take)`,
};

export const CLI_MESSAGES = { ja, en } as const;
export type CliLocale = keyof typeof CLI_MESSAGES;
