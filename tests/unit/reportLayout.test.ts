import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { settingsOf } from "../../src/core/actions/settings";
import { writeOwnReport } from "../../src/core/actions/sheets";
import { countedItem, REPOST_COUNT_NOTE, totalCount } from "../../src/core/report/counting";
import { MIN_PRINTED_POINTS, ORIENTATIONS, PAPERS, availableUnits, columnPoints, printableWidth } from "../../src/core/report/layout";
import { pageGeometry, printedPages } from "../../src/core/report/pages";
import { buildReportPlan, pagePoints, ratingCounts, workbookReportPlan, type SheetPlan } from "../../src/core/report/plan";
import { STYLES, chartFills, reportLineHeight } from "../../src/core/report/style";
import type { RawCell } from "../../src/core/workbook/cells";
import { readTable, type TableRow } from "../../src/core/workbook/table";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";

const seed = (name: string) => readFileSync(resolve(__dirname, "../../seeds", name));

async function read(name: string) {
  const port = await XlsxWorkbookPort.load(seed(name));
  const read = await port.read();
  // The settings as every action takes them: the workbook's, with what the reader understood (the scale of a legend).
  return { table: read.table, settings: settingsOf(read) };
}

const META = { title: "テスト計画", fiscalYear: 2023, evaluationDate: "令和6年3月末", legend: { S: "s", A: "a", B: "b" } };
const cellAt = (plan: SheetPlan, row: number, column: number) => plan.cells.find((c) => c.row === row && c.column === column)?.value;
const rowTexts = (plan: SheetPlan, row: number) => plan.cells.filter((c) => c.row === row).sort((a, b) => a.column - b.column).map((c) => c.value);
const headerTexts = (plan: SheetPlan) => rowTexts(plan, plan.print.titleRows[0]);
/** Rows of the item table that hold something in each column. */
const filledColumns = (plan: SheetPlan) =>
  plan.columns.map((_, column) => plan.cells.some((c) => c.column === column && c.row >= plan.table.top && String(c.value).trim() !== ""));

describe("printing on paper: A4/A3, landscape/portrait", () => {
  const sizes = PAPERS.flatMap((paper) => ORIENTATIONS.map((orientation) => ({ paper, orientation })));

  it.each(sizes)("prints every text at 8 pt at least and fills the printable width ($paper $orientation)", async ({ paper, orientation }) => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    const plan = workbookReportPlan(table, settings, { paper, orientation });
    expect(plan.print).toMatchObject({ paper, orientation });
    const scale = plan.print.scale / 100;
    // Every style the plan uses, and the chart's text, print at MIN_PRINTED_POINTS or more.
    const sizesUsed = new Set(plan.cells.map((c) => STYLES[c.style].size));
    for (const size of sizesUsed) expect(size * scale, `${size} pt`).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
    expect((plan.chart?.fontSize ?? 0) * scale).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
    // The columns, at the widest unit any renderer reads (DejaVu Sans's digit, about 9.3 pixels), stay
    // on the page; and they use it: nearly all of its width.
    const printable = printableWidth(paper, orientation);
    const widest = plan.columns.reduce((sum, c) => sum + columnPoints(c.width), 0) * scale;
    expect(widest).toBeLessThanOrEqual(printable);
    expect(widest).toBeGreaterThan(printable * 0.96);
    const dejaVu = plan.columns.reduce((sum, c) => sum + columnPoints(c.width, 9.3), 0) * scale;
    expect(dejaVu).toBeLessThanOrEqual(printable);
    // No page holds more than the paper does: the pages the plan cuts are the pages printed.
    expect(printedPages(plan).filter((p) => p.first >= plan.print.titleRows[0]).map((p) => p.first)).toEqual(plan.pageBreaks.filter((b) => b >= plan.print.titleRows[0]));
  });

  it("gives A3 wider columns than A4, and portrait fewer characters a line than landscape", async () => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    const width = (paper: "A4" | "A3", orientation: "landscape" | "portrait") =>
      workbookReportPlan(table, settings, { paper, orientation }).columns.find((c) => c.role === "result")?.width ?? 0;
    expect(width("A3", "landscape")).toBeGreaterThan(width("A4", "landscape"));
    expect(width("A4", "portrait")).toBeLessThan(width("A4", "landscape"));
    expect(width("A3", "portrait")).toBeGreaterThan(width("A4", "portrait"));
  });

  it("writes the paper and orientation into the file (OOXML paperSize 9 = A4, 8 = A3)", async () => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    for (const [paper, orientation, size] of [["A3", "portrait", 8], ["A4", "portrait", 9], ["A3", "landscape", 8]] as const) {
      const empty = new ExcelJS.Workbook();
      empty.addWorksheet("空");
      const port = await XlsxWorkbookPort.fromWorkbook(empty);
      const plan = workbookReportPlan(table, settings, { paper, orientation });
      const name = await writeOwnReport(port, plan);
      const again = new ExcelJS.Workbook();
      await again.xlsx.load((await port.save()) as unknown as ArrayBuffer);
      expect(again.getWorksheet(name)?.pageSetup).toMatchObject({ paperSize: size, orientation, scale: plan.print.scale });
    }
  });

  it("lays out the printed page: the columns centred between the margins", async () => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    const plan = workbookReportPlan(table, settings, { orientation: "portrait" });
    const page = pageGeometry(plan);
    expect([page.width, page.height]).toEqual([8.27 * 72, 11.69 * 72]);
    const left = page.columnLefts[0] ?? 0;
    const right = (page.columnLefts.at(-1) ?? 0) + (page.columnWidths.at(-1) ?? 0);
    expect(left).toBeGreaterThanOrEqual(page.margins.left);
    expect(right).toBeLessThanOrEqual(page.width - page.margins.right);
    expect(Math.abs(left - page.margins.left - (page.width - page.margins.right - right))).toBeLessThan(0.01);
  });
});

