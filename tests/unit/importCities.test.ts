import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import type { Finding } from "../../src/core/check/types";
import { legendEntries, scaleFor } from "../../src/core/import/legend";
import { tokensOf } from "../../src/core/import/cityText";
import { importReportText, type ImportedReport } from "../../src/core/import/reportText";
import { gluedHeaderRoles, headerRole } from "../../src/core/import/roles";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import type { TableRead } from "../../src/core/workbook/table";

/**
 * A published report's text from other cities (tests/fixtures/cities/<city>/published.txt, as a person
 * gets it by copying the page or the PDF; each folder's source.md says where it comes from) read into a
 * table, and that table checked: the rating findings are the hand labels' (labels.json).
 */
const cities = resolve(__dirname, "../fixtures/cities");
const published = (city: string) => readFileSync(resolve(cities, city, "published.txt"), "utf8");
interface Label {
  row: number;
  title: string;
  rating: string;
  section?: string;
  sheet?: string;
  contradiction: "overstated" | "understated" | null;
}
const labels = (city: string) => JSON.parse(readFileSync(resolve(cities, city, "labels.json"), "utf8")) as { fiscalYear: number; items: Label[] };

/** The imported rows as the table a workbook port would hand the check (Kodaira's columns). */
function tableOf(report: ImportedReport): TableRead {
  return {
    sheet: "進捗管理表",
    headerRow: 1,
    columns: { category: 0, no: 1, sub: 2, title: 3, department: 4, rating: 5, actions: 6, plan: 7, result: 8, notes: 9 },
    headers: {},
    headerCells: [],
    preamble: [],
    rows: report.rows,
    problems: [],
  };
}

function check(report: ImportedReport): Finding[] {
  const settings = { ...DEFAULT_SETTINGS, meta: report.meta, profile: report.profile ?? DEFAULT_SETTINGS.profile };
  return checkTable(tableOf(report), { settings }).findings;
}

const ratingFindings = (findings: Finding[]) =>
  findings.filter((f) => f.code === "RATING_OVERSTATED" || f.code === "RATING_UNDERSTATED").map((f) => [f.item, f.code === "RATING_OVERSTATED" ? "overstated" : "understated"]);

describe("荒尾市: item headings, then 目標 and 実績 lines, the rating inside the result", () => {
  const report = importReportText(published("arao"));

  it("reads the nine items with their headings as titles, item 3's two pairs in one row", () => {
    expect(report.reading).toMatchObject({ layout: "blocks", fiscalYear: labels("arao").fiscalYear, scaleSource: "symbols" });
    expect(report.rows.map((r) => [r.item, r.title, r.rating])).toEqual([
      ["1", "財政効果額(平成16〜18年度)", "目標達成"],
      ["2", "財政効果額(平成19〜21年度)", "目標達成"],
      ["3", "財政収支(平成16〜18年度)", "目標達成"],
      ["4", "財政収支(平成19〜21年度)", "目標達成"],
      ["5", "職員数の適正化 一般行政職員(医療職除く)の削減", "目標達成"],
      ["6", "経常収支比率", "目標達成"],
      ["7", "公債費比率", "目標達成"],
      ["8", "起債制限比率", "目標達成"],
      ["9", "健全化判断比率(4指標)", "目標達成"],
    ]);
    expect(report.rows[0]).toMatchObject({ plan: "3年間で56億2,000万円", result: "3年間で64億8,137万円(目標達成)" });
    expect(report.rows[2]?.plan.split("\n")).toEqual(["(1)準用財政再建団体転落の回避", "(2)平成18年度で単年度収支の均衡"]);
    expect(report.profile?.scale.symbols.map((s) => [s.symbol, s.bands])).toEqual([["目標達成", ["ahead", "on"]], ["未達成", ["behind"]]]);
  });

  it("is checked as labelled: no contradiction, the three narrative targets not evaluable", () => {
    const findings = check(report);
    expect(labels("arao").items.every((l) => l.contradiction === null)).toBe(true);
    expect(ratingFindings(findings)).toEqual([]);
    expect(findings.filter((f) => f.code === "NOT_EVALUABLE").map((f) => f.item)).toEqual(["3", "4", "9"]);
  });
});

