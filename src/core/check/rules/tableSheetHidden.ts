import { problemsOf } from "../helpers";
import { defineRule } from "../types";

export const tableSheetHidden = defineRule({
  code: "TABLE_SHEET_HIDDEN",
  severity: "info",
  title: { ja: "非表示のシートの表", en: "Table on a hidden sheet" },
  why: {
    ja: "表示されているシートに表がないため、非表示のシートの表を点検しました。古い写しを点検していないか確かめてください。",
    en: "No visible sheet holds a table, so the table of a hidden sheet was checked. Make sure it is not an old copy.",
  },
  messages: {
    hidden: {
      ja: "表は非表示のシート「{sheet}」から読みました（表示されているシートに表がありません）",
      en: "The table was read from the hidden sheet \"{sheet}\" (no visible sheet holds one)",
    },
  },
  check(context) {
    return problemsOf(context, "TABLE_SHEET_HIDDEN").map((problem) => ({
      messageId: "hidden" as const,
      data: { sheet: problem.sheet },
    }));
  },
});