describe("the workbook's own columns and headings", () => {
  it("follows Arao's layout: 番号 | 取組項目 | 目標 | 実績 | 達成状況, no 分野, no department", async () => {
    const { table, settings } = await read("arao-2009.xlsx");
    const plan = workbookReportPlan(table, settings);
    expect(plan.columns.map((c) => c.role)).toEqual(["item", "plan", "result", "rating"]);
    expect(headerTexts(plan)).toEqual(["取組項目", "目標", "実績", "達成状況"]);
    // No 分野 label anywhere, no empty column, no nameless row in the summary.
    expect(plan.cells.filter((c) => c.style === "category")).toEqual([]);
    expect(filledColumns(plan)).toEqual([true, true, true, true]);
    expect(plan.cells.find((c) => c.row >= plan.table.top && c.column === 0)?.value).toBe("1 財政効果額（平成16〜18年度）");
    const summaryHeader = plan.chart!.headerRow;
    expect(rowTexts(plan, summaryHeader)).toEqual(["", "達成", "未達成", "計"]);
    expect(rowTexts(plan, summaryHeader + 1)).toEqual(["合計", 9, 0, 9]);
    expect(plan.cells.some((c) => c.row > summaryHeader + 1 && c.row < plan.table.top - 1)).toBe(false);
    expect(plan.chart?.categories.texts).toEqual(["合計"]);
    // The legend is the profile's scale, and the widths were shared among the four columns.
    expect(plan.cells.map((c) => c.value)).toEqual(expect.arrayContaining(["「達成」：目標を達成", "「未達成」：目標を未達成"]));
    const kodaira = await read("kodaira-r2.xlsx");
    const wide = (p: SheetPlan) => p.columns.find((c) => c.role === "plan")?.width ?? 0;
    expect(wide(plan)).toBeGreaterThan(wide(workbookReportPlan(kodaira.table, kodaira.settings)));
    const units = (p: SheetPlan) => p.columns.reduce((sum, c) => sum + c.width, 0);
    expect(units(plan)).toBe(availableUnits("A4", "landscape", plan.print.scale, 4));
    expect(units(workbookReportPlan(kodaira.table, kodaira.settings))).toBe(availableUnits("A4", "landscape", plan.print.scale, 7));
  });

  it("follows Sado's layout: 分野 from the headings between the rows, the item read from the target first, then 目標 | 実績 | 自己評価", async () => {
    const { table, settings } = await read("sado-2006.xlsx");
    const plan = workbookReportPlan(table, settings);
    expect(plan.columns.map((c) => c.role)).toEqual(["category", "item", "plan", "result", "rating"]);
    expect(headerTexts(plan)).toEqual(["項目", "平成18年度目標", "平成18年度実績", "自己評価"]);
    expect(plan.cells.filter((c) => c.style === "category").map((c) => c.value)).toEqual(["市税等の財源確保", "地球温暖化対策の取組み", "トキ野生復帰への取組み", "ごみの減量化、再資源化の推進の改革"]);
    expect(filledColumns(plan)).toEqual(plan.columns.map(() => true));
    // Five columns for five symbols: the counts in words, each 分野's name over the label and item columns.
    const named = plan.cells.find((c) => c.value === "ごみの減量化、再資源化の推進の改革" && c.style === "summaryLabel");
    expect(named).toBeDefined();
    expect(plan.merges).toContainEqual({ top: named!.row, left: 0, bottom: named!.row, right: 1 });
    expect(cellAt(plan, named!.row, 2)).toBe("A 2・B 1・C 0・D 0・E 0（計 3）");
    expect(plan.rowHeights[named!.row]).toBeLessThan(3 * reportLineHeight(STYLES.summaryLabel.size) + 10);
  });

  it("keeps a table's extra roles (備考) with their headings, drops what it lacks (実施内容), and puts the 分野 first", () => {
    const header = ["No.", "区分", "取組名", "所管課", "進捗評価", "目標（R5）", "実績（R5）", "備考"];
    const rows: RawCell[][] = [
      [1, "行政運営", "窓口の改善", "市民課", "A", "満足度 80%以上", "満足度 82%", "R6から拡充"],
      [2, "行政運営", "電子申請", "情報政策課", "B", "手続数 50件", "手続数 31件", ""],
      [3, "財政", "使用料の見直し", "財政課", "A", "見直し 1件", "見直し 1件", ""],
    ];
    const table = readTable([{ name: "表", rows: [header, ...rows] }]);
    const plan = buildReportPlan(META, table.rows, { layout: { columns: table.columns, headers: table.headers } });
    expect(plan.columns.map((c) => c.role)).toEqual(["category", "item", "department", "rating", "plan", "result", "notes"]);
    // The 分野 column shares the item's heading (as the published report does); the others as written.
    expect(headerTexts(plan)).toEqual(["取組名", "所管課", "進捗評価", "目標（R5）", "実績（R5）", "備考"]);
    expect(plan.merges).toContainEqual({ top: plan.print.titleRows[0], left: 0, bottom: plan.print.titleRows[0], right: 1 });
    expect(plan.cells.some((c) => c.value === "R6から拡充" && c.column === 6)).toBe(true);
    expect(filledColumns(plan)).toEqual(plan.columns.map(() => true));
    expect(plan.cells.filter((c) => c.style === "category").map((c) => c.value)).toEqual(["行政運営", "財政"]);
    // The summary's label heading is the workbook's heading of its 分野.
    expect(rowTexts(plan, plan.chart!.headerRow)[0]).toBe("区分");
  });

  it("leaves out a column that is empty in every row, and keeps the workbook's order of the others", () => {
    const header = ["主な推進担当課", "No.", "項目", "評価", "実施内容", "目標", "実績"];
    const rows: RawCell[][] = [
      ["政策課", 1, "計画の策定", "A", "", "策定 1件", "策定 1件"],
      ["財政課", 2, "基金の積立", "B", "", "積立 3億円", "積立 2億円"],
    ];
    const table = readTable([{ name: "表", rows: [header, ...rows] }]);
    const plan = buildReportPlan(META, table.rows, { layout: { columns: table.columns, headers: table.headers } });
    expect(plan.columns.map((c) => c.role)).toEqual(["department", "item", "rating", "plan", "result"]);
    expect(headerTexts(plan)).toEqual(["主な推進担当課", "項目", "評価", "目標", "実績"]);
    expect(filledColumns(plan)).toEqual([true, true, true, true, true]);
  });

  it("says each 分野's counts in words, without a chart, when the report has fewer columns than the scale's symbols need", () => {
    const scale = { symbols: ["A", "B", "C", "D", "E"].map((symbol, i) => ({ symbol, bands: [i < 2 ? "ahead" : i < 3 ? "on" : "behind"] as const, label: symbol })) };
    const header = ["No.", "項目", "評価", "目標", "実績"];
    const table = readTable([{ name: "表", rows: [header, [1, "x", "A", "", ""], [2, "y", "E", "", ""]] }], { scale });
    const plan = buildReportPlan(META, table.rows, { scale, layout: { columns: table.columns, headers: table.headers } });
    expect(plan.columns).toHaveLength(4);
    expect(plan.chart).toBeUndefined();
    expect(plan.cells.map((c) => c.value)).toContain("A 1・B 0・C 0・D 0・E 1（計 2）");
  });
});

