/** Every string the task pane shows, Japanese first. English must have exactly the same keys. */
const ja = {
  appTitle: "計画進捗チェッカー",
  appSubtitle: "行財政改革プランの進捗管理表を点検します",
  modeExcel: "Excel に接続中",
  modeExcelDetail: "開いているブックで動作します。",
  modeFile: "ファイルモード（Excel の外）",
  modeFileDetail: "ブラウザで .xlsx ファイルを開いて使います。元のファイルは変更しません。",
  emptyTitle: "進捗管理表を開いてください",
  emptyBodyFile:
    "評価（S・A・B）と目標値・実績値の食い違いを点検するには、進捗管理表の .xlsx ファイルを開くか、ここにドロップしてください。初めての方はサンプル（小平市 令和2年度末）をお試しください。",
  emptyBodyExcel:
    "進捗管理表のシートを開いておいてください。セルでは PLAN 関数が使えます。例: =PLAN.FISCALYEAR(\"令和3年3月末\") → 2020",
  openFile: "ファイルを開く…",
  openFileLabel: "進捗管理表の .xlsx ファイルを選ぶ",
  loadSample: "サンプルを読み込む",
  loadSampleHint: "小平市第3次行財政再構築プラン（令和2年度末）",
  dropHere: "ここに .xlsx ファイルをドロップ",
  dropNow: "離すと読み込みます",
  loading: "読み込み中…",
  loadedTitle: "読み込んだブック",
  tableHeading: "読み取った表",
  tableSheet: "シート",
  tableHeaderRow: "見出しの行",
  tableRows: "行数",
  tableItems: "項目",
  tableSubItems: "枝番",
  categoriesHeading: "分野ごとの項目数",
  problemsHeading: "読み取りで気づいたこと",
  noProblems: "問題なく読み取りました。",
  readTable: "表を読み取る",
  closeFile: "閉じる",
  errorNotXlsx: "このファイルは .xlsx として読み込めません。Excel ブック（.xlsx）を選んでください。",
  errorSampleMissing: "サンプルが見つかりません。npm run build の後に開き直してください。",
  errorGeneric: "読み込めませんでした。",
  languageNote: "表示言語",
} as const;

export type MessageKey = keyof typeof ja;
export type Messages = Readonly<Record<MessageKey, string>>;

const en: Messages = {
  appTitle: "Plan Progress Checker",
  appSubtitle: "Checks the progress workbook of an administrative-reform plan",
  modeExcel: "Connected to Excel",
  modeExcelDetail: "Works on the open workbook.",
  modeFile: "File mode (outside Excel)",
  modeFileDetail: "Works on an .xlsx file in the browser. The original file is never changed.",
  emptyTitle: "Open a progress workbook",
  emptyBodyFile:
    "To check the ratings (S/A/B) against the target and achieved values, open the progress workbook (.xlsx) or drop it here. New here? Try the sample (Kodaira City, end of FY2020).",
  emptyBodyExcel:
    "Keep the progress sheet open. The PLAN functions work in cells, e.g. =PLAN.FISCALYEAR(\"令和3年3月末\") → 2020",
  openFile: "Open a file…",
  openFileLabel: "Choose the progress workbook (.xlsx)",
  loadSample: "Load the sample",
  loadSampleHint: "Kodaira City, 3rd restructuring plan (end of FY2020)",
  dropHere: "Drop an .xlsx file here",
  dropNow: "Release to open",
  loading: "Loading…",
  loadedTitle: "Workbook read",
  tableHeading: "Table read",
  tableSheet: "Sheet",
  tableHeaderRow: "Header row",
  tableRows: "Rows",
  tableItems: "Items",
  tableSubItems: "Sub-items",
  categoriesHeading: "Items per category (分野)",
  problemsHeading: "Reading problems",
  noProblems: "Read without problems.",
  readTable: "Read the table",
  closeFile: "Close",
  errorNotXlsx: "This file cannot be read as .xlsx. Choose an Excel workbook (.xlsx).",
  errorSampleMissing: "The sample is missing. Run npm run build and reopen the page.",
  errorGeneric: "The file could not be read.",
  languageNote: "Language",
};

export type Locale = "ja" | "en";

export const MESSAGES: Readonly<Record<Locale, Messages>> = { ja, en };

/** Japanese unless the display language is known and is not Japanese. */
export function pickLocale(language: string | undefined | null): Locale {
  if (!language) return "ja";
  return language.toLowerCase().startsWith("ja") ? "ja" : "en";
}
