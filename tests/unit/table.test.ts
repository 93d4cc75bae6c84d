import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeOwnSheet } from "../../src/core/actions/sheets";
import { FORMULA_WITHOUT_RESULT, type RawCell, type SheetGrid } from "../../src/core/workbook/cells";
import { chooseTableSheet, normaliseRating, readItemNumber, readTable, summarizeTable, type TableRow } from "../../src/core/workbook/table";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";

const SAMPLE = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");
const HEADER = ["分野", "No.", "枝番", "項目", "主な推進担当課", "評価", "実施内容", "当初予定（目標値）", "取組実績（実績値）", "備考"];

async function sample(): Promise<XlsxWorkbookPort> {
  return XlsxWorkbookPort.load(readFileSync(SAMPLE));
}

const byItem = (rows: TableRow[]) => new Map(rows.map((r) => [r.item, r]));

describe("the Kodaira sample, read through the xlsx port", () => {
  it("has 59 rows: 43 items and 16 sub-items, no reading problem", async () => {
    const table = (await (await sample()).read()).table;
    expect(table).toMatchObject({ sheet: "進捗管理表", headerRow: 1, problems: [] });
    expect(summarizeTable(table)).toEqual({
      rows: 59,
      items: 43,
      subItems: 16,
      categories: [
        { name: "地域協力の推進", items: 6 },
        { name: "情報の共有と双方向のコミュニケーション", items: 4 },
        { name: "PDCAサイクルの構築", items: 11 },
        { name: "財政基盤の強化", items: 14 },
        { name: "執行体制の再構築", items: 8 },
      ],
    });
  });

  it("keeps the seed's facts", async () => {
    const rows = byItem(((await (await sample()).read()).table).rows);
    expect(rows.get("1")?.department).toBe("");
    expect(rows.get("2-2")).toMatchObject({ kind: "sub", parent: "2", department: "高齢者支援課" });
    expect(rows.get("2-2")?.plan).toContain("交流会36回");
    expect(rows.get("12")?.plan).toMatch(/\(施策評価において[^()]*95%\)$/);
    expect(rows.get("29")?.repostOf).toBe(15);
    expect(rows.get("41")?.repostOf).toBe(7);
    for (const item of ["23", "35"]) {
      expect(rows.get(item)?.plan, item).not.toBe("");
      expect(rows.get(item)?.result, item).toBe("");
    }
    expect(rows.get("38-4")?.result).not.toBe("");
    for (const row of rows.values()) {
      for (const text of [row.actions, row.plan, row.result, row.notes]) expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    }
  });

  it("reads the plan metadata from the settings sheet", async () => {
    const settings = await (await sample()).readSettings();
    expect(settings?.problems).toEqual([]);
    expect(settings?.settings.meta).toMatchObject({ title: "小平市第3次行財政再構築プラン", fiscalYear: 2020, evaluationDate: "令和3年3月末" });
  });
});

/** The sample laid out as the seed prints it: title rows, original header texts, 分野 once per section. */
async function originalLayout(): Promise<SheetGrid> {
  const port = await sample();
  const [grid] = port.grids();
  const rows = (grid as SheetGrid).rows;
  const header = ["分野", "No.", "枝番", "項目", "主な推進担当課", "評価", "実施内容", "令和2年度当初予定 (目標値)", "取組実績 (令和3年3月末実績値)"];
  const out: RawCell[][] = [["小平市第3次行財政再構築プラン の進捗状況（令和2年度末）"], [], ["評価欄の評価の見方について"], header];
  let previous = "";
  for (const row of rows.slice(1)) {
    const copy = row.slice(0, 9);
    if (copy[0] === previous) copy[0] = null;
    else previous = String(copy[0]);
    out.push(copy);
  }
  return { name: "進捗状況", rows: out };
}