describe("the rows' heights, by who prints", () => {
  it("counts lines at the planned width for the Office.js writer (it sets widths in points), at Excel's 7-pixel unit for a file", async () => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    const file = workbookReportPlan(table, settings);
    const excel = workbookReportPlan(table, settings, { writer: "excel" });
    expect(excel.columns).toEqual(file.columns);
    // Row by row (pages fall elsewhere, so rows made taller for a label or repeating an item are set aside).
    const label = (plan: SheetPlan, row: number) => plan.cells.find((c) => c.row === row && c.style === "item")?.value;
    const rows = Array.from({ length: file.table.bottom - file.table.top + 1 }, (_, i) => file.table.top + i).filter(
      (row) => label(file, row) === label(excel, row) && !file.keepHeights.includes(row) && !excel.keepHeights.includes(row),
    );
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect(excel.rowHeights[row] ?? 0, `row ${row}`).toBeLessThanOrEqual(file.rowHeights[row] ?? 0);
    expect(rows.filter((row) => (excel.rowHeights[row] ?? 0) < (file.rowHeights[row] ?? 0)).length).toBeGreaterThan(rows.length / 2);
    expect(printedPages(excel).length).toBeLessThan(printedPages(file).length);
  });

  it("keeps the text chart to 20 marks a bar, a mark standing for several items in a large table", () => {
    const header = ["分野", "No.", "項目", "担当課", "評価", "実施内容", "目標", "実績"];
    const rows = readTable([{ name: "表", rows: [header, ...Array.from({ length: 100 }, (_, i) => ["a", i + 1, `x${i}`, "課", i % 4 === 0 ? "B" : "A", "y", "", ""])] }]).rows;
    const plan = buildReportPlan(META, rows);
    expect(plan.cells.map((c) => c.value)).toContain("割合とグラフ（●S ○A ×B、1つ＝5件）");
    const bar = plan.cells.find((c) => c.style === "chart" && String(c.value).includes("\n"));
    expect(String(bar?.value).split("\n")[1]).toBe("○".repeat(15) + "×".repeat(5));
  });
});

