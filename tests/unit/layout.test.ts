import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { evaluateTexts } from "../../src/core/rating/evaluate";
import { expectedRating, ratingVerdict } from "../../src/core/rating/judgement";
import { parseRatingProfile } from "../../src/core/rating/profile";
import { bandsOfMeaning, readRating, suggestScale, type RatingScale } from "../../src/core/rating/scale";
import type { RawCell } from "../../src/core/workbook/cells";
import { classifyHeader } from "../../src/core/workbook/headers";
import { readLayout, type LayoutGrid } from "../../src/core/workbook/layout";
import { findLegends, parseLegendText } from "../../src/core/workbook/legend";
import { workbookMeta } from "../../src/core/workbook/planMeta";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { readItemNumber, readTable } from "../../src/core/workbook/table";
import { scaleSourceText, settingsWithUnderstood, understoodLines } from "../../src/core/workbook/understood";

const grid = (rows: RawCell[][], merges?: number[][]): LayoutGrid => ({ name: "表", rows, ...(merges ? { merges } : {}) });
const check = (rows: RawCell[][]) => {
  const table = readTable([{ name: "表", rows }]);
  return { table, result: checkTable(table, { settings: settingsWithUnderstood(DEFAULT_SETTINGS, table.understood) }) };
};
const codes = (rows: RawCell[][]) => check(rows).result.findings.map((f) => `${f.code} ${f.item ?? "-"}`);

describe("header texts, as the corpus and other cities write them", () => {
  it("names each role by an alias, years and notes set aside", () => {
    // 佐渡市 (tests/fixtures/cities/sado): 平成18年度目標 | 平成18年度実績 | 自己評価.
    expect(classifyHeader("平成18年度目標")).toMatchObject({ role: "plan", exact: true, fiscalYear: 2006 });
    expect(classifyHeader("平成18年度実績")).toMatchObject({ role: "result", fiscalYear: 2006 });
    expect(classifyHeader("自己評価")).toMatchObject({ role: "rating", exact: true });
    // 関市: 項 目 (決算値) (※注 3) | H23 … H26 | 判定, spaced out by the PDF's text.
    expect(classifyHeader("項 目\n(決算値)\n(※注 3)")).toMatchObject({ role: "title", exact: true });
    expect(classifyHeader("H26")).toMatchObject({ role: "year", fiscalYear: 2014 });
    expect(classifyHeader("判定")).toMatchObject({ role: "rating" });
    // 下田市: 27年度目標値 (no era), 目標達成率 (a rate, never the target), 対前年比.
    expect(classifyHeader("27年度目標値")).toMatchObject({ role: "plan", eraless: 27 });
    expect(classifyHeader("H27年度実績値")).toMatchObject({ role: "result", fiscalYear: 2015 });
    expect(classifyHeader("目標達成率")?.role).toBe("rate");
    expect(classifyHeader("対前年比")?.role).toBe("rate");
    expect(classifyHeader("26年値")).toMatchObject({ role: "year", eraless: 26 });
    // 川崎市: 事務事業名 | 所管課 | 達成度 | 年度 | 事業目標 | 実績; 現状(計画策定時) is a baseline.
    expect(["事務事業名", "所管課", "達成度", "年度", "事業目標", "実績"].map((t) => classifyHeader(t)?.role)).toEqual(["title", "department", "rating", "yearLabel", "plan", "result"]);
    expect(classifyHeader("現状(計画策定時)")?.role).toBe("previous");
    expect(classifyHeader("2011年度以降")).toMatchObject({ role: "year", fiscalYear: 2011 });
    // 小平市 (seeds/): the plan and results headers carry the year and the date.
    expect(classifyHeader("令和2年度当初予定 (目標値)")).toMatchObject({ role: "plan", fiscalYear: 2020 });
    expect(classifyHeader("取組実績（令和3年3月末実績値）")?.role).toBe("result");
    // 下野市, さいたま市, 第二次行政改革大綱の進捗状況: 実施項目, 主管課, 実施状況, 評定.
    expect(["実施項目", "主管課", "実施状況", "評定", "基本方針"].map((t) => classifyHeader(t)?.role)).toEqual(["title", "department", "result", "rating", "category"]);
  });

  it("never takes a sentence for a header", () => {
    expect(classifyHeader("実績は年度末の値です。")).toBeUndefined();
    expect(classifyHeader("第5次行政改革大綱は、平成23~27年度までの5年間を実施期間とし、5つの推進の柱のもと58項目の計画で推進してきました")).toBeUndefined();
  });
});

