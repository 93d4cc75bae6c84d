import type { Metric } from "../metrics/extract";
import type { PairEvaluation } from "../rating/types";
import type { Localized } from "../text/localized";
import type { Evidence } from "./types";

/** The digits of a whole number grouped in threes, as ja-JP writes them (1,288). */
function grouped(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** Intl's format of the numbers done by hand, made the first time one is needed (-0, Infinity, NaN, beyond 2^53). */
const intlFormats = new Map<number, Intl.NumberFormat>();

/**
 * x with at most `decimals` decimals, exactly as Intl.NumberFormat("ja-JP", { maximumFractionDigits })
 * writes it, without Intl: making the first Intl format of a process loads the locale's data (over ten
 * milliseconds, as long as the whole check of a small table). Intl rounds the shortest decimal that reads
 * back as x (String(x)'s digits), half away from zero (ECMA-402's default "halfExpand"), not x's exact
 * binary value as toFixed does: 2.675 → "2.68" (toFixed: "2.67"), 1.005 → "1.01". What this does not
 * cover (-0, Infinity, NaN, x beyond 2^53, a decimal String writes with an exponent) goes to Intl.
 * tests/unit/format.test.ts and tests/unit/speedFormat.test.ts hold the two equal.
 */
export function decimalText(x: number, decimals: number): string {
  const shortest = String(Math.abs(x));
  if (!(Math.abs(x) <= Number.MAX_SAFE_INTEGER) || Object.is(x, -0) || shortest.includes("e")) {
    let format = intlFormats.get(decimals);
    if (!format) intlFormats.set(decimals, (format = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: decimals })));
    return format.format(x);
  }
  const dot = shortest.indexOf(".");
  let whole = dot < 0 ? shortest : shortest.slice(0, dot);
  let fraction = dot < 0 ? "" : shortest.slice(dot + 1);
  if (fraction.length > decimals) {
    const up = fraction.charCodeAt(decimals) >= 0x35; // the first digit left out is 5 or more
    fraction = fraction.slice(0, decimals);
    if (up) {
      // One more in the last place kept, carried leftwards (9.999 → 10).
      const digits = (whole + fraction).split("");
      let k = digits.length - 1;
      while (k >= 0 && digits[k] === "9") digits[k--] = "0";
      if (k < 0) digits.unshift("1");
      else digits[k] = String(Number(digits[k]) + 1);
      whole = digits.slice(0, digits.length - fraction.length).join("");
      fraction = digits.slice(digits.length - fraction.length).join("");
    }
  }
  fraction = fraction.replace(/0+$/, "");
  return `${x < 0 ? "-" : ""}${grouped(whole)}${fraction === "" ? "" : `.${fraction}`}`;
}

/**
 * A number as ja-JP writes it, at most two decimals (1,288 / 46.31), as Intl.NumberFormat writes it (a
 * test holds them together) at a fraction of its cost: a large table formats tens of thousands.
 */
export function formatNumber(x: number): string {
  if (Number.isSafeInteger(x) && !Object.is(x, -0)) {
    const digits = grouped(String(Math.abs(x)));
    return x < 0 ? `-${digits}` : digits;
  }
  return decimalText(x, 2);
}

/**
 * An amount in its base unit as a report writes it: yen in 億 and 万 when they are whole (3,500,000,000 円
 * → "35億円", 6,481,370,000 円 → "64億8,137万円", 47,600,000 円 → "4,760万円"), every digit otherwise
 * (1,138,587,243円: never rounded to 11.39億円); 95 % → "95%", 1,288 人 → "1,288人".
 */
export function formatAmount(value: number, unit: string): string {
  const n = formatNumber;
  if (unit.startsWith("円") && Number.isSafeInteger(value) && value % 1e4 === 0 && Math.abs(value) >= 1e4) {
    const suffix = unit.slice(1);
    const sign = value < 0 ? "-" : "";
    const man = Math.abs(value) / 1e4;
    const oku = Math.floor(man / 1e4);
    const rest = man % 1e4;
    return `${sign}${oku > 0 ? `${n(oku)}億` : ""}${rest > 0 ? `${n(rest)}万` : ""}円${suffix}`;
  }
  return `${n(value)}${BASE_UNIT_SHOWN[unit] ?? unit}`;
}

/** Base units as a reader writes them, for a value with no written form (m2 is ㎡). */
const BASE_UNIT_SHOWN: Readonly<Record<string, string>> = { m2: "㎡" };

/** A number in its written scale (78.6 of 78.6万t): the digits written, up to six decimals. */
function writtenNumber(x: number): string {
  if (Number.isInteger(x)) return formatNumber(x);
  // Twelve significant digits take away what dividing by a power of ten leaves (0.1 + 0.2).
  return decimalText(Number(x.toPrecision(12)), 6);
}

type Written = Pick<Metric, "unit" | "shown" | "sign">;

/**
 * A value of a metric in the unit and scale it was written in (docs/contracts/rating.md, "Showing
 * values"): 78.6万トン as 78.6万t, 10.7ヘクタール as 10.7ha, 1,092百万円 as 1,092百万円, 136か所 as 136か所;
 * a decrease written △ keeps its △. Without a written form, formatAmount (35億円, 1,288人).
 */
export function formatValue(metric: Written, value: number): string {
  const sign = value < 0 && (metric.sign === "△" || metric.sign === "▲") ? metric.sign : "";
  const magnitude = sign ? -value : value;
  const shown = metric.shown;
  if (!shown) return `${sign}${formatAmount(magnitude, metric.unit)}`;
  return `${sign}${writtenNumber(shown.exponent === 0 ? magnitude : magnitude / 10 ** shown.exponent)}${shown.unit}`;
}

