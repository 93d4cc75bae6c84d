import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeOwnReport } from "../../src/core/actions/sheets";
import { wrappedLines } from "../../src/core/text/width";
import { columnPoints } from "../../src/core/report/layout";
import { buildReportPlan, pageCapacity, planHeader, ratingCounts, resultHeader, type SheetPlan } from "../../src/core/report/plan";
import { reportLineHeight } from "../../src/core/report/style";
import { bulletLines as reportText } from "../../src/core/text/lines";
import { styleAreas } from "../../src/core/report/ranges";
import { ExcelWorkbookPort } from "../../src/excel/workbookPort";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import type { RawCell } from "../../src/core/workbook/cells";
import type { TableRow } from "../../src/core/workbook/table";
import { readTable } from "../../src/core/workbook/table";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromFile } from "../support/excelValues";

const SAMPLE = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");

async function sample() {
  const port = await XlsxWorkbookPort.load(readFileSync(SAMPLE));
  const { table, settings } = await port.read();
  return { port, rows: table.rows, meta: settings!.settings.meta };
}


const texts = (plan: SheetPlan, row: number) => plan.cells.filter((c) => c.row === row).sort((a, b) => a.column - b.column).map((c) => c.value);

describe("the report's sheet plan", () => {
  it("has the sections in order: title, legend, 再掲 notes, summary, then one section per 分野", async () => {
    const { rows, meta } = await sample();
    const plan = buildReportPlan(meta, rows);
    const values = plan.cells.map((c) => String(c.value));
    const at = (text: string) => values.indexOf(text);
    expect(plan.cells[0]).toMatchObject({ row: 0, value: "小平市第3次行財政再構築プラン の進捗状況（令和2年度末）", style: "title" });
    expect(at("評価欄の評価の見方について")).toBeLessThan(at("「S」：年度当初の予定以上に進捗"));
    expect(values).toContain("※No. 29「スクラップアンドビルドの徹底」はNo. 15の再掲");
    expect(values).toContain("※No. 41「観光まちづくりの推進」はNo. 7の再掲");
    expect(at("※No. 41「観光まちづくりの推進」はNo. 7の再掲")).toBeLessThan(at("評価の集計"));
    const categories = plan.cells.filter((c) => c.style === "category").map((c) => String(c.value));
    expect(categories.filter((c) => !c.endsWith("（続き）"))).toEqual(["地域協力の推進", "情報の共有と双方向のコミュニケーション", "PDCAサイクルの構築", "財政基盤の強化", "執行体制の再構築"]);
  });

  it("derives the header texts from the fiscal year and the evaluation date", async () => {
    const { rows, meta } = await sample();
    const plan = buildReportPlan(meta, rows);
    expect(planHeader(meta)).toBe("令和2年度当初予定（目標値）");
    expect(resultHeader(meta)).toBe("取組実績（令和3年3月末実績値）");
    const header = plan.print.titleRows[0];
    expect(texts(plan, header)).toEqual(["項目", "主な推進担当課", "評価", "実施内容", "令和2年度当初予定（目標値）", "取組実績（令和3年3月末実績値）"]);
    expect(plan.merges).toContainEqual({ top: header, left: 0, bottom: header, right: 1 });
  });

  it("starts each 分野 on a new page, cuts pages from the row heights, and labels a continued page 「（続き）」", async () => {
    const { rows, meta } = await sample();
    const plan = buildReportPlan(meta, rows);
    const header = plan.print.titleRows[0];
    const capacity = pageCapacity(plan.print.paper, plan.print.scale, plan.rowHeights[header] ?? 0);
    const labels = new Map(plan.cells.filter((c) => c.style === "category").map((c) => [c.row, String(c.value)]));
    // Each page of the table begins with a 分野 label: its name on its first page, 「（続き）」 after.
    expect(plan.pageBreaks[0]).toBe(header);
    const starts = plan.pageBreaks.slice(1);
    expect(starts).toEqual([...labels.keys()].slice(1));
    expect([...labels.values()].filter((l) => !l.endsWith("（続き）"))).toHaveLength(5);
    expect([...labels.values()].filter((l) => l.endsWith("（続き）")).length).toBeGreaterThan(0);
    // No page holds more than it can: the renderer would cut it elsewhere.
    const ends = [...starts, plan.rowHeights.length];
    [header + 1, ...starts].forEach((start, i) => {
      const height = plan.rowHeights.slice(start, ends[i]).reduce((sum, h) => sum + h, 0);
      expect(height, `page from row ${start}`).toBeLessThanOrEqual(capacity);
    });
    // The 分野 cell is merged over each page's rows.
    const chunks = plan.merges.filter((m) => m.left === 0 && m.right === 0 && m.top > header);
    for (const chunk of chunks) expect(labels.has(chunk.top)).toBe(true);
    // A page that starts inside an item's sub-items repeats the item.
    const continued = plan.cells.filter((c) => c.style === "item" && String(c.value).includes("（続き）"));
    expect(continued.map((c) => c.value)).toContain("2 協働事業の推進（続き）\n- 5");
    for (const cell of continued) expect(starts).toContain(cell.row);
    expect(plan.print).toMatchObject({ paper: "A4", orientation: "landscape", footer: "- {page} -" });
    expect(plan.print.scale).toBeGreaterThan(40);
  });

  it("writes item rows as '12 行政評価の実施', sub-items as '- 1', 再掲 rows with their marker, bullets on lines", async () => {
    const { rows, meta } = await sample();
    const plan = buildReportPlan(meta, rows);
    const items = plan.cells.filter((c) => c.style === "item").map((c) => c.value);
    expect(items).toContain("12 行政評価の実施");
    expect(items.filter((v) => String(v).endsWith("- 1"))).toHaveLength(4);
    expect(plan.cells.find((c) => c.value === "【No.15の再掲】")).toBeDefined();
    expect(reportText("・a ・b ・c")).toBe("・a\n・b\n・c");
    expect(reportText('<ul style="x"> a b </ul>')).toBe("・a\n・b");
  });

  it("counts S/A/B per 分野 (items only; a 再掲 row not counted again) with totals and shares", async () => {
    const { rows, meta } = await sample();
    // No.29 (財政基盤の強化) reposts No.15 and No.41 (執行体制の再構築) No.7: each counted once, where it first stands.
    expect(ratingCounts(rows)).toEqual([
      { name: "地域協力の推進", counts: { S: 0, A: 1, B: 5 }, total: 6 },
      { name: "情報の共有と双方向のコミュニケーション", counts: { S: 0, A: 4, B: 0 }, total: 4 },
      { name: "PDCAサイクルの構築", counts: { S: 0, A: 7, B: 4 }, total: 11 },
      { name: "財政基盤の強化", counts: { S: 0, A: 10, B: 3 }, total: 13 },
      { name: "執行体制の再構築", counts: { S: 0, A: 4, B: 3 }, total: 7 },
    ]);
    const plan = buildReportPlan(meta, rows);
    const total = plan.cells.find((c) => c.value === "合計")!.row;
    expect(texts(plan, total)).toEqual(["合計", 0, 26, 15, 41, "S 0%・A 63%・B 37%"]);
  });

  it("follows the profile's scale: legend, summary columns and fills for ◎/○/△/×", async () => {
    const { PRESET_SCALES } = await import("../../src/core/rating/scale");
    const scale = PRESET_SCALES.find((p) => p.id === "◎/○/△/×")!.scale;
    const rows = readTable([{ name: "表", rows: [["分野", "No.", "項目", "担当課", "評価", "当初予定", "取組実績"], ["a", 1, "x", "課", "◎", "", ""], ["a", 2, "y", "課", "×", "", ""]] }], { scale }).rows;
    const plan = buildReportPlan({ title: "t", legend: { S: "", A: "", B: "" } }, rows, { scale });
    const values = plan.cells.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(["「◎」：予定以上", "「×」：遅れ"]));
    const header = plan.cells.find((c) => c.value === "分野" && c.style === "summaryHeader")!.row;
    expect(texts(plan, header)).toEqual(["分野", "◎", "○", "△", "×", "計"]);
    expect(texts(plan, header + 1)).toEqual(["a", 1, 0, 0, 1, 2]);
    expect(plan.ratingFills).toEqual([{ symbol: "◎", fill: "#BDD7EE" }, { symbol: "△", fill: "#E4E4E4" }, { symbol: "×", fill: "#E4E4E4" }]);
  });

  it("fits every column on A4 landscape even where a column unit is DejaVu Sans's 9.3-pixel digit, and fills the width there", async () => {
    const { rows, meta } = await sample();
    const plan = buildReportPlan(meta, rows);
    const dejaVuInches = plan.columns.reduce((sum, c) => sum + c.width * 9.3 + 5, 0) / 96;
    const printable = 11.69 - plan.print.margins.left - plan.print.margins.right;
    expect(dejaVuInches * (plan.print.scale / 100)).toBeLessThanOrEqual(printable);
    expect(dejaVuInches * (plan.print.scale / 100)).toBeGreaterThan(printable * 0.95);
    // In Excel reading the file (7 pixels a unit) the same columns print narrower, centred.
    const excelInches = plan.columns.reduce((sum, c) => sum + c.width * 7 + 5, 0) / 96;
    expect(excelInches * (plan.print.scale / 100)).toBeGreaterThan(printable * 0.7);
  });

  it("gives a tall cell one line more than the width model counts (Japanese line breaking differs by renderer)", async () => {
    const long = "・".concat("あ".repeat(200));
    const plan = buildReportPlan({ title: "t", legend: { S: "", A: "", B: "" } }, [
      { ...(await sample()).rows[0]!, plan: long, result: "", actions: "" },
    ]);
    const row = plan.cells.find((c) => c.value === long)?.row ?? -1;
    const lines = wrappedLines(long, plan.columns.find((c) => c.role === "plan")?.width ?? 0, 9);
    expect(lines).toBeGreaterThanOrEqual(3);
    expect(plan.rowHeights[row]).toBe((lines + 1) * reportLineHeight(9) + 5);
  });

  it("sets row heights from the wrapped text", async () => {
    const { rows, meta } = await sample();
    const plan = buildReportPlan(meta, rows);
    const row36 = plan.cells.find((c) => c.value === "36 PPP/PFIの推進")!.row;
    const row38 = plan.cells.find((c) => c.value === "38 施設のあり方の検討")!.row;
    expect(plan.rowHeights[row36]).toBeGreaterThan(150);
    // A short title wraps once in its column at most; nothing else in the row is longer.
    expect(plan.rowHeights[row38]).toBeLessThanOrEqual(2 * reportLineHeight(9) + 5);
  });

  it("groups each style's cells into a few rectangles", () => {
    const cells = Array.from({ length: 3000 }, (_, i) => [4, 5, 6].map((column) => ({ row: 20 + i, column, value: "x", style: "text" as const }))).flat();
    expect(styleAreas(cells).get("text")).toEqual(["E21:G3020"]);
  });
});