describe("continued pages", () => {
  it.each(["landscape", "portrait"] as const)("shows the stacked 分野 label whole on every page, a continued one too (%s)", async (orientation) => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    const plan = workbookReportPlan(table, settings, { orientation });
    const labels = plan.cells.filter((c) => c.style === "category");
    expect(labels.filter((c) => String(c.value).endsWith("（続き）")).length).toBeGreaterThan(0);
    const ends = [...plan.pageBreaks.filter((b) => b > plan.table.top), plan.rowHeights.length];
    for (const label of labels) {
      const end = ends.find((e) => e > label.row) ?? plan.rowHeights.length;
      const height = plan.rowHeights.slice(label.row, end).reduce((sum, h) => sum + h, 0);
      // One character a line, at the label's size, with the row's padding.
      const needed = [...String(label.value)].length * reportLineHeight(STYLES.category.size) + 5;
      expect(height, String(label.value)).toBeGreaterThanOrEqual(needed);
      if (end - 1 > label.row) expect(plan.merges).toContainEqual({ top: label.row, left: 0, bottom: end - 1, right: 0 });
    }
    // A host that fits rows itself keeps the rows made taller for a label.
    for (const row of plan.keepHeights) expect(plan.cells.some((c) => c.row === row)).toBe(true);
    // On A4 landscape some pages are shorter than their label (the case the padding is for).
    if (orientation === "landscape") expect(plan.keepHeights.length).toBeGreaterThan(0);
  });
});

describe("one rule for counting 再掲 items", () => {
  it("counts a 再掲 row nowhere: not in its 分野, not in the total, and says so under the notes", async () => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    const reposts = table.rows.filter((r) => r.repostOf !== undefined);
    expect(reposts.map((r) => r.no)).toEqual([29, 41]);
    expect(reposts.some(countedItem)).toBe(false);
    expect(table.rows.filter(countedItem)).toHaveLength(41);
    const counts = ratingCounts(table.rows, settings.profile.scale);
    expect(totalCount(counts, settings.profile.scale).total).toBe(41);
    const plan = workbookReportPlan(table, settings);
    const values = plan.cells.map((c) => c.value);
    const note = values.indexOf(REPOST_COUNT_NOTE);
    expect(note).toBeGreaterThan(values.indexOf("※No. 41「観光まちづくりの推進」はNo. 7の再掲"));
    // Without 再掲 rows there is nothing to say.
    const none = buildReportPlan(META, table.rows.filter((r) => r.repostOf === undefined));
    expect(none.cells.map((c) => c.value)).not.toContain(REPOST_COUNT_NOTE);
  });

  it("lists a 分野 that holds only 再掲 rows, with nothing counted", () => {
    const header = ["分野", "No.", "項目", "評価", "目標", "実績"];
    const table = readTable([{ name: "表", rows: [header, ["a", 1, "x", "A", "", ""], ["b", 2, "y", "A", "【No.1の再掲】", ""]] }]);
    expect(ratingCounts(table.rows)).toEqual([
      { name: "a", counts: { S: 0, A: 1, B: 0 }, total: 1 },
      { name: "b", counts: { S: 0, A: 0, B: 0 }, total: 0 },
    ]);
  });
});

