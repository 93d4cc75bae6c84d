import { defineRule } from "../../check/types";
import { atItem, type DiffContext } from "../context";

export const itemAdded = defineRule<"added", DiffContext>({
  code: "ITEM_ADDED",
  severity: "info",
  title: { ja: "新しい項目", en: "New item" },
  why: { ja: "今年度から加わった項目です。", en: "An item added this year." },
  messages: { added: { ja: "No.{item}「{title}」は前年度の表にありません", en: "No.{item} \"{title}\" is not in last year's table" } },
  check(context) {
    return context.added.map((row) => ({ ...atItem(row), messageId: "added" as const, data: { item: row.item, title: row.title } }));
  },
});
