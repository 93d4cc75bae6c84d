import { add, decimalFromInt, negate, pow10, shift, toNumber, trailingZeros, type Decimal } from "./decimal";
import { readNumber } from "./number";
import { hasInvisible, invisibleAt } from "../text/fold";
import { PER_WORDS, UNIT_WORDS_BY_FIRST } from "./units";

/**
 * A quantity as written: a small grammar over width-folded text (docs/contracts/rating.md).
 *
 *   quantity  := prefix* period? number (" "? multiplier)? " "? unit? per? (台 part?)? range? " "? suffix*
 *   prefix    := 約 概ね おおむね およそ | 延べ 累計 | △ ▲ - | ≧ ≥ >= > | ≦ ≤ <= <
 *   period    := 年 年間 毎年 月 毎月 (年12回 is 12 回/年)
 *   number    := digits with separators and decimals, kanji numerals, 千 万 億 兆 (quantity/number.ts)
 *   割 分      := 9割 is 90 %, 9割5分 95 %
 *   unit      := a word of the unit table (quantity/units.ts), or an unknown katakana/Latin word
 *   per       := /年 /月 /日 /人 /人日 …
 *   台 part    := 台 (80%台 is [80, 90)), 台前半, 台半ば, 台後半
 *   range     := (~ or a dash) number unit?   (a dash only with a unit on one side)
 *   suffix    := 以上 超 以下 以内 未満 程度 前後 強 弱
 */

/** How a written value constrains: ≥ 以上, > 超, ≤ 以下・以内, < 未満, ≈ 約・程度, a range (台, 〜), or exact. */
export type Op = "eq" | "ge" | "gt" | "le" | "lt" | "approx" | "range";

export interface Quantity {
  /** In base units (円 for 千円/万円/億円, g for kg); for a range, its lower end. NaN when not a number. */
  value: number;
  /** The unit read: "円", "%", "件", "g/人日", "回/年" …, an unknown word as written, or "" when none. */
  unit: string;
  /** The unit is one of the table's (an unknown word compares only with itself). */
  unitKnown: boolean;
  op: Op;
  /** Bounds in base units; undefined where open. */
  min?: number;
  max?: number;
  /** The upper bound is excluded (80%台 is 80 ≤ x < 90). */
  maxExclusive?: boolean;
  /** 延べ or 累計 was written. */
  cumulative: boolean;
  /** Digits beyond what can be compared (hundreds of digits, an overflowing kanji numeral). */
  notANumber?: boolean;
  start: number;
  end: number;
  /** The number was written in kanji only (三千五百万). */
  kanjiOnly: boolean;
  /**
   * How the value was written, to show it so: value / 10^exponent in `unit` (78.6万トン: exponent 10,
   * unit "万t"; 1,092百万円: 6, "百万円"; 10.7ヘクタール: 4, "ha"). Undefined when nothing was written
   * beyond the base unit, or for a value given as a plain number.
   */
  shown?: Shown;
  /** The sign as written before a negative value: △ or ▲ (a reduction, in Japanese accounts), or "-". */
  sign?: "△" | "▲" | "-";
}

/** A value's written scale and unit (Quantity.shown). */
export interface Shown {
  exponent: number;
  unit: string;
}

/** Where a number can start: an Arabic or kanji digit, or 十 百 千 (十二, 百万). */
const NUMBER_START = /[0-9〇一二三四五六七八九十百千]/;
/** NUMBER_START searched from a position (findVisibleQuantities sets lastIndex before each search). */
const NUMBER_CANDIDATES = new RegExp(NUMBER_START.source, "g");

/** Beyond this a written number is not a number the check can compare. */
const MAX_DIGITS = 21;