describe("佐渡市: tables under headings, split by bars, and run together as text extraction leaves them", () => {
  // The legend stands on another page of the same report (rev02, source.md): a reader pastes it too.
  const legend = ["評価基準", "評定基準 | 極めて良好 | 良好 | 平均的 | 問題が見られる | 極めて問題", "評定     | A          | B    | C      | D              | E"].join("\n");
  const report = importReportText(`${published("sado")}\n${legend}`);
  const expected = labels("sado");

  it("reads the seventeen rated rows of the three pages in order, each under its heading", () => {
    expect(report.reading).toMatchObject({ layout: "table", fiscalYear: expected.fiscalYear, scaleSource: "legend" });
    expect(report.rows).toHaveLength(expected.items.length);
    report.rows.forEach((row, i) => {
      const label = expected.items[i]!;
      expect(row.category, label.title).toBe(label.section);
      expect(row.rating, label.title).toBe(label.rating);
    });
    expect(report.rows.map((r) => r.department)).toEqual([...Array(11).fill("市民環境部"), "企画財政部", "企画財政部", ...Array(4).fill("教育委員会")]);
    expect(report.rows[0]).toMatchObject({ title: "市税等の財源確保：口座振替率", plan: "口座振替率:45%", result: "46.10%" });
    expect(report.rows[5]).toMatchObject({ title: "地球温暖化対策の取組み", plan: "温室効果ガス総排出量:3万5,352トン", result: "3万5,439トン" });
  });

  it("splits the cells that text extraction ran together (企画財政部)", () => {
    expect(report.rows[11]).toMatchObject({ plan: "19年度当初予算一般財源の対前年比6.1%減額", result: "6.2%減額", rating: "A" });
    expect(report.rows[12]).toMatchObject({ plan: "実質公債費比率14.5%未満", result: "13.8%(制度改正による数値:14.8%)", rating: "A" });
  });

  it("reads the legend of rev02 into the scale: A 極めて良好 … E 極めて問題", () => {
    expect(report.profile?.scale.symbols.map((s) => [s.symbol, s.bands])).toEqual([
      ["A", ["ahead", "on"]],
      ["B", ["on"]],
      ["C", ["on", "behind"]],
      ["D", ["behind"]],
      ["E", ["behind"]],
    ]);
  });

  it("is checked as labelled: the seven overstated ratings and no other", () => {
    const wanted = expected.items.map((l, i) => [String(i + 1), l.contradiction] as const).filter(([, c]) => c !== null);
    expect(ratingFindings(check(report))).toEqual(wanted);
  });
});

describe("関市: targets in a numbered list, results in grids of years across (PDF text in one run)", () => {
  const report = importReportText(published("seki"));

  it("reads the six indicators with their targets, the last year's value and the other years as notes", () => {
    expect(report.reading).toMatchObject({ layout: "yearGrid", fiscalYear: labels("seki").fiscalYear });
    expect(report.rows.map((r) => [r.title, r.plan, r.result, r.ratingWritten])).toEqual([
      ["職員数", "職員数 平成 27 年度の職員数を 733 人とします。", "723 人", "達成"],
      ["人件費", "人件費の削減 計画期間の 5 年間において 5 億円を削減します。", "42.91 億円", "(未確定)"],
      ["財政力指数", "財政力指数=0.670 以下", "0.64", "達成"],
      ["経常収支比率", "経常収支比率=90.0 以下", "89.2%", "達成"],
      ["実質公債比率", "実質公債費率=11.0 以下", "8.9%", "達成"],
      ["将来負担比率", "将来負担比率=46.0 以下", "―", "達成"],
    ]);
    expect(report.rows[0]?.notes).toBe("他の年度: H23 770 人 / H24 761 人 / H25 734 人");
    expect(report.rows.map((r) => r.category)).toEqual([...Array(2).fill("職員数と人件費の推移"), ...Array(4).fill("主な財政指標の推移")]);
  });

  it("is checked as labelled: no contradiction; 職員数 723 against 733 is met (held under the plan)", () => {
    const findings = check(report);
    expect(ratingFindings(findings)).toEqual([]);
    // (未確定) gives no judgement: the check says it is not on the scale rather than guess one.
    expect(findings.find((f) => f.item === "2")?.code).toBe("RATING_INVALID");
  });
});

