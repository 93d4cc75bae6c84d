import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importReportText } from "../../src/core/import/reportText";
import { evaluateTable } from "../../src/core/check/evaluations";
import { evaluatePair, evaluateTexts, type ItemEvaluation } from "../../src/core/rating/evaluate";
import { expectedRating } from "../../src/core/rating/judgement";
import type { PairEvaluation } from "../../src/core/rating/types";
import { inferDirection } from "../../src/core/rating/direction";
import { labelSimilarity, pairMetrics, unitsCompatible } from "../../src/core/rating/pairing";
import { DEFAULT_PROFILE, RatingProfileError, parseRatingProfile } from "../../src/core/rating/profile";
import { extractMetrics, type Metric } from "../../src/core/metrics/extract";

const seed = importReportText(readFileSync(resolve(__dirname, "../../seeds/000_42fcd9900b63a6e5.txt"), "utf8"));
const evaluations = evaluateTable(seed.rows, { fiscalYear: 2020 }).byItem;
const item = (label: string): ItemEvaluation => {
  const found = evaluations.get(label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
};

/** target → result, status, achievement in % (one decimal), as a reviewer would write them down. */
const summary = (p: PairEvaluation): [number, number, string, number | undefined] => [
  p.target.value,
  p.result.value,
  p.status,
  p.achievement === undefined ? undefined : Math.round(p.achievement * 1000) / 10,
];

describe("the seed's evaluable items (FY2020)", () => {
  it.each([
    ["3", "B", [[4, 3, "short", 75]]],
    ["4-1", "S", [[94, 112, "exceeded", 119.1]]],
    ["4-2", "B", [[54, 42, "short", 77.8]]],
    ["5", "B", [[12, 11, "short", 91.7]]],
    ["6", "-", [[480, 494.3, "interim", undefined]]],
    ["7", "A", [[44, 44, "met", 100]]],
    ["8", "S", [[3_700_000, 6_525_148, "exceeded", 176.4]]],
    ["9", "S", [[1, 2, "exceeded", 200]]],
    ["11", "B", [[100, 84.8, "short", 84.8]]],
    ["12", "B", [[95, 44, "short", 46.3]]],
    ["14", "B", [[4, 1, "short", 25]]],
    ["16", "A", [[113, 114, "met", 100.9], [113, 114, "met", 100.9]]],
    ["20", "B", [[80, 91, "short", 98.9], [3_500_000_000, 2_840_000_000, "short", 81.1], [2_500_000_000, 1_810_000_000, "short", 72.4]]],
    ["30-2", "B", [[16_000_000, 14_980_093, "short", 93.6]]],
    ["30-3", "B", [[1180, 1110, "short", 94.1], [85, 83.8, "short", 98.6], [454_000_000, 443_808_000, "short", 97.8]]],
    ["36", "A", [[11, 11, "met", 100]]],
    ["37", "A", [[11, 11, "met", 100], [39, 50, "exceeded", 128.2]]],
  ] as const)("%s: expected %s", (label, expected, pairs) => {
    const evaluation = item(label);
    expect(evaluation.expected).toBe(expected);
    expect(evaluation.pairs.map(summary)).toEqual(pairs);
  });

  it("item 12: 44.0% against 95% is 46.3%, short, computed result/target, higher is better", () => {
    const [pair] = item("12").pairs;
    expect(pair).toMatchObject({ status: "short", method: "result/target", direction: "higher", reference: 95 });
  });

  it("item 20 ①: 経常収支比率 is lower-is-better from the lexicon, compared with the upper end of 80%台", () => {
    const [ratio] = item("20").pairs;
    expect(ratio).toMatchObject({ direction: "lower", directionSource: "lexicon", directionWord: "経常収支比率", method: "target/result", reference: 90, pairedBy: "marker" });
  });

  it("item 6: a target for FY2022 is interim in FY2020, and lower-is-better (ごみ量)", () => {
    expect(item("6").pairs[0]).toMatchObject({ status: "interim", direction: "lower" });
  });

  it("parents take their sub-items' evidence: 2 has none, 4 and 30 are B as rated", () => {
    expect(item("4")).toMatchObject({ expected: "B", subItems: ["4-1", "4-2"] });
    expect(item("4").pairs).toHaveLength(2);
    expect(item("30")).toMatchObject({ expected: "B", subItems: ["30-1", "30-2", "30-3"] });
    expect(item("30").pairs).toHaveLength(4);
    expect(item("2").expected).toBe("-");
  });

  it("targets without results stay unpaired: 23, 24, 28, 30-1, 33, 35", () => {
    for (const label of ["23", "24", "28", "30-1", "33", "35"]) {
      expect(item(label).unpairedTargets.length, label).toBeGreaterThan(0);
      expect(item(label).expected, label).toBe("-");
    }
  });

  it("result metrics without a target are extra information (37's per-館 counts)", () => {
    expect(item("37").unpairedResults.map((m) => m.label)).toContain("鈴木");
  });
});

const target = (text: string): Metric => extractMetrics(text)[0] as Metric;

describe("evaluatePair", () => {
  const pair = (plan: string, result: string) => ({ target: target(plan), result: target(result), pairedBy: "single" as const });

  it("meets, exceeds by the S margin, or falls short", () => {
    expect(evaluatePair(pair("(件数 10件)", "(件数 10件)")).status).toBe("met");
    expect(evaluatePair(pair("(件数 10件)", "(件数 10.9件)")).status).toBe("met");
    expect(evaluatePair(pair("(件数 10件)", "(件数 11件)")).status).toBe("exceeded");
    expect(evaluatePair(pair("(件数 10件)", "(件数 9件)")).status).toBe("short");
  });

  it("honours the S margin of the profile", () => {
    const profile = { ...DEFAULT_PROFILE, sMargin: 0.5 };
    expect(evaluatePair(pair("(件数 10件)", "(件数 14件)"), { profile }).status).toBe("met");
    expect(evaluatePair(pair("(件数 10件)", "(件数 15件)"), { profile }).status).toBe("exceeded");
  });

  it("marks short pairs within the tolerance floor", () => {
    const profile = { ...DEFAULT_PROFILE, toleranceFloor: 0.9 };
    expect(evaluatePair(pair("(件数 100件)", "(件数 91件)"), { profile })).toMatchObject({ status: "short", withinTolerance: true });
    expect(evaluatePair(pair("(件数 100件)", "(件数 89件)"), { profile })).toMatchObject({ status: "short", withinTolerance: false });
    expect(evaluatePair(pair("(件数 100件)", "(件数 99件)")).withinTolerance).toBe(false);
  });

  it("lower is better: qualifiers, the lexicon, and overrides", () => {
    expect(evaluatePair(pair("(待機児童数 10人以下)", "(待機児童数 8人)"))).toMatchObject({ status: "exceeded", direction: "lower", directionSource: "qualifier", method: "target/result" });
    expect(evaluatePair(pair("(経費 100円)", "(経費 120円)"))).toMatchObject({ status: "short", direction: "lower" });
    const overridden = { ...DEFAULT_PROFILE, directionOverrides: { "9": "lower" as const } };
    expect(evaluatePair(pair("(件数 10件)", "(件数 12件)"), { profile: overridden }, "9")).toMatchObject({ status: "short", directionSource: "override" });
  });

  it("says when higher-is-better was only assumed", () => {
    expect(evaluatePair(pair("(割合 100%)", "(割合 80%)")).directionSource).toBe("default");
  });

  it("does not compare incompatible units", () => {
    expect(evaluatePair(pair("(件数 10件)", "(件数 10%)")).status).toBe("incomparable");
  });
});

describe("expectedRating", () => {
  const p = (status: PairEvaluation["status"]) => ({ status }) as PairEvaluation;
  it.each([
    [[], "-"],
    [[p("interim")], "-"],
    [[p("met"), p("short")], "B"],
    [[p("exceeded"), p("exceeded")], "S"],
    [[p("exceeded"), p("met")], "A"],
    [[p("exceeded"), p("interim")], "S"],
  ] as const)("%j → %s", (pairs, rating) => {
    expect(expectedRating(pairs as unknown as PairEvaluation[])).toBe(rating);
  });
});

describe("pairing", () => {
  it("pairs by marker, then by label, then a single metric on each side", () => {
    const byMarker = pairMetrics(extractMetrics("(①a数 1件 ②b数 2件)"), extractMetrics("(②b数 3件 ①a数 4件)"));
    expect(byMarker.pairs.map((x) => [x.target.value, x.result.value, x.pairedBy])).toEqual([[1, 4, "marker"], [2, 3, "marker"]]);
    const byLabel = pairMetrics(extractMetrics("(会員数1,180人 就業率85.0%)"), extractMetrics("(就業率83.8% 会員数1,110人)"));
    expect(byLabel.pairs.map((x) => [x.target.label, x.result.value, x.pairedBy])).toEqual([["会員数", 1110, "label"], ["就業率", 83.8, "label"]]);
    const single = pairMetrics(extractMetrics("(目標 5件)"), extractMetrics("(実績値 6件)"));
    expect(single.pairs[0]?.pairedBy).toBe("single");
  });

  it("leaves a target with no result unpaired, and extra results aside", () => {
    const pairing = pairMetrics(extractMetrics("(会員数1,180人 就業率85.0%)"), extractMetrics("(会員数1,110人 登録者数 20人)"));
    expect(pairing.unpairedTargets.map((m) => m.label)).toEqual(["就業率"]);
    expect(pairing.unpairedResults.map((m) => m.label)).toEqual(["登録者数"]);
  });

  it("compares labels by a shared core noun, not by one character", () => {
    expect(labelSimilarity("参加団体数", "参加団体数")).toBe(1);
    expect(labelSimilarity("基礎課税額", "法定外繰入額")).toBe(0);
    expect(labelSimilarity("施策評価の成果指標", "「令和元年度」の施策評価の成果指標")).toBeGreaterThan(0.5);
  });

  it("knows which units compare", () => {
    const u = (unit: string, unitKnown = true) => ({ unit, unitKnown });
    expect(unitsCompatible(u("回/年"), u("回"))).toBe(true);
    expect(unitsCompatible(u("回/年"), u("回/月"))).toBe(false);
    expect(unitsCompatible(u("%"), u("件"))).toBe(false);
    // A value without a unit never compares with one that has a unit; an unknown unit only with itself.
    expect(unitsCompatible(u(""), u("件"))).toBe(false);
    expect(unitsCompatible(u(""), u(""))).toBe(true);
    expect(unitsCompatible(u("コマ", false), u("コマ", false))).toBe(true);
    expect(unitsCompatible(u("コマ", false), u("回"))).toBe(false);
  });

  it("evaluateTexts reads, pairs and rates in one call", () => {
    expect(evaluateTexts("(参加団体数 12団体)", "(参加団体数 11団体)").expected).toBe("B");
  });
});

describe("direction", () => {
  it.each([
    ["(歳出削減額 1億円)", "higher"],
    ["(法定外繰入額 1億円)", "lower"],
    ["(市民一人当たりごみ量 480g/人日)", "lower"],
    ["(財政調整基金 35億円)", "higher"],
    ["(満足度 95%以上)", "higher"],
  ])("%s → %s", (text, direction) => {
    expect(inferDirection(target(text)).direction).toBe(direction);
  });
});

describe("parseRatingProfile", () => {
  it("gives the defaults for nothing and accepts a valid profile", () => {
    expect(parseRatingProfile(undefined)).toEqual(DEFAULT_PROFILE);
    expect(parseRatingProfile({ toleranceFloor: 0.9, sMargin: 0.2, directionOverrides: { "6": "lower", "20:1": "lower", "4-1": "higher" } })).toEqual({
      toleranceFloor: 0.9,
      sMargin: 0.2,
      directionOverrides: { "6": "lower", "20:1": "lower", "4-1": "higher" },
      labelDirections: {},
      scale: DEFAULT_PROFILE.scale,
    });
  });

  it("takes directions per label word, and says which word is wrong", () => {
    expect(parseRatingProfile({ labelDirections: { ごみ量: "lower" } }).labelDirections).toEqual({ ごみ量: "lower" });
    expect(() => parseRatingProfile({ labelDirections: { ごみ量: "down" } })).toThrow(/「ごみ量」の方向/);
  });

  it.each([
    [{ toleranceFloor: 1.5 }, "toleranceFloor"],
    [{ toleranceFloor: 0 }, "toleranceFloor"],
    [{ sMargin: -0.1 }, "sMargin"],
    [{ sMargin: "10%" }, "sMargin"],
    [{ directionOverrides: { "6": "down" } }, "higher"],
    [{ directionOverrides: { item6: "lower" } }, "item6"],
    [{ tolerance: 0.9 }, "tolerance"],
    [[1, 2], "オブジェクト"],
  ])("rejects %j with a clear message", (input, mentions) => {
    expect(() => parseRatingProfile(input)).toThrow(RatingProfileError);
    expect(() => parseRatingProfile(input)).toThrow(mentions);
  });
});