/** A result as written, with the whole it is a part of: 20件中18件. */
export function formatResult(metric: Written & Pick<Metric, "value" | "total">): string {
  const part = formatValue(metric, metric.value);
  return metric.total === undefined ? part : `${formatValue(metric, metric.total)}中${part}`;
}

const OP_JA: Record<string, string> = { ge: "以上", gt: "超", le: "以下", lt: "未満", approx: "程度" };
const OP_EN: Record<string, string> = { ge: " or more", gt: " or over", le: " or less", lt: " or under", approx: " approx." };

export function formatTarget(metric: Metric, locale: "ja" | "en"): string {
  if (metric.op === "range") {
    const low = formatValue(metric, metric.min ?? metric.value);
    const high = metric.max === undefined ? "" : formatValue(metric, metric.max);
    if (metric.maxExclusive && metric.max !== undefined && metric.min !== undefined && metric.max - metric.min > 0) {
      return locale === "ja" ? `${low}台` : `${low} to under ${high}`;
    }
    return `${low}〜${high}`;
  }
  const word = (locale === "ja" ? OP_JA : OP_EN)[metric.op] ?? "";
  const value = metric.total === undefined ? formatValue(metric, metric.value) : formatResult(metric);
  return `${value}${word}`;
}

/**
 * An achievement as a percentage with one decimal, rounded down: 0.4631 → "46.3%", 0.9996 → "99.9%".
 * A value short of its target is never shown as 100%, nor one short of the S margin as reaching it.
 */
export function formatPercent(ratio: number): string {
  return `${percentDown(ratio, 1).toFixed(1)}%`;
}

/** ratio × 100 rounded down to `decimals` places, after taking away floating-point noise (0.57 × 100). */
function percentDown(ratio: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(Number((ratio * 100 * scale).toPrecision(12))) / scale;
}

const STATUS: Record<string, Localized> = {
  met: { ja: "達成", en: "met" },
  exceeded: { ja: "大きく上回る", en: "exceeded" },
  short: { ja: "未達", en: "short" },
  interim: { ja: "中間（後年度の目標）", en: "interim (a later year's target)" },
  yearUnknown: { ja: "比較せず（評価する年度が不明）", en: "not compared (the year evaluated is unknown)" },
  incomparable: { ja: "比較不能（単位が異なる）", en: "not comparable (units differ)" },
};

const SOURCE: Record<string, Localized> = {
  override: { ja: "設定", en: "override" },
  qualifier: { ja: "以上・以下などの表記", en: "qualifier" },
  lexicon: { ja: "語句", en: "lexicon" },
  sign: { ja: "△・▲の表記", en: "△/▲ sign" },
  default: { ja: "仮定", en: "assumed" },
};

export function toEvidence(pair: PairEvaluation, item: string): Evidence {
  const target = { ja: formatTarget(pair.target, "ja"), en: formatTarget(pair.target, "en") };
  const result = formatResult(pair.result);
  const pct = pair.achievement === undefined ? undefined : formatPercent(pair.achievement);
  const bySize = pair.directionSource === "sign";
  const dirJa = bySize ? (pair.direction === "higher" ? "削減・減少は大きいほど良い" : "減少は小さいほど良い") : pair.direction === "higher" ? "多いほど良い" : "少ないほど良い";
  const dirEn = bySize ? (pair.direction === "higher" ? "a larger cut is better" : "a smaller decrease is better") : pair.direction === "higher" ? "higher is better" : "lower is better";
  const source = SOURCE[pair.directionSource] ?? SOURCE.default;
  const word = pair.directionWord ? `「${pair.directionWord}」` : "";
  // Read by size: which sign (or word) said so, and that the sizes were compared.
  const whyJa = bySize ? `${word || "「△」"}は減少・削減の表記。大きさで比較` : `${source?.ja}${word}`;
  const whyEn = bySize ? `${word || "「△」"} marks a decrease: compared by size` : `${source?.en}${word ? ` ${word}` : ""}`;
  const label = pair.target.label || pair.result.label;
  const methodJa = pair.method === "target/result" ? "目標÷実績" : "実績÷目標";
  const status = STATUS[pair.status] ?? STATUS.met;
  const ja = `${label ? `${label}: ` : ""}目標 ${target.ja} → 実績 ${result}${pct ? `（達成率 ${pct}、${methodJa}）` : ""} ${status?.ja}。${dirJa}（${whyJa}）`;
  const en = `${label ? `${label}: ` : ""}target ${target.en} → result ${result}${pct ? ` (${pct}, ${pair.method})` : ""} ${status?.en}; ${dirEn} (${whyEn})`;
  return {
    label,
    marker: pair.target.marker,
    target: target.ja,
    result,
    status: pair.status,
    achievement: pair.achievement,
    method: pair.method || undefined,
    direction: pair.direction,
    directionSource: pair.directionSource,
    item,
    text: { ja, en },
  };
}

/** "実績44.0% / 目標95% (46%)": the short form of the worst pair, for PLAN.CHECK and messages. */
export function shortEvidence(pair: PairEvaluation, locale: "ja" | "en" = "ja"): string {
  const pct = pair.achievement === undefined ? "" : ` (${Math.floor(percentDown(pair.achievement, 0))}%)`;
  const { result } = pair;
  const resultText = result.unit === "%" && !result.shown && result.total === undefined ? `${result.value.toFixed(1)}%` : formatResult(result);
  return locale === "ja" ? `実績${resultText} / 目標${formatTarget(pair.target, "ja")}${pct}` : `result ${resultText} / target ${formatTarget(pair.target, "en")}${pct}`;
}