const TRICKY = ["4-1", "1/2", "0012", "=SUM(A1)", "+81", "-"];

/** A table whose text cells hold strings that a spreadsheet would coerce. */
function trickyRows(): TableRow[] {
  const header = ["分野", "No.", "項目", "主な推進担当課", "評価", "実施内容", "当初予定（目標値）", "取組実績（実績値）"];
  const rows: RawCell[][] = TRICKY.map((text, i) => ["分野", i + 1, text, text, "A", text, text, text]);
  return readTable([{ name: "表", rows: [header, ...rows] }]).rows;
}

describe("text safety", () => {
  const meta = { title: "テスト", fiscalYear: 2020, evaluationDate: "令和3年3月末", legend: { S: "s", A: "a", B: "b" } };

  it("keeps 4-1, 1/2, 0012, =SUM(A1), +81 and - verbatim through the exceljs writer (file re-read)", async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("表");
    const port = await XlsxWorkbookPort.fromWorkbook(empty);
    const name = await writeOwnReport(port, buildReportPlan(meta, trickyRows()));
    const again = await XlsxWorkbookPort.load(await port.save());
    const cells = (again.grids().find((g) => g.name === name)?.rows ?? []).flat();
    for (const text of TRICKY) {
      expect(cells.filter((c) => c === text).length, text).toBeGreaterThanOrEqual(4);
    }
    expect(cells.filter((c) => typeof c === "object" && c !== null)).toEqual([]);
  });

  it("keeps them verbatim through the Office writer, on a fake that coerces as Excel does", async () => {
    const fake = new FakeExcel(["表"]);
    const port = new ExcelWorkbookPort(fake.run);
    const name = await writeOwnReport(port, buildReportPlan(meta, trickyRows()));
    const cells = fake.dump(name).values.flat();
    for (const text of TRICKY) expect(cells.filter((c) => c === text).length, text).toBeGreaterThanOrEqual(4);
  });
});

