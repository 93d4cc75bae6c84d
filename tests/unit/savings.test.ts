import { describe, expect, it } from "vitest";
import { toEvidence } from "../../src/core/check/format";
import { inferDirection } from "../../src/core/rating/direction";
import { evaluateRows, evaluateTexts } from "../../src/core/rating/evaluate";
import { ratingVerdict } from "../../src/core/rating/judgement";
import { extractMetrics } from "../../src/core/metrics/extract";

/**
 * Savings and reductions written with △ or ▲ (docs/contracts/rating.md, "Savings"): Japanese accounts
 * write a decrease with △ (Kodaira's seed: 「前年度比△11.6%、1億3,224万円削減した」; 長与町's legend
 * 「基準値と同水準である(△10%以内)」 https://webtown.nagayo.jp/kiji0032107/index.html) or ▲ (a city's
 * 第二次行政改革大綱 進捗状況: 「未達成 21 30.4% ▲22」 https://paperzz.com/doc/6270048/), and tables of
 * 削減額 / 効果額 / 縮減 (相模原市 「時間外勤務の縮減 6,673万円」
 * https://sagamihara.mykoho.jp/; 三田市 効果額実績 https://www.city.sanda.lg.jp/zaisei/kaikaku/h20_koukagaku.html).
 * A larger saving is better: sizes are compared, and the evidence says so.
 */
const pair = (plan: string, result: string, headers?: { plan?: string; result?: string }) => {
  const rows = evaluateRows([{ item: "1", plan, result }], { fiscalYear: 2020 }, headers);
  return rows.byItem.get("1")?.pairs[0];
};

describe("a target written △ or ▲ is a decrease: sizes are compared, a larger cut is better", () => {
  it("削減額 △500万円 → △620万円 beats its target (124%); △400万円 falls short", () => {
    expect(pair("(削減額 △500万円)", "(削減額 △620万円)")).toMatchObject({ status: "exceeded", direction: "higher", directionSource: "sign", directionWord: "△", method: "result/target" });
    expect(pair("(削減額 △500万円)", "(削減額 △620万円)")?.achievement).toBeCloseTo(1.24, 10);
    expect(pair("(削減額 △500万円)", "(削減額 △400万円)")).toMatchObject({ status: "short" });
    expect(pair("(削減額 △500万円)", "(削減額 △400万円)")?.achievement).toBeCloseTo(0.8, 10);
  });

  it("効果額 ▲1億円 → ▲8,000万円 is short; → ▲1億円 is met", () => {
    expect(pair("(効果額 ▲1億円)", "(効果額 ▲8,000万円)")).toMatchObject({ status: "short", directionWord: "▲" });
    expect(pair("(効果額 ▲1億円)", "(効果額 ▲1億円)")).toMatchObject({ status: "met" });
  });

  it("without a label too: △11.6% against △11% is met, against △10% beyond the S margin (116%)", () => {
    expect(pair("前年度比△11%", "前年度比△11.6%")).toMatchObject({ status: "met", directionSource: "sign" });
    expect(pair("前年度比△10%", "前年度比△11.6%")).toMatchObject({ status: "exceeded" });
    expect(pair("前年度比△10%", "前年度比△9.5%")).toMatchObject({ status: "short" });
  });

  it("a result without a sign beside a planned decrease is an increase, unless a word says it is a saving", () => {
    expect(pair("(経費 △500万円)", "(経費 100万円)")).toMatchObject({ status: "short" });
    expect(pair("(削減額 △500万円)", "(削減額 520万円)")).toMatchObject({ status: "met" });
  });

  it("a qualifier speaks of the size: △10%以内 (長与町) is a decrease of at most 10%", () => {
    expect(pair("(基準値との差 △10%以内)", "(基準値との差 △4%)")).toMatchObject({ status: "exceeded", direction: "lower" });
    expect(pair("(基準値との差 △10%以内)", "(基準値との差 △12%)")).toMatchObject({ status: "short", direction: "lower" });
    expect(pair("(人件費 △5%以上)", "(人件費 △5.2%)")).toMatchObject({ status: "met", direction: "higher" });
    expect(pair("(人件費 △5%以上)", "(人件費 △4%)")).toMatchObject({ status: "short" });
  });

  it("a balance keeps its sign: 単年度収支 △2億円 → △3億円 is a larger deficit, short", () => {
    expect(pair("(単年度収支 △2億円)", "(単年度収支 △3億円)")).toMatchObject({ status: "short", directionSource: "default" });
  });
});

