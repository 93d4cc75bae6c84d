import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Memo } from "../../src/core/memo";
import { importReportText } from "../../src/core/import/reportText";
import { extractMetrics, metricBlocks, periodOf, type Metric } from "../../src/core/metrics/extract";
import type { Op } from "../../src/core/quantity/quantity";
import { foldText } from "../../src/core/text/fold";

/**
 * The metrics of every plan and results cell of the seed, read by a person from the seed text:
 * marker (0 = none), label, value in base units, unit, op, and where it matters the fiscal year of
 * the target, the upper end of a range, 延べ, and the notes.
 */
interface Expected {
  marker: number;
  label: string;
  value: number;
  unit: string;
  op: Op;
  fy?: number;
  max?: number;
  cumulative?: boolean;
  notes?: string[];
}

const m = (marker: number, label: string, value: number, unit: string, op: Op, extra: Partial<Expected> = {}): Expected => ({
  marker, label, value, unit, op, ...extra,
});

const SEED: Record<string, { plan: Expected[]; result: Expected[] }> = {
  "1": { plan: [], result: [m(1, "市民活動支援センター来場者数", 3957, "人", "eq"), m(2, "市との協働事業数", 62, "", "eq"), m(2, "大学との協働事業数", 19, "", "eq")] },
  "2": { plan: [], result: [] },
  "2-1": { plan: [], result: [m(0, "ボランティア参加者数", 12, "人", "eq")] },
  "2-2": { plan: [], result: [m(0, "介護予防見守りボランティア登録", 411, "人", "eq")] },
  "2-3": { plan: [], result: [m(0, "道路ボランティア", 2223, "人", "eq")] },
  "2-4": { plan: [], result: [m(0, "地域健康づくり推進員登録", 22, "人", "eq")] },
  "2-5": { plan: [], result: [m(0, "図書館ボランティア", 250, "人", "eq", { cumulative: true })] },
  "2-6": { plan: [], result: [m(0, "総合防災訓練参加者数", 99, "人", "eq")] },
  "2-7": { plan: [], result: [m(1, "振り込め詐欺被害防止キャンペーン", 7, "回", "eq"), m(2, "防犯講座参加者数", 1, "回", "eq")] },
  "3": { plan: [m(0, "地域連携のための会議", 4, "地区", "ge")], result: [m(0, "地域連携のための会議", 3, "地区", "eq")] },
  "4": { plan: [], result: [] },
  "4-1": { plan: [m(0, "協議会開催回数", 94, "回/年", "eq")], result: [m(0, "協議会開催回数", 112, "回", "eq")] },
  "4-2": { plan: [m(0, "学校支援人材養成講座・研修数", 54, "回/年", "eq")], result: [m(0, "学校支援人材養成講座・研修数", 42, "回/年", "eq")] },
  "5": { plan: [m(0, "参加団体数", 12, "団体", "eq")], result: [m(0, "参加団体数", 11, "団体", "eq")] },
  "6": { plan: [m(0, "市民一人当たりごみ量", 480, "g/人日", "eq", { fy: 2022, notes: ["令和4年度末"] })], result: [m(0, "市民一人当たりごみ量", 494.3, "g/人日", "eq")] },
  "7": { plan: [m(0, "アクションプラン50の実施数", 44, "", "eq")], result: [m(0, "アクションプラン50の実施数", 44, "", "eq")] },
  "8": { plan: [m(0, "市ホームページアクセス件数", 3_700_000, "件", "ge")], result: [m(0, "市ホームページアクセス件数", 6_525_148, "件", "eq")] },
  "9": { plan: [m(0, "新たな市民参加の手法を活用した計画等の策定件数", 1, "件", "ge")], result: [m(0, "新たな市民参加の手法を活用した計画等の策定件数", 2, "件", "eq")] },
  "10": { plan: [], result: [m(0, "出前講座参加人数", 1288, "人", "eq")] },
  "11": { plan: [m(0, "年度末における達成及び実施の割合", 100, "%", "eq")], result: [m(0, "年度末における達成及び実施の割合", 84.8, "%", "eq")] },
  "12": { plan: [m(0, "施策評価において、設定された成果指標の目標のうち、進捗率等が100%以上であったもの", 95, "%", "eq")], result: [m(0, "「令和元年度の行政評価」の施策評価において設定された成果指標の目標のうち、進捗率等が100%以上であったもの", 44, "%", "eq", { notes: ["109指標のうち48指標"] })] },
  "13": { plan: [], result: [] },
  "14": { plan: [m(0, "事務事業の見直し件数", 4, "件", "eq")], result: [m(0, "事務事業の見直し件数", 1, "件", "eq")] },
  "15": { plan: [], result: [m(0, "歳出削減額", 114_000_000, "円", "approx")] },
  "16": { plan: [m(1, "効果検証数", 113, "", "eq"), m(2, "適正化数", 113, "", "eq")], result: [m(1, "効果検証数", 114, "", "eq"), m(2, "適正化数", 114, "", "eq")] },
  "17": { plan: [], result: [] },
  "18": { plan: [], result: [] },
  "19": { plan: [], result: [] },
  "20": { plan: [m(1, "経常収支比率", 80, "%", "range", { max: 90 }), m(2, "財政調整基金", 3_500_000_000, "円", "eq"), m(3, "公共施設整備基金", 2_500_000_000, "円", "eq")], result: [m(1, "経常収支比率", 91, "%", "eq", { notes: ["速報値"] }), m(2, "財政調整基金", 2_840_000_000, "円", "eq"), m(3, "公共施設整備基金", 1_810_000_000, "円", "eq")] },
  "21": { plan: [], result: [m(0, "法定外繰入額", 1_010_440_000, "円", "eq")] },
  "22": { plan: [], result: [m(1, "法人市民税調定額(資本金1億円以下)", 411_000_000, "円", "eq", { fy: 2020, notes: ["令和2年度当初予算"] }), m(2, "創業支援件数", 414, "人", "eq"), m(3, "就労支援のための講習会参加者数", 58, "人", "eq")] },
  "23": { plan: [m(0, "市税徴収率 現年分", 99, "%", "eq", { fy: 2020, notes: ["令和2年度当初予算"] }), m(0, "市税徴収率 滞繰分", 34, "%", "eq", { fy: 2020, notes: ["令和2年度当初予算"] }), m(0, "市税徴収率 全体", 98.1, "%", "eq", { fy: 2020, notes: ["令和2年度当初予算"] }), m(0, "国民健康保険税徴収率 現年分", 92, "%", "eq", { fy: 2020, notes: ["令和2年度当初予算"] }), m(0, "国民健康保険税徴収率 滞繰分", 27, "%", "eq", { fy: 2020, notes: ["令和2年度当初予算"] }), m(0, "国民健康保険税徴収率 全体", 83.4, "%", "eq", { fy: 2020, notes: ["令和2年度当初予算"] })], result: [] },
  "24": { plan: [m(0, "介護保険料収納率 現年分", 98.41, "%", "eq"), m(0, "滞繰分", 13.5, "%", "eq"), m(0, "全体", 96.58, "%", "eq", { fy: 2020, notes: ["令和2年度当初予算"] })], result: [] },
  "25": { plan: [], result: [] },
  "26": { plan: [], result: [] },
  "27": { plan: [], result: [] },
  "28": { plan: [m(0, "財源確保額", 10_000_000, "円/年", "eq", { notes: ["※売払いのみ、ただし、当初予算で売払いを予定している分を除く"] })], result: [] },
  "29": { plan: [], result: [] },
  "30": { plan: [], result: [] },
  "30-1": { plan: [m(0, "小平市文化振興財団(利用料収入)", 47_600_000, "円", "eq")], result: [] },
  "30-2": { plan: [m(0, "財源確保額 小平市社会福祉協議会(会費収入等)", 16_000_000, "円", "eq")], result: [m(0, "財源確保額 小平市社会福祉協議会(会費収入等)", 14_980_093, "円", "eq")] },
  "30-3": { plan: [m(0, "シルバー人材センター 会員数", 1180, "人", "eq"), m(0, "就業率", 85, "%", "eq"), m(0, "契約金額", 454_000_000, "円", "eq")], result: [m(0, "シルバー人材センター 会員数", 1110, "人", "eq"), m(0, "就業率", 83.8, "%", "eq"), m(0, "契約金額", 443_808_000, "円", "eq")] },
  "31": { plan: [], result: [] },
  "32": { plan: [], result: [] },
  "33": { plan: [m(0, "人口1万人あたり職員数", 50, "人", "eq")], result: [] },
  "34": { plan: [], result: [] },
  "35": { plan: [m(0, "窓口サービスアンケートにおける満足度", 95, "%", "ge")], result: [] },
  "36": { plan: [m(0, "個別施設検討実施件数", 11, "件", "eq", { notes: ["平成30年度末実績3件+令和元年度3件+令和2年度5件"] })], result: [m(0, "個別施設検討実施件数", 11, "件", "eq")] },
  "37": { plan: [m(0, "公民館:事業企画委員会の設置数", 11, "館", "eq"), m(0, "実施回数全館合計", 39, "回", "ge")], result: [m(0, "地域センター:利用者数", 227_318, "人", "eq"), m(0, "公民館:事業企画委員会の設置数", 11, "館", "eq"), m(0, "実施回数全館合計", 50, "回", "eq"), m(0, "鈴木", 4, "回", "eq"), m(0, "小川", 4, "回", "eq"), m(0, "上水南", 4, "回", "eq"), m(0, "津田", 4, "回", "eq"), m(0, "大沼", 5, "回", "eq"), m(0, "中央", 5, "回", "eq"), m(0, "花小金井南", 5, "回", "eq"), m(0, "仲町", 6, "回", "eq"), m(0, "上宿", 3, "回", "eq"), m(0, "小川西町", 6, "回", "eq"), m(0, "花小金井北", 4, "回", "eq")] },
  "38": { plan: [], result: [] },
  "38-1": { plan: [], result: [] },
  "38-2": { plan: [], result: [] },
  "38-3": { plan: [], result: [] },
  "38-4": { plan: [], result: [] },
  "39": { plan: [], result: [] },
  "40": { plan: [], result: [] },
  "41": { plan: [], result: [] },
  "42": { plan: [m(0, "独自利用事務の検討実施数", 1, "事務", "ge")], result: [] },
  "43": { plan: [], result: [] },
};

