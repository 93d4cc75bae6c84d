import { negate, toNumber, trailingZeros, decimalFromInt, add, shift, type Decimal } from "./decimal";
import { readNumber } from "./number";

/** How a written value constrains: ≥ 以上, > 超, ≤ 以下・以内, < 未満, ≈ 約・程度, a range (台, 〜), or exact. */
export type Op = "eq" | "ge" | "gt" | "le" | "lt" | "approx" | "range";

export interface Quantity {
  /** In base units (円 for 千円/万円/億円); for a range, its lower end. */
  value: number;
  /** Normalised unit: "円", "%", "件", "g/人日", "回/年", or "" when none is written. */
  unit: string;
  op: Op;
  /** Bounds in base units; undefined where open. */
  min?: number;
  max?: number;
  /** The upper bound is excluded (80%台 is 80 ≤ x < 90). */
  maxExclusive?: boolean;
  /** 延べ or 累計 was written. */
  cumulative: boolean;
  start: number;
  end: number;
  /** The number was written in kanji only (三千五百万). */
  kanjiOnly: boolean;
}

/**
 * Counters and units, longest first. A "/年" (per year) and similar suffix may follow any of them.
 * Units written with a multiplier (千円, 万件) are read by the number grammar: 千 and 万 multiply.
 */
const UNITS = [
  "g/人日", "タイトル", "協議会", "団体", "地区", "事務", "事業", "指標", "施設", "世帯", "箇所", "か所", "ヶ所", "時間",
  "校", "館", "件", "人", "名", "回", "円", "%", "冊", "日", "個", "班", "本", "社", "店", "点", "台", "ha", "km", "kg", "t", "m", "g",
] as const;
const PER = /^\/(年|月|日|人|回)/;
/** Synonyms folded into one unit. */
const UNIT_ALIASES: Readonly<Record<string, string>> = { 名: "人", か所: "箇所", ヶ所: "箇所", "％": "%" };

const SUFFIX_OPS: readonly [string, Op][] = [
  ["以上", "ge"], ["以下", "le"], ["以内", "le"], ["未満", "lt"], ["超", "gt"], ["程度", "approx"], ["前後", "approx"],
];
const PREFIXES = ["おおむね", "概ね", "約", "延べ", "累計", "△", "▲"] as const;
const RANGE_DASH = /^\s*[~〜～]\s*/;

function readUnit(text: string, pos: number): { unit: string; end: number } {
  let unit = "";
  let end = pos;
  for (const candidate of UNITS) {
    if (text.startsWith(candidate, pos)) {
      unit = candidate;
      end = pos + candidate.length;
      break;
    }
  }
  const per = PER.exec(text.slice(end));
  if (unit && per && !unit.includes("/")) {
    unit = `${unit}${per[0]}`;
    end += per[0].length;
  }
  return { unit: UNIT_ALIASES[unit] ?? unit, end };
}

function readPrefixes(text: string, start: number): { negative: boolean; approx: boolean; cumulative: boolean; start: number } {
  let pos = start;
  let negative = false;
  let approx = false;
  let cumulative = false;
  for (let progressed = true; progressed; ) {
    progressed = false;
    let back = pos;
    while (back > 0 && text[back - 1] === " ") back -= 1;
    for (const prefix of PREFIXES) {
      if (text.slice(back - prefix.length, back) === prefix) {
        if (prefix === "△" || prefix === "▲") negative = true;
        else if (prefix === "延べ" || prefix === "累計") cumulative = true;
        else approx = true;
        pos = back - prefix.length;
        progressed = true;
        break;
      }
    }
  }
  if (pos > 0 && (text[pos - 1] === "-" || text[pos - 1] === "−") && !/[0-9A-Za-z]/.test(text[pos - 2] ?? "")) {
    negative = true;
    pos -= 1;
  }
  return { negative, approx, cumulative, start: pos };
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

/** Reads the quantity whose number starts at `at` (prefixes before it are looked for). */
export function readQuantityAt(text: string, at: number): Quantity | undefined {
  const number = readNumber(text, at);
  if (!number) return undefined;
  const prefix = readPrefixes(text, at);
  const decimal: Decimal = prefix.negative ? negate(number.value) : number.value;
  const read = readUnit(text, number.end);
  const unit = read.unit;
  let end = read.end;

  // A range written with a dash: 10〜20人, 10人〜20人.
  const dash = RANGE_DASH.exec(text.slice(end));
  if (dash) {
    const upper = readNumber(text, end + dash[0].length);
    if (upper) {
      const upperUnit = readUnit(text, upper.end);
      if (!upperUnit.unit || !unit || upperUnit.unit === unit) {
        const low = toNumber(decimal);
        const high = toNumber(upper.value);
        return {
          value: low,
          unit: unit || upperUnit.unit,
          op: "range",
          min: Math.min(low, high),
          max: Math.max(low, high),
          cumulative: prefix.cumulative,
          start: prefix.start,
          end: upperUnit.end,
          kanjiOnly: number.kanjiOnly && upper.kanjiOnly,
        };
      }
    }
  }

  // 80%台: from 80 up to the next step of its last significant digit, the upper end excluded.
  if (text[end] === "台" && unit !== "台") {
    const step = shift(decimalFromInt(1), trailingZeros(decimal));
    const low = toNumber(decimal);
    const high = toNumber(add(decimal, step));
    return {
      value: low, unit, op: "range", min: low, max: high, maxExclusive: true,
      cumulative: prefix.cumulative, start: prefix.start, end: end + 1, kanjiOnly: number.kanjiOnly,
    };
  }

  let op: Op = prefix.approx ? "approx" : "eq";
  for (const [word, suffixOp] of SUFFIX_OPS) {
    if (text.startsWith(word, end)) {
      op = suffixOp;
      end += word.length;
      break;
    }
  }
  const value = toNumber(decimal);
  return {
    value, unit, op, ...bounds(op, value), cumulative: prefix.cumulative, start: prefix.start, end, kanjiOnly: number.kanjiOnly,
  };
}

/** Every quantity in the text, left to right. Kanji-only numerals count only with a unit or multiplier. */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  let i = 0;
  while (i < text.length) {
    const prev = text[i - 1] ?? "";
    // A number glued to Latin letters or digits on its left is part of a code (R5, H30, 2-2).
    if (/[A-Za-z_]/.test(prev)) {
      i += 1;
      continue;
    }
    const quantity = readQuantityAt(text, i);
    if (quantity && (!quantity.kanjiOnly || quantity.unit !== "" || /[十百千万億兆]/.test(text.slice(i, quantity.end)))) {
      found.push(quantity);
      i = quantity.end;
    } else {
      i += quantity ? Math.max(1, quantity.end - i) : 1;
    }
  }
  return found;
}