describe("the header row", () => {
  const DATA: RawCell[][] = [
    [1, "窓口のオンライン化", "電子申請 120件", "電子申請 98件", "A"],
    [2, "ごみの減量", "ごみ量 480g/人日以下", "ごみ量 470g/人日", "A"],
  ];
  const TITLE = ["○○市行政改革実施計画 取組実績と目標の状況（令和元年度）"];
  const HEADER = ["No.", "取組項目", "目標", "実績", "評価"];

  it("is the row that matches most roles, never a title line holding 実績 or 目標 — also with a stored mapping", () => {
    const rows: RawCell[][] = [TITLE, [], HEADER, ...DATA];
    expect(readTable([{ name: "表", rows }]).headerRow).toBe(3);
    expect(readTable([{ name: "表", rows }], { mapping: { rating: 4, plan: 2 } }).headerRow).toBe(3);
    // A title alone with a mapping: the first row holding two mapped cells is the header, not the title.
    const unknown: RawCell[][] = [TITLE, ["管理", "事業", "ねらい", "結び", "判じ"], ...DATA];
    const mapped = readTable([{ name: "表", rows: unknown }], { mapping: { no: 0, title: 1, plan: 2, result: 3, rating: 4 } });
    expect(mapped.headerRow).toBe(2);
    expect(mapped.rows.map((r) => r.item)).toEqual(["1", "2"]);
  });

  it("is never a legend or a sentence above the table", () => {
    const rows: RawCell[][] = [TITLE, ["評価の見方", "A：計画どおり　B：やや遅れている　C：遅れている"], ["目標は計画期間の最終年度の値、", "実績は年度末の値です。"], HEADER, ...DATA];
    const table = readTable([{ name: "表", rows }]);
    expect(table.headerRow).toBe(4);
    expect(table.understood?.scale).toMatchObject({ source: "legend", legend: { row: 2 } });
  });

  it("reads two header rows: a group heading over its years, with merges (file) or values only (Excel)", () => {
    const rows: RawCell[][] = [
      ["No.", "取組項目", "目標", null, "実績", null, "評価"],
      [null, null, "H17", "H18", "H17", "H18", null],
      [1, "職員研修", "研修 10回", "研修 12回", "研修 10回", "研修 9回", "A"],
    ];
    for (const merges of [[[0, 2, 1, 2], [0, 4, 1, 2]], undefined]) {
      const read = readLayout(grid(rows, merges));
      expect(read.understood).toMatchObject({ layout: "yearGrid", headerRow: 1, headerRows: 2, year: { fiscalYear: 2006, source: "grid", grid: [2005, 2006] } });
      expect(read.rows[0]).toMatchObject({ plan: "研修 12回", result: "研修 9回", years: [{ fiscalYear: 2005, plan: "研修 10回", result: "研修 10回" }] });
    }
  });
});

describe("year grids", () => {
  // 平成17年度目標 | 平成17年度実績 | 平成18年度目標 | 平成18年度実績, as the corpus brief describes them.
  const rows: RawCell[][] = [
    ["改革項目", "平成17年度目標", "平成17年度実績", "平成18年度目標", "平成18年度実績", "評価"],
    ["職員数の削減", "職員数 500人以下", "職員数 498人", "職員数 490人以下", "職員数 495人", "A"],
    ["収納率の向上", "収納率 95%", "収納率 95.2%", "収納率 96%", "", "A"],
  ];

  it("uses the columns of the last year with results, says the year, and keeps the others as the trend", () => {
    const read = readLayout(grid(rows));
    expect(read.understood.year).toMatchObject({ fiscalYear: 2006, source: "grid", text: "平成18年度実績" });
    expect(read.columns).toMatchObject({ plan: 3, result: 4, rating: 5, title: 0 });
    expect(read.rows[0]).toMatchObject({ plan: "職員数 490人以下", result: "職員数 495人", years: [{ fiscalYear: 2005, plan: "職員数 500人以下", result: "職員数 498人" }] });
    // The year's numbers decide: 495 over a ceiling of 490 is short.
    expect(codes(rows)).toContain("RATING_OVERSTATED 1");
  });

  it("uses the columns of the year stated (a setting or --year), never silently the first ones", () => {
    const read = readLayout(grid(rows), { fiscalYear: 2005 });
    expect(read.understood.year).toMatchObject({ fiscalYear: 2005, source: "settings" });
    expect(read.rows[0]).toMatchObject({ plan: "職員数 500人以下", result: "職員数 498人" });
  });

  it("reads results by year with no target column (関市: 項 目 | H23 … H26 | 判定)", () => {
    const read = readLayout(grid([["項 目", "H23", "H24", "H25", "H26", "判定"], ["職員数", "770 人", "761 人", "734 人", "723 人", "達 成"]]));
    expect(read.understood).toMatchObject({ layout: "yearGrid", year: { fiscalYear: 2014, source: "grid" } });
    expect(read.rows[0]).toMatchObject({ title: "職員数", result: "723 人", rating: "達成", ratingStatus: "normalised" });
  });
});