describe("the Office writer, on the fake", () => {
  async function samplePlan() {
    const { rows, meta } = await sample();
    return buildReportPlan(meta, rows);
  }

  it("builds the sheet under a temporary name, renames it when complete, and never touches the calculation mode", async () => {
    const fake = new FakeExcel(["進捗管理表"]);
    const plan = await samplePlan();
    const name = await writeOwnReport(new ExcelWorkbookPort(fake.run), plan);
    expect(name).toBe("進捗状況レポート");
    expect(fake.sheets.map((s) => s.name)).toEqual(["進捗管理表", "進捗状況レポート", "計画進捗チェッカー設定"]);
    // Calculation is suspended per sync (suspendApiCalculationUntilNextSync), never switched to manual.
    expect(fake.calculationMode).toBe("Automatic");
    expect(fake.calculationSuspensions).toBeGreaterThanOrEqual(2);
    expect(fake.screenUpdatingSuspensions).toBe(1);
    expect(fake.active).toBe("進捗状況レポート");
    expect(fake.pageLayout.get("printArea")).toMatch(/^A1:G\d+$/);
    expect(fake.pageBreaks).toHaveLength(plan.pageBreaks.length);
    expect(fake.pageLayout.get("printTitleRows")).toMatch(/^\$\d+:\$\d+$/);
    expect(fake.pageLayout.get("footer.centerFooter")).toBe("- &P -");
    expect(fake.charts).toHaveLength(1);
    // The plan's chart, translated: its title, its cells, a fill per series, the first 分野 on top.
    const chart = fake.charts[0] as (typeof fake.charts)[number] & { fills?: string[]; axes?: { categoryAxis: { reversePlotOrder: boolean; position: string } } };
    expect(chart.title.text).toBe(plan.chart?.title);
    expect(chart.position).toEqual([`F${plan.chart!.from.row + 1}`, `G${plan.chart!.to.row + 1}`]);
    expect(chart.fills).toEqual(plan.chart?.series.map((s) => s.fill));
    expect(chart.axes?.categoryAxis).toEqual({ reversePlotOrder: true, position: "Maximum" });
    expect(fake.conditionalFormats.map((c) => [c.formula, c.fill])).toEqual([
      ['="B"', "#E4E4E4"],
      ['="S"', "#BDD7EE"],
    ]);
  });

  it("replaces only a report it made: a user's sheet of that name is kept and a new name used", async () => {
    const fake = new FakeExcel(["進捗管理表", "進捗状況レポート"]);
    fake.setValues("進捗状況レポート", [["利用者のメモ"]]);
    const port = new ExcelWorkbookPort(fake.run);
    const plan = await samplePlan();
    expect(await writeOwnReport(port, plan)).toBe("進捗状況レポート (2)");
    expect(await writeOwnReport(port, plan)).toBe("進捗状況レポート (2)");
    expect(fake.dump("進捗状況レポート").values).toEqual([["利用者のメモ"]]);
    expect(fake.sheets.filter((s) => s.name.startsWith("進捗状況レポート"))).toHaveLength(2);
  });

  it("leaves no half-written report, and calculation automatic, when any sync fails (batches are not transactions)", async () => {
    const plan = await samplePlan();
    const clean = new FakeExcel(["進捗管理表"]);
    await writeOwnReport(new ExcelWorkbookPort(clean.run), plan);
    for (let failing = 1; failing <= clean.syncCount; failing += 1) {
      const fake = new FakeExcel(["進捗管理表"]);
      fake.failAtSync = failing;
      const error = await writeOwnReport(new ExcelWorkbookPort(fake.run), plan).catch((e: unknown) => e);
      expect(error, `sync ${failing}`).toBeInstanceOf(Error);
      expect(fake.calculationMode, `sync ${failing}`).toBe("Automatic");
      // Either nothing was made, or the report is complete (a failure after it was renamed, in the settings write).
      const names = fake.sheets.map((s) => s.name).filter((n) => n !== "計画進捗チェッカー設定");
      expect(names.filter((n) => n.startsWith("~")), `sync ${failing}`).toEqual([]);
      if (names.includes("進捗状況レポート")) expect(fake.pageLayout.get("printArea"), `sync ${failing}`).toBeDefined();
    }
  });

  it("fails with a Japanese message, and changes nothing, when the workbook's structure is protected", async () => {
    const fake = new FakeExcel(["進捗管理表"]);
    fake.workbookProtected = true;
    const error = await writeOwnReport(new ExcelWorkbookPort(fake.run), await samplePlan()).catch((e: unknown) => e);
    expect((error as { text?: { ja: string } }).text?.ja).toContain("保護されている");
    expect(fake.sheets.map((s) => s.name)).toEqual(["進捗管理表"]);
    expect(fake.calculationMode).toBe("Automatic");
  });

  it("never deletes a user's sheet that has the temporary report name", async () => {
    const fake = new FakeExcel(["進捗管理表", "~進捗状況レポート作成中"]);
    fake.setValues("~進捗状況レポート作成中", [["利用者のシート"]]);
    await writeOwnReport(new ExcelWorkbookPort(fake.run), await samplePlan());
    expect(fake.dump("~進捗状況レポート作成中").values).toEqual([["利用者のシート"]]);
  });

  it("sets column widths in points (Range.format.columnWidth) that fill the printed width, and stacks the 分野 text (180)", async () => {
    const fake = new FakeExcel(["進捗管理表"]);
    const plan = await samplePlan();
    await writeOwnReport(new ExcelWorkbookPort(fake.run), plan);
    const widths = fake.formatWrites.filter((w) => w.property === "columnWidth").map((w) => w.value as number);
    // A width of n characters is (9.5n + 5) pixels (the unit the plan sized them for), 72 points an inch.
    expect(widths).toEqual(plan.columns.map((c) => ((c.width * 9.5 + 5) * 72) / 96));
    expect(widths).toEqual(plan.columns.map((c) => columnPoints(c.width)));
    const printable = (11.69 - 1.2) * 72;
    const printed = (widths.reduce((sum, w) => sum + w, 0) * plan.print.scale) / 100;
    expect(printed).toBeLessThanOrEqual(printable);
    expect(printed).toBeGreaterThan(printable * 0.97);
    const orientations = fake.formatWrites.filter((w) => w.property === "textOrientation").map((w) => w.value);
    expect(orientations.length).toBeGreaterThan(0);
    expect(new Set(orientations)).toEqual(new Set([180]));
  });

  it("lets Excel fit the table's rows, then keeps the rows made taller for a 分野 label (autofit does not see merged cells)", async () => {
    const fake = new FakeExcel(["進捗管理表"]);
    const plan = await samplePlan();
    expect(plan.keepHeights.length).toBeGreaterThan(0);
    await writeOwnReport(new ExcelWorkbookPort(fake.run), plan);
    const writes = fake.formatWrites;
    const autofit = writes.findIndex((w) => w.property === "autofitRows");
    expect(autofit).toBeGreaterThanOrEqual(0);
    for (const row of plan.keepHeights) {
      const kept = writes.findIndex((w) => w.property === "rowHeight" && w.area[0] === row && w.value === plan.rowHeights[row]);
      expect(kept, `row ${row}`).toBeGreaterThan(autofit);
    }
  });

  it("writes 10,000 items in at most 20 syncs, with as many format operations as for 100", async () => {
    const { rows, meta } = await sample();
    const many = (n: number): TableRow[] =>
      Array.from({ length: n }, (_, i) => ({ ...(rows[i % rows.length] as TableRow), category: `分野${Math.floor((i * 5) / n) + 1}`, item: String(i + 1), no: i + 1, kind: "item" as const, repostOf: undefined }));
    const run = async (n: number) => {
      const fake = new FakeExcel(["表"]);
      await writeOwnReport(new ExcelWorkbookPort(fake.run), buildReportPlan(meta, many(n)));
      return fake;
    };
    const small = await run(100);
    const large = await run(10_000);
    expect(large.syncCount).toBeLessThanOrEqual(20);
    expect(large.formatOps).toBe(small.formatOps);
  });

  it("leaves the source table unchanged", async () => {
    const fake = await fakeFromFile(readFileSync(SAMPLE));
    const before = JSON.stringify(fake.dump("進捗管理表"));
    const port = new ExcelWorkbookPort(fake.run);
    const { table, settings } = await port.read();
    await writeOwnReport(port, buildReportPlan(settings?.settings.meta ?? { title: "", legend: { S: "", A: "", B: "" } }, table.rows));
    expect(JSON.stringify(fake.dump("進捗管理表"))).toBe(before);
  });
});