const seed = importReportText(readFileSync(resolve(__dirname, "../../seeds/000_42fcd9900b63a6e5.txt"), "utf8"));

function shape(metric: Metric): Expected {
  return {
    marker: metric.marker ?? 0,
    label: metric.label,
    value: metric.value,
    unit: metric.unit,
    op: metric.op,
    ...(metric.fiscalYear === undefined ? {} : { fy: metric.fiscalYear }),
    ...(metric.op === "range" ? { max: metric.max } : {}),
    ...(metric.cumulative ? { cumulative: true } : {}),
    ...(metric.notes.length ? { notes: metric.notes } : {}),
  };
}

describe("metrics of every plan and results cell of the seed", () => {
  it("covers all 59 rows", () => {
    // (integer-like keys of an object come first, so compare as sets)
    expect(Object.keys(SEED).sort()).toEqual(seed.rows.map((row) => row.item).sort());
  });

  for (const row of seed.rows) {
    const label = row.item;
    it(`${label}`, () => {
      const expected = SEED[label];
      expect(extractMetrics(row.plan).map(shape), "plan").toEqual(expected?.plan);
      expect(extractMetrics(row.result).map(shape), "result").toEqual(expected?.result);
    });
  }
});

const one = (text: string): Metric => {
  const metrics = extractMetrics(text);
  expect(metrics).toHaveLength(1);
  return metrics[0] as Metric;
};

