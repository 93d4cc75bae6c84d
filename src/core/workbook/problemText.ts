import { columnLetter } from "./cells";
import { CANONICAL_HEADER, type Field } from "./columns";
import type { ReadProblem } from "./table";
import { fillMessage, type Localized, type MessageData } from "../text/localized";

export type Locale = "ja" | "en";

const FIELD_EN: Readonly<Record<Field, string>> = {
  category: "Category (分野)",
  no: "No.",
  sub: "Sub No. (枝番)",
  title: "Title (項目)",
  department: "Department (主な推進担当課)",
  rating: "Rating (評価)",
  actions: "Actions (実施内容)",
  plan: "Plan (当初予定（目標値）)",
  result: "Result (取組実績（実績値）)",
  notes: "Notes (備考)",
};

export function fieldName(field: Field, locale: Locale): string {
  if (field === "title" && locale === "ja") return "項目（または枝番）";
  return locale === "ja" ? CANONICAL_HEADER[field] : FIELD_EN[field];
}

/** The sentence of COLUMNS_MISSING, for the reading problem and the rule that reports it. */
export const COLUMNS_MISSING_TEXT: Localized = {
  ja: "シート「{sheet}」に必要な列が見つかりません: {missing}（見つかった見出し: {found}）",
  en: "Sheet \"{sheet}\" lacks required columns: {missing} (headers found: {found})",
};

/** The values of COLUMNS_MISSING_TEXT for a problem. */
export function columnsMissingData(problem: Extract<ReadProblem, { code: "COLUMNS_MISSING" }>): MessageData {
  const list = (locale: Locale) => problem.missing.map((f) => fieldName(f, locale)).join(locale === "ja" ? "、" : ", ");
  const found = (locale: Locale) => (problem.found.length ? problem.found.join(locale === "ja" ? "、" : ", ") : locale === "ja" ? "なし" : "none");
  return { sheet: problem.sheet, missing: { ja: list("ja"), en: list("en") }, found: { ja: found("ja"), en: found("en") } };
}

/** One sentence per reading problem, for the pane and the command line. */
export function describeProblem(problem: ReadProblem, locale: Locale): string {
  const ja = locale === "ja";
  switch (problem.code) {
    case "COLUMNS_MISSING":
      return fillMessage(COLUMNS_MISSING_TEXT, columnsMissingData(problem))[locale];
    case "BLANK_ROW": {
      const last = problem.sheetRow + (problem.rows ?? 1) - 1;
      if (last === problem.sheetRow) return ja ? `${problem.sheetRow}行目は表の途中の空行です` : `Row ${problem.sheetRow} is an empty row inside the table`;
      return ja
        ? `${problem.sheetRow}〜${last}行目（${problem.rows}行）は表の途中の空行です`
        : `Rows ${problem.sheetRow}–${last} (${problem.rows} rows) are empty rows inside the table`;
    }
    case "NUMBER_UNREADABLE": {
      const cell = `${columnLetter(problem.column)}${problem.sheetRow}`;
      return ja ? `${cell} の番号「${problem.text}」を読み取れません` : `Cannot read the number "${problem.text}" in ${cell}`;
    }
    case "SUB_WITHOUT_PARENT":
      return ja ? `${problem.sheetRow}行目の枝番には、上に親の項目がありません` : `The sub-item in row ${problem.sheetRow} has no item above it`;
    case "TABLE_SHEET_HIDDEN":
      return ja
        ? `表は非表示のシート「${problem.sheet}」から読みました（表示されているシートに表がありません）`
        : `The table was read from the hidden sheet "${problem.sheet}" (no visible sheet holds one)`;
  }
}
