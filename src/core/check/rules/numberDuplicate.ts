import { at } from "../helpers";
import { defineRule } from "../types";

export const numberDuplicate = defineRule({
  code: "NUMBER_DUPLICATE",
  severity: "error",
  title: { ja: "項目番号の重複", en: "Duplicate item number" },
  why: { ja: "同じ No. の項目が二つあると、集計もレポートも誤ります。再掲なら【No.○の再掲】と書いてください。", en: "Two items with the same No. spoil the summary and the report. Mark a repost as 【No.○の再掲】." },
  messages: {
    duplicate: {
      ja: "No. {item} は {first}行目にもあります",
      en: "No. {item} also stands in row {first}",
    },
  },
  check(context) {
    const seen = new Map<string, number>();
    return context.rows.flatMap((row) => {
      if (!row.item) return [];
      const first = seen.get(row.item);
      if (first === undefined) {
        seen.set(row.item, row.sheetRow);
        return [];
      }
      return [
        {
          ...at(context, row, row.kind === "sub" ? "sub" : "no"),
          severity: "error" as const,
          messageId: "duplicate" as const,
          data: { item: row.item, first },
        },
      ];
    });
  },
});
