import { findFiscalYear } from "../fiscalYear";
import { memoKind, type Memo } from "../memo";
import { findQuantities, type Quantity } from "../quantity/quantity";
import { dropInvisible, foldedCodeAt, foldText, invisibleAt } from "../text/fold";
import { CIRCLED, CIRCLED_GLOBAL, circledValue } from "../text/markers";

/** The value part of a metric: a quantity without its place in the text. */
export type MetricValue = Pick<Quantity, "value" | "unit" | "unitKnown" | "op" | "min" | "max" | "maxExclusive" | "cumulative" | "notANumber" | "shown" | "sign">;

/** One metric read from a cell: a label and the quantity that closes its phrase. */
export interface Metric extends MetricValue {
  /** ①② … marker of the metric, when written. */
  marker?: number;
  label: string;
  /** The fiscal year the value is for, when a period is attached (令和4年度末 → 2022). */
  fiscalYear?: number;
  /** Notes attached to the value: (速報値), (令和2年度当初予算), ※… */
  notes: string[];
  /** The metric as written, label and value. */
  text: string;
  /**
   * What the words after the value say of it: "reduction" (15人削減: the amount cut, more is better),
   * "ceiling" (90%台半ばに抑える: a value to stay under).
   */
  sense?: "reduction" | "ceiling";
  /**
   * The whole the value is a part of, in the same unit: 20件中18件 and 109指標のうち48指標 are 18 and 48
   * of a total of 20 and 109. A share of it compares with a percentage target.
   */
  total?: number;
}

/**
 * The metric of a quantity, every field present (undefined where absent): one object shape for all the
 * metrics of a table, which the pairing, the evaluation and the rules read hundreds of thousands of times.
 */
export function metricOf(
  q: Quantity,
  label: string,
  notes: string[],
  text: string,
  marker?: number,
  fiscalYear?: number,
  sense?: Metric["sense"],
  total?: number,
): Metric {
  return {
    value: q.value,
    unit: q.unit,
    unitKnown: q.unitKnown,
    op: q.op,
    min: q.min,
    max: q.max,
    maxExclusive: q.maxExclusive === true ? true : undefined,
    cumulative: q.cumulative,
    notANumber: q.notANumber === true ? true : undefined,
    shown: q.shown,
    sign: q.sign,
    marker,
    label,
    fiscalYear,
    notes,
    text,
    sense,
    total,
  };
}

interface Group {
  start: number;
  /** Index after the closing parenthesis. */
  end: number;
}

const OPEN = "(";
const CLOSE = ")";

/** Parenthesised groups at depth 1 inside `text` (positions in `text`). */
function nestedGroups(text: string): Group[] {
  const groups: Group[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === OPEN) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (ch === CLOSE && depth > 0) {
      depth -= 1;
      if (depth === 0) groups.push({ start, end: i + 1 });
    }
  }
  return groups;
}

/**
 * What is never a value: era dates (令和4年度末, 平成19・20・21年度, R2年度), western dates, months, ordinals
 * (第3次), item numbers (No.12), quoted titles, page numbers (P12, 12ページ). Group 1 is what must stand
 * before the match (no lookbehind: older WebKit cannot parse it), group 2 what is hidden.
 */
const NEVER_VALUES: readonly (readonly [pattern: RegExp, needs: RegExp])[] = [
  // Each with what a text must hold for it to match at all: most segments skip most patterns at once.
  [/(^|[^A-Za-z])((?:令和|平成|昭和|[RHS])\s*(?:元|\d{1,2})(?:\s*[・、,]\s*\d{1,2})*\s*年度?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?)/g, /年/],
  [/(^|[^\d])((?:19|20)\d{2}\s*年度?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?)/g, /年/],
  [/(^|[^\d.,])(\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)/g, /月/],
  [/()(第\s*[0-9一二三四五六七八九十百]+)/g, /第/],
  [/()(No\.?\s*\d+)/gi, /no/i],
  [/()([「『][^」』]*[」』])/g, /[「『]/],
  [/(^|[^A-Za-z])([Pp]\.?\s*\d+)/g, /p/i],
  [/()(\d+\s*(?:ページ|頁))/g, /ページ|頁/],
];