describe("the chart in the sheet plan", () => {
  it("plans the summary's chart once: title, cells, categories, series with names, values and fills", async () => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    const plan = workbookReportPlan(table, settings);
    const chart = plan.chart!;
    const counts = ratingCounts(table.rows, settings.profile.scale);
    expect(chart.title).toBe("評価の集計");
    expect(chart.categories.texts).toEqual(counts.map((c) => c.name));
    expect(chart.series.map((s) => s.name)).toEqual(["S", "A", "B"]);
    expect(chart.series.map((s) => s.values)).toEqual(["S", "A", "B"].map((sym) => counts.map((c) => c.counts[sym])));
    expect(chart.series.map((s) => s.fill)).toEqual(chartFills(3));
    // The cells it names hold what it carries: the header, the labels and the counts, side by side.
    for (const s of chart.series) expect(cellAt(plan, chart.headerRow, s.column)).toBe(s.name);
    expect(chart.series.map((s) => s.column)).toEqual([1, 2, 3].map((i) => chart.categories.column + i));
    const [first, last] = chart.categories.rows;
    expect(Array.from({ length: last - first + 1 }, (_, i) => cellAt(plan, first + i, chart.categories.column))).toEqual(chart.categories.texts);
    for (const s of chart.series) expect(Array.from({ length: last - first + 1 }, (_, i) => cellAt(plan, first + i, s.column))).toEqual(s.values);
    // It stands beside the legend and notes, right of their text, on the first page.
    const besideText = plan.cells.filter((c) => c.row >= chart.from.row && c.row <= chart.to.row);
    for (const cell of besideText) expect(cell.column).toBeLessThan(chart.from.column);
    expect(plan.merges.filter((m) => m.top >= chart.from.row && m.bottom <= chart.to.row).every((m) => m.right < chart.from.column)).toBe(true);
    expect(chart.to.column).toBe(plan.columns.length - 1);
    expect(chart.to.row).toBeLessThan(plan.print.titleRows[0]);
  });

  it("writes that chart into the file: its anchor, series names, values, fills and text size", async () => {
    const { table, settings } = await read("kodaira-r2.xlsx");
    const plan = workbookReportPlan(table, settings);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("空");
    const port = await XlsxWorkbookPort.fromWorkbook(empty);
    await writeOwnReport(port, plan);
    const parts = unzipSync(await port.save());
    const text = (part: string) => strFromU8(parts[part] ?? new Uint8Array());
    const chart = text("xl/charts/chart1.xml");
    const drawing = text("xl/drawings/drawing1.xml");
    const planned = plan.chart!;
    expect(drawing).toContain(`<xdr:from><xdr:col>${planned.from.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${planned.from.row}</xdr:row>`);
    expect(drawing).toContain(`<xdr:to><xdr:col>${planned.to.column + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${planned.to.row + 1}</xdr:row>`);
    for (const s of planned.series) {
      expect(chart).toContain(`<c:v>${s.name}</c:v>`);
      expect(chart).toContain(`<a:srgbClr val="${s.fill.slice(1)}"/>`);
      expect(chart).toContain(s.values.map((v, k) => `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`).join(""));
    }
    expect(chart).toContain(`<a:defRPr sz="${planned.fontSize * 100}"/>`);
    expect(chart).toContain("'進捗状況レポート'!$C$" + (planned.headerRow + 1));
  });

  it("puts the summary on the second page, whole, when the first cannot hold it", () => {
    const rows: TableRow[] = readTable([
      { name: "表", rows: [["分野", "No.", "項目", "評価", "目標", "実績"], ...Array.from({ length: 30 }, (_, i) => [`分野${i + 1}の長い名前をここに書く`, i + 1, `項目${i + 1}`, "A", "", ""])] },
    ]).rows;
    const plan = buildReportPlan(META, rows);
    const heading = plan.cells.find((c) => c.value === "評価の集計" && c.style === "heading")!.row;
    expect(plan.pageBreaks[0]).toBe(heading);
    expect(plan.rowHeights.slice(0, heading).reduce((sum, h) => sum + h, 0)).toBeLessThanOrEqual(pagePoints(plan.print));
  });
});