describe("下田市: items across as columns, 目標値 / 実績値 / 評価 down (PDF text in one run)", () => {
  const report = importReportText(published("shimoda"));
  const expected = labels("shimoda").items;

  it("reads each room's target, result and rating, and the second 調書's single column", () => {
    expect(report.reading).toMatchObject({ layout: "sideways", fiscalYear: labels("shimoda").fiscalYear, scaleSource: "legend" });
    expect(report.rows.map((r) => [r.category, r.title, r.department, r.plan, r.result, r.rating])).toEqual([
      ["稲梓基幹集落センター", "大会議室", "産業振興課", "4,000 人", "3,928 人", "A"],
      ["稲梓基幹集落センター", "和室", "産業振興課", "1,500 人", "1,255 人", "A"],
      ["稲梓基幹集落センター", "小会議室", "産業振興課", "300 人", "252 人", "A"],
      ["稲梓基幹集落センター", "農産物加工研究室", "産業振興課", "100 人", "0人", "E"],
      ["稲梓基幹集落センター", "いきがい工作研究室", "産業振興課", "100 人", "0人", "E"],
      ["上河内市営住宅", "市営住宅維持管理事業", "建設課", "4,369,200 円", "4,108,600 円", "B"],
    ]);
    // The labels' ratings of the rows read (the 合計 column's values stand apart in the text; the 参考 rows have no target).
    for (const row of report.rows) expect(expected.find((l) => l.title.startsWith(row.title))?.rating, row.title).toBe(row.rating);
  });

  it("reads the legend's achievement rates; until the profile holds them, A short of 100% is flagged within A's rates only", () => {
    expect(report.reading?.rates).toMatchObject({ A: { min: 80 }, B: { min: 60, max: 80 }, E: { min: 0, max: 20 } });
    const findings = check(report).filter((f) => f.code === "RATING_OVERSTATED");
    expect(findings.map((f) => f.item)).toEqual(["1", "2", "3"]);
    // Each lies in A's band of rates (80%~100%以上): the labels' "no contradiction" once rates are kept.
    for (const f of findings) expect(f.evidence?.[0]?.achievement ?? 0).toBeGreaterThanOrEqual(0.8);
    expect(expected.filter((l) => l.contradiction !== null)).toEqual([]);
  });
});

describe("川崎市: one item's form, a year grid with multi-line cells, the legend as a table of counts", () => {
  const report = importReportText(published("kawasaki"));

  it("reads the item, the year evaluated's target and result, and the legend 1–5", () => {
    expect(report.reading).toMatchObject({ layout: "form", fiscalYear: labels("kawasaki").fiscalYear, scaleSource: "legend" });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      title: "認可保育所の整備",
      department: "市民・こども局こども支援部",
      rating: "3",
      plan: "認可保育所\n施設数\n136か所\n定員数\n12,860人",
      result: "認可保育所\n施設数\n136か所\n定員数\n12,875人",
    });
    expect(report.rows[0]?.notes).toContain("2009年度: 認可保育所 施設数 143か所 定員数 13,605人");
    expect(report.profile?.scale.symbols.map((s) => [s.symbol, s.bands])).toEqual([
      ["1", ["ahead"]],
      ["2", ["ahead"]],
      ["3", ["on"]],
      ["4", ["behind"]],
      ["5", ["behind"]],
    ]);
  });

  it("is checked as labelled: both targets met, 3 (on plan) stands", () => {
    expect(ratingFindings(check(report))).toEqual([]);
  });
});

