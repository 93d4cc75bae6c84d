import { defineRule } from "../types";

export const fiscalYearUnknown = defineRule({
  code: "FISCAL_YEAR_UNKNOWN",
  severity: "warning",
  title: { ja: "評価する年度がわからない", en: "Year evaluated unknown" },
  why: {
    ja: "設定シート・見出し・表題のどれにも評価する年度がないため、年度の付いた目標（令和4年度末 など）を比べていません。作業ウィンドウの「計画の情報」で年度を設定してください。",
    en: "Neither the settings, the headers nor the title say which fiscal year is evaluated, so targets for a named year (令和4年度末 …) were not compared. Set the year under \"Plan\" in the task pane.",
  },
  messages: {
    unknown: {
      ja: "評価する年度が設定されていません。「計画の情報」で年度を設定してください",
      en: "The year evaluated is not set. Set it under \"Plan\"",
    },
    unknownDated: {
      ja: "評価する年度が設定されていません（年度の付いた目標 {dated}件を比べていません）。「計画の情報」で年度を設定してください",
      en: "The year evaluated is not set ({dated} targets for a named year were not compared). Set it under \"Plan\"",
    },
  },
  check(context) {
    if (context.fiscalYear !== undefined) return [];
    let dated = 0;
    for (const evaluation of context.evaluations.byRow.values()) dated += evaluation.pairs.filter((p) => p.status === "yearUnknown").length;
    return [
      {
        ...(dated > 0 ? { messageId: "unknownDated" as const, data: { dated } } : { messageId: "unknown" as const }),
      },
    ];
  },
});
