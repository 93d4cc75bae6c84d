import { at } from "../helpers";
import { defineRule } from "../types";

export const repostTargetMissing = defineRule({
  code: "REPOST_TARGET_MISSING",
  severity: "error",
  title: { ja: "再掲元の項目がない", en: "Reposted item not found" },
  why: { ja: "【No.○の再掲】の元の項目が表にないと、再掲の内容を確かめられません。", en: "The original of a 【No.○の再掲】 must be in the table for the repost to be checked." },
  messages: {
    missing: {
      ja: "再掲元の No. {original} が表にありません",
      en: "No. {original}, the original of this repost, is not in the table",
    },
  },
  check(context) {
    const items = new Set(context.rows.filter((r) => r.kind === "item").map((r) => r.no));
    return context.rows
      .filter((row) => row.repostOf !== undefined && !items.has(row.repostOf))
      .map((row) => ({
        ...at(context, row),
        severity: "error" as const,
        messageId: "missing" as const,
        data: { original: row.repostOf ?? "" },
      }));
  },
});