describe("other layouts", () => {
  it("reads the seed's own layout (title rows, original headers, 分野 once per section) as the canonical one", async () => {
    const canonical = (await (await sample()).read()).table;
    const original = readTable([await originalLayout()]);
    expect(original.headerRow).toBe(4);
    expect(original.problems).toEqual([]);
    const strip = (r: TableRow) => ({ item: r.item, category: r.category, title: r.title, department: r.department, rating: r.rating, plan: r.plan, result: r.result, repostOf: r.repostOf });
    expect(original.rows.map(strip)).toEqual(canonical.rows.map(strip));
    expect(original.headers.plan).toBe("令和2年度当初予定 (目標値)");
  });

  it("matches headers by alias after folding width, spaces and case", () => {
    const grid: SheetGrid = {
      name: "s",
      rows: [
        ["ＮＯ．", "取組名", "進捗 評価", "Plan", "Actual", "担当課"],
        [1, "項目一", "A", "(件数 5件)", "(件数 5件)", "課"],
      ],
    };
    const table = readTable([grid]);
    expect(table.columns).toMatchObject({ no: 0, title: 1, rating: 2, plan: 3, result: 4, department: 5 });
    expect(table.rows[0]).toMatchObject({ item: "1", title: "項目一", rating: "A" });
  });

  it("says which required columns are missing and which were found", () => {
    const table = readTable([{ name: "s", rows: [["No.", "項目", "担当課"], [1, "x", "課"]] }]);
    expect(table.rows).toEqual([]);
    expect(table.problems).toEqual([
      { code: "COLUMNS_MISSING", sheet: "s", headerRow: 1, found: ["No.", "項目", "担当課"], missing: ["rating", "plan", "result"] },
    ]);
  });

  it("takes the first sheet with a header, or the one chosen, or the sheet of an Excel Table", () => {
    const notes: SheetGrid = { name: "メモ", rows: [["覚え書き"], ["No.", "項目"]] };
    const table: SheetGrid = { name: "表", rows: [HEADER, ["分野A", 1, null, "題", "課", "A", "", "", "", ""]] };
    expect(readTable([notes, table]).sheet).toBe("表");
    expect(readTable([notes, table], { sheet: "メモ" }).problems[0]?.code).toBe("COLUMNS_MISSING");
    expect(readTable([table, { ...table, name: "表2", hasTable: true }]).sheet).toBe("表2");
  });

  it("prefers visible sheets: a hidden old copy before the visible table is not the one read (one rule for every port)", () => {
    const table: SheetGrid = { name: "表", rows: [HEADER, ["分野A", 1, null, "題", "課", "A", "", "", "", ""]] };
    const oldCopy: SheetGrid = { ...table, name: "旧表", hidden: true };
    expect(readTable([oldCopy, table]).sheet).toBe("表");
    expect(readTable([oldCopy, table]).problems).toEqual([]);
    // An Excel Table on a hidden sheet does not win over a visible table either.
    expect(readTable([{ ...oldCopy, hasTable: true }, table]).sheet).toBe("表");
    // Only hidden sheets hold a table: it is read, and said.
    const onlyHidden = readTable([{ name: "メモ", rows: [["覚え書き"]] }, oldCopy]);
    expect(onlyHidden.sheet).toBe("旧表");
    expect(onlyHidden.problems).toContainEqual({ code: "TABLE_SHEET_HIDDEN", sheet: "旧表" });
  });

  it("asks a port for the first rows of the other sheets only when the first visible one does not decide", () => {
    const rows = [HEADER, ["分野A", 1, null, "題", "課", "A", "", "", "", ""]];
    expect(chooseTableSheet([{ name: "表", rows }, { name: "旧表", hidden: true }])).toEqual({ sheet: "表" });
    expect(chooseTableSheet([{ name: "メモ", rows: [["覚え書き"]] }, { name: "表" }, { name: "旧表", hidden: true }])).toEqual({ needRows: ["表", "旧表"] });
    expect(chooseTableSheet([{ name: "メモ", rows: [["覚え書き"]] }, { name: "表", hasTable: true }])).toEqual({ sheet: "表" });
  });

  it("lets a user's column mapping override detection", () => {
    // Headers no alias or word names (番号 / 名前 / 判定 / 目標 / 結果 are all read since the aliases grew).
    const grid: SheetGrid = { name: "s", rows: [["番号", "名前", "しるし", "ねらい", "結び"], [3, "x", "B", "(件数 5件)", "(件数 4件)"]] };
    expect(readTable([grid]).problems[0]?.code).toBe("COLUMNS_MISSING");
    const mapped = readTable([grid], { mapping: { title: 1, rating: 2, plan: 3, result: 4 } });
    expect(mapped.problems).toEqual([]);
    expect(mapped.rows[0]).toMatchObject({ item: "3", title: "x", rating: "B", plan: "(件数 5件)" });
  });
});

