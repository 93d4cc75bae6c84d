import { defineRule } from "../../check/types";
import { atItem, type DiffContext } from "../context";

export const itemRemoved = defineRule<"removed", DiffContext>({
  code: "ITEM_REMOVED",
  severity: "warning",
  title: { ja: "前年度にあった項目がない", en: "Item of last year missing" },
  why: { ja: "削除・統合した項目は、公表資料でも経緯を示すのが通例です。", en: "A removed or merged item is usually explained in the published report." },
  messages: { removed: { ja: "前年度の No.{item}「{title}」が今年度の表にありません", en: "Last year's No.{item} \"{title}\" is not in this year's table" } },
  check(context) {
    // About last year's table: no row of this year's to point at.
    return context.removed.map((row) => ({ ...atItem(row), sheet: context.last.sheet, row: undefined, messageId: "removed" as const, data: { item: row.item, title: row.title } }));
  },
});
