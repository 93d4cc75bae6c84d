import { describe, expect, it } from "vitest";
import { extractMetrics, type Metric } from "../../src/core/metrics/extract";
import type { Op } from "../../src/core/quantity/quantity";

/**
 * Metric texts from other municipalities' published administrative-reform progress reports, each
 * with its source. A text stands as it would in a plan or results cell of a progress workbook (a short
 * fragment, not the report's wording around it); the expectation is what a reviewer reads in it.
 * An empty expectation means: narrative, not a target or a result (prefer "not evaluable" to a guess).
 */
const IWAKI = "いわき市 行財政改革行動計画の進捗状況 http://www.city.iwaki.lg.jp/www/contents/1001000004139/index.html";
const YOTSUKAIDO = "四街道市 行財政改革推進計画の進ちょく状況 https://www.city.yotsukaido.chiba.jp/shisei/torikumi/koso/gyozaisei/kaikaku/gyokaku_sinchoku2.html";
const KAMOGAWA = "鴨川市 行政改革実施評価 https://www.city.kamogawa.lg.jp/soshiki/3/5983.html";
const ARAO = "荒尾市 第三次行政改革大綱の検証・統括 https://www.city.arao.lg.jp/q/aview/245/942.html";
const FUKUCHIYAMA = "福知山市 行政改革取組状況 https://www.city.fukuchiyama.lg.jp/soshiki/1/41188.html";
const MIYAKOJIMA = "宮古島市 第2次集中改革プラン進ちょく状況 https://www.miyakomainichi.com/news/post-65416/";
const KOKUBUNJI = "国分寺市 第四次行政改革実施プラン達成状況 https://www.city.kokubunji.tokyo.jp/shisei/shiryou/gyouzaisei/1020309/1017216.html";
const KIZUGAWA = "木津川市 行財政改革行動計画進捗状況 https://www.city.kizugawa.lg.jp/index.cfm/10,48511,57,217,html";
const SAITAMA = "さいたま市 行財政改革推進プラン2013の達成状況 https://www.city.saitama.jp/006/007/014/005/p056344.html";
const JOETSU = "上越市 第3次行政改革 平成19年度改定内容 http://www.city.joetsu.niigata.jp/soshiki/gyoukaku/gyokaku-taikou-3rd-19-04.html";
const SANO = "佐野市 施策・基本事業評価の実績 https://www.city.sano.lg.jp/kurashi_gyosei/shiseijoho_nyusatsu/kaikaku_kaizennimuketatorikumi/3/naiyou/6505.html";
const GOMI = "一般廃棄物処理基本計画 目標達成状況（市の審議会資料） https://expydoc.com/doc/11050782/";
// The corpus of tests/fixtures/cities/ (each folder's source.md) and other published reports.
const SADO = "佐渡市 「改革宣言2006」事後検証結果 http://www.city.sado.niigata.jp/topics/reform/mani18/rev05.shtml";
const SADO_REV04 = "佐渡市 「改革宣言2006」事後検証結果 企画財政部 http://www.city.sado.niigata.jp/topics/reform/mani18/rev04.shtml";
const SADO_REV09 = "佐渡市 「改革宣言2006」事後検証結果 教育委員会 http://www.city.sado.niigata.jp/topics/reform/mani18/rev09.shtml";
const KAWASAKI = "川崎市 施策進行管理・評価票(2) https://www.city.kawasaki.jp/170/cmsfiles/contents/0000035/35856/3/31103000-1.html";
const SEKI = "関市 第5次関市行政改革大綱 取組結果 https://expydoc.com/doc/7697618/";
const SANDA = "三田市 平成20年度 行政改革効果額実績 https://www.city.sanda.lg.jp/zaisei/kaikaku/h20_koukagaku.html";
const MIYAKOJIMA_PLAN = "宮古島市 集中改革プラン進捗状況報告 https://www.city.miyakojima.lg.jp/gyosei/gyoseikaikaku/h19-9.html";
const CHIKUMA = "千曲市 温室効果ガスの排出量の推移 https://www.city.chikuma.lg.jp/docs/2020030600047/";

