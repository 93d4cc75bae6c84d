import { defineRule } from "../../check/types";
import { atItem, type DiffContext } from "../context";

export const itemRenumbered = defineRule<"renumbered" | "renumberedRetitled", DiffContext>({
  code: "ITEM_RENUMBERED",
  severity: "info",
  title: { ja: "番号が変わった項目", en: "Item renumbered" },
  why: { ja: "番号が変わった項目は、前年度の資料と並べて読むときに取り違えやすくなります。", en: "A renumbered item is easy to mistake when last year's report is read beside this one." },
  messages: {
    renumbered: { ja: "「{title}」は前年度の No.{item} です", en: "\"{title}\" was No.{item} last year" },
    renumberedRetitled: { ja: "「{title}」は前年度の No.{item} です（前年度の項目名「{lastTitle}」）", en: "\"{title}\" was No.{item} last year (titled \"{lastTitle}\")" },
  },
  check(context) {
    return context.matches
      .filter((match) => match.last.no !== match.this.no)
      .map((match) => {
        const data = { title: match.this.title, item: match.last.item };
        return { ...atItem(match.this), ...(match.by === "title" ? { messageId: "renumbered" as const, data } : { messageId: "renumberedRetitled" as const, data: { ...data, lastTitle: match.last.title } }) };
      });
  },
});
