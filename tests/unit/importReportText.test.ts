import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importReportText, judgeTense } from "../../src/core/import/reportText";
import { htmlListToLines } from "../../src/core/text/lines";
import type { TableRow } from "../../src/core/workbook/table";

const itemLabel = (row: TableRow) => row.item;

const seed = readFileSync(resolve(__dirname, "../../seeds/000_42fcd9900b63a6e5.txt"), "utf8");
const report = importReportText(seed);
const byLabel = new Map(report.rows.map((row) => [itemLabel(row), row]));
const row = (label: string): TableRow => {
  const found = byLabel.get(label);
  if (!found) throw new Error(`no row ${label}`);
  return found;
};

describe("importReportText on the Kodaira seed", () => {
  it("reads 59 rows: 43 items and 16 sub-items, in order", () => {
    expect(report.rows).toHaveLength(59);
    const items = report.rows.filter((r) => r.sub === undefined).map((r) => r.no);
    expect(items).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    const subs = report.rows.filter((r) => r.sub !== undefined).map(itemLabel);
    expect(subs).toEqual(["2-1", "2-2", "2-3", "2-4", "2-5", "2-6", "2-7", "4-1", "4-2", "30-1", "30-2", "30-3", "38-1", "38-2", "38-3", "38-4"]);
  });

  it("reads the plan metadata and the legend", () => {
    expect(report.meta).toEqual({
      title: "小平市第3次行財政再構築プラン",
      fiscalYear: 2020,
      evaluationDate: "令和3年3月末",
      legend: { S: "年度当初の予定以上に進捗", A: "年度当初の予定どおりに進捗", B: "年度当初の予定よりも遅れている" },
    });
  });

  it("keeps the seed's gap: item 1 has no department, and its rating is read", () => {
    expect(row("1")).toMatchObject({ title: "協働推進体制の充実", department: "", rating: "B" });
  });

  it("undoes the shift after a merged 実施内容: 2-2 belongs to 高齢者支援課 and plans 交流会36回", () => {
    expect(row("2-2").department).toBe("高齢者支援課");
    expect(row("2-2").plan).toContain("交流会36回");
    expect(row("2-2").result).toContain("(介護予防見守りボランティア登録 411人)");
    expect(row("2-1").actions).toContain("図書館ボランティアとの協働");
  });

  it("inherits 分野 on continuation rows and folds the spaced 財政 基盤 の 強化", () => {
    expect(row("2-7").category).toBe("地域協力の推進");
    expect(row("17").category).toBe("PDCAサイクルの構築");
    expect(row("22").category).toBe("財政基盤の強化");
    expect(new Set(report.rows.map((r) => r.category)).size).toBe(5);
  });

  it("reads No. and title whether they share a field or not", () => {
    expect(row("3")).toMatchObject({ title: "地域コミュニティの推進", department: "市民協働・男女参画推進課、政策課", rating: "B" });
    expect(row("12")).toMatchObject({ title: "行政評価の実施", department: "政策課", rating: "A" });
    expect(row("12").plan.endsWith("95%)")).toBe(true);
  });

  it("judges the lone text of the 財政基盤の強化 page by its tense", () => {
    for (const label of ["23", "24", "25", "28", "30-1", "31", "33", "35"]) {
      expect(row(label).plan, label).not.toBe("");
      expect(row(label).result, label).toBe("");
    }
    for (const label of ["22", "32"]) {
      expect(row(label).result, label).not.toBe("");
      expect(row(label).plan, label).toBe("");
    }
    expect(row("30-2").plan).toContain("1,600万円");
    expect(row("30-2").result).toContain("14,980,093円");
  });

  it("keeps 再掲 rows: 29 reposts 15, 41 reposts 7", () => {
    expect(row("29").actions).toBe("【No.15の再掲】");
    expect(row("41")).toMatchObject({ actions: "【No.7の再掲】", plan: "【No.7の再掲】", result: "【No.7の再掲】" });
  });

  it("turns HTML list markup into bullet lines, leaving no markup anywhere", () => {
    for (const r of report.rows) {
      for (const text of [r.actions, r.plan, r.result]) expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    }
    expect(row("37").actions.split("\n")).toEqual([
      "・地域コミュニティ施設の今後の方向性の検討",
      "・公共施設予約システムを含めた管理・運営方式の検討",
      "・公民館事業企画委員会の設置",
    ]);
    expect(row("38-4").result).not.toBe("");
    expect(row("36").plan.split("\n").at(-1)).toBe("(個別施設検討実施件数 11件(平成30年度末実績3件+令和元年度3件+令和2年度5件))");
  });
});