type Expect = [label: string, value: number, unit: string, op: Op, extra?: Partial<Metric>];
const CASES: [source: string, text: string, expected: Expect[]][] = [
  // いわき市
  [IWAKI, "改革・改善を実施した項目 39件", [["改革・改善を実施した項目", 39, "件", "eq"]]],
  [IWAKI, "実施率 42.9%(実施した項目39件 行動計画位置付け項目91件)", [["実施率", 42.9, "%", "eq", { notes: ["実施した項目39件 行動計画位置付け項目91件"] }]]],
  [IWAKI, "改革の効果額(累計額)150億円を目指す", [["改革の効果額(累計額)", 15_000_000_000, "円", "eq"]]],
  [IWAKI, "達成率 219.5%", [["達成率", 219.5, "%", "eq"]]],
  [IWAKI, "計画期間内に概ね430人(約10%)の職員数の削減を目指す", []],
  [IWAKI, "職員数の削減 概ね430人", [["職員数の削減", 430, "人", "approx"]]],
  [IWAKI, "約7,739百万円", [["", 7_739_000_000, "円", "approx"]]],
  [IWAKI, "計画額 950", [["計画額", 950, "", "eq"]]],
  // 四街道市
  [YOTSUKAIDO, "令和2年度目標:行革効果額:3億3,330万1千円", [["行革効果額", 333_301_000, "円", "eq"]]],
  [YOTSUKAIDO, "令和2年度実績:行革効果額:3億4,909万6千円", [["行革効果額", 349_096_000, "円", "eq"]]],
  [YOTSUKAIDO, "目標:行革効果額 3億3,330万1千円", [["行革効果額", 333_301_000, "円", "eq"]]],
  [YOTSUKAIDO, "計画どおりに取り組めているもの(A評価)13項目", [["計画どおりに取り組めているもの(A評価)", 13, "項目", "eq"]]],
  [YOTSUKAIDO, "行革効果額 62,355千円", [["行革効果額", 62_355_000, "円", "eq"]]],
  // 鴨川市
  [KAMOGAWA, "合計評価得点は、84点", [["合計評価得点", 84, "点", "eq"]]],
  [KAMOGAWA, "達成率・・・70パーセント", [["達成率", 70, "%", "eq"]]],
  [KAMOGAWA, "財政的効果 370,171,834円", [["財政的効果", 370_171_834, "円", "eq"]]],
  [KAMOGAWA, "5年間の合計 1,138,587,243円", [["5年間の合計", 1_138_587_243, "円", "eq"]]],
  [KAMOGAWA, "計画が完全に達成された場合の満点が120点であることから、取組期間の最終年度である令和2年度の達成率は、70パーセントとなりました。", []],
  // 荒尾市
  [ARAO, "3年間で56億2,000万円", [["3年間で", 5_620_000_000, "円", "eq"]]],
  [ARAO, "3年間で64億8,137万円(目標達成)", [["3年間で", 6_481_370_000, "円", "eq", { notes: ["目標達成"] }]]],
  [ARAO, "3年間で3億5,000万円", [["3年間で", 350_000_000, "円", "eq"]]],
  [ARAO, "3年間で10億890万円(目標達成)", [["3年間で", 1_008_900_000, "円", "eq"]]],
  [ARAO, "平成21年度までの6年で16%削減", [["平成21年度までの6年で", 16, "%", "eq", { sense: "reduction" }]]],
  [ARAO, "平成21年度までの6年で20.1%削減(目標達成)", [["平成21年度までの6年で", 20.1, "%", "eq", { sense: "reduction" }]]],
  [ARAO, "90%台半ばに抑える", [["", 95, "%", "approx", { sense: "ceiling" }]]],
  [ARAO, "平成21年度 92.2%(目標達成)", [["平成21年度", 92.2, "%", "eq"]]],
  [ARAO, "15%台に抑える", [["", 15, "%", "range", { min: 15, max: 16, maxExclusive: true, sense: "ceiling" }]]],
  [ARAO, "平成21年度 9.8%(目標達成)", [["平成21年度", 9.8, "%", "eq"]]],
  [ARAO, "11%台に抑える", [["", 11, "%", "range", { min: 11, max: 12, sense: "ceiling" }]]],
  [ARAO, "平成21年度 7.6%(目標達成)", [["平成21年度", 7.6, "%", "eq"]]],
  [ARAO, "平成19・20・21年度で単年度黒字を達成、平成18年度で累積赤字を解消(目標達成)", []],
  // 福知山市
  [FUKUCHIYAMA, "削減効果額(108項目) 3,297百万円", [["削減効果額(108項目)", 3_297_000_000, "円", "eq"]]],
  [FUKUCHIYAMA, "1,092百万円", [["", 1_092_000_000, "円", "eq"]]],
  [FUKUCHIYAMA, "累計(H28~R2年度) 4,533百万円", [["累計(H28~R2年度)", 4_533_000_000, "円", "eq"]]],
  [FUKUCHIYAMA, "進捗率 137.5%", [["進捗率", 137.5, "%", "eq"]]],
  [FUKUCHIYAMA, "延床面積 45,298平方メートル", [["延床面積", 45_298, "m2", "eq"]]],
  [FUKUCHIYAMA, "4,749平方メートル", [["", 4_749, "m2", "eq"]]],
  [FUKUCHIYAMA, "24,672平方メートル(※)", [["", 24_672, "m2", "eq", { notes: ["※"] }]]],
  [FUKUCHIYAMA, "一般職員数 15人削減", [["一般職員数", 15, "人", "eq", { sense: "reduction" }]]],
  [FUKUCHIYAMA, "4人削減", [["", 4, "人", "eq", { sense: "reduction" }]]],
  [FUKUCHIYAMA, "31人削減", [["", 31, "人", "eq", { sense: "reduction" }]]],
  [FUKUCHIYAMA, "進捗率 206.7%", [["進捗率", 206.7, "%", "eq"]]],
  [FUKUCHIYAMA, "「達成」 51項目、「部分実施」 56項目", [["「達成」", 51, "項目", "eq"], ["「部分実施」", 56, "項目", "eq"]]],
  [FUKUCHIYAMA, "別に52,645平方メートルあります。", []],
  // 宮古島市
  [MIYAKOJIMA, "定員管理の適正化 798人", [["定員管理の適正化", 798, "人", "eq"]]],
  [MIYAKOJIMA, "14年4月1日現在 793人", [["14年4月1日現在", 793, "人", "eq"]]],
  [MIYAKOJIMA, "同プランのうち、13年度は既に16項目を終了していたが、さらに9項目の取り組みが達成したことを確認し、計25項目が終了したと報告した。", []],
  // 国分寺市
  [KOKUBUNJI, "経常収支比率は92.9%と2.0ポイント悪化しました。", []],
  [KOKUBUNJI, "経常収支比率 92.9%", [["経常収支比率", 92.9, "%", "eq"]]],
  [KOKUBUNJI, "一般会計の基金残高 約44億円", [["一般会計の基金残高", 4_400_000_000, "円", "approx"]]],
  [KOKUBUNJI, "悪化幅 2.0ポイント", [["悪化幅", 2, "pt", "eq"]]],
  // 木津川市
  [KIZUGAWA, "S:特に良好に進捗 … 4項目(4.7%)", [["S:特に良好に進捗 …", 4, "項目", "eq", { notes: ["4.7%"] }]]],
  [KIZUGAWA, "B:概ね進捗 … 51項目(59.3%)", [["B:概ね進捗 …", 51, "項目", "eq"]]],
  [KIZUGAWA, "全行動計画項目 … 116項目", [["全行動計画項目 …", 116, "項目", "eq"]]],
  // さいたま市
  [SAITAMA, "46項目54事業", [["", 46, "項目", "eq"], ["", 54, "事業", "eq"]]],
  [SAITAMA, "達成した事業の割合 約9割(87%)", [["達成した事業の割合", 90, "%", "approx", { notes: ["87%"] }]]],
  [SAITAMA, "目標を上回って達成 7事業", [["目標を上回って達成", 7, "事業", "eq"]]],
  // 上越市
  [JOETSU, "貯金25億円以上の維持", [["貯金", 2_500_000_000, "円", "ge"]]],
  [JOETSU, "貯金維持額 26億円", [["貯金維持額", 2_600_000_000, "円", "eq"]]],
  [JOETSU, "単年度ごとの目標を設定してなかったことから、的確な成果測定が困難な目標や取組が一部にあったため。", []],
  // 佐野市
  [SANO, "100%未満~90%", [["", 90, "%", "range", { min: 90, max: 100 }]]],
  [SANO, "18~16ポイント", [["", 16, "pt", "range", { min: 16, max: 18 }]]],
  // ごみの目標（市の審議会資料）
  [GOMI, "(1,084グラム ⇒ 約980グラム)", [["", 1_084, "g", "eq"], ["⇒", 980, "g", "approx"]]],
  [GOMI, "実績値 1,107㌘", [["実績値", 1_107, "g", "eq"]]],
  [GOMI, "家庭ごみ 101,961㌧", [["家庭ごみ", 101_961_000_000, "g", "eq"]]],
  [GOMI, "平成27年度には、1,075グラム以下", [["平成27年度", 1_075, "g", "le"]]],
  [GOMI, "毎年度 約9.5グラムずつ減量", [["毎年度", 9.5, "g", "approx"]]],
  // 佐渡市: counters (店舗), amounts cut written after the value (減額, 圧縮), tonnes and hectares shown as written.
  [SADO, "白色トレイ回収店:20店舗", [["白色トレイ回収店", 20, "店", "eq", { shown: { exponent: 0, unit: "店舗" } }]]],
  [SADO, "21店舗", [["", 21, "店", "eq"]]],
  [SADO, "温室効果ガス総排出量:3万5,352トン", [["温室効果ガス総排出量", 35_352_000_000, "g", "eq", { shown: { exponent: 6, unit: "t" } }]]],
  [SADO, "餌場の整備:10.7ヘクタール", [["餌場の整備", 107_000, "m2", "eq", { shown: { exponent: 4, unit: "ha" } }]]],
  [SADO, "5億1,406万円(5,294万円圧縮)", [["", 514_060_000, "円", "eq", { notes: ["5,294万円圧縮"] }]]],
  [SADO, "生ごみ処理機の購入補助台数:150台、普及率:21.3%", [["生ごみ処理機の購入補助台数", 150, "台", "eq"], ["普及率", 21.3, "%", "eq"]]],
  [SADO_REV04, "19年度当初予算一般財源の対前年比6.1%減額", [["19年度当初予算一般財源の対前年比", 6.1, "%", "eq", { sense: "reduction" }]]],
  [SADO_REV04, "6.2%減額", [["", 6.2, "%", "eq", { sense: "reduction" }]]],
  [SADO_REV09, "処理件数:1件", [["処理件数", 1, "件", "eq"]]],
  // 川崎市: every line of a multi-line cell, label lines followed by value lines.
  [KAWASAKI, "認可保育所\n施設数\n136か所\n定員数\n12,860人", [["認可保育所 施設数", 136, "箇所", "eq", { shown: { exponent: 0, unit: "か所" } }], ["定員数", 12_860, "人", "eq"]]],
  [KAWASAKI, "認可保育所\n施設数 123か所\n定員数 12,250人", [["認可保育所 施設数", 123, "箇所", "eq"], ["定員数", 12_250, "人", "eq"]]],
  // 関市: a target stated in one sentence; a part of a whole (項目中).
  [SEKI, "平成 27 年度の職員数を 733 人とします。", [["平成 27 年度の職員数", 733, "人", "eq"]]],
  [SEKI, "■取組項目数:58 項目中 達成:38", [["取組項目数 達成", 38, "項目", "eq", { total: 58 }]]],
  [SEKI, "人件費 46.03 億円", [["人件費", 4_603_000_000, "円", "eq", { shown: { exponent: 8, unit: "億円" } }]]],
  // 三田市: an amount followed by what it is.
  [SANDA, "4,920万円の効果額", [["効果額", 49_200_000, "円", "eq"]]],
  // 宮古島市: the part of a whole, named between them.
  [MIYAKOJIMA_PLAN, "17件のうち目標達成が13件", [["目標達成", 13, "件", "eq", { total: 17 }]]],
  // 千曲市: 万トン kept as written.
  [CHIKUMA, "46万1,225トン", [["", 461_225_000_000, "g", "eq", { shown: { exponent: 6, unit: "t" } }]]],
  [CHIKUMA, "13億8,200万トン", [["", 1_382_000_000_000_000, "g", "eq"]]],
];

describe("metric texts of other municipalities' published reports", () => {
  it("holds at least 60 cases from at least 5 municipalities, each with its source", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map(([source]) => source.split(" ")[0])).size).toBeGreaterThanOrEqual(5);
    for (const [source] of CASES) expect(source).toMatch(/https?:\/\//);
  });

  it.each(CASES.map(([source, text, expected]) => [text, source, expected] as const))("%s", (text, _source, expected) => {
    const read = extractMetrics(text).map((m) => {
      const extra: Partial<Metric> = {};
      for (const key of Object.keys(expected.find(() => true)?.[4] ?? {}) as (keyof Metric)[]) (extra as Record<string, unknown>)[key] = m[key];
      return [m.label, m.value, m.unit, m.op, extra];
    });
    expect(read.map((r) => r.slice(0, 4))).toEqual(expected.map((e) => e.slice(0, 4)));
    expected.forEach((e, i) => {
      if (e[4]) expect(extractMetrics(text)[i], text).toMatchObject(e[4]);
    });
  });
});