describe("a saving target with a result written △ or ▲", () => {
  it("削減額 500万円 → △620万円: the sign marks the saving (met, 124%)", () => {
    expect(pair("(削減額 500万円)", "(削減額 △620万円)")).toMatchObject({ status: "exceeded", directionSource: "sign" });
  });

  it("the column's header says what a value without words is: 削減額", () => {
    expect(pair("500万円", "△620万円")).toMatchObject({ status: "short" });
    expect(pair("500万円", "△620万円", { plan: "削減額（目標）", result: "削減額（実績）" })).toMatchObject({ status: "exceeded", directionSource: "sign" });
    // The header decides the direction of a label without words: 効果額 is better when larger.
    expect(pair("1億円", "9,000万円", { plan: "効果額" })).toMatchObject({ status: "short", direction: "higher", directionSource: "lexicon", directionWord: "効果額" });
  });

  it("the Kodaira seed's 前年度比△11.6% of 法定外繰入額 reads as a decrease", () => {
    const [metric] = extractMetrics("前年度比△11.6%");
    expect(metric).toMatchObject({ value: -11.6, sign: "△" });
  });
});

describe("the rating rule sees the right way round", () => {
  it("A (on plan) with a saving beyond its target is not overstated; it was before (△ read as smaller)", () => {
    const evaluation = evaluateTexts("(削減額 △500万円)", "(削減額 △520万円)", { fiscalYear: 2020 });
    expect(evaluation.expected).toBe("A");
    expect(ratingVerdict("A", evaluation.pairs)).toBeUndefined();
    expect(ratingVerdict("A", evaluateTexts("(削減額 △500万円)", "(削減額 △450万円)").pairs)?.kind).toBe("overstated");
  });

  it("the evidence shows the values as written and says they were compared by size", () => {
    const found = pair("(削減額 △500万円)", "(削減額 △620万円)");
    const evidence = toEvidence(found!, "1");
    expect(evidence.target).toBe("△500万円");
    expect(evidence.result).toBe("△620万円");
    expect(evidence.text.ja).toContain("大きさで比較");
    expect(evidence.text.ja).toContain("達成率 124.0%");
    expect(evidence.text.en).toContain("compared by size");
  });
});

describe("words of direction (rating/vocabulary.ts)", () => {
  const direction = (text: string) => inferDirection(extractMetrics(text)[0]!);

  it("職員数 and 人件費 are held at or under the plan (関市: 職員数を733人とします)", () => {
    expect(direction("(職員数 733人)")).toMatchObject({ direction: "lower", source: "lexicon", word: "職員数" });
    expect(direction("(人件費 46億円)")).toMatchObject({ direction: "lower", word: "人件費" });
    expect(evaluateTexts("平成 27 年度の職員数を 733 人とします。", "723 人").pairs[0]).toMatchObject({ status: "met", direction: "lower" });
  });

  it("a label that names a cut is an amount cut, better when larger (いわき市: 職員数の削減 概ね430人)", () => {
    expect(direction("職員数の削減 概ね430人")).toMatchObject({ direction: "higher", word: "削減" });
    expect(direction("(歳出削減額 1億円)")).toMatchObject({ direction: "higher", word: "削減額" });
  });
});

describe("a part of a whole against a percentage", () => {
  it("100% against 20件中18件 compares the share, 90%; 20件 against it compares the count", () => {
    expect(evaluateTexts("(実施率 100%)", "(実施 20件中18件)").pairs[0]).toMatchObject({ status: "short" });
    expect(evaluateTexts("(実施率 100%)", "(実施 20件中18件)").pairs[0]?.achievement).toBeCloseTo(0.9, 10);
    expect(evaluateTexts("(実施 20件)", "(実施 20件中18件)").pairs[0]).toMatchObject({ status: "short", reference: 20 });
    expect(evaluateTexts("(実施率 90%)", "(実施 17件のうち目標達成が16件)").pairs[0]).toMatchObject({ status: "met" });
  });
});