describe("two rows per item", () => {
  it("reads 区分: 計画 / 実績 under a header as one item, the rating's row as its row", () => {
    const rows: RawCell[][] = [
      ["No.", "取組項目", "区分", "内容", "評価"],
      [1, "窓口のオンライン化", "計画", "電子申請 120件", "A"],
      [null, null, "実績", "電子申請 98件", null],
      [2, "ごみの減量", "計画", "ごみ量 480g/人日以下", null],
      [null, null, "実績", "ごみ量 470g/人日", "A"],
    ];
    const read = readLayout(grid(rows));
    expect(read.understood.layout).toBe("twoRows");
    expect(read.rows.map((r) => [r.item, r.sheetRow, r.plan, r.result, r.rating])).toEqual([
      ["1", 2, "電子申請 120件", "電子申請 98件", "A"],
      ["2", 5, "ごみ量 480g/人日以下", "ごみ量 470g/人日", "A"],
    ]);
    expect(read.rows[0]?.cells).toEqual({ plan: { row: 2, column: 3 }, result: { row: 3, column: 3 } });
    expect(codes(rows)).toContain("RATING_OVERSTATED 1");
  });

  it("reads headings and 目標 / 実績 rows with the rating at the end of the results (荒尾市)", () => {
    const rows: RawCell[][] = [
      ["主な数値目標の成果"],
      ["1.財政効果額(平成16〜18年度)"],
      ["目標", "3年間で56億2,000万円"],
      ["実績", "3年間で64億8,137万円(目標達成)"],
      [],
      ["3.財政収支(平成16〜18年度)"],
      ["目標", "(1)準用財政再建団体転落の回避"],
      ["実績", "(1)準用財政再建団体転落を回避(目標達成)"],
      ["目標", "(2)平成18年度で単年度収支の均衡"],
      ["実績", "(2)平成18年度で累積赤字を解消(目標達成)"],
    ];
    const read = readLayout(grid(rows));
    expect(read.understood).toMatchObject({ layout: "twoRows", numbering: "headings", ratingInResults: true, scale: { source: "words" } });
    expect(read.rows.map((r) => [r.item, r.sheetRow, r.title, r.rating])).toEqual([
      ["1", 4, "財政効果額(平成16~18年度)", "目標達成"],
      ["3-1", 8, "財政収支(平成16~18年度)", "目標達成"],
      ["3-2", 10, "財政収支(平成16~18年度)", "目標達成"],
    ]);
  });
});

describe("sideways tables and blocks", () => {
  it("reads items across as columns, each rating in its own cell (下田市)", () => {
    const rows: RawCell[][] = [
      ["運営事業名", "大会議室", "和室"],
      ["26年値", 3822, 1170],
      ["27年度目標値", 4000, 1500],
      ["27年度実績値", 3928, 1255],
      ["目標達成率", 0.982, 0.837],
      ["評価", "A", "B"],
    ];
    const read = readLayout(grid([["平成28年度"], ...rows]));
    expect(read.understood).toMatchObject({ layout: "sideways", labelColumn: 0, year: { fiscalYear: 2015, source: "header" } });
    expect(read.rows.map((r) => [r.title, r.plan, r.result, r.rating, r.sheetRow, r.cells?.rating?.column])).toEqual([
      ["大会議室", "4000", "3928", "A", 7, 1],
      ["和室", "1500", "1255", "B", 7, 2],
    ]);
    expect(read.rows[0]?.years).toEqual([{ fiscalYear: 2014, plan: "", result: "3822" }]);
  });

  it("reads one block per item with its year row (川崎市)", () => {
    const rows: RawCell[][] = [
      ["事務事業名", "認可保育所の整備", null, null, "所管課", "こども支援部"],
      ["達成度", 3, "点検結果", "A"],
      ["年度", "現状(計画策定時)", "2008年度", "2009年度"],
      ["事業目標", "施設数 123か所", "施設数 136か所", "施設数 143か所"],
      ["実績", null, "施設数 136か所", null],
    ];
    const read = readLayout(grid(rows));
    expect(read.understood).toMatchObject({ layout: "blocks", year: { fiscalYear: 2008, source: "grid" } });
    expect(read.rows[0]).toMatchObject({ title: "認可保育所の整備", department: "こども支援部", rating: "3", plan: "施設数 136か所", result: "施設数 136か所", sheetRow: 2 });
  });
});