describe("the cases of the spec", () => {
  it("(参加団体数 12団体) → 12 団体", () => {
    expect(one("(参加団体数 12団体)")).toMatchObject({ label: "参加団体数", value: 12, unit: "団体", op: "eq" });
  });

  it("(市ホームページアクセス件数 370万件以上) → 3,700,000 件, ge", () => {
    expect(one("(市ホームページアクセス件数 370万件以上)")).toMatchObject({ value: 3_700_000, unit: "件", op: "ge", min: 3_700_000 });
  });

  it("the ①②③ fiscal targets: a range [80, 90) %, and yen exactly", () => {
    const [a, b, c] = extractMetrics("(①経常収支比率80%台 ②財政調整基金35億円 ③公共施設整備基金25億円)");
    expect(a).toMatchObject({ marker: 1, label: "経常収支比率", value: 80, min: 80, max: 90, maxExclusive: true, unit: "%", op: "range" });
    expect(b).toMatchObject({ marker: 2, value: 3_500_000_000, unit: "円" });
    expect(c).toMatchObject({ marker: 3, value: 2_500_000_000, unit: "円" });
  });

  it("the ①②③ fiscal results, exact: 91 %, 2,840,000,000 円, 1,810,000,000 円", () => {
    const values = extractMetrics("(①経常収支比率91.0%(速報値) ②財政調整基金28.4億円 ③公共施設整備基金18.1億円)").map((x) => x.value);
    expect(values).toEqual([91, 2_840_000_000, 1_810_000_000]);
    expect(Object.is(values[2], 1810000000)).toBe(true);
    expect(extractMetrics("(①経常収支比率91.0%(速報値))")[0]?.notes).toEqual(["速報値"]);
  });

  it("(アクションプラン50の実施数 44) → one metric, 44", () => {
    expect(one("(アクションプラン50の実施数 44)")).toMatchObject({ label: "アクションプラン50の実施数", value: 44, unit: "" });
  });

  it("(市民一人当たりごみ量 480g/人日(令和4年度末)) → 480 g/人日 for FY2022", () => {
    expect(one("(市民一人当たりごみ量 480g/人日(令和4年度末))")).toMatchObject({ value: 480, unit: "g/人日", fiscalYear: 2022 });
  });

  it("yen in thousands, approximations, kanji and triangles", () => {
    expect(one("(法定外繰入額 1,010,440千円)")).toMatchObject({ value: 1_010_440_000, unit: "円" });
    expect(one("(歳出削減額 約114,000千円)")).toMatchObject({ value: 114_000_000, unit: "円", op: "approx" });
    expect(one("(予算額 三千五百万円)")).toMatchObject({ value: 35_000_000, unit: "円" });
    expect(one("(差額 △1,234千円)")).toMatchObject({ value: -1_234_000, unit: "円" });
    expect(one("(差額 ▲5万円)")).toMatchObject({ value: -50_000 });
  });

  it("the financial block with a nested note: (財源確保額 …(会費収入等)14,980,093円)", () => {
    expect(one("(財源確保額 小平市社会福祉協議会(会費収入等)14,980,093円)")).toMatchObject({ value: 14_980_093, unit: "円" });
  });

  it("several metrics in one cell: 【heading】 label:value, and plain juxtaposition", () => {
    expect(extractMetrics("(【市税徴収率】現年分:99.0% 滞繰分:34.0%)").map((x) => [x.label, x.value])).toEqual([
      ["市税徴収率 現年分", 99],
      ["市税徴収率 滞繰分", 34],
    ]);
    expect(extractMetrics("(会員数1,180人 就業率85.0% 契約金額454,000千円)").map((x) => [x.label, x.value, x.unit])).toEqual([
      ["会員数", 1180, "人"],
      ["就業率", 85, "%"],
      ["契約金額", 454_000_000, "円"],
    ]);
    expect(one("・実施した。 (効果検証数113)")).toMatchObject({ label: "効果検証数", value: 113, unit: "" });
  });

  it("reads a trailing ①②③ list without parentheses", () => {
    expect(extractMetrics("・支援した。 ①創業支援件数414人 ②講習会参加者数58人").map((x) => [x.marker, x.value])).toEqual([
      [1, 414],
      [2, 58],
    ]);
  });

  it("takes no values from the running text, era dates or remarks glued to a word", () => {
    expect(extractMetrics("令和3年度に12件を実施した。")).toEqual([]);
    expect(extractMetrics("・課税限度額の見直し(基礎課税額61万円→63万円)")).toEqual([]);
    expect(one("・売払い(財源確保額 1千万円/年 ※売払いのみ)")).toMatchObject({ value: 10_000_000, unit: "円/年", notes: ["※売払いのみ"] });
    expect(extractMetrics("(※令和2年10月1日施行)")).toEqual([]);
  });

  it("ranges with a dash and qualifiers", () => {
    expect(one("(参加者数 10〜20人)")).toMatchObject({ op: "range", min: 10, max: 20, unit: "人" });
    expect(one("(待機児童数 0人以下)")).toMatchObject({ op: "le", max: 0 });
    expect(one("(件数 5件未満)")).toMatchObject({ op: "lt", max: 5 });
    expect(one("(件数 5件超)")).toMatchObject({ op: "gt", min: 5 });
    expect(one("(満足度 95%以内)")).toMatchObject({ op: "le" });
    expect(one("(参加者 50人程度)")).toMatchObject({ op: "approx" });
    expect(one("(参加者 概ね50人)")).toMatchObject({ op: "approx" });
    expect(one("(図書館ボランティア 延べ250人)")).toMatchObject({ value: 250, cumulative: true });
  });

  it("folds full width but keeps circled markers away from digits", () => {
    expect(extractMetrics("（①効果検証数１１３　②適正化数１１３）").map((x) => [x.marker, x.value])).toEqual([
      [1, 113],
      [2, 113],
    ]);
    expect(metricBlocks(foldText("（①効果検証数１１３）"))).toEqual(["①効果検証数113"]);
  });

  it("returns the same frozen result for the same text from a shell's memo, and reads afresh without one", () => {
    const text = "(参加団体数 12団体)";
    const memo = new Memo();
    expect(extractMetrics(text, memo)).toBe(extractMetrics(text, memo));
    expect(extractMetrics(text)).not.toBe(extractMetrics(text));
    expect(extractMetrics(text)).toEqual(extractMetrics(text, memo));
    expect(Object.isFrozen(extractMetrics(text))).toBe(true);
  });
});

describe("periodOf", () => {
  it.each([
    ["令和4年度末", 2022],
    ["令和2年度当初予算", 2020],
    ["速報値", undefined],
    ["平成30年度末実績3件+令和元年度3件", undefined],
  ])("%s → %s", (note, year) => {
    expect(periodOf(note)).toBe(year);
  });
});
