import { COLUMNS_MISSING_TEXT, columnsMissingData } from "../../workbook/problemText";
import { problemsOf } from "../helpers";
import { defineRule } from "../types";

export const columnsMissing = defineRule({
  code: "COLUMNS_MISSING",
  severity: "error",
  title: { ja: "必要な列が見つからない", en: "Required columns not found" },
  why: {
    ja: "No.・項目（または枝番）・評価・当初予定（目標値）・取組実績の列がないと、表を読めません。見出しの名前を確かめるか、設定で列を指定してください。",
    en: "Without the No., title (or sub No.), rating, plan and result columns the table cannot be read. Check the header names or map the columns in the settings.",
  },
  messages: {
    missing: COLUMNS_MISSING_TEXT,
  },
  check(context) {
    return problemsOf(context, "COLUMNS_MISSING").map((problem) => ({
      ...(problem.headerRow ? { row: problem.headerRow } : {}),
      messageId: "missing" as const,
      data: columnsMissingData(problem),
    }));
  },
});