describe("helpers", () => {
  it.each([
    ["・利用者負担の見直し案を作成し公表する。", "plan"],
    ["・引き続きPR活動を進めていく。", "plan"],
    ["・研修を実施した。 ・事業者を決定した。", "result"],
    ["・催告書、督促状の発送 ・訪問催告", "plan"],
    ["会議を開催した。今後も検討する。引き続き調整した。", "result"],
  ] as const)("judgeTense(%s) → %s", (text, kind) => {
    expect(judgeTense(text)).toBe(kind);
  });

  it("leaves text without list markup as it is", () => {
    expect(htmlListToLines("・a ・b")).toBe("・a ・b");
  });

  it("reads a minimal report with one page", () => {
    const text = ["t の進捗状況（令和5年度末）", "項目\t主な推進担当課\t評価\t実施内容\t令和5年度当初予定 (目標値)\t取組実績 (令和6年3月末実績値)", "分野A\t1 題\t課\tS\t内容\t予定する。\t実施した。"].join("\n");
    const result = importReportText(text);
    expect(result.meta).toMatchObject({ title: "t", fiscalYear: 2023, evaluationDate: "令和6年3月末" });
    expect(result.rows).toMatchObject([
      { sheetRow: 2, kind: "item", item: "1", category: "分野A", no: 1, title: "題", department: "課", rating: "S", actions: "内容", plan: "予定する。", result: "実施した。", notes: "" },
    ]);
  });
});

describe("each quirk of a copied report, on its own", () => {
  const page = (...lines: string[]) =>
    importReportText(["項目\t主な推進担当課\t評価\t実施内容\t令和2年度当初予定 (目標値)\t取組実績 (令和3年3月末実績値)", ...lines].join("\n")).rows;

  it("a missing department: the rating follows the title", () => {
    expect(page("分野\t1 題\tB\t内容\t予定する。\t実施した。")[0]).toMatchObject({ department: "", rating: "B", actions: "内容" });
  });

  it("a 実施内容 shared by several sub-items (merged cell): the following rows shift left", () => {
    const rows = page(
      "分野\t2 親\t-\tB\t-\t-\t-",
      "\t- 1\t課一\t-\t・共通の内容\t・予定一を行う。\t・実績一を行った。",
      "\t- 2\t課二\t-\t・交流会36回実施\t・交流会13回実施 (登録 411人)",
    );
    expect(rows[2]).toMatchObject({ sub: 2, department: "課二", actions: "", plan: "・交流会36回実施", result: "・交流会13回実施 (登録 411人)" });
  });

  it("sub-items written '- 1' in one field or '-⇥1' in two, with or without an empty title column", () => {
    const rows = page("分野\t30\t親\t-\tB\t-\t-", "-\t1\t課一\t-\t・内容\t・予定する。", "\t- 2\t\t課二\t-\t・内容\t・予定する。\t・実施した。");
    expect(rows.map((r) => [itemLabel(r), r.department])).toEqual([["30", "-"], ["30-1", "課一"], ["30-2", "課二"]]);
  });

  it("one of the two last columns: a plan is an intention, results are past facts", () => {
    const [plan, result] = page("分野\t1\t題\t課\tA\t・内容の実施\t・基本方針を策定する。", "\t2\t題\t課\tA\t・内容の実施\t・説明会を開催した。 ・方針を改定した。");
    expect(plan).toMatchObject({ plan: "・基本方針を策定する。", result: "" });
    expect(result).toMatchObject({ plan: "", result: "・説明会を開催した。 ・方針を改定した。" });
  });

  it("HTML list markup becomes one bullet line per entry, the metrics block on its own line", () => {
    const [row] = page('分野\t36\t題\t課\tA\t<ul style="list-style-type: none"> 検討 実施 \t<ul style="list-style-type: none"> 準備を進める。 検討する。 (件数 11件(内訳3件+8件))\t-');
    expect(row?.actions).toBe("・検討\n・実施");
    expect(row?.plan).toBe("・準備を進める。\n・検討する。\n(件数 11件(内訳3件+8件))");
  });

  it("再掲 rows keep their marker", () => {
    const [row] = page("分野\t41\t題\t課\tA\t【No.7の再掲】\t【No.7の再掲】\t【No.7の再掲】");
    expect(row).toMatchObject({ actions: "【No.7の再掲】", plan: "【No.7の再掲】", result: "【No.7の再掲】" });
  });

  it("分野 is inherited by the rows below it, and written with spaces it is folded", () => {
    const rows = page("財政 基盤 の 強化\t22\t題\t課\tB\t内容\t実施した。", "\t23\t題\t課\tA\t内容\t予定する。", "24\t題\t課\tA\t内容\t予定する。");
    expect(rows.map((r) => r.category)).toEqual(["財政基盤の強化", "財政基盤の強化", "財政基盤の強化"]);
  });
});