/** Hides what must never be read as a value, keeping every position: dates, ordinals, quotes, notes. */
function mask(text: string, groups: Group[], headings: Group[]): string {
  const hidden: [number, number][] = [];
  for (const g of groups) hidden.push([g.start, g.end]);
  for (const g of headings) hidden.push([g.start, g.end]);
  for (const [pattern, needs] of NEVER_VALUES) {
    if (!needs.test(text)) continue;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text)) !== null) {
      const start = m.index + (m[1] ?? "").length;
      const length = (m[2] ?? "").length;
      if (length > 0) hidden.push([start, start + length]);
      if (m[0].length === 0) pattern.lastIndex += 1;
    }
  }
  if (hidden.length === 0) return text;
  // Same length as the text (UTF-16 units), so that positions match.
  hidden.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of hidden) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + "#".repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}

/** The text with dates, ordinals, item numbers and quotes hidden (same length): for reading bare quantities. */
export function maskNonValues(text: string): string {
  return mask(text, [], []);
}

function headingsOf(text: string): Group[] {
  if (!text.includes("【")) return [];
  return [...text.matchAll(/【[^】]*】/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Words that may follow a value and belong to it. 6.2%減額 (Sado), 5,294万円圧縮 and 15人削減 say the value
 * is an amount cut; に抑える a ceiling.
 */
const TRAILING_WORD = /(?:ずつ)?(?:実施|開催|達成|見込み?|予定|程度|以上|の?削減|の?縮減|の?減量|の?減額|の?節減|の?圧縮|減少?|増額|増加?|を目指す|[をの]維持|(?:以下|以内)?に抑える)/y;

/** TRAILING_WORD at `pos` (sticky: the text is not copied), or undefined. */
function trailingWord(text: string, pos: number): string | undefined {
  TRAILING_WORD.lastIndex = pos;
  return TRAILING_WORD.exec(text)?.[0];
}
const REDUCTION_WORD = /^(?:ずつ)?の?(?:削減|縮減|減量|減額|節減|圧縮|減少?)/;
/**
 * A value followed by what it is: 6億9,499万円の効果額, 4,920万円の効果額 (Sanda). The words after の are a
 * noun phrase (kanji, katakana, Latin; no kana of a sentence) that closes the phrase.
 */
const LABEL_AFTER = /の([^\s、,，;；。:：()0-9ぁ-ゖ【】「」]{1,20})/y;
/** A number starting after spaces: what follows words that then name it (…の実施数 44). */
const NUMBER_NEXT = /\s*[-△▲]?[0-9]/y;
/**
 * The part of a whole: 20件中18件, 109指標のうち48指標 (Kodaira), 17件のうち目標達成が13件 (Miyakojima),
 * 58 項目中 達成:38 (Seki). Group 1: the words that name the part, between the whole and it.
 */
const PART_OF = /\s?(?:中|のうち|の内)\s?(?:([^\d\s、,，。()]{1,10}?)\s?(?:が|は|:|：)\s?)?/y;

/** PART_OF at `pos` of `text` (sticky: no copy of the text), or null; only where 中 or の can start it. */
function partOf(text: string, pos: number): RegExpExecArray | null {
  const ch = text[pos];
  if (ch !== "中" && ch !== "の" && ch !== " ") return null;
  PART_OF.lastIndex = pos;
  return PART_OF.exec(text);
}
const CEILING_WORD = /(?:以下|以内)?に抑える$/;
const SEPARATOR = /[\s、・,，;；]/;
const EDGE = /^[\s:：=＝→、・,，;；■□◆◇●]+|[\s:：=＝→、・,，;；]+$/g;

function cleanLabel(text: string): string {
  // A particle that joins the label to its value (会員数は1,180人) is not part of the label.
  const label = text.replace(/\s+/g, " ").replace(EDGE, "").trim();
  const particle = /(?:には|では|とは|は|が|を)$/.exec(label)?.[0];
  return particle && label.length > particle.length + 1 ? label.slice(0, -particle.length).replace(EDGE, "").trim() : label;
}

/**
 * The fiscal year of a note that names a period (令和4年度末, 令和2年度当初予算), or undefined for a note
 * that only mentions years among other values (平成30年度末実績3件+令和元年度3件).
 */
export function periodOf(note: string): number | undefined {
  const match = findFiscalYear(note);
  if (!match) return undefined;
  const rest = (note.slice(0, match.index) + note.slice(match.index + match.text.length)).replace(/\s/g, "");
  return /\d/.test(rest) || rest.length > 8 ? undefined : match.fiscalYear;
}

/** What follows a value: where its phrase ends, its notes, whether it closes the phrase, what it says. */
interface Closing {
  end: number;
  notes: string[];
  closes: boolean;
  sense?: Metric["sense"];
  /** Words after the value that name it: 6億9,499万円の効果額. */
  after?: string;
}

/**
 * Where the phrase of a value read in `text` ends: after its qualifier, the words that belong to it
 * (6.1%減額, 15人削減) and a note glued to it (13.8%(制度改正による数値:14.8%)). For splitting cells that
 * text extraction ran together (Sado: 「…対前年比6.1%減額6.2%減額A」).
 */
export function valuePhraseEnd(text: string, q: Pick<Quantity, "end">): number {
  let pos = q.end;
  const skipNotes = () => {
    while (text[pos] === OPEN) {
      const group = nestedGroups(text.slice(pos))[0];
      if (!group || group.start !== 0) break;
      pos += group.end;
    }
  };
  skipNotes();
  pos += trailingWord(text, pos)?.length ?? 0;
  skipNotes();
  return pos;
}

/** Reads the metrics of one segment (the text after a marker, or a block without markers). */
function parseSegment(segment: string, marker: number | undefined, blockYear: number | undefined, blockNotes: string[], phrase: boolean): Metric[] {
  const groups = nestedGroups(segment);
  const headings = headingsOf(segment);
  const masked = mask(segment, groups, headings);
  const quantities = findQuantities(masked);
  const metrics: Metric[] = [];
  let labelStart = 0;

  const close = (q: Quantity): Closing => {
    let pos = q.end;
    const notes: string[] = [];
    const takeNotes = () => {
      for (;;) {
        const group = groups.find((g) => g.start === pos);
        if (!group) break;
        notes.push(segment.slice(group.start + 1, group.end - 1).trim());
        pos = group.end;
      }
    };
    takeNotes();
    const word = trailingWord(segment, pos);
    if (word) pos += word.length;
    // 20.1%削減(目標達成): a note after the word belongs to the value too.
    takeNotes();
    const sense = word && REDUCTION_WORD.test(word) ? "reduction" : word && CEILING_WORD.test(word) ? "ceiling" : undefined;
    // 6億9,499万円の効果額: the words after the value name it.
    let after: string | undefined;
    let named: RegExpExecArray | null = null;
    if (!word && segment[pos] === "の") {
      LABEL_AFTER.lastIndex = pos;
      named = LABEL_AFTER.exec(segment);
    }
    if (named?.[1]) {
      // …の実施数 44, 5年間の合計 1,138,587,243円: words followed by a number are that number's label.
      NUMBER_NEXT.lastIndex = pos + named[0].length;
      if (!NUMBER_NEXT.test(segment)) {
        after = named[1];
        pos += named[0].length;
        takeNotes();
      }
    }
    const next = segment[pos];
    // 46項目54事業: a value with its unit, followed at once by another number, closes too.
    const closes = next === undefined || SEPARATOR.test(next) || next === "【" || CIRCLED.test(next) || (q.unit !== "" && /[0-9]/.test(next));
    return { end: pos, notes, closes, sense, after };
  };

  /**
   * `valueStart`: where the value's phrase starts (its whole, for 20件中18件); the label ends there.
   * `inner`: the words that name a part between its whole and it (17件のうち目標達成が13件).
   */
  const emit = (q: Quantity, end: number, notes: string[], sense?: Metric["sense"], after?: string, total?: number, valueStart = q.start, inner?: string) => {
    const heading = headings.filter((h) => h.end <= q.start).slice(-1)[0];
    const from = heading && heading.end > labelStart ? heading.end : labelStart;
    const headingText = heading ? segment.slice(heading.start + 1, heading.end - 1).trim() : "";
    const own = cleanLabel(segment.slice(from, valueStart));
    const label = [headingText, own, inner, after].filter(Boolean).join(" ");
    const noteYears = notes.map(periodOf).filter((y): y is number => y !== undefined);
    const fiscalYear = noteYears[0] ?? blockYear;
    metrics.push(metricOf(q, label, [...blockNotes, ...notes], segment.slice(from, end).trim(), marker, fiscalYear, sense || undefined, total));
    labelStart = end;
  };

  type Pending = Closing & { q: Quantity; valueStart: number; inner?: string; total?: number };
  let last: Pending | undefined;
  let whole: Quantity | undefined;
  const read = (q: Quantity, total?: number, valueStart = q.start, inner?: string) => {
    const closing = close(q);
    if (closing.closes) {
      emit(q, closing.end, closing.notes, closing.sense, closing.after, total, valueStart, inner);
      last = undefined;
    } else {
      last = { end: closing.end, notes: closing.notes, closes: false, sense: closing.sense, after: closing.after, total, q, valueStart, inner };
    }
  };
  for (const q of quantities) {
    if (q.start < labelStart) continue;
    if (whole) {
      // 20件中18件: the part after the whole, in its unit, is the value.
      const part = whole;
      whole = undefined;
      const joint = partOf(segment, part.end);
      if (joint && q.start === part.end + joint[0].length && (q.unit === part.unit || q.unit === "") && !q.notANumber && !part.notANumber) {
        // 58 項目中 達成:38: a part written without its unit counts in the whole's.
        const counted: Quantity = q.unit ? q : { ...q, unit: part.unit, unitKnown: part.unitKnown, shown: part.shown };
        read(counted, part.value, part.start, joint[1]?.trim() || undefined);
        continue;
      }
      read(part);
      if (q.start < labelStart) continue;
    }
    if (q.unit && partOf(segment, q.end)) whole = q;
    else read(q);
  }
  if (whole) read(whole);
  // No quantity closed the last phrase of a metrics block: its last quantity is the value. In a phrase
  // read as a whole (a short cell) such a quantity is narrative: 概ね430人(約10%)の職員数の削減を目指す.
  const pending = last as Pending | undefined;
  if (pending && !phrase) emit(pending.q, pending.end, pending.notes, pending.sense, pending.after, pending.total, pending.valueStart, pending.inner);
  const rest = cleanLabel(segment.slice(labelStart));
  const previous = metrics[metrics.length - 1];
  if (rest && previous) previous.notes.push(rest);
  return metrics;
}

/** Reads a block's content: an optional leading period note, then segments split at ①②③. */
function parseBlock(content: string, phrase = false): Metric[] {
  let body = content;
  const blockNotes: string[] = [];
  let blockYear: number | undefined;
  const first = nestedGroups(body)[0];
  if (first && first.start === 0) {
    const note = body.slice(1, first.end - 1).trim();
    blockNotes.push(note);
    blockYear = periodOf(note);
    body = body.slice(first.end);
  }
  const metrics: Metric[] = [];
  let depth = 0;
  let segmentStart = 0;
  let marker: number | undefined;
  const flush = (end: number) => {
    const segment = body.slice(segmentStart, end);
    if (segment.trim()) metrics.push(...parseSegment(segment, marker, blockYear, blockNotes, phrase));
  };
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] ?? "";
    if (ch === OPEN) depth += 1;
    else if (ch === CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CIRCLED.test(ch)) {
      flush(i);
      marker = circledValue(ch);
      segmentStart = i + 1;
    }
  }
  flush(body.length);
  return metrics;
}

const LABEL_SPACE_VALUE = /\S\s+[-△▲約延累]?\s*[0-9一二三四五六七八九十百千]/;

/** A line that says what it holds: 目標：受診率60%, 【実績】1,057グラム, 数値目標: 3件. */
const LABEL_WORDS = "(?:数値目標|目標値|目標|成果指標|指標|実績値|実績|成果)";
const LABEL_WORD = /目標|指標|実績|成果/;
const LABELLED_LINE = new RegExp(
  `^\\s*((?:令和|平成|R|H)\\s*(?:元|\\d{1,2})\\s*年度?)?\\s*(?:[【\\[]\\s*${LABEL_WORDS}\\s*[】\\]]\\s*:?|\\(?${LABEL_WORDS}\\)?\\s*:)\\s*(.+)$`,
);
/** A cell or a last line short enough, and without a sentence, to be a metric itself: 受診率 60%(令和2年度). */
const SHORT_CELL = 60;
const SHORT_LINE = 40;
const hasQuantity = (text: string): boolean => /[0-9]|[〇一二三四五六七八九十百千万億兆][件人回円%]/.test(text);
const isPhrase = (text: string, limit: number): boolean => text.length <= limit && !/[。\n]/.test(text) && hasQuantity(text);

/**
 * Finds the metrics block(s) of a cell (docs/contracts/rating.md, "Reading the numbers"): lines that
 * say they hold a target or a result (目標：…); else parenthesised groups at the end, separated from
 * the text before them by white space (a group glued to a word is a remark on that word, unless it is
 * written "label value" as metric blocks are); else a trailing ①②③ list; else the whole cell or its
 * last line when it is a short phrase without a sentence. Narrative is never read.
 */
export function metricBlocks(text: string): string[] {
  return blocksOf(text).map((block) => block.text);
}

interface Block {
  text: string;
  /** A phrase read as a whole (a short cell or last line): only quantities that close it are values. */
  phrase: boolean;
}

function blocksOf(text: string): Block[] {
  // Split into lines only when lines are read: most cells end in their block.
  let lines: string[] | undefined;
  const labelled: Block[] = [];
  // A labelled line holds one of the label words: a text without any is not searched line by line.
  for (const line of LABEL_WORD.test(text) ? (lines = text.split("\n")) : []) {
    const match = LABELLED_LINE.exec(line);
    const body = match?.[2]?.trim();
    // The period before 目標 (令和2年度目標:) is the block's leading note: the year of its values.
    if (match && body && hasQuantity(body)) labelled.push({ text: match[1] ? `(${match[1]})${body}` : body, phrase: false });
  }
  if (labelled.length > 0) return labelled;
  const trailing = trailingBlocks(text);
  if (trailing.length > 0) return trailing.map((block) => ({ text: block, phrase: false }));
  const whole = text.trim();
  if (isPhrase(whole, SHORT_CELL)) return [{ text: whole, phrase: true }];
  lines ??= text.split("\n");
  const filled = lines.map((line) => line.trim()).filter(Boolean);
  // 認可保育所\n施設数\n136か所\n定員数\n12,860人 (Kawasaki): every line short and without a sentence,
  // label lines followed by value lines; every line is read.
  // A bulleted list (・研修を3回実施) is a list of actions: only its last line may be read, as before.
  if (filled.length > 1 && filled.length <= MAX_LINES && filled.every((line) => line.length <= SHORT_LINE && !/[。]/.test(line) && !BULLET.test(line)) && hasQuantity(whole)) {
    return [{ text: filled.join("\n"), phrase: true }];
  }
  const last = filled[filled.length - 1];
  if (lines.length > 1 && last && isPhrase(last, SHORT_LINE)) return [{ text: last, phrase: true }];
  const stated = targetSentence(whole);
  return stated ? [{ text: stated, phrase: false }] : [];
}

/** A cell of short lines read line by line has at most this many. */
const MAX_LINES = 12;
const BULLET = /^[・•·\-－‐]/;
const SENTENCE_LIMIT = 80;
/** A word a target sentence's verb has: only a text with one is read further. */
const TARGET_WORD = /とする|とします|にする|にします|削減|縮減|抑え|目指/;
/**
 * The verb of a sentence that states a target: 職員数を733人とします (Seki), …を5億円削減します. What
 * follows the value, up to the end of the sentence.
 */
const TARGET_VERB = /^\s?(?:と(?:する|します)|に(?:する|します)|(?:以下|以内|以上)(?:と(?:する|します)|に(?:する|します))|を?(削減|縮減)(?:する|します)|(?:以下|以内)?に抑え(?:る|ます)|を目標と(?:する|します)|を目指(?:す|します))[。.]?$/;

/**
 * A cell that is one sentence stating one value as its target (平成27年度の職員数を733人とします。): the
 * words up to the value, with what the verb says of it (削減: an amount cut; 以下・抑える: a ceiling).
 * Any other sentence is narrative and is not read.
 */
function targetSentence(text: string): string | undefined {
  if (text.length > SENTENCE_LIMIT || !TARGET_WORD.test(text) || /\n/.test(text) || /。(?=.)/.test(text) || !hasQuantity(text)) return undefined;
  const quantities = findQuantities(mask(text, nestedGroups(text), []));
  const only = quantities[0];
  if (!only || quantities.length !== 1) return undefined;
  const verb = TARGET_VERB.exec(text.slice(only.end));
  if (!verb) return undefined;
  const said = verb[1] ?? (/以下|以内|抑え/.test(verb[0]) ? "以下" : /以上/.test(verb[0]) ? "以上" : "");
  return `${text.slice(0, only.end)}${said}`;
}

function trailingBlocks(text: string): string[] {
  const blocks: string[] = [];
  let end = text.trimEnd().length;
  while (end > 0 && text[end - 1] === CLOSE) {
    let depth = 0;
    let open = -1;
    for (let i = end - 1; i >= 0; i -= 1) {
      if (text[i] === CLOSE) depth += 1;
      else if (text[i] === OPEN) {
        depth -= 1;
        if (depth === 0) {
          open = i;
          break;
        }
      }
    }
    if (open < 0) break;
    const content = text.slice(open + 1, end - 1);
    const glued = open > 0 && !/\s/.test(text[open - 1] ?? "");
    if (/[0-9〇一二三四五六七八九十百千万億兆]/.test(content) && (!glued || LABEL_SPACE_VALUE.test(content))) blocks.unshift(content);
    if (glued) break;
    end = text.slice(0, open).trimEnd().length;
  }
  if (blocks.length > 0) return blocks;

  // A trailing list: ① … ② … to the end, outside parentheses.
  const start = lastListStart(text);
  if (start !== undefined) {
    const list = text.slice(start);
    if ((list.match(CIRCLED_GLOBAL) ?? []).length >= 2) return [list];
  }
  return [];
}

/** The last ① that starts a list (at the start, or after a space or 。) outside parentheses. */
function lastListStart(text: string): number | undefined {
  let index = text.lastIndexOf("①");
  while (index >= 0) {
    const before = text[index - 1];
    if (index === 0 || (before !== undefined && /[\s。]/.test(before))) {
      const head = text.slice(0, index);
      const depth = (head.match(/\(/g) ?? []).length - (head.match(/\)/g) ?? []).length;
      if (depth <= 0) return index;
    }
    index = text.lastIndexOf("①", index - 1);
  }
  return undefined;
}

/**
 * The metrics of each block, by its text, apart for blocks read as a phrase: a table's cells differ
 * in their prose far more often than in their metrics blocks ((会議 4地区以上) in a thousand rows).
 */
const BLOCKS = memoKind<string, readonly Metric[]>("metricBlocks");
const PHRASES = memoKind<string, readonly Metric[]>("metricPhrases");

/**
 * foldText(dropInvisible(cell)), line ends made \n: in one pass over a cell without a carriage return
 * or a character that shows nothing (nearly all), which keeps its text but where foldedCodeAt changes a
 * character; otherwise by those functions. A table's cells are read whole, a few hundred thousand characters each.
 */
export function foldCell(cell: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < cell.length; i += 1) {
    const code = cell.charCodeAt(i);
    // Below the soft hyphen nothing changes but the carriage return; nor the kanji and kana between 〜
    // and the surrogates, ー aside (text/fold.ts).
    if ((code < 0xad && code !== 0x0d) || (code > 0x301c && code < 0xd800 && code !== 0x30fc)) continue;
    if (code === 0x0d || invisibleAt(cell, i) > 0) return foldText(dropInvisible(cell.includes("\r") ? cell.replace(/\r\n?/g, "\n") : cell));
    const folded = foldedCodeAt(cell, i);
    if (folded === code) continue;
    out += cell.slice(from, i) + String.fromCharCode(folded);
    from = i + 1;
  }
  return from === 0 ? cell : out + cell.slice(from);
}