describe("a KPI in cells of its own (坂井市's national form: 指標 | 指標値 | 単位 | 目標月 | 実績値)", () => {
  const rows: RawCell[][] = [
    ["No", "交付対象事業の名称", "本事業における重要業績評価指標(KPI)", null, null, null, null, "本事業終了後における実績値", "外部有識者からの評価"],
    [null, null, "指標", null, "指標値", "単位", "目標月", "実績値", "事業の評価"],
    [1, "坂井市総合戦略策定事業", "指標①", null, "-", "-", "-", "-", "-"],
    [2, "シティセールス事業", "指標①", "首都圏での坂井市の認知度", 6, "%", "H28.3", 7.3, "地方創生に相当程度効果があった"],
    [null, null, "指標②", "情報連鎖が獲得できる番組誘致", 1, "番組", "H28.3", 1, null],
    [3, "定住移住に向けた子育て支援事業", "指標①", "第3子以上の妊娠届出数", "150以上", "件", "H28.3", 120, "地方創生に効果がなかった"],
  ];
  const merges = [[0, 2, 1, 5], [1, 2, 1, 2], [0, 0, 2, 1], [0, 1, 2, 1], [3, 0, 2, 1], [3, 1, 2, 1], [3, 8, 2, 1]];

  it("reads the header over two rows, each KPI row of an item into one trailing block, the year from the due dates", () => {
    const read = readLayout(grid(rows, merges));
    expect(read.understood).toMatchObject({ headerRow: 1, headerRows: 2, year: { fiscalYear: 2015, source: "due", text: expect.stringContaining("目標月 H28.3") } });
    expect(read.rows.map((r) => [r.item, r.sheetRow, r.plan, r.result])).toEqual([
      ["2", 4, "(①首都圏での坂井市の認知度 6%(平成28年3月) ②情報連鎖が獲得できる番組誘致 1番組(平成28年3月))", "(①首都圏での坂井市の認知度 7.3% ②情報連鎖が獲得できる番組誘致 1番組)"],
      ["3", 6, "(第3子以上の妊娠届出数 150件以上(平成28年3月))", "(第3子以上の妊娠届出数 120件)"],
    ]);
  });

  it("leaves out a row of dashes (no KPI, no rating), and judges the form's choices by their words", () => {
    const { result } = check(rows);
    // Item 1 is dashes only; item 3 (効果がなかった) is behind and short: consistent. Item 2 (相当程度効果 = on) met.
    // Due 平成28年3月, the targets are of the year evaluated (FY2015): compared, not later years' targets.
    expect(result.findings.filter((f) => f.code.startsWith("RATING_")).map((f) => `${f.code} ${f.item}`)).toEqual([]);
    expect(bandsOfMeaning("地方創生に非常に効果的であった")).toEqual(["ahead", "on"]);
    expect(bandsOfMeaning("地方創生に効果があった")).toEqual(["on", "behind"]);
    const overstated = rows.map((row, i) => (i === 5 ? [...row.slice(0, 8), "地方創生に相当程度効果があった"] : row));
    expect(codes(overstated)).toContain("RATING_OVERSTATED 3");
  });
});

describe("other forms of numbers, legends and tables", () => {
  it("reads a number in two cells under one merged header as one label (那覇市: 事業番号 1 | 1, 1 | 2)", () => {
    const rows: RawCell[][] = [
      ["事業\n番号", null, "事業名", "H24成果目標(指標)", "H24成果実績(指標)", "総合評価"],
      [1, 1, "観光プラザ整備事業", "観光案内所の整備", "観光案内所を整備", "◎"],
      [1, 2, "那覇港観光客利便性向上施設整備事業", "整備", "整備", "○"],
    ];
    for (const merges of [[[0, 0, 1, 2]], undefined]) {
      const read = readLayout(grid(rows, merges));
      expect(read.rows.map((r) => [r.item, r.kind])).toEqual([
        ["1-1", "item"],
        ["1-2", "item"],
      ]);
    }
  });

  it("reads quoted pairs, the meaning first, as a legend (那覇市: 「達成」・・・「◎」 … 「繰越」・・・「繰」)", () => {
    const legend = parseLegendText("【凡例】\n「達成」・・・「◎」 「概ね達成」・・・「○」\n「一部達成」・・・「△」 「未達成」・・・「未」\n「繰越」・・・「繰」\n「廃止(中止)」・・・「−」");
    expect(legend?.map((s) => [s.symbol, s.bands])).toEqual([
      ["◎", ["ahead", "on"]],
      ["○", ["on"]],
      ["△", ["behind"]],
      ["未", ["behind"]],
      ["繰", []],
      ["−", []],
    ]);
  });

  it("reads a table of ratings without numbers (南相馬市 指定管理者の評価結果): each rating unverifiable, no error", () => {
    const rows: RawCell[][] = [["対象年度 令和5年度"], ["施設名", "指定管理者", "所管課", "総合評価", "評価内容"], ["野馬追通り銘醸館", "南相馬観光協会", "観光交流課", "B", "(注)"], ["原町斎場", "相双環境整備センター", "生活環境課", "A", "(注)"]];
    const { table, result } = check(rows);
    expect(table.understood).toMatchObject({ year: { fiscalYear: 2023, source: "legend" } });
    expect(result.findings.map((f) => f.code)).toEqual(["NOT_EVALUABLE", "NOT_EVALUABLE"]);
  });
});