describe("row semantics", () => {
  const table = (rows: RawCell[][]) => readTable([{ name: "s", rows: [HEADER, ...rows] }]);
  const row = (values: Partial<Record<string, RawCell>>): RawCell[] =>
    ["category", "no", "sub", "title", "department", "rating", "actions", "plan", "result", "notes"].map((f) => values[f] ?? null);

  it("reads item numbers written as numbers, text, full width and No.12", () => {
    const t = table([row({ no: 12, title: "a", rating: "A" }), row({ no: "１３", title: "b", rating: "A" }), row({ no: "No.14", title: "c", rating: "A" }), row({ no: "4-1", rating: "-" })]);
    expect(t.rows.map((r) => r.item)).toEqual(["12", "13", "14", "4-1"]);
    expect(readItemNumber("No. 7")).toEqual({ no: 7, readable: true });
    expect(readItemNumber("十二")).toEqual({ readable: false });
  });

  it("gives a sub-item with an empty No. the nearest item above, and inherits 分野", () => {
    const t = table([row({ category: "分野A", no: 2, title: "親", rating: "B" }), row({ sub: 1, department: "課", rating: "-" }), row({ sub: "２", rating: "" }), row({ no: 3, title: "次", rating: "A" })]);
    expect(t.rows.map((r) => [r.item, r.kind, r.parent, r.category])).toEqual([
      ["2", "item", undefined, "分野A"],
      ["2-1", "sub", "2", "分野A"],
      ["2-2", "sub", "2", "分野A"],
      ["3", "item", undefined, "分野A"],
    ]);
  });

  it("reports a sub-item without any item above it", () => {
    expect(table([row({ sub: 1, rating: "-" })]).problems).toEqual([{ code: "SUB_WITHOUT_PARENT", sheetRow: 2 }]);
  });

  it("recognises 再掲 written in several ways and in any text column", () => {
    const t = table([
      row({ no: 29, title: "a", rating: "A", actions: "【No.15の再掲】" }),
      row({ no: 30, title: "b", rating: "A", notes: "No.15の再掲" }),
      row({ no: 31, title: "c", rating: "A", result: "No. 7 再掲" }),
      row({ no: 32, title: "d", rating: "A", plan: "（Ｎｏ．８の再掲）" }),
    ]);
    expect(t.rows.map((r) => r.repostOf)).toEqual([15, 15, 7, 8]);
  });

  it("normalises ratings and keeps what is invalid as written", () => {
    expect(normaliseRating("Ａ")).toEqual({ rating: "A", status: "normalised" });
    expect(normaliseRating(" a ")).toEqual({ rating: "A", status: "normalised" });
    expect(normaliseRating("B")).toEqual({ rating: "B", status: "ok" });
    expect(normaliseRating("－")).toEqual({ rating: "-", status: "normalised" });
    expect(normaliseRating("")).toEqual({ rating: "", status: "empty" });
    expect(normaliseRating("C")).toEqual({ rating: "C", status: "invalid" });
  });

  it("reports a blank row inside the table and ends the table at trailing blank rows", () => {
    const t = table([row({ no: 1, title: "a", rating: "A" }), [], row({ no: 2, title: "b", rating: "A" }), [], [], ["※注記"]]);
    expect(t.rows.map((r) => r.item)).toEqual(["1", "2"]);
    expect(t.problems).toEqual([{ code: "BLANK_ROW", sheetRow: 3 }]);
  });
});