const PREFIXES: readonly [word: string, effect: "ge" | "gt" | "le" | "lt" | "approx" | "cumulative" | "negative"][] = [
  ["おおむね", "approx"], ["およそ", "approx"], ["概ね", "approx"], ["約", "approx"],
  ["延べ", "cumulative"], ["累計", "cumulative"], ["△", "negative"], ["▲", "negative"],
  [">=", "ge"], ["≧", "ge"], ["≥", "ge"], ["<=", "le"], ["≦", "le"], ["≤", "le"], [">", "gt"], ["<", "lt"],
];
/** Written before a number, a period makes it a rate: 年12回, 毎月2回, 年間120件. */
const PERIOD_PREFIXES: readonly [word: string, per: string][] = [["毎年", "年"], ["年間", "年"], ["毎月", "月"], ["年", "年"], ["月", "月"]];
const SUFFIXES: readonly [word: string, op: Op][] = [
  ["以上", "ge"], ["以下", "le"], ["以内", "le"], ["未満", "lt"], ["超", "gt"], ["程度", "approx"], ["前後", "approx"], ["強", "approx"], ["弱", "approx"],
];
const DASH = /^ ?(~|-|–|—|‐) ?/;
const KATAKANA_WORD = /^[ァ-ヺー]{2,}/;
const LATIN_WORD = /^[A-Za-z]{1,4}(?![A-Za-z])/;

interface Prefixes {
  negative: boolean;
  sign?: "△" | "▲" | "-";
  approx: boolean;
  cumulative: boolean;
  op?: "ge" | "gt" | "le" | "lt";
  per?: string;
  start: number;
}

function readPrefixes(text: string, at: number): Prefixes {
  const found: Prefixes = { negative: false, approx: false, cumulative: false, start: at };
  // A period glued to the number: 年12回 (but not 2020年12月, a date, nor 令和2年, masked before).
  for (const [word, per] of PERIOD_PREFIXES) {
    const from = at - word.length;
    if (from >= 0 && text.startsWith(word, from) && !/[0-9]/.test(text[from - 1] ?? "")) {
      found.per = per;
      found.start = from;
      break;
    }
  }
  let pos = found.start;
  for (let progressed = true; progressed; ) {
    progressed = false;
    let back = pos;
    while (back > 0 && text[back - 1] === " ") back -= 1;
    for (const [word, effect] of PREFIXES) {
      if (back - word.length < 0 || !text.startsWith(word, back - word.length)) continue;
      if (effect === "negative") {
        found.negative = true;
        found.sign ??= word === "▲" ? "▲" : "△";
      } else if (effect === "cumulative") found.cumulative = true;
      else if (effect === "approx") found.approx = true;
      else found.op ??= effect;
      pos = back - word.length;
      progressed = true;
      break;
    }
  }
  if (pos > 0 && text[pos - 1] === "-" && !/[0-9A-Za-z]/.test(text[pos - 2] ?? "")) {
    found.negative = true;
    found.sign ??= "-";
    pos -= 1;
  }
  found.start = pos;
  return found;
}

interface UnitRead {
  unit: string;
  known: boolean;
  exponent: number;
  end: number;
  /** How a value in this unit is shown (the table's display, or the word as written). */
  display: string;
}

/** The unit word at `pos` (after at most one space), its per-period suffix, or none. */
function readUnit(text: string, pos: number, allowSpace = true): UnitRead {
  const none: UnitRead = { unit: "", known: true, exponent: 0, end: pos, display: "" };
  const start = allowSpace && text[pos] === " " ? pos + 1 : pos;
  let read: UnitRead | undefined;
  for (const candidate of UNIT_WORDS_BY_FIRST.get(text[start] ?? "") ?? []) {
    if (text.startsWith(candidate.word, start)) {
      // A Latin unit must not run on into a word (5mm is not 5 m, "5 ha" is 5 ha).
      if (/^[A-Za-z]/.test(candidate.word) && /[A-Za-z]/.test(text[start + candidate.word.length] ?? "")) continue;
      read = { unit: candidate.unit, known: true, exponent: candidate.exponent ?? 0, end: start + candidate.word.length, display: candidate.display ?? candidate.word };
      break;
    }
  }
  if (!read) {
    const rest = text.slice(start, start + 12);
    const word = KATAKANA_WORD.exec(rest)?.[0] ?? LATIN_WORD.exec(rest)?.[0];
    if (!word) return none;
    read = { unit: word, known: false, exponent: 0, end: start + word.length, display: word };
  }
  if (text[read.end] === "/") {
    const per = PER_WORDS.find((w) => text.startsWith(w, read.end + 1));
    if (per) {
      read.unit = `${read.unit}/${per.replace("・", "")}`;
      read.display = `${read.display}/${per}`;
      read.end += 1 + per.length;
    }
  }
  return read;
}

