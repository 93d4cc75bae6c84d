import { describe, expect, it } from "vitest";
import { extractMetrics } from "../../src/core/metrics/extract";
import { findQuantities } from "../../src/core/quantity/quantity";
import { evaluateTexts } from "../../src/core/rating/evaluate";
import { DEFAULT_PROFILE } from "../../src/core/rating/profile";
import { foldText } from "../../src/core/text/fold";

/** The quantity grammar, form by form (docs/contracts/rating.md, "Reading the numbers of a cell"). */
const q = (text: string) => {
  const found = findQuantities(foldText(text));
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe("spaces between number, multiplier, unit and qualifier", () => {
  it.each([
    ["12,000 人", 12_000, "人", "eq"],
    ["12,000　人", 12_000, "人", "eq"],
    ["90 %以上", 90, "%", "ge"],
    ["90% 以上", 90, "%", "ge"],
    ["2,750 千人", 2_750_000, "人", "eq"],
    ["1,092百万円", 1_092_000_000, "円", "eq"],
    ["3億3,330万1千円", 333_301_000, "円", "eq"],
  ] as const)("%s → %d %s %s", (text, value, unit, op) => {
    expect(q(text)).toMatchObject({ value, unit, op });
  });

  it("does not take a word after a space for a multiplier: 12 千葉県", () => {
    expect(findQuantities("12 千葉県")[0]).toMatchObject({ value: 12, unit: "" });
  });
});

describe("unit words from the table", () => {
  it.each([
    ["480グラム", 480, "g"],
    ["480g", 480, "g"],
    ["0.48kg", 480, "g"],
    ["0.48キログラム", 480, "g"],
    ["1.2トン", 1_200_000, "g"],
    ["3㌧", 3_000_000, "g"],
    ["500㌘", 500, "g"],
    ["2㎏", 2_000, "g"],
    ["12キロメートル", 12_000, "m"],
    ["12km", 12_000, "m"],
    ["12㎞", 12_000, "m"],
    ["100㍍", 100, "m"],
    ["45,298平方メートル", 45_298, "m2"],
    ["2ha", 20_000, "m2"],
    ["60パーセント", 60, "%"],
    ["9割", 90, "%"],
    ["9割5分", 95, "%"],
    ["1.5倍", 1.5, "倍"],
    ["120戸", 120, "戸"],
    ["3,000枚", 3_000, "枚"],
    ["500部", 500, "部"],
    ["14校", 14, "校"],
    ["8園", 8, "園"],
    ["2.0ポイント", 2, "pt"],
  ] as const)("%s → %d %s", (text, value, unit) => {
    expect(q(text)).toMatchObject({ value, unit, unitKnown: true });
  });

  it("keeps an unknown unit as its own word, never a known one", () => {
    expect(q("12コマ")).toMatchObject({ value: 12, unit: "コマ", unitKnown: false });
    expect(q("3GB")).toMatchObject({ value: 3, unit: "GB", unitKnown: false });
  });

  it("does not read 5mm as 5 m, nor a unit out of a longer word", () => {
    expect(q("5mm")).toMatchObject({ unit: "mm", unitKnown: false });
  });
});

describe("qualifiers before or after the number", () => {
  it.each([
    ["≧60%", "ge"],
    ["≥60%", "ge"],
    ["＞60%", "gt"],
    ["≦60%", "le"],
    ["≤60%", "le"],
    ["＜60%", "lt"],
    ["60%以上", "ge"],
    ["60%以下", "le"],
    ["60%未満", "lt"],
    ["60%超", "gt"],
    ["約60%", "approx"],
    ["9割強", "approx"],
  ] as const)("%s → %s", (text, op) => {
    expect(q(text)).toMatchObject({ value: text.includes("割") ? 90 : 60, op });
  });
});

describe("ranges", () => {
  it.each([
    ["10〜20人", 10, 20],
    ["10～20人", 10, 20],
    ["10人~20人", 10, 20],
    ["100-200人", 100, 200],
    ["100－200人", 100, 200],
    ["100%未満~90%", 90, 100],
    ["90%以上～100%未満", 90, 100],
  ] as const)("%s → [%d, %d]", (text, min, max) => {
    expect(q(text)).toMatchObject({ op: "range", min, max });
  });

  it("keeps a code with a hyphen and no unit apart: 2-2", () => {
    expect(findQuantities("審査基準2-2").every((x) => x.op !== "range")).toBe(true);
  });

  it("reads 80%台 and its halves", () => {
    expect(q("80%台")).toMatchObject({ op: "range", min: 80, max: 90, maxExclusive: true });
    expect(q("90%台前半")).toMatchObject({ op: "range", min: 90, max: 95 });
    expect(q("90%台後半")).toMatchObject({ op: "range", min: 95, max: 100 });
    expect(q("90%台半ば")).toMatchObject({ op: "approx", value: 95 });
    expect(q("80台")).toMatchObject({ op: "eq", unit: "台", value: 80 });
  });
});

describe("rates per period", () => {
  it.each([
    ["12回/年", 12, "回/年"],
    ["年12回", 12, "回/年"],
    ["年間120件", 120, "件/年"],
    ["毎年2回", 2, "回/年"],
    ["月2回", 2, "回/月"],
    ["毎月2回", 2, "回/月"],
    ["1千万円/年", 10_000_000, "円/年"],
    ["480g/人日", 480, "g/人日"],
    ["480g/人・日", 480, "g/人日"],
  ] as const)("%s → %d %s", (text, value, unit) => {
    expect(q(text)).toMatchObject({ value, unit });
  });
});

describe("metrics outside a trailing parenthesis", () => {
  it("目標：受診率60% and 実績：受診率 55.2%", () => {
    expect(extractMetrics("・受診勧奨を行う。\n目標：受診率60%")).toMatchObject([{ label: "受診率", value: 60, unit: "%" }]);
    expect(extractMetrics("【実績】受診率 55.2%")).toMatchObject([{ label: "受診率", value: 55.2 }]);
  });

  it("受診率 60%（令和2年度） names the fiscal year of its value", () => {
    expect(extractMetrics("受診率 60%（令和2年度）")).toMatchObject([{ label: "受診率", value: 60, fiscalYear: 2020 }]);
  });

  it("several metrics in one phrase: 会員数は1,180人、就業率は85.0%", () => {
    expect(extractMetrics("会員数は1,180人、就業率は85.0%").map((m) => [m.label, m.value])).toEqual([
      ["会員数", 1180],
      ["就業率", 85],
    ]);
  });

  it("reads no dates, 第N回, No., 令和N年度, page numbers or counts in narrative", () => {
    for (const text of [
      "令和3年度に12件を実施した。",
      "第20回小平市政に関する世論調査",
      "No.12の再掲",
      "令和2年10月1日施行",
      "詳細はP12を参照",
      "資料は12ページ",
      "市民ワークショップを3回開催し、延べ120人が参加した。意見を計画に反映した。",
      "・研修を実施する。\n・年度末に検証する。",
    ]) {
      expect(extractMetrics(text), text).toEqual([]);
    }
  });
});

describe("units that cannot be compared", () => {
  it("never compares a value without a unit with one that has a unit: not comparable, never exceeded", () => {
    const [pair] = evaluateTexts("(件数 10)", "(件数 20件)").pairs;
    expect(pair?.status).toBe("incomparable");
    expect(evaluateTexts("(件数 10)", "(件数 20件)").expected).toBe("-");
  });

  it("compares an unknown unit only with the same word", () => {
    expect(evaluateTexts("(講座 10コマ)", "(講座 12コマ)").pairs[0]?.status).toBe("exceeded");
    expect(evaluateTexts("(講座 10コマ)", "(講座 12回)").pairs[0]?.status).toBe("incomparable");
  });

  it("compares 0.48kg with 480g", () => {
    expect(evaluateTexts("(ごみ量 0.5kg/人日以下)", "(ごみ量 480g/人日)").pairs[0]).toMatchObject({ status: "met", direction: "lower" });
  });
});

describe("absurd numbers", () => {
  it("a 310-digit kanji number and 400 ASCII digits are not numbers, and nothing throws", () => {
    const kanji = `(件数 ${"九".repeat(310)}件)`;
    const ascii = `(件数 ${"9".repeat(400)}件)`;
    for (const text of [kanji, ascii]) {
      const [metric] = extractMetrics(text);
      expect(metric).toMatchObject({ notANumber: true });
      expect(Number.isNaN(metric?.value)).toBe(true);
      expect(() => evaluateTexts(text, "(件数 5件)")).not.toThrow();
    }
    expect(q(`${"1".repeat(30)}円`)).toMatchObject({ notANumber: true });
  });
});

describe("direction as data", () => {
  const direction = (plan: string, result: string, profile?: Parameters<typeof evaluateTexts>[2]) => evaluateTexts(plan, result, profile).pairs[0];

  it("率 alone decides nothing; the vocabulary's words do", () => {
    expect(direction("(特定健診受診率 60%)", "(特定健診受診率 55%)")).toMatchObject({ direction: "higher", directionSource: "lexicon", directionWord: "受診率" });
    expect(direction("(実質公債費比率 10%)", "(実質公債費比率 8%)")).toMatchObject({ direction: "lower", directionWord: "実質公債費比率", status: "exceeded" });
    expect(direction("(不明な率 10%)", "(不明な率 8%)")).toMatchObject({ direction: "higher", directionSource: "default" });
    expect(direction("(CO2排出量 5,000t)", "(CO2排出量 4,800t)")).toMatchObject({ direction: "lower", status: "met" });
  });

  it("an amount cut (15人削減) is better when larger; に抑える is a ceiling", () => {
    expect(direction("一般職員数 15人削減", "4人削減")).toMatchObject({ direction: "higher", status: "short" });
    expect(direction("15%台に抑える", "平成21年度 9.8%")).toMatchObject({ direction: "lower", status: "exceeded" });
  });

  it("a profile overrides the direction of every label containing a word", () => {
    const profile = { profile: { ...DEFAULT_PROFILE, labelDirections: { 来場者: "lower" as const } } };
    expect(direction("(来場者数 1,000人)", "(来場者数 900人)", profile)).toMatchObject({ direction: "lower", directionSource: "override", directionWord: "来場者" });
  });
});

/**
 * Forms of other cities' tables (tests/fixtures/cities/*, each folder's source.md; tests/unit/corpus.test.ts
 * has the texts verbatim with their sources).
 */
describe("counters and what follows a value", () => {
  it.each([
    // 佐渡市 (店舗), 川崎市 (か所), 下田市 (ヵ年), 関市 (人), the counters of facility plans.
    ["20店舗", 20, "店", "店舗"],
    ["136か所", 136, "箇所", "か所"],
    ["5ヵ所", 5, "箇所", "ヵ所"],
    ["3ヵ年", 3, "年", "ヵ年"],
    ["12機関", 12, "機関", undefined],
    ["3,000食", 3000, "食", undefined],
  ] as const)("%s → %d %s, shown as %s", (text, value, unit, shown) => {
    expect(q(text)).toMatchObject({ value, unit });
    expect(q(text).shown?.unit).toBe(shown);
  });

  it("an amount cut written after the value: 6.2%減額 and 5,294万円圧縮 (佐渡市) are reductions", () => {
    expect(extractMetrics("6.2%減額")).toMatchObject([{ value: 6.2, unit: "%", sense: "reduction" }]);
    expect(extractMetrics("5,294万円圧縮")).toMatchObject([{ value: 52_940_000, sense: "reduction" }]);
    expect(extractMetrics("経費を500万円削減する。")).toMatchObject([{ label: "経費", value: 5_000_000, sense: "reduction" }]);
  });

  it("an amount followed by what it is: 6億9,499万円の効果額, but not a label of the next number", () => {
    expect(extractMetrics("6億9,499万円の効果額")).toMatchObject([{ label: "効果額", value: 694_990_000, unit: "円" }]);
    // アクションプラン50の実施数 44 (Kodaira): 実施数 names 44, not 50.
    expect(extractMetrics("(アクションプラン50の実施数 44)")).toMatchObject([{ label: "アクションプラン50の実施数", value: 44 }]);
    // A sentence after の is narrative (いわき市).
    expect(extractMetrics("計画期間内に概ね430人(約10%)の職員数の削減を目指す")).toEqual([]);
  });

  it("the part of a whole: 20件中18件, 17件のうち目標達成が13件 (宮古島市), 58 項目中 達成:38 (関市)", () => {
    expect(extractMetrics("20件中18件")).toMatchObject([{ value: 18, unit: "件", total: 20 }]);
    expect(extractMetrics("17件のうち目標達成が13件")).toMatchObject([{ label: "目標達成", value: 13, total: 17 }]);
    expect(extractMetrics("取組項目数:58 項目中 達成:38")).toMatchObject([{ label: "取組項目数 達成", value: 38, unit: "項目", total: 58 }]);
    // Not a whole: 3件中止 is 3 cases stopped.
    expect(extractMetrics("3件中止")[0]?.total).toBeUndefined();
  });

  it("one sentence that states a target is read (関市); other sentences are narrative", () => {
    expect(extractMetrics("平成 27 年度の職員数を 733 人とします。")).toMatchObject([{ label: "平成 27 年度の職員数", value: 733, unit: "人", op: "eq" }]);
    expect(extractMetrics("職員数を733人以下とする。")).toMatchObject([{ label: "職員数", value: 733, op: "le" }]);
    expect(extractMetrics("職員数は733人であった。")).toEqual([]);
    expect(extractMetrics("5 年間において 5 億円を削減します。")).toEqual([]);
  });

  it("every line of a multi-line cell: label lines followed by value lines (川崎市); a bulleted list only by its last line", () => {
    expect(extractMetrics("認可保育所\n施設数\n136か所\n定員数\n12,860人").map((m) => [m.label, m.value, m.unit])).toEqual([
      ["認可保育所 施設数", 136, "箇所"],
      ["定員数", 12_860, "人"],
    ]);
    expect(extractMetrics("・研修を3回実施\n・参加者 120人").map((m) => m.value)).toEqual([120]);
  });
});
