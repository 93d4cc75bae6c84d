import { findFiscalYear } from "../fiscalYear";
import { sharedMap } from "../shared";
import { findQuantities, type Quantity } from "../quantity/quantity";
import { foldText } from "../text/fold";
import { CIRCLED, CIRCLED_GLOBAL, circledValue } from "../text/markers";

/** The value part of a metric: a quantity without its place in the text. */
export type MetricValue = Pick<Quantity, "value" | "unit" | "op" | "min" | "max" | "maxExclusive" | "cumulative">;

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
}

/** A quantity's value part, with only the bounds it has. */
export function metricValue(q: Quantity): MetricValue {
  return {
    value: q.value,
    unit: q.unit,
    op: q.op,
    ...(q.min === undefined ? {} : { min: q.min }),
    ...(q.max === undefined ? {} : { max: q.max }),
    ...(q.maxExclusive ? { maxExclusive: true } : {}),
    cumulative: q.cumulative,
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

const DATE_PATTERNS = [
  /(?:令和|平成|昭和|(?<![A-Za-z])[RHS])\s*(?:元|\d{1,2})\s*年度?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?/g,
  /(?<!\d)(?:19|20)\d{2}\s*年度?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?/g,
  /(?<![\d.,])\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/g,
  /第\s*[0-9一二三四五六七八九十百]+/g,
  /No\.?\s*\d+/gi,
  /[「『][^」』]*[」』]/g,
];

/** Hides what must never be read as a value, keeping every position: dates, ordinals, quotes, notes. */
function mask(text: string, groups: Group[], headings: Group[]): string {
  // UTF-16 units, so that positions match String indices.
  const units = text.split("");
  const blank = (start: number, end: number) => {
    for (let i = start; i < end; i += 1) units[i] = "#";
  };
  for (const g of [...groups, ...headings]) blank(g.start, g.end);
  for (const pattern of DATE_PATTERNS) {
    for (const m of text.matchAll(pattern)) blank(m.index, m.index + m[0].length);
  }
  return units.join("");
}

/** The text with dates, ordinals, item numbers and quotes hidden (same length): for reading bare quantities. */
export function maskNonValues(text: string): string {
  return mask(text, [], []);
}

function headingsOf(text: string): Group[] {
  return [...text.matchAll(/【[^】]*】/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const TRAILING_WORD = /^(?:実施|開催|達成|見込み?|予定|程度|以上)/;
const SEPARATOR = /[\s、・,，;；]/;
const EDGE = /^[\s:：→、・,，;；]+|[\s:：→、・,，;；]+$/g;

function cleanLabel(text: string): string {
  return text.replace(/\s+/g, " ").replace(EDGE, "").trim();
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

/** Reads the metrics of one segment (the text after a marker, or a block without markers). */
function parseSegment(segment: string, marker: number | undefined, blockYear: number | undefined, blockNotes: string[]): Metric[] {
  const groups = nestedGroups(segment);
  const headings = headingsOf(segment);
  const masked = mask(segment, groups, headings);
  const quantities = findQuantities(masked);
  const metrics: Metric[] = [];
  let labelStart = 0;

  const close = (q: Quantity): { end: number; notes: string[]; closes: boolean } => {
    let pos = q.end;
    const notes: string[] = [];
    for (;;) {
      const group = groups.find((g) => g.start === pos);
      if (!group) break;
      notes.push(segment.slice(group.start + 1, group.end - 1).trim());
      pos = group.end;
    }
    const word = TRAILING_WORD.exec(segment.slice(pos));
    if (word) pos += word[0].length;
    const next = segment[pos];
    const closes = next === undefined || SEPARATOR.test(next) || next === "【" || CIRCLED.test(next);
    return { end: pos, notes, closes };
  };

  const emit = (q: Quantity, end: number, notes: string[]) => {
    const heading = headings.filter((h) => h.end <= q.start).at(-1);
    const from = heading && heading.end > labelStart ? heading.end : labelStart;
    const headingText = heading ? segment.slice(heading.start + 1, heading.end - 1).trim() : "";
    const own = cleanLabel(segment.slice(from, q.start));
    const label = [headingText, own].filter(Boolean).join(" ");
    const noteYears = notes.map(periodOf).filter((y): y is number => y !== undefined);
    const fiscalYear = noteYears[0] ?? blockYear;
    metrics.push({
      ...(marker === undefined ? {} : { marker }),
      label,
      ...metricValue(q),
      ...(fiscalYear === undefined ? {} : { fiscalYear }),
      notes: [...blockNotes, ...notes],
      text: segment.slice(from, end).trim(),
    });
    labelStart = end;
  };

  let last: { q: Quantity; end: number; notes: string[] } | undefined;
  for (const q of quantities) {
    if (q.start < labelStart) continue;
    const closing = close(q);
    last = { q, end: closing.end, notes: closing.notes };
    if (closing.closes) {
      emit(q, closing.end, closing.notes);
      last = undefined;
    }
  }
  // No quantity closed the last phrase: its last quantity is the value.
  if (last) emit(last.q, last.end, last.notes);
  const rest = cleanLabel(segment.slice(labelStart));
  const previous = metrics.at(-1);
  if (rest && previous) previous.notes.push(rest);
  return metrics;
}

/** Reads a block's content: an optional leading period note, then segments split at ①②③. */
function parseBlock(content: string): Metric[] {
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
    if (segment.trim()) metrics.push(...parseSegment(segment, marker, blockYear, blockNotes));
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

/**
 * Finds the trailing metrics block(s) of a cell: parenthesised groups at the end, separated from the
 * text before them by white space (a group glued to a word is a remark on that word, unless it is
 * written "label value" as metric blocks are); else a trailing ①②③ list.
 */
export function metricBlocks(text: string): string[] {
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

function extract(cell: string): Metric[] {
  const text = foldText(cell.replace(/\r\n?/g, "\n"));
  return metricBlocks(text).flatMap(parseBlock);
}

const MEMO_LIMIT = 50_000;
/** One memo for the task pane and the custom functions (see shared.ts). */
const memo = sharedMap<string, readonly Metric[]>("metrics");

/**
 * The metrics of a plan or results cell (memoised: a workbook repeats its cells across checks,
 * functions and reports). The returned array must not be changed.
 */
export function extractMetrics(cell: string): readonly Metric[] {
  const cached = memo.get(cell);
  if (cached) return cached;
  const metrics = Object.freeze(extract(cell));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(cell, metrics);
  return metrics;
}

/** Forgets what was read (benchmarks of the cold path). */
export function clearMetricsMemo(): void {
  memo.clear();
}

/** The same without the memo, for benchmarks of the cold path. */
export function extractMetricsUncached(cell: string): Metric[] {
  return extract(cell);
}
