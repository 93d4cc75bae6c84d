import { describeProblem } from "../../workbook/problemText";
import { problemsOf } from "../helpers";
import type { Rule } from "../types";

export const tableSheetHidden: Rule = {
  code: "TABLE_SHEET_HIDDEN",
  severity: "info",
  title: { ja: "非表示のシートの表", en: "Table on a hidden sheet" },
  why: {
    ja: "表示されているシートに表がないため、非表示のシートの表を点検しました。古い写しを点検していないか確かめてください。",
    en: "No visible sheet holds a table, so the table of a hidden sheet was checked. Make sure it is not an old copy.",
  },
  check(context) {
    return problemsOf(context, "TABLE_SHEET_HIDDEN").map((problem) => ({
      message: { ja: describeProblem(problem, "ja"), en: describeProblem(problem, "en") },
    }));
  },
};