describe("numbering and the parts of a table", () => {
  it("numbers a table without No. by row order, said once in what was understood", () => {
    const read = readLayout(grid([["取組項目", "目標", "実績", "評価"], ["a", "(件数 5件)", "(件数 5件)", "A"], ["b", "(件数 5件)", "(件数 4件)", "A"]]));
    expect(read.understood.numbering).toBe("order");
    expect(read.rows.map((r) => r.item)).toEqual(["1", "2"]);
  });

  it("reads 1-1, (1), ①, 1. and 枝番 forms", () => {
    expect(readItemNumber("(3)")).toEqual({ no: 3, readable: true });
    expect(readItemNumber("③")).toEqual({ no: 3, readable: true });
    expect(readItemNumber("3.")).toEqual({ no: 3, readable: true });
    expect(readItemNumber("4-(1)")).toEqual({ no: 4, sub: 1, readable: true });
    expect(readItemNumber("4①")).toEqual({ no: 4, sub: 1, readable: true });
    expect(readItemNumber("4-1")).toEqual({ no: 4, sub: 1, readable: true });
  });

  it("reads a header repeated above each part, each part's heading its 分野, notes between parts left out (佐渡市)", () => {
    const header = ["平成18年度目標", "平成18年度実績", "自己評価"];
    const rows: RawCell[][] = [
      ["市民環境部による自己評価"],
      ["市税等の財源確保"],
      header,
      ["口座振替率:45%", "46.10%", "A"],
      ["対応するマニフェスト"],
      ["トキ野生復帰への取組み"],
      header,
      ["餌場の整備:10.7ヘクタール", "9ヘクタール", "A"],
      ["注釈"],
    ];
    const { table, result } = check(rows);
    expect(table.understood).toMatchObject({ parts: 2, titleFromPlan: true, numbering: "order" });
    expect(table.rows.map((r) => [r.item, r.category, r.title])).toEqual([
      ["1", "市税等の財源確保", "口座振替率"],
      ["2", "トキ野生復帰への取組み", "餌場の整備"],
    ]);
    expect(result.findings.filter((f) => f.severity === "error").map((f) => `${f.code} ${f.row}`)).toEqual(["RATING_OVERSTATED 8"]);
  });
});

describe("legends", () => {
  it("reads pairs on a line, or a line each (小平市: 「S」：年度当初の予定以上に進捗 …)", () => {
    expect(parseLegendText("A：計画どおり　B：やや遅れている　C：遅れている")?.map((s) => [s.symbol, s.bands])).toEqual([
      ["A", ["on"]],
      ["B", ["behind"]],
      ["C", ["behind"]],
    ]);
    const rows: RawCell[][] = [["評価欄の評価の見方について"], ["「S」：年度当初の予定以上に進捗"], ["「A」：年度当初の予定どおりに進捗"], ["「B」：年度当初の予定よりも遅れている"]];
    const [legend] = findLegends(rows, [0, 1, 2, 3]);
    expect(legend?.rows).toEqual([0, 1, 2, 3]);
    expect(legend?.symbols.map((s) => [s.symbol, s.bands])).toEqual([
      ["S", ["ahead"]],
      ["A", ["on"]],
      ["B", ["behind"]],
    ]);
  });

  it("reads symbols defined by an achievement rate into per-symbol thresholds", () => {
    // The form the brief quotes, and 下田市's two sheets (each its own).
    const rates = (text: string) => parseLegendText(text)?.map((s) => [s.symbol, s.minRate, s.maxRate, s.bands]);
    expect(rates("A：達成率80%以上　B：60%以上80%未満　C：40%以上60%未満　D：20%以上40%未満　E：20%未満")).toEqual([
      ["A", 0.8, undefined, ["ahead", "on"]],
      ["B", 0.6, 0.8, ["behind"]],
      ["C", 0.4, 0.6, ["behind"]],
      ["D", 0.2, 0.4, ["behind"]],
      ["E", undefined, 0.2, ["behind"]],
    ]);
    expect(rates("評価基準は目標達成率の80%~100%以上A評価・60%~80%がB評価・40%~60%がC評価・20%~40%がD評価・0%~20%がE評価")?.[0]).toEqual(["A", 0.8, undefined, ["ahead", "on"]]);
    expect(rates("目標値:住宅使用料の年度末調停済額\nA:95%~100% B:90%~95% C:85%~90% D:80%~85% E:0%~80%")?.slice(0, 2)).toEqual([
      ["A", 0.95, undefined, ["ahead", "on"]],
      ["B", 0.9, 0.95, ["behind"]],
    ]);
  });

  it("reads a small table of symbols and meanings (川崎市 達成度 1–5), and meanings over symbols (佐渡市 評定基準)", () => {
    const kawasaki: RawCell[][] = [
      ["達成度", null, "事業数", "うち\n重点"],
      [1, "目標を大きく上回って達成", 0, 0],
      [2, "目標を上回って達成", 1, 0],
      [3, "目標をほぼ達成", 7, 3],
      [4, "目標を下回った", 0, 0],
      [5, "目標を大きく下回った", 0, 0],
      ["合計", null, 8, 3],
    ];
    const [table] = findLegends(kawasaki, [0, 1, 2, 3, 4, 5, 6]);
    expect(table?.rows).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(table?.symbols.map((s) => [s.symbol, s.bands])).toEqual([
      ["1", ["ahead"]],
      ["2", ["ahead"]],
      ["3", ["on"]],
      ["4", ["behind"]],
      ["5", ["behind"]],
    ]);
    const sado: RawCell[][] = [
      ["評定基準", "極めて良好", "良好", "平均的", "問題が見られる", "極めて問題"],
      ["評定", "A", "B", "C", "D", "E"],
    ];
    expect(findLegends(sado, [0, 1])[0]?.symbols.map((s) => [s.symbol, s.bands])).toEqual([
      ["A", ["ahead", "on"]],
      ["B", ["on"]],
      ["C", ["on", "behind"]],
      ["D", ["behind"]],
      ["E", ["behind"]],
    ]);
  });

  it("gives bands from the words of published legends", () => {
    const cases: [string, string[] | undefined][] = [
      ["年度当初の予定以上に進捗", ["ahead"]],
      ["計画どおり", ["on"]],
      ["目標をおおむね達成", ["on"]],
      ["時期の遅れはあるが目標をおおむね達成", ["on", "behind"]],
      ["目標を未達成", ["behind"]],
      ["目標を達成", ["ahead", "on"]],
      ["ほとんど進んでいない", ["behind"]],
      ["極めて良好", ["ahead", "on"]],
      ["平均的", ["on", "behind"]],
      ["花丸", undefined],
    ];
    for (const [text, bands] of cases) expect(bandsOfMeaning(text), text).toEqual(bands);
  });
});