describe("the exceljs writer", () => {
  it("leaves the source table unchanged and replaces only its own report", async () => {
    const { port, rows, meta } = await sample();
    const saved = async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await port.save()) as unknown as ArrayBuffer);
      return workbook;
    };
    const snapshot = async () => JSON.stringify((await saved()).getWorksheet("進捗管理表")!.getSheetValues());
    const before = await snapshot();
    const plan = buildReportPlan(meta, rows);
    expect(await writeOwnReport(port, plan)).toBe("進捗状況レポート");
    expect(await writeOwnReport(port, plan)).toBe("進捗状況レポート");
    expect(await snapshot()).toBe(before);
    const workbook = await saved();
    expect(workbook.worksheets.filter((s) => s.name.startsWith("進捗状況レポート"))).toHaveLength(1);
    const sheet = workbook.getWorksheet("進捗状況レポート")!;
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: expect.stringMatching(/^\d+:\d+$/) });
    expect(sheet.headerFooter.oddFooter).toBe("&C- &P -");
    // exceljs writes page breaks but does not read them back: they are counted in the sheet's part.
    const { unzipSync, strFromU8 } = await import("fflate");
    const parts = unzipSync(await port.save());
    const reportPart = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && strFromU8(parts[p] ?? new Uint8Array()).includes("<rowBreaks"));
    expect(strFromU8(parts[reportPart ?? ""] ?? new Uint8Array()).match(/<brk /g)).toHaveLength(plan.pageBreaks.length);
  });

  it("writes through plan-progress report and never touches the input", async () => {
    const { run } = await import("../../src/cli/run");
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    const out = join(dir, "report.xlsx");
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), version: "0" };
    const before = readFileSync(SAMPLE);
    expect(await run(["report", SAMPLE, "-o", out], io)).toBe(0);
    expect(lines).toEqual([`${out} に「進捗状況レポート」シートを書き出しました`]);
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    expect(written.worksheets.map((s) => s.name)).toContain("進捗状況レポート");
    expect(await run(["report", SAMPLE, "-o", SAMPLE], io)).toBe(2);
  });

  it("adds the report beside the user's sheets (their active sheet kept), prints the report, and draws its summary as a native chart", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const { port, rows, meta } = await sample();
    const plan = buildReportPlan(meta, rows);
    const name = await writeOwnReport(port, plan);
    const bytes = await port.save();
    const parts = unzipSync(bytes);
    const text = (part: string) => strFromU8(parts[part] ?? new Uint8Array());
    // The report is added after the user's sheets; the sheet the user had open stays the one shown (its
    // part is never re-written to unselect it), and only the user's sheet is selected.
    const workbookXml = text("xl/workbook.xml");
    const sheetNames = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheetNames).toContain(name);
    const original = strFromU8(unzipSync(new Uint8Array(readFileSync(SAMPLE)))["xl/workbook.xml"] ?? new Uint8Array());
    expect(/activeTab="(\d+)"/.exec(workbookXml)?.[1]).toBe(/activeTab="(\d+)"/.exec(original)?.[1]);
    expect(Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && text(p).includes('tabSelected="1"')).length).toBeLessThanOrEqual(1);
    // A chart part, its drawing, the sheet's link to it, and the content types.
    const chart = text("xl/charts/chart1.xml");
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart).toContain("'進捗状況レポート'!$B$");
    expect((chart.match(/<c:ser>/g) ?? []).length).toBe(3);
    expect(text("xl/drawings/_rels/drawing1.xml.rels")).toContain("../charts/chart1.xml");
    expect(text("[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml"');
    const reportPart = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && text(p).includes("<drawing "));
    expect(reportPart).toBeDefined();
    expect(text(reportPart ?? "")).toMatch(/<pageSetup[^>]*\/>[\s\S]*<drawing r:id="rId\d+"\/>/);
    // The file still reads, in our reader and in exceljs; the print area is the report's.
    const again = await XlsxWorkbookPort.load(bytes);
    expect(again.sheets().map((s) => s.name)).toContain(name);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(excel.getWorksheet(name)?.pageSetup.printArea).toMatch(/^A1:G\d+$/);
    // The text chart stays: the summary's last column holds the marks.
    expect(plan.cells.some((c) => c.style === "chart" && String(c.value).includes("○"))).toBe(true);
  });
});