/** What every quantity read at one place shares, whatever its value. */
type Base = Pick<Quantity, "unit" | "unitKnown" | "cumulative" | "start" | "kanjiOnly" | "shown" | "sign">;
type Extra = Pick<Quantity, "min" | "max" | "maxExclusive" | "notANumber">;

/**
 * A quantity built with one shape (every field present, in one order): objects of one shape keep the
 * reader fast; absent bounds are left out so that a quantity shows only what was written.
 */
function quantity(base: Base, value: number, op: Op, end: number, extra: Extra): Quantity {
  // Every field present (undefined where absent): one object shape for every quantity read.
  return {
    value,
    unit: base.unit,
    unitKnown: base.unitKnown,
    op,
    min: extra.min,
    max: extra.max,
    maxExclusive: extra.maxExclusive === true ? true : undefined,
    cumulative: base.cumulative,
    notANumber: extra.notANumber === true ? true : undefined,
    start: base.start,
    end,
    kanjiOnly: base.kanjiOnly,
    shown: base.shown,
    sign: base.sign,
  };
}

function bounds(op: Op, value: number): Pick<Quantity, "min" | "max"> {
  switch (op) {
    case "ge":
    case "gt":
      return { min: value };
    case "le":
    case "lt":
      return { max: value };
    default:
      return { min: value, max: value };
  }
}

/** Digits that cannot be compared: more than MAX_DIGITS, or a value a double cannot hold. */
function unusable(decimal: Decimal): boolean {
  const magnitude = decimal.mantissa < 0n ? -decimal.mantissa : decimal.mantissa;
  return decimal.scale > MAX_DIGITS || magnitude >= pow10(MAX_DIGITS + decimal.scale) || !Number.isFinite(toNumber(decimal));
}

/** The 台 of 80%台 (with 前半, 半ば, 後半): the decade of the value's last significant digit. */
function decadeRange(decimal: Decimal, text: string, pos: number): { low: number; high: number; approx?: number; end: number } {
  const step = shift(decimalFromInt(1), trailingZeros(decimal));
  const low = toNumber(decimal);
  const high = toNumber(add(decimal, step));
  const half = (high - low) / 2;
  if (text.startsWith("前半", pos)) return { low, high: low + half, end: pos + 2 };
  if (text.startsWith("後半", pos)) return { low: low + half, high, end: pos + 2 };
  if (text.startsWith("半ば", pos)) return { low, high, approx: low + half, end: pos + 2 };
  return { low, high, end: pos };
}

const MULTIPLIER_EXPONENT: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 億: 8, 兆: 12 };

/**
 * The multiplier written after Arabic digits that close a number (1,092百万 → 百万, 78.6万 → 万,
 * 454,000千 → 千), or "" when the number is written otherwise (3億3,330万1千, 三千, 12).
 */
function trailingMultiplier(text: string, start: number, end: number): string {
  let i = end;
  while (i > start && MULTIPLIER_EXPONENT[text[i - 1] ?? ""] !== undefined) i -= 1;
  if (i === end || i === start) return "";
  // Only digits before it: a number written in one group.
  for (let k = start; k < i; k += 1) {
    const code = text.charCodeAt(k);
    if (!((code >= 48 && code <= 57) || code === 44 || code === 46)) return "";
  }
  return text.slice(i, end);
}

function exponentOf(multiplier: string): number {
  let exponent = 0;
  for (const ch of multiplier) exponent += MULTIPLIER_EXPONENT[ch] ?? 0;
  return exponent;
}

/** How a value was written: its multiplier and unit word, when they say more than the base unit. */
function shownOf(multiplier: string, unit: UnitRead): Shown | undefined {
  // Most values are written in their base unit (12人, 95%): nothing to keep.
  if (!multiplier && unit.exponent === 0 && unit.display === unit.unit) return undefined;
  return { exponent: exponentOf(multiplier) + unit.exponent, unit: multiplier ? `${multiplier}${unit.display}` : unit.display };
}