describe("the scale without a legend", () => {
  it("suggests the known scale that holds the symbols found, to be confirmed", () => {
    expect(suggestScale(["A", "A", "B", "E"])).toMatchObject({ source: "preset", preset: "A/B/C/D/E" });
    expect(suggestScale(["S", "A", "B"])).toMatchObject({ source: "preset", preset: "S/A/B" });
    expect(suggestScale(["◎", "○", "△"])).toMatchObject({ preset: "◎/○/△/×" });
    // 荒尾市: 目標達成 alone — its own word, with 未達成 beside it.
    expect(suggestScale(["目標達成"]).scale.symbols.map((s) => [s.symbol, s.bands])).toEqual([
      ["目標達成", ["ahead", "on"]],
      ["未達成", ["behind"]],
    ]);
    // 関市: 「(未確定)\n(※注 2)」 states no judgement.
    const seki = suggestScale(["達 成", "(未確定)\n(※注 2)"]).scale;
    expect(seki.symbols.find((s) => s.symbol === "未確定")?.bands).toEqual([]);
    expect(readRating("(未確定)\n(※注 2)", seki)).toEqual({ rating: "未確定", status: "normalised" });
  });

  it("leaves a slip off the scale: 「Z」 among S・A・B is reported, not made a symbol", () => {
    const header = ["No.", "項目", "担当課", "評価", "目標", "実績"];
    const rows: RawCell[][] = [header, [1, "a", "課", "A", "(件数 5件)", "(件数 5件)"], [2, "b", "課", "S", "(件数 5件)", "(件数 9件)"], [3, "c", "課", "Z", "(件数 5件)", "(件数 5件)"]];
    expect(codes(rows)).toContain("RATING_INVALID 3");
  });

  it("judges nothing by symbols whose meaning is unknown: the user is asked for the scale", () => {
    const read = readLayout(grid([["取組項目", "目標", "実績", "評価"], ["a", "(件数 5件)", "(件数 1件)", "ハ"]]));
    expect(read.understood.scale).toMatchObject({ source: "unknown", confirm: true });
    expect(codes([["取組項目", "目標", "実績", "評価"], ["a", "(件数 5件)", "(件数 1件)", "ハ"]]).filter((c) => c.startsWith("RATING_"))).toEqual([]);
  });
});

describe("judging a rating against its own band on a rate-defined scale", () => {
  const scale: RatingScale = { symbols: parseLegendText("A：達成率80%以上　B：60%以上80%未満　C：60%未満") ?? [] };
  const pairs = (target: number, result: number) => evaluateTexts(`(利用者数 ${target}人)`, `(利用者数 ${result}人)`).pairs;

  it("holds A at 83.7 % (下田市 和室: 1,255 of 1,500), where the plain bands would call it behind", () => {
    expect(ratingVerdict("A", pairs(1500, 1255), scale)).toBeUndefined();
    expect(expectedRating(pairs(1500, 1255), scale)).toBe("A");
  });

  it("finds A at 70 % overstated (suggesting B), and B at 94 % understated (suggesting A)", () => {
    expect(ratingVerdict("A", pairs(100, 70), scale)).toMatchObject({ kind: "overstated", suggested: "B", rate: { achievement: 0.7, minRate: 0.8 } });
    expect(ratingVerdict("B", pairs(100, 94), scale)).toMatchObject({ kind: "understated", suggested: "A", rate: { achievement: 0.94, maxRate: 0.8 } });
    expect(ratingVerdict("C", pairs(100, 0), scale)).toBeUndefined();
  });

  it("keeps the rates in the profile stored with the workbook", () => {
    const profile = parseRatingProfile({ scale: { symbols: [...scale.symbols, { symbol: "保留", bands: [] }] } });
    expect(profile.scale.symbols.map((s) => [s.symbol, s.minRate, s.maxRate])).toEqual([
      ["A", 0.8, undefined],
      ["B", 0.6, 0.8],
      ["C", undefined, 0.6],
      ["保留", undefined, undefined],
    ]);
    expect(() => parseRatingProfile({ scale: { symbols: [{ symbol: "A", bands: ["on"], minRate: "80%" }, { symbol: "B", bands: ["behind"] }] } })).toThrow(/minRate/);
  });
});

