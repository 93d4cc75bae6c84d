import { at } from "../helpers";
import { defineRule } from "../types";

export const numberGap = defineRule({
  code: "NUMBER_GAP",
  severity: "warning",
  title: { ja: "項目番号の欠番", en: "Missing item number" },
  why: { ja: "番号が飛んでいると、項目の削除や貼り付け漏れの可能性があります。", en: "A gap in the numbers may be an item deleted or not pasted." },
  messages: {
    missing: {
      ja: "No. {missing} がありません",
      en: "No. {missing} is missing",
    },
  },
  check(context) {
    const items = context.rows.filter((r) => r.kind === "item" && r.no !== undefined);
    return items.flatMap((row, i) => {
      const previous = i === 0 ? 0 : (items[i - 1]?.no ?? 0);
      const no = row.no ?? 0;
      if (no <= previous + 1) return [];
      const missing = no - previous === 2 ? `${previous + 1}` : { ja: `${previous + 1}〜${no - 1}`, en: `${previous + 1}–${no - 1}` };
      return [
        {
          ...at(context, row, "no"),
          severity: "warning" as const,
          messageId: "missing" as const,
          data: { missing },
        },
      ];
    });
  },
});