/** Reads the quantity whose number starts at `at` (prefixes before it are looked for). */
export function readQuantityAt(text: string, at: number): Quantity | undefined {
  const number = readNumber(text, at);
  if (!number) return undefined;
  const prefix = readPrefixes(text, at);
  let decimal: Decimal = prefix.negative ? negate(number.value) : number.value;
  let end = number.end;
  let unit: UnitRead;
  let multiplierWord = "";

  if (text[end] === "割") {
    // 9割 is 90 %, 9割5分 is 95 %.
    decimal = shift(decimal, 1);
    end += 1;
    const tenths = readNumber(text, end);
    if (tenths && text[tenths.end] === "分") {
      decimal = add(decimal, tenths.value);
      end = tenths.end + 1;
    }
    unit = { unit: "%", known: true, exponent: 0, end, display: "%" };
  } else {
    // 2,750 千人: a multiplier after a space counts only before a unit.
    let multiplier = 0;
    let pos = end;
    const spaced = text[pos] === " " ? pos + 1 : pos;
    const multiplied = /^[千万億兆]+/.exec(text.slice(spaced, spaced + 4));
    if (spaced > pos && multiplied) {
      const after = readUnit(text, spaced + multiplied[0].length, false);
      if (after.unit && after.known) {
        for (const ch of multiplied[0]) multiplier += { 千: 3, 万: 4, 億: 8, 兆: 12 }[ch] ?? 0;
        pos = spaced + multiplied[0].length;
        multiplierWord = multiplied[0];
      }
    }
    // 1,092百万, 78.6万: only a number that ends with a multiplier has one to keep.
    if (!multiplierWord && !number.kanjiOnly && MULTIPLIER_EXPONENT[text[number.end - 1] ?? ""] !== undefined) multiplierWord = trailingMultiplier(text, at, number.end);
    unit = readUnit(text, pos, multiplier === 0);
    decimal = shift(decimal, multiplier + unit.exponent);
    end = unit.unit ? unit.end : number.end;
  }
  const withPer = (u: string) => (prefix.per && u && !u.includes("/") ? `${u}/${prefix.per}` : u);
  const shown = unit.unit || multiplierWord ? shownOf(multiplierWord, unit) : undefined;
  const base: Base = {
    unit: withPer(unit.unit),
    unitKnown: unit.known,
    cumulative: prefix.cumulative,
    start: prefix.start,
    kanjiOnly: number.kanjiOnly,
    shown: shown !== undefined && prefix.per !== undefined && !shown.unit.includes("/") ? { exponent: shown.exponent, unit: `${shown.unit}/${prefix.per}` } : shown,
    sign: prefix.negative ? prefix.sign : undefined,
  };
  if (number.tooLong || unusable(decimal)) return quantity(base, Number.NaN, "eq", end, { notANumber: true });

  // 80%台 (a decade) — only after a unit: "80台" alone counts vehicles.
  if (text[end] === "台" && unit.unit && unit.unit !== "台") {
    const decade = decadeRange(decimal, text, end + 1);
    if (decade.approx !== undefined) return quantity(base, decade.approx, "approx", decade.end, { min: decade.approx, max: decade.approx });
    return quantity(base, decade.low, "range", decade.end, { min: decade.low, max: decade.high, maxExclusive: true });
  }

  // A range: 10〜20人, 10人〜20人; with a hyphen only when a unit is written (100-200人), so that 2-2 stays a code.
  const dash = DASH.exec(text.slice(end, end + 3));
  if (dash) {
    const upper = readNumber(text, end + dash[0].length);
    if (upper && !upper.tooLong) {
      const upperUnit = readUnit(text, upper.end);
      const hyphen = dash[1] !== "~";
      const sameUnit = !upperUnit.unit || !unit.unit || upperUnit.unit === unit.unit;
      if (sameUnit && (!hyphen || unit.unit || upperUnit.unit)) {
        const low = toNumber(decimal);
        const high = toNumber(shift(upper.value, unit.unit ? unit.exponent : upperUnit.exponent));
        const ranged: Base = {
          unit: withPer(unit.unit || upperUnit.unit),
          unitKnown: unit.unit ? unit.known : upperUnit.known,
          cumulative: base.cumulative,
          start: base.start,
          kanjiOnly: number.kanjiOnly && upper.kanjiOnly,
          shown: unit.unit ? base.shown : shownOf("", upperUnit),
          sign: base.sign,
        };
        return quantity(ranged, Math.min(low, high), "range", upperUnit.unit ? upperUnit.end : upper.end, { min: Math.min(low, high), max: Math.max(low, high) });
      }
    }
  }

  let op: Op = prefix.op ?? (prefix.approx ? "approx" : "eq");
  const spaced = text[end] === " " ? end + 1 : end;
  for (const [word, suffixOp] of SUFFIXES) {
    if (text.startsWith(word, spaced) && (word.length > 1 || !/[\p{sc=Han}]/u.test(text[spaced + 1] ?? ""))) {
      op = suffixOp;
      end = spaced + word.length;
      break;
    }
  }
  const value = toNumber(decimal);
  const single = quantity(base, value, op, end, bounds(op, value));
  return op === "eq" || op === "approx" ? single : (boundedRange(text, single) ?? single);
}