describe("the year evaluated", () => {
  const table = (rows: RawCell[][]) => readTable([{ name: "表", rows }]);
  const body: RawCell[][] = [["取組項目", "目標", "実績", "評価"], ["a", "(件数 5件)", "(件数 5件)", "A"]];

  it("comes from a line that names it (川崎市 評価年度:2008年度), not from a publication date", () => {
    expect(workbookMeta(table([["施策進行管理・評価票(2)"], ["評価年度:2008年度"], ...body]), DEFAULT_SETTINGS)).toMatchObject({ meta: { fiscalYear: 2008 }, fiscalYearSource: "legend" });
    const dated = table([["更新日:2011年3月28日"], ...body]).understood?.year;
    expect(dated).toBeUndefined();
  });

  it("takes no plan period for the year (関市 「大綱(総括)H23~26」), and the results' years last (荒尾市 平成21年度 92.2%)", () => {
    expect(table([["第 5 次行政改革大綱(総括)H23~26"], ...body]).understood?.year).toBeUndefined();
    const arao = table([["取組項目", "目標", "実績", "評価"], ["経常収支比率", "90%台半ばに抑える", "平成21年度 92.2%", "達成"], ["財政収支", "均衡", "平成19・20・21年度で単年度黒字", "達成"]]);
    expect(arao.understood?.year).toMatchObject({ fiscalYear: 2009, source: "results" });
  });

  it("reads a year without its era in the era of the sheet (下田市: 平成28年度 … 27年度目標値)", () => {
    const rows: RawCell[][] = [["平成28年度"], ["運営事業名", "大会議室"], ["27年度目標値", 4000], ["27年度実績値", 3928], ["評価", "A"]];
    expect(table(rows).understood?.year).toMatchObject({ fiscalYear: 2015, text: "27年度目標値" });
    // The nearest of 令和n and 平成n not after the year the sheet names with its era.
    expect(table([["令和6年度"], ["運営事業名", "大会議室"], ["5年度目標値", 4000], ["5年度実績値", 3928], ["評価", "A"]]).understood?.year?.fiscalYear).toBe(2023);
    expect(table([["令和6年度"], ...rows.slice(1)]).understood?.year?.fiscalYear).toBe(2015);
  });
});