describe("the forms on their own", () => {
  it("a tab-separated table under a heading, header synonyms with a year", () => {
    const text = ["市税の確保", "令和2年度目標\t令和2年度実績\t自己評価", "徴収率:98%\t97.5%\tA", "", "対応する計画"].join("\n");
    const report = importReportText(text);
    expect(report.rows.map((r) => [r.title, r.plan, r.result, r.rating])).toEqual([["市税の確保", "徴収率:98%", "97.5%", "A"]]);
    expect(report.meta.fiscalYear).toBe(2020);
  });

  it("a table with its own No., title and department columns keeps them", () => {
    const text = ["No.\t取組項目\t担当課\t目標値\t実績値\t評価", "3\t市税徴収率の向上\t納税課\t98%\t97%\tB", "5\tごみの減量\tごみ減量課\tごみ量 500g以下\tごみ量 480g\tA"].join("\n");
    const report = importReportText(text);
    expect(report.rows.map((r) => [r.item, r.title, r.department, r.plan, r.result, r.rating])).toEqual([
      ["3", "市税徴収率の向上", "納税課", "98%", "97%", "B"],
      ["5", "ごみの減量", "ごみ減量課", "ごみ量 500g以下", "ごみ量 480g", "A"],
    ]);
    expect(report.profile?.scale.symbols.map((s) => s.symbol)).toEqual(["S", "A", "B"]);
  });

  it("header synonyms: a year before a role, glued headers, and words that are not headers", () => {
    expect(headerRole("平成18年度目標")).toEqual({ role: "plan", fiscalYear: 2006 });
    expect(headerRole("27 年度実績値")).toEqual({ role: "result", eralessYear: 27 });
    expect(headerRole("自己評価")).toEqual({ role: "rating" });
    expect(headerRole("事務事業名")).toEqual({ role: "title" });
    expect(headerRole("対応するマニフェスト")).toBeUndefined();
    expect(gluedHeaderRoles("平成18年度目標平成18年度実績自己評価")?.map((r) => r.role)).toEqual(["plan", "result", "rating"]);
    expect(gluedHeaderRoles("19年度当初予算一般財源の対前年比6.1%減額6.2%減額A")).toBeUndefined();
  });

  it("legends in the corpus' forms, and a scale assumed from the symbols when there is none", () => {
    expect(legendEntries("A:95%~100% B:90%~95% C:85%~90% D:80%~85% E:0%~80%").map((e) => [e.symbol, e.bands, e.minRate, e.maxRate])).toEqual([
      ["A", ["ahead", "on"], 95, undefined],
      ["B", ["behind"], 90, 95],
      ["C", ["behind"], 85, 90],
      ["D", ["behind"], 80, 85],
      ["E", ["behind"], 0, 80],
    ]);
    expect(legendEntries("「達成」・・・「◎」 「概ね達成」・・・「○」\n「一部達成」・・・「△」 「未達成」・・・「未」").map((e) => [e.symbol, e.bands])).toEqual([
      ["◎", ["ahead", "on"]],
      ["○", ["on", "behind"]],
      ["△", ["on", "behind"]],
      ["未", ["behind"]],
    ]);
    expect(legendEntries("S:年度当初の予定以上に進捗\nA:年度当初の予定どおりに進捗\nB:年度当初の予定よりも遅れている").map((e) => [e.symbol, e.bands])).toEqual([
      ["S", ["ahead"]],
      ["A", ["on"]],
      ["B", ["behind"]],
    ]);
    // A numbered list that says no band is not a legend (関市: 1 大綱が目指す具体的な指標).
    expect(legendEntries("1 大綱が目指す具体的な指標\n2 取組項目の達成状況")).toEqual([]);
    expect(scaleFor(["A", "E", "B"], [])).toMatchObject({ source: "symbols" });
    expect(scaleFor(["A", "E", "B"], []).scale.symbols.map((s) => s.symbol)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("PDF text: letters spaced out are joined, a note cut by spaces is one token, a year keeps its 年度 (関市, 下田市)", () => {
    expect(tokensOf("項 目 (決算値) (※注 3) H23 H24 職員数 770 人 達 成")).toEqual(["項目", "(決算値)", "(※注 3)", "H23", "H24", "職員数", "770", "人", "達成"]);
    expect(tokensOf("運 営 事 業 名 大会議室 27 年度目標値 4,000 人")).toEqual(["運営事業名", "大会議室", "27年度目標値", "4,000", "人"]);
  });

  it("text with no table still says 表の行が見つかりません (no rows)", () => {
    expect(importReportText("行政改革の取組について\n本市では、引き続き改革を進めます。").rows).toEqual([]);
  });
});
