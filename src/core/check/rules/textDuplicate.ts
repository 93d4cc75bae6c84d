import { memoKind } from "../../memo";
import { foldedCodeAt } from "../../text/fold";
import { at, isRepost } from "../helpers";
import { defineRule, type RuleFinding } from "../types";
import type { TableRow } from "../../workbook/table";

/** Sentences shorter than this are common phrases, not copy-paste. */
const MIN_LENGTH = 20;

/**
 * The sentences of a text: the text folded (foldText), cut at 。, at line ends and at a ・ that starts the
 * text or follows white space; each part without its white space and its leading ・; kept when at least
 * MIN_LENGTH characters remain and it is not one parenthesised note. `eachSentence` finds them in one
 * pass; `sentenceAt` builds one from its bounds by the same walk, for comparing and quoting. The
 * definition by regular expressions is the tests' oracle (tests/unit/rules.test.ts).
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;
const IDEOGRAPHIC_FULL_STOP = 0x3002;
const MIDDLE_DOT = 0x30fb;
const LINE_FEED = 0x0a;

/** White space as the regular expressions' \s has it. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The sentence eachSentence found between these bounds: its characters folded, white space and leading ・ left out. */
export function sentenceAt(text: string, start: number, end: number): string {
  let out = "";
  let leading = true;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (isSpace(code) || (leading && code === MIDDLE_DOT)) continue;
    leading = false;
    out += String.fromCharCode(foldedCodeAt(text, i));
  }
  return out;
}

/** The hash eachSentence gives a sentence, from the sentence itself. */
export function sentenceHash(sentence: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < sentence.length; i += 1) hash = Math.imul(hash ^ sentence.charCodeAt(i), FNV_PRIME);
  return hash & 0x3fffffff;
}

/**
 * Calls `visit` with each sentence of a text (see above): its bounds in the text and a hash of its
 * folded characters (FNV-1a, cut to a small integer). One pass, folding as it goes, and no string is
 * made: a 50,000-row table has a quarter of a million sentences, most of them said once.
 */
export function eachSentence(text: string, visit: (hash: number, start: number, end: number) => void): void {
  const length = text.length;
  let start = 0;
  let hash = FNV_OFFSET;
  let count = 0;
  let first = 0;
  let last = 0;
  let leading = true;
  let afterSpace = true;
  for (let i = 0; i <= length; i += 1) {
    let code = i < length ? text.charCodeAt(i) : IDEOGRAPHIC_FULL_STOP;
    // Most characters are the sentence's own (kanji, kana): no white space or separator lies above 。
    // but ・ and U+FEFF.
    if (code > IDEOGRAPHIC_FULL_STOP && code !== MIDDLE_DOT && code !== 0xfeff) {
      afterSpace = false;
      code = foldedCodeAt(text, i);
    } else {
      if (code === IDEOGRAPHIC_FULL_STOP || code === LINE_FEED || (code === MIDDLE_DOT && afterSpace)) {
        if (count >= MIN_LENGTH && !(first === 0x28 && last === 0x29)) visit(hash & 0x3fffffff, start, i);
        start = i + 1;
        hash = FNV_OFFSET;
        count = 0;
        leading = true;
        afterSpace = code === LINE_FEED;
        continue;
      }
      afterSpace = isSpace(code);
      if (afterSpace || (leading && code === MIDDLE_DOT)) continue;
      code = foldedCodeAt(text, i);
    }
    if (leading) {
      leading = false;
      first = code;
    }
    hash = Math.imul(hash ^ code, FNV_PRIME);
    count += 1;
    last = code;
  }
}

/** Each sentence of a text as (hash, start, end), three numbers apiece. */
function sentencesOf(text: string): Int32Array {
  const found: number[] = [];
  eachSentence(text, (hash, start, end) => found.push(hash, start, end));
  return Int32Array.from(found);
}

/** The sentences of each text, remembered between checks: a re-check of the same workbook finds them. */
const SENTENCES = memoKind<string, Int32Array>("sentences");

interface Said {
  row: TableRow;
  field: "plan" | "result";
  text: string;
  start: number;
  end: number;
  /** Built when first compared. */
  sentence: string | undefined;
  /** Another sentence with the same hash. */
  next: Said | undefined;
}

const textOf = (said: Said) => (said.sentence ??= sentenceAt(said.text, said.start, said.end));

export const textDuplicate = defineRule({
  code: "TEXT_DUPLICATE",
  severity: "warning",
  title: { ja: "別の項目と同じ文", en: "Same sentence as another item" },
  why: { ja: "別の項目の当初予定や実績と同じ文があるのは、貼り付けの誤りのことが多いです。", en: "A sentence that also stands in another item's plan or results is usually a copy-paste slip." },
  messages: {
    same: {
      ja: "No. {item} の{field}と同じ文があります:「{quoted}」",
      en: "The same sentence stands in No. {item}'s {field}: \"{quoted}\"",
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    // The first place each sentence was said, by hash; sentences are compared only when hashes meet.
    const seen = new Map<number, Said>();
    const where = { plan: "当初予定", result: "取組実績" };
    // Without the memo (none given, or a table too large for it) each text is scanned once.
    const memo = context.memo;
    const sentencesFor = memo ? (text: string) => memo.get(SENTENCES, text, sentencesOf) : sentencesOf;
    for (const row of context.rows) {
      if (isRepost(row) || !row.item) continue;
      const reported = new Set<string>();
      for (const field of ["plan", "result"] as const) {
        const text = row[field];
        const sentences = sentencesFor(text);
        for (let k = 0; k < sentences.length; k += 3) {
          const hash = sentences[k] as number;
          const start = sentences[k + 1] as number;
          const end = sentences[k + 2] as number;
          const chain = seen.get(hash);
          let first = chain;
          let sentence: string | undefined;
          if (first) {
            sentence = sentenceAt(text, start, end);
            while (first && textOf(first) !== sentence) first = first.next;
          }
          if (!first) {
            seen.set(hash, { row, field, text, start, end, sentence, next: chain });
            continue;
          }
          // One finding per other item, quoting the first sentence they share.
          if (first.row.item === row.item || reported.has(first.row.item)) continue;
          reported.add(first.row.item);
          const quoted = (sentence ?? textOf(first)).slice(0, 40);
          const cut = (sentence ?? textOf(first)).length > 40 ? "…" : "";
          out.push({
            ...at(context, row, field),
            severity: "warning",
            messageId: "same",
            data: { item: first.row.item, field: { ja: where[first.field], en: first.field }, quoted: `${quoted}${cut}` },
          });
        }
      }
    }
    return out;
  },
});