describe("layouts of other cities found by review", () => {
  const header = ["番号", "実施項目", "担当課", "令和元年度計画", "令和元年度実績", "評価"];
  const items: RawCell[][] = [
    [1, "団体の育成", "市民協働推進課", "登録数 60団体", "登録数 64団体", "A"],
    [2, "ボランティアの推進", "社会福祉課", "登録者数 1,200人", "登録者数 980人", "A"],
  ];

  it("leaves notes under the table out of the items, with or without a blank row (下野市: ※実績は…現在の数値です。)", () => {
    for (const rows of [
      [header, ...items, [], ["※実績は令和2年3月末現在の数値です。"], ["※評価は各担当課による自己評価です。"]],
      [header, ...items, ["※実績は令和2年3月末現在の数値です。"]],
      [header, ...items, ["評価は各担当課による自己評価です。"]],
    ] as RawCell[][][]) {
      const found = codes(rows);
      expect(found.filter((c) => !c.startsWith("RATING_OVERSTATED") && !c.startsWith("NOT_EVALUABLE"))).toEqual([]);
      expect(check(rows).table.rows.map((r) => r.item)).toEqual(["1", "2"]);
    }
  });

  it("reads a legend of lower-case symbols below the table as the scale, never as items (大田原市: a：ほぼ達成した（90%以上）)", () => {
    const rows: RawCell[][] = [
      ["No.", "取組項目", "取組担当課", "平成28年度目標", "平成28年度実績", "自己評価"],
      [1, "事務事業の見直し", "政策推進課", "見直し事業数 20事業", "見直し事業数 19事業", "a"],
      [2, "補助金の適正化", "財政課", "見直し補助金数 30件", "見直し補助金数 25件", "a"],
      [],
      ["達成度の評価基準"],
      ["a：ほぼ達成した（90%以上）"],
      ["b：大半を達成した（80%以上90%未満）"],
      ["c：遅れている（60%以上80%未満）"],
      ["d：ほとんど達成できていない（60%未満）"],
    ];
    const { table, result } = check(rows);
    expect(table.understood?.scale.source).toBe("legend");
    expect(table.understood?.scale.symbols.map((s) => [s.symbol, s.minRate])).toEqual([
      ["a", 0.9],
      ["b", 0.8],
      ["c", 0.6],
      ["d", undefined],
    ]);
    expect(table.rows.map((r) => r.item)).toEqual(["1", "2"]);
    // 25 of 30 is 83 %: b, not a.
    expect(result.findings.filter((f) => f.severity === "error").map((f) => `${f.code} ${f.item}`)).toEqual(["RATING_OVERSTATED 2"]);
  });

  it("reads 1-1, 1-2, 2-1 with no row 1 or 2 as items of their own, and checks them (さいたま市 事業番号)", () => {
    const rows: RawCell[][] = [
      ["事業番号", "改革プログラム事業名", "所管", "目標値", "実績値", "評価"],
      ["1-1", "市民との協働の推進", "市民協働推進課", "協働事業数 120件", "協働事業数 135件", "A"],
      ["1-2", "情報公開の推進", "行政透明推進課", "公開数 200件", "公開数 150件", "A"],
      ["2-1", "職員定数の適正化", "人事課", "職員数 9,500人以下", "職員数 9,480人", "A"],
    ];
    const { table } = check(rows);
    expect(table.rows.map((r) => [r.item, r.kind])).toEqual([
      ["1-1", "item"],
      ["1-2", "item"],
      ["2-1", "item"],
    ]);
    expect(codes(rows).filter((c) => /^(?:SUB_|RATING_(?:OVER|UNDER)STATED|RATING_INVALID)/.test(c))).toEqual(["RATING_OVERSTATED 1-2"]);
    // Under a row of their own parent they stay sub-items.
    const withParent: RawCell[][] = [rows[0] as RawCell[], [1, "協働", "市民協働推進課", "", "", "A"], ...rows.slice(1, 3)];
    expect(check(withParent).table.rows.map((r) => [r.item, r.kind])).toEqual([
      ["1", "item"],
      ["1-1", "sub"],
      ["1-2", "sub"],
    ]);
  });

  it("knows the headers 状況, 平成25年度までの状況 (rating), 担当所属 (department), 現在値（令和元年度） (results), 具体的な取組 without another title (title)", () => {
    expect(classifyHeader("状況")).toMatchObject({ role: "rating" });
    expect(classifyHeader("平成25年度までの状況")).toMatchObject({ role: "rating", fiscalYear: 2013 });
    expect(classifyHeader("担当所属")).toMatchObject({ role: "department", exact: true });
    expect(classifyHeader("現在値（令和元年度）")).toMatchObject({ role: "result", fiscalYear: 2019 });
    expect(classifyHeader("取組状況")).toMatchObject({ role: "result" });
    const gunma = readTable([
      {
        name: "表",
        rows: [
          ["No.", "具体的な取組", "担当所属", "取組目標", "実績", "評価"],
          [1, "テレワークの推進", "行政改革課", "テレワーク実施職員数 1,000人", "実施職員数 1,450人", "A"],
        ],
      },
    ]);
    expect(gunma.columns).toMatchObject({ title: 1, department: 2, plan: 3, result: 4, rating: 5 });
    expect(gunma.columns.actions).toBeUndefined();
    // With a title column of its own, 具体的な取組 stays what is done.
    const both = readTable([{ name: "表", rows: [["No.", "項目", "具体的な取組", "目標", "実績", "評価"], [1, "a", "b", "件数 5件", "件数 5件", "A"]] }]);
    expect(both.columns).toMatchObject({ title: 1, actions: 2 });
  });

  it("says what a legend left unread and never calls a scale 既定 when a legend was seen (群馬県 A〜D; a line of pairs not understood)", () => {
    const rows: RawCell[][] = [["区分　A：大きな成果あり（目標以上）　B：成果あり　C：実施　D：未実施"], [], header, ...items.map((r) => [...r.slice(0, 5), "B"])];
    const { table, result } = check(rows);
    const scale = table.understood?.scale;
    expect(scale?.source).toBe("legend");
    expect(scale?.symbols.filter((s) => s.unread).map((s) => s.symbol)).toEqual(["B", "C"]);
    const lines = table.understood ? understoodLines(table.understood, "ja") : [];
    expect(lines.some((l) => l.includes("意味を読み取れなかった記号: B（「成果あり」）、C（「実施」）"))).toBe(true);
    // B means nothing the reader knows: no rating finding on it.
    expect(result.findings.filter((f) => f.code.startsWith("RATING_"))).toEqual([]);

    const unknown: RawCell[][] = [["評価区分　S：ほげ　A：ふが　B：ぴよ"], [], header, ...items];
    const seen = check(unknown).table.understood;
    expect(seen?.scale.legendSeen?.row).toBe(1);
    expect(seen?.scale.confirm).toBe(true);
    expect(scaleSourceText(seen?.scale ?? { source: "default", confirm: false }, "ja")).not.toContain("既定");
    expect(understoodLines(seen as NonNullable<typeof seen>, "ja").some((l) => l.includes("凡例らしい行（1行目"))).toBe(true);
  });
});

describe("状況 beside a rating column", () => {
  it("leaves 状況 to the results' side when a 評価 column stands beside it", () => {
    const read = readTable([{ name: "表", rows: [["No.", "項目", "状況", "目標", "実績", "評価"], [1, "a", "順調に進んだ", "件数 5件", "件数 5件", "A"]] }]);
    expect(read.columns.rating).toBe(5);
  });
});
