import { memoKind } from "../../memo";
import { foldedCodeAt, isSpaceCode } from "../../text/fold";
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

/** The sentence eachSentence found between these bounds: its characters folded, white space and leading ・ left out. */
export function sentenceAt(text: string, start: number, end: number): string {
  let out = "";
  let leading = true;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code) || (leading && code === MIDDLE_DOT)) continue;
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
 * Whether foldedCodeAt leaves a character as it is whatever stands beside it: the kanji and kana between
 * 〜 and ﹣ but ー (src/core/text/fold.ts says so in its first test), ・ aside, which cuts sentences here.
 * Most characters of a Japanese text are these; the scan takes them without a call.
 * tests/unit/speedTextDuplicate.test.ts holds this to foldedCodeAt over every code unit.
 */
export const keepsItself = (code: number): boolean => code > 0x301c && code < 0xfe63 && code !== 0x30fc && code !== MIDDLE_DOT;

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
    if (keepsItself(code)) {
      // A run of them, hashed in a tight loop.
      if (leading) {
        leading = false;
        first = code;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
      let k = i + 1;
      for (; k < length; k += 1) {
        const next = text.charCodeAt(k);
        if (!keepsItself(next)) break;
        hash = Math.imul(hash ^ next, FNV_PRIME);
        code = next;
      }
      count += k - i;
      last = code;
      afterSpace = false;
      i = k - 1;
      continue;
    } else if (code > IDEOGRAPHIC_FULL_STOP && code !== MIDDLE_DOT && code !== 0xfeff) {
      // No white space or separator lies above 。 but ・ and U+FEFF.
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
      afterSpace = isSpaceCode(code);
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

/**
 * Whether two sentences found by eachSentence are the same: sentenceAt(a, …) === sentenceAt(b, …),
 * decided by walking both in place, character by character (no string is built for a comparison; a
 * table that repeats one sentence in thousands of rows compares it thousands of times).
 */
export function sameSentence(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  let i = aStart;
  let j = bStart;
  let leading = true;
  for (;;) {
    for (; i < aEnd; i += 1) {
      const code = a.charCodeAt(i);
      if (!isSpaceCode(code) && !(leading && code === MIDDLE_DOT)) break;
    }
    for (; j < bEnd; j += 1) {
      const code = b.charCodeAt(j);
      if (!isSpaceCode(code) && !(leading && code === MIDDLE_DOT)) break;
    }
    if (i >= aEnd || j >= bEnd) return i >= aEnd && j >= bEnd;
    leading = false;
    if (foldedCodeAt(a, i) !== foldedCodeAt(b, j)) return false;
    i += 1;
    j += 1;
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

const FIELDS = ["plan", "result"] as const;
const WHERE = { plan: { ja: "当初予定", en: "plan" }, result: { ja: "取組実績", en: "result" } } as const;

/** Numbers kept per place a sentence was first said: its row's index, its field's, its bounds, the next place of its hash. */
const PLACE = 5;

/**
 * The newest place of each hash: an open-addressing table of (hash, place) in one array, grown when
 * half full. Hashes are never negative (eachSentence cuts them to 30 bits); -1 marks an empty slot.
 */
class Heads {
  private slots = new Int32Array(2 * 4096).fill(-1);
  private mask = 4095;
  private size = 0;

  get(hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.slots[2 * slot] as number;
      if (key === hash) return this.slots[2 * slot + 1] as number;
      if (key === -1) return -1;
    }
  }

  set(hash: number, place: number): void {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.slots[2 * slot] as number;
      if (key === hash) {
        this.slots[2 * slot + 1] = place;
        return;
      }
      if (key === -1) {
        this.slots[2 * slot] = hash;
        this.slots[2 * slot + 1] = place;
        this.size += 1;
        if (this.size * 2 > this.mask) this.grow();
        return;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(2 * (this.mask + 1)).fill(-1);
    this.size = 0;
    for (let k = 0; k < old.length; k += 2) if ((old[k] as number) !== -1) this.set(old[k] as number, old[k + 1] as number);
  }
}

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
    const rows = context.rows;
    // The first place each sentence was said, by hash: the newest of a chain of places whose sentences
    // share the hash (one place, but where hashes collide). Places are numbers in one array, not objects:
    // a large table has a quarter of a million of them.
    const heads = new Heads();
    let places = new Int32Array(PLACE * 1024);
    let placeCount = 0;
    // The row and field being read, for `visit`.
    let rowIndex = 0;
    let row: TableRow | undefined;
    let fieldIndex = 0;
    let text = "";
    let reported: Set<string> | undefined;
    const visit = (hash: number, start: number, end: number): void => {
      const head = heads.get(hash);
      let place = head;
      while (place >= 0) {
        const at = place * PLACE;
        const other = rows[places[at] as number] as TableRow;
        if (sameSentence(other[FIELDS[places[at + 1] as number] as "plan"], places[at + 2] as number, places[at + 3] as number, text, start, end)) break;
        place = places[at + 4] as number;
      }
      if (place < 0) {
        if ((placeCount + 1) * PLACE > places.length) {
          const grown = new Int32Array(places.length * 2);
          grown.set(places);
          places = grown;
        }
        const at = placeCount * PLACE;
        places[at] = rowIndex;
        places[at + 1] = fieldIndex;
        places[at + 2] = start;
        places[at + 3] = end;
        places[at + 4] = head;
        heads.set(hash, placeCount);
        placeCount += 1;
        return;
      }
      // One finding per other item, quoting the first sentence they share.
      const firstRow = rows[places[place * PLACE] as number] as TableRow;
      const current = row as TableRow;
      if (firstRow.item === current.item || reported?.has(firstRow.item)) return;
      (reported ??= new Set()).add(firstRow.item);
      const sentence = sentenceAt(text, start, end);
      const field = FIELDS[places[place * PLACE + 1] as number] as "plan";
      out.push({
        ...at(context, current, FIELDS[fieldIndex] as "plan"),
        severity: "warning",
        messageId: "same",
        data: { item: firstRow.item, field: { ja: WHERE[field].ja, en: field }, quoted: `${sentence.slice(0, 40)}${sentence.length > 40 ? "…" : ""}` },
      });
    };
    // Without the memo (none given, or a table too large for it) each text is scanned once, in place.
    const memo = context.memo;
    for (rowIndex = 0; rowIndex < rows.length; rowIndex += 1) {
      row = rows[rowIndex] as TableRow;
      if (isRepost(row) || !row.item) continue;
      reported = undefined;
      for (fieldIndex = 0; fieldIndex < FIELDS.length; fieldIndex += 1) {
        text = row[FIELDS[fieldIndex] as "plan"];
        if (!memo) {
          eachSentence(text, visit);
          continue;
        }
        const sentences = memo.get(SENTENCES, text, sentencesOf);
        for (let k = 0; k < sentences.length; k += 3) visit(sentences[k] as number, sentences[k + 1] as number, sentences[k + 2] as number);
      }
    }
    return out;
  },
});