/** 100%未満~90%, 90%以上~100%未満: two bounds joined by a dash make one range. */
function boundedRange(text: string, first: Quantity): Quantity | undefined {
  const dash = DASH.exec(text.slice(first.end, first.end + 3));
  if (!dash) return undefined;
  const second = readQuantityAt(text, first.end + dash[0].length);
  if (!second || second.notANumber || (second.unit && first.unit && second.unit !== first.unit)) return undefined;
  const low = Math.min(first.value, second.value);
  const high = Math.max(first.value, second.value);
  const upperOp = first.value >= second.value ? first.op : second.op;
  return quantity({ ...first, unit: first.unit || second.unit }, low, "range", second.end, { min: low, max: high, ...(upperOp === "lt" ? { maxExclusive: true } : {}) });
}

/**
 * Every quantity in the text, left to right. Kanji-only numerals count only with a unit or multiplier.
 * Characters that show nothing (zero-width spaces, soft hyphens, variation selectors: see
 * text/fold.ts) are read as if they were not there, "1\u200b000人" as 1,000 人; the positions returned
 * are the text's own, a quantity's bounds taking in any such characters around it.
 */
export function findQuantities(text: string): Quantity[] {
  if (!hasInvisible(text)) return findVisibleQuantities(text);
  // Read the text without them, then put each position back where it stands in the text.
  let visible = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const skip = invisibleAt(text, i);
    if (skip > 0) {
      i += skip - 1;
      continue;
    }
    at.push(i);
    visible += text[i];
  }
  at.push(text.length);
  // A quantity takes the invisible characters around it: its label and what follows it hold none.
  const startOf = (position: number) => (position === 0 ? 0 : (at[position - 1] ?? -1) + 1);
  const endOf = (position: number) => at[position] ?? text.length;
  return findVisibleQuantities(visible).map((q) => ({ ...q, start: startOf(q.start), end: endOf(q.end) }));
}

function findVisibleQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  // Only where a number can start is a quantity looked for (the rest of a sentence is skipped at once).
  const candidates = NUMBER_CANDIDATES;
  candidates.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = candidates.exec(text)) !== null) {
    const i = match.index;
    // A number glued to Latin letters on its left is part of a code (R5, H30).
    if (/[A-Za-z_]/.test(text[i - 1] ?? "")) continue;
    const quantity = readQuantityAt(text, i);
    if (quantity && (!quantity.kanjiOnly || quantity.unit !== "" || /[十百千万億兆]/.test(text.slice(i, quantity.end)))) {
      found.push(quantity);
      candidates.lastIndex = Math.max(i + 1, quantity.end);
    } else if (quantity) {
      candidates.lastIndex = Math.max(i + 1, quantity.end);
    }
  }
  return found;
}
