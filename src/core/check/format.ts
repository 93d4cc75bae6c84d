import type { Metric } from "../metrics/extract";
import type { PairEvaluation } from "../rating/types";
import type { Localized } from "../text/localized";
import type { Evidence } from "./types";

const NUMBER = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 2 });

/**
 * A number as ja-JP writes it, at most two decimals (1,288 / 46.31). Whole numbers, most of a table's,
 * are grouped by hand: the same digits as Intl.NumberFormat (a test holds them together) at a fraction
 * of its cost, and a large table formats tens of thousands.
 */
export function formatNumber(x: number): string {
  if (Number.isSafeInteger(x) && !Object.is(x, -0)) {
    const digits = String(Math.abs(x));
    let out = digits.length > 3 ? "" : digits;
    if (digits.length > 3) {
      const head = digits.length % 3 || 3;
      out = digits.slice(0, head);
      for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
    }
    return x < 0 ? `-${out}` : out;
  }
  return NUMBER.format(x);
}

/** 3,500,000,000 円 → "35億円", 47,600,000 円 → "4,760万円", 95 % → "95%", 1,288 人 → "1,288人". */
export function formatAmount(value: number, unit: string): string {
  const n = formatNumber;
  if (unit.startsWith("円")) {
    const suffix = unit.slice(1);
    if (Math.abs(value) >= 1e8) return `${n(value / 1e8)}億円${suffix}`;
    if (Math.abs(value) >= 1e4 && value % 1e4 === 0) return `${n(value / 1e4)}万円${suffix}`;
  }
  return `${n(value)}${unit}`;
}

const OP_JA: Record<string, string> = { ge: "以上", gt: "超", le: "以下", lt: "未満", approx: "程度" };
const OP_EN: Record<string, string> = { ge: " or more", gt: " or over", le: " or less", lt: " or under", approx: " approx." };

export function formatTarget(metric: Metric, locale: "ja" | "en"): string {
  if (metric.op === "range") {
    const low = formatAmount(metric.min ?? metric.value, metric.unit);
    const high = metric.max === undefined ? "" : formatAmount(metric.max, metric.unit);
    if (metric.maxExclusive && metric.max !== undefined && metric.min !== undefined && metric.max - metric.min > 0) {
      return locale === "ja" ? `${formatAmount(metric.min, metric.unit)}台` : `${low} to under ${high}`;
    }
    return `${low}〜${high}`;
  }
  const word = (locale === "ja" ? OP_JA : OP_EN)[metric.op] ?? "";
  return `${formatAmount(metric.value, metric.unit)}${word}`;
}

/** 0.4631 → "46.3%". */
export function formatPercent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
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
  default: { ja: "仮定", en: "assumed" },
};

export function toEvidence(pair: PairEvaluation, item: string): Evidence {
  const target = { ja: formatTarget(pair.target, "ja"), en: formatTarget(pair.target, "en") };
  const result = formatAmount(pair.result.value, pair.result.unit);
  const pct = pair.achievement === undefined ? undefined : formatPercent(pair.achievement);
  const dirJa = pair.direction === "higher" ? "多いほど良い" : "少ないほど良い";
  const dirEn = pair.direction === "higher" ? "higher is better" : "lower is better";
  const source = SOURCE[pair.directionSource] ?? SOURCE.default;
  const word = pair.directionWord ? `「${pair.directionWord}」` : "";
  const label = pair.target.label || pair.result.label;
  const methodJa = pair.method === "target/result" ? "目標÷実績" : "実績÷目標";
  const status = STATUS[pair.status] ?? STATUS.met;
  const ja = `${label ? `${label}: ` : ""}目標 ${target.ja} → 実績 ${result}${pct ? `（達成率 ${pct}、${methodJa}）` : ""} ${status?.ja}。${dirJa}（${source?.ja}${word}）`;
  const en = `${label ? `${label}: ` : ""}target ${target.en} → result ${result}${pct ? ` (${pct}, ${pair.method})` : ""} ${status?.en}; ${dirEn} (${source?.en}${word ? ` ${word}` : ""})`;
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
export function shortEvidence(pair: PairEvaluation): string {
  const pct = pair.achievement === undefined ? "" : ` (${Math.round(pair.achievement * 100)}%)`;
  const result = formatAmount(pair.result.value, pair.result.unit);
  const resultText = pair.result.unit === "%" ? `${pair.result.value.toFixed(1)}%` : result;
  return `実績${resultText} / 目標${formatTarget(pair.target, "ja")}${pct}`;
}