/** The metrics of cells without any: one array for all. */
const NO_METRICS: readonly Metric[] = Object.freeze([]);
/** The metrics of a cell by its blocks (their texts, each with its length and whether it is a phrase). */
const LISTS = memoKind<string, readonly Metric[]>("metricLists");

function extract(cell: string, memo?: Memo): readonly Metric[] {
  // Characters that show nothing (text/fold.ts) are dropped first: "(件数 10件)\u200b" still ends in its block.
  const text = foldCell(cell);
  const blocks = blocksOf(text);
  if (blocks.length === 0) return NO_METRICS;
  if (!memo) return Object.freeze(blocks.flatMap((block) => parseBlock(block.text, block.phrase)));
  // Cells whose blocks are the same get the same array: the evaluation reads it once (rating/evaluate.ts).
  let key = "";
  for (const block of blocks) key += `${block.text.length}${block.phrase ? "p" : "b"}${block.text}`;
  return memo.get(LISTS, key, () => Object.freeze(readBlocks(blocks, memo)));
}

/** The metrics of a cell's blocks, each block read once for the memo's life. */
function readBlocks(blocks: readonly Block[], memo: Memo): Metric[] {
  const metrics: Metric[] = [];
  for (let k = 0; k < blocks.length; k += 1) {
    const block = blocks[k] as Block;
    // A block said twice in one cell is read twice: each of a cell's metrics is an object of its own
    // (the pairing tells them apart by identity). Across cells, the metrics of one block are shared.
    let again = false;
    for (let j = 0; j < k && !again; j += 1) again = (blocks[j] as Block).text === block.text;
    const read = again ? parseBlock(block.text, block.phrase) : memo.get(block.phrase ? PHRASES : BLOCKS, block.text, (content) => parseBlock(content, block.phrase));
    for (const metric of read) metrics.push(metric);
  }
  return metrics;
}

const METRICS = memoKind<string, readonly Metric[]>("metrics");

/**
 * The metrics of a plan or results cell. With a memo (a workbook repeats its cells across checks,
 * functions and reports), each distinct text is read once, and each distinct metrics block once. The
 * returned array, and the metrics in it, must not be changed.
 */
export function extractMetrics(cell: string, memo?: Memo): readonly Metric[] {
  return memo ? memo.get(METRICS, cell, (text) => extract(text, memo)) : extract(cell);
}