describe("every kind of cell, from an .xlsx", () => {
  it("reads numbers, text, rich text, formula results, errors, dates and empty cells without crashing", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.addRow(HEADER);
    sheet.addRow(["分野", 1, null, { richText: [{ text: "リッチ" }, { text: "テキスト", font: { bold: true } }] }, { formula: "\"課\"&\"名\"", result: "課名" }, "A", new Date(Date.UTC(2021, 2, 31)), { error: "#N/A" }, true, null]);
    sheet.addRow(["分野", 2, null, { text: "リンク", hyperlink: "https://example.jp" }, { formula: "1+1" }, "A", "", { error: "#DIV/0!" }, "", ""]);
    const port = await XlsxWorkbookPort.fromWorkbook(workbook);
    const table = (await port.read()).table;
    const [row, second] = table.rows;
    expect(row).toMatchObject({ item: "1", title: "リッチテキスト", department: "課名", rating: "A", actions: "2021-03-31", plan: "", result: "TRUE" });
    expect(row?.errors).toEqual([{ field: "plan", column: 7, error: "#N/A" }]);
    // A hyperlink reads as its text; a formula without a cached result as an empty cell, marked (FORMULA_RESULT_MISSING).
    expect(second).toMatchObject({ item: "2", title: "リンク", department: "" });
    expect(second?.errors).toEqual([
      { field: "department", column: 4, error: FORMULA_WITHOUT_RESULT },
      { field: "plan", column: 7, error: "#DIV/0!" },
    ]);
  });
});

describe("writing through the xlsx port", () => {
  it("exports the findings with links to the cells, and a quick fix changes one cell", async () => {
    const { runCheck } = await import("../../src/core/actions/check");
    const { findingsSheet } = await import("../../src/core/check/export");
    const port = await sample();
    const run = await runCheck(port);
    await writeOwnSheet(port, findingsSheet(run.result, run.table.sheet));
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await port.save()) as unknown as ArrayBuffer);
    const sheet = saved.getWorksheet("チェック結果");
    expect(sheet?.getCell("C3").value).toEqual({ text: "F22", hyperlink: "#'進捗管理表'!F22" });
    await port.writeCell("進捗管理表", 5, 22, "B");
    const again = await runCheck(port);
    expect(again.result.findings.find((f) => f.code === "RATING_OVERSTATED")).toBeUndefined();
  });
});

describe("workbooks in other cities' layouts", () => {
  it("maps 番号 / 取組事項 / 所管課 / 目標（R5） / 実績（令和5年度） / 評価（S・A・B）, years in the headers", async () => {
    const { workbookMeta } = await import("../../src/core/workbook/planMeta");
    const { DEFAULT_SETTINGS } = await import("../../src/core/workbook/settings");
    const grid = [
      ["第5次行政改革実施計画 進捗状況（令和5年度）"],
      [],
      ["番号", "取組事項", "所管課", "目標（R5）", "実績（令和5年度）", "評価（S・A・B）"],
      [1, "窓口のオンライン化", "情報政策課", "電子申請 120件", "電子申請 98件", "A"],
    ];
    const table = readTable([{ name: "Sheet1", rows: grid }]);
    expect(table.columns).toMatchObject({ no: 0, title: 1, department: 2, plan: 3, result: 4, rating: 5 });
    expect(table.rows[0]).toMatchObject({ item: "1", rating: "A", plan: "電子申請 120件" });
    const { meta, fiscalYearSource } = workbookMeta(table, DEFAULT_SETTINGS);
    expect(meta).toMatchObject({ title: "第5次行政改革実施計画", fiscalYear: 2023 });
    expect(fiscalYearSource).toBe("header");
  });

  it("takes the fiscal year from the title when the headers have none, and lists the headers it found when columns are missing", async () => {
    const { workbookMeta } = await import("../../src/core/workbook/planMeta");
    const { DEFAULT_SETTINGS } = await import("../../src/core/workbook/settings");
    const table = readTable([{ name: "S", rows: [["行革プラン 取組状況（令和4年度末）"], ["No.", "項目", "評価", "目標値", "実績値"], [1, "x", "B", "10件", "8件"]] }]);
    expect(workbookMeta(table, DEFAULT_SETTINGS)).toMatchObject({ meta: { fiscalYear: 2022 }, fiscalYearSource: "title" });
    const unrelated = readTable([{ name: "売上", rows: [["月", "売上", "担当"], ["4月", 100, "山田"]] }]);
    expect(unrelated.problems[0]).toMatchObject({ code: "COLUMNS_MISSING", found: ["月", "売上", "担当"] });
  });
});
