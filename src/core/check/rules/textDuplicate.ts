import { METRICS_MEMO_LIMIT } from "../../metrics/extract";
import { foldText } from "../../text/fold";
import { at, isRepost } from "../helpers";
import type { Rule, RuleFinding } from "../types";
import type { TableRow } from "../../workbook/table";

/** Sentences shorter than this are common phrases, not copy-paste. */
const MIN_LENGTH = 20;

const memo = new Map<string, string[]>();
const MEMO_SIZE = 200_000;

function sentences(text: string): string[] {
  const cached = memo.get(text);
  if (cached) return cached;
  if (memo.size > MEMO_SIZE) memo.clear();
  const found = split(text);
  memo.set(text, found);
  return found;
}

function split(text: string): string[] {
  const out: string[] = [];
  for (const part of foldText(text).split(/[。\n]|\s+・|^・/)) {
    if (part.length < MIN_LENGTH) continue;
    // White space removed, then the bullets that led the sentence.
    const sentence = part.replace(/\s+/g, "").replace(/^・+/, "");
    if (sentence.length >= MIN_LENGTH && !(sentence.startsWith("(") && sentence.endsWith(")"))) out.push(sentence);
  }
  return out;
}

export const textDuplicate: Rule = {
  code: "TEXT_DUPLICATE",
  severity: "warning",
  title: { ja: "別の項目と同じ文", en: "Same sentence as another item" },
  why: { ja: "別の項目の当初予定や実績と同じ文があるのは、貼り付けの誤りのことが多いです。", en: "A sentence that also stands in another item's plan or results is usually a copy-paste slip." },
  check(context) {
    const out: RuleFinding[] = [];
    const seen = new Map<string, { row: TableRow; field: "plan" | "result" }>();
    // A table too large for the memos (as the check decides for the metrics) is split once, without.
    const sentencesOf = context.rows.length * 2 > METRICS_MEMO_LIMIT ? split : sentences;
    for (const row of context.rows) {
      if (isRepost(row) || !row.item) continue;
      const reported = new Set<string>();
      for (const field of ["plan", "result"] as const) {
        for (const sentence of sentencesOf(row[field])) {
          const first = seen.get(sentence);
          if (!first) {
            seen.set(sentence, { row, field });
            continue;
          }
          // One finding per other item, quoting the first sentence they share.
          if (first.row.item === row.item || reported.has(first.row.item)) continue;
          reported.add(first.row.item);
          const where = { plan: "当初予定", result: "取組実績" };
          out.push({
            ...at(context, row, field),
            severity: "warning",
            message: {
              ja: `No. ${first.row.item} の${where[first.field]}と同じ文があります:「${sentence.slice(0, 40)}${sentence.length > 40 ? "…" : ""}」`,
              en: `The same sentence stands in No. ${first.row.item}'s ${first.field}: "${sentence.slice(0, 40)}${sentence.length > 40 ? "…" : ""}"`,
            },
          });
        }
      }
    }
    return out;
  },
};
