import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { writeOwnSheet } from "../../src/core/actions/sheets";
import { ExcelWorkbookPort } from "../../src/excel/workbookPort";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { DEFAULT_SETTINGS, SETTINGS_SHEET } from "../../src/core/workbook/settings";
import type { RawCell } from "../../src/core/workbook/cells";
import { WorkbookError } from "../../src/core/port";
import { MARK_FORMULA } from "../../src/excel/workbookPort";
import { FakeExcel, putGrid } from "../support/fakeExcel";
import { fakeFromFile } from "../support/excelValues";

const SAMPLE = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");
const HEADER = ["分野", "No.", "枝番", "項目", "主な推進担当課", "評価", "実施内容", "当初予定（目標値）", "取組実績（実績値）", "備考"];

const put = putGrid;

async function sampleInFake(): Promise<{ fake: FakeExcel; xlsx: XlsxWorkbookPort }> {
  const file = readFileSync(SAMPLE);
  const xlsx = await XlsxWorkbookPort.load(file);
  // The fake holds the file as Excel's own values would give it, not as the file reader sees it.
  const fake = await fakeFromFile(file);
  return { fake, xlsx };
}

function generated(rows: number, text: (n: number) => string): RawCell[][] {
  const out: RawCell[][] = [HEADER];
  for (let n = 1; n <= rows; n += 1) out.push([`分野${Math.ceil(n / 2000)}`, n, null, `項目${n}`, "課", "A", "", text(n), text(n), ""]);
  return out;
}

describe("the Office.js port, on the fake", () => {
  it("reads the same rows from the sample as the xlsx port", async () => {
    const { fake, xlsx } = await sampleInFake();
    const office = (await new ExcelWorkbookPort(fake.run).read()).table;
    const file = (await xlsx.read()).table;
    expect(office.rows).toHaveLength(59);
    expect(office.rows).toEqual(file.rows);
    expect(office.problems).toEqual([]);
    expect(fake.syncCount).toBe(2);
  });

  it("reads a 10,000-row table in at most 2 syncs", async () => {
    const fake = new FakeExcel(["表"]);
    put(fake, "表", generated(10_000, (n) => `(件数 ${n}件)`));
    const table = (await new ExcelWorkbookPort(fake.run).read()).table;
    expect(table.rows).toHaveLength(10_000);
    expect(table.rows.at(-1)).toMatchObject({ item: "10000", plan: "(件数 10000件)" });
    expect(fake.syncCount).toBeLessThanOrEqual(2);
  });

  it("reads again in smaller chunks when the texts below are longer than the first rows promised", async () => {
    const fake = new FakeExcel(["表"]);
    put(fake, "表", generated(3000, (n) => (n < 30 ? "短い" : `${"長い計画の文章".repeat(80)} (件数 ${n}件)`)));
    const table = (await new ExcelWorkbookPort(fake.run).read()).table;
    expect(table.rows).toHaveLength(3000);
    expect(table.rows.at(-1)?.plan).toContain("(件数 3000件)");
  });

  it("cuts a table too large for one response into row chunks, each under the limit", async () => {
    const fake = new FakeExcel(["表"]);
    put(fake, "表", generated(3000, (n) => `${"計画の文章".repeat(60)} (件数 ${n}件)`));
    const table = (await new ExcelWorkbookPort(fake.run).read()).table;
    expect(table.rows).toHaveLength(3000);
    expect(fake.syncCount).toBeGreaterThan(2);
  });

  it("finds the table on another sheet with one more sync, and honours a chosen sheet", async () => {
    // Six rows: the first 20 rows read while looking for the header hold the whole table.
    const fake = new FakeExcel(["メモ", "表"]);
    put(fake, "メモ", [["覚え書き"]]);
    put(fake, "表", generated(5, (n) => `(件数 ${n}件)`));
    const port = new ExcelWorkbookPort(fake.run);
    expect(((await port.read()).table).rows).toHaveLength(5);
    expect(fake.syncCount).toBe(2);
    fake.syncCount = 0;
    expect(((await port.read({ sheet: "表" })).table).rows).toHaveLength(5);
    expect(fake.syncCount).toBe(1);
  });

  it("prefers the sheet of an Excel Table", async () => {
    const fake = new FakeExcel(["一", "二"]);
    put(fake, "一", generated(2, () => "x"));
    put(fake, "二", generated(3, () => "y"));
    fake.tables.push({ name: "進捗", sheet: "二" });
    expect(((await new ExcelWorkbookPort(fake.run).read()).table).sheet).toBe("二");
  });

  it("reads error values as errors", async () => {
    const fake = new FakeExcel(["表"]);
    put(fake, "表", generated(1, () => "x"));
    fake.sheet("表")?.setFormat(1, 8, "General");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("表").getRange("I2").values = [["=1/0"]];
      await context.sync();
    });
    const [row] = ((await new ExcelWorkbookPort(fake.run).read()).table).rows;
    expect(row?.errors).toEqual([{ field: "result", column: 8, error: "#NAME?" }]);
  });

  it("writes the settings sheet hidden, as text, and reads it back; the mapping applies to reading", async () => {
    const fake = new FakeExcel(["表"]);
    put(fake, "表", [["番号", "名前", "判定", "目標", "結果"], [3, "x", "B", "(件数 5件)", "(件数 4件)"]]);
    const port = new ExcelWorkbookPort(fake.run);
    const settings = {
      ...DEFAULT_SETTINGS,
      meta: { ...DEFAULT_SETTINGS.meta, title: "4-1 計画", evaluationDate: "令和3年3月末", fiscalYear: 2020 },
      mapping: { title: 1, rating: 2, plan: 3, result: 4 },
      ignored: [{ code: "RATING_OVERSTATED", item: "12", reason: "=理由" }],
    };
    await port.writeSettings(settings);
    expect(fake.sheet(SETTINGS_SHEET)?.visibility).toBe("Hidden");
    const read = await port.readSettings();
    expect(read?.settings).toEqual(settings);
    expect(((await port.read()).table).rows[0]).toMatchObject({ item: "3", title: "x", rating: "B" });
    await port.writeSettings(settings); // replacing it works too
    expect(fake.sheets.filter((s) => s.name === SETTINGS_SHEET)).toHaveLength(1);
  });

  it("selects a cell", async () => {
    const fake = new FakeExcel(["表"]);
    await new ExcelWorkbookPort(fake.run).selectCell("表", 7, 12);
    expect(fake.selection).toEqual({ sheet: "表", row: 11, column: 7 });
    expect(fake.active).toBe("表");
  });

  it("leaves the table's values and formats as they were", async () => {
    const { fake } = await sampleInFake();
    const before = JSON.stringify(fake.dump("進捗管理表"));
    await new ExcelWorkbookPort(fake.run).read();
    expect(JSON.stringify(fake.dump("進捗管理表"))).toBe(before);
  });
});

describe("the check through the Office.js port, on the fake", () => {
  it("checks a 10,000-row table in at most 3 syncs, writing nothing", async () => {
    const { runCheck } = await import("../../src/core/actions/check");
    const fake = new FakeExcel(["表"]);
    put(fake, "表", generated(10_000, (n) => `(件数 ${n}件)`));
    const before = JSON.stringify(fake.dump("表"));
    const run = await runCheck(new ExcelWorkbookPort(fake.run));
    expect(run.table.rows).toHaveLength(10_000);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(JSON.stringify(fake.dump("表"))).toBe(before);
  });

  it("ignores a finding through the settings sheet and resets it", async () => {
    const { runCheck } = await import("../../src/core/actions/check");
    const { sample } = { sample: await sampleInFake() };
    const port = new ExcelWorkbookPort(sample.fake.run);
    const first = await runCheck(port);
    expect(first.result.findings.some((f) => f.code === "DEPARTMENT_MISSING" && f.item === "1")).toBe(true);
    await port.writeSettings({ ...first.settings, ignored: [{ code: "DEPARTMENT_MISSING", item: "1", reason: "兼務のため" }] });
    const second = await runCheck(port);
    expect(second.result.findings.some((f) => f.code === "DEPARTMENT_MISSING")).toBe(false);
    expect(second.result.ignored.map((f) => f.reason)).toEqual(["兼務のため"]);
    await port.writeSettings({ ...second.settings, ignored: [] });
    expect((await runCheck(port)).result.summary.ignored).toBe(0);
  });

  it("changes one rating cell on the quick fix and nothing else", async () => {
    const { fake } = await sampleInFake();
    const before = fake.dump("進捗管理表");
    await new ExcelWorkbookPort(fake.run).writeCell("進捗管理表", 5, 22, "B");
    const after = fake.dump("進捗管理表");
    expect(after.values[21]?.[5]).toBe("B");
    after.values[21]![5] = before.values[21]![5]!;
    expect(after).toEqual(before);
  });

  it("exports the findings to a 「チェック結果」 sheet with links, replacing only its own sheet", async () => {
    const { runCheck } = await import("../../src/core/actions/check");
    const { findingsSheet } = await import("../../src/core/check/export");
    const { fake } = await sampleInFake();
    const port = new ExcelWorkbookPort(fake.run);
    const run = await runCheck(port);
    expect(await writeOwnSheet(port, findingsSheet(run.result, "進捗管理表"))).toBe("チェック結果");
    const sheet = fake.dump("チェック結果").values;
    expect(sheet[0]?.[0]).toBe("チェック結果（計画進捗チェッカーが作成）");
    expect(sheet[2]?.slice(0, 4)).toEqual(["エラー", "12", "F22", "RATING_OVERSTATED"]);
    expect(fake.hyperlinks.get("チェック結果!2,2")).toBe("'進捗管理表'!F22");
    expect(await writeOwnSheet(port, findingsSheet(run.result, "進捗管理表"))).toBe("チェック結果");
    fake.setValues("自分の表", [["利用者の表"]]);
    const mine = await writeOwnSheet(port, { ...findingsSheet(run.result, "進捗管理表"), name: "自分の表" });
    expect(mine).toBe("自分の表 (2)");
    expect(fake.dump("自分の表").values).toEqual([["利用者の表"]]);
  });
});

describe("sheets of the add-in on the web's 5 MB requests", () => {
  it("writes a findings sheet of 30,000 linked rows in requests under 5 MB, links counted, built aside and named when complete", async () => {
    const fake = new FakeExcel(["進捗管理表"]);
    const port = new ExcelWorkbookPort(fake.run);
    const long = "・市民との協働による事業の推進を図るため、計画を策定し、関係課と調整を行った。".repeat(2);
    const sheet = {
      name: "チェック結果",
      title: "チェック結果（計画進捗チェッカーが作成）",
      columns: [{ header: "項目", width: 6 }, { header: "セル", width: 8 }, { header: "メッセージ", width: 60 }, { header: "根拠", width: 60 }],
      rows: Array.from({ length: 30_000 }, (_, i) => ({ values: [String(i + 1), `F${i + 2}`, long, long], link: { column: 1, sheet: "進捗管理表", address: `F${i + 2}` } })),
    };
    await port.writeSheet("チェック結果", sheet);
    expect(fake.hyperlinkCount).toBe(30_000);
    expect(fake.largestRequest).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fake.syncCount).toBeGreaterThan(2);
    expect(fake.sheets.map((s) => s.name)).toEqual(["進捗管理表", "チェック結果"]);
    const written = fake.dump("チェック結果").values;
    expect(written).toHaveLength(30_002);
    expect(written[30_001]?.[0]).toBe("30000");
  });

  it("leaves no half-written sheet, and the earlier one in place, when a request fails", async () => {
    const fake = new FakeExcel(["進捗管理表", "チェック結果"]);
    const port = new ExcelWorkbookPort(fake.run);
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ values: [String(i + 1), "x".repeat(200)] }));
    fake.failAtSync = 3;
    const error = await port.writeSheet("チェック結果", { name: "チェック結果", title: "t", columns: [{ header: "a", width: 6 }, { header: "b", width: 60 }], rows }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(fake.sheets.map((s) => s.name)).toEqual(["進捗管理表", "チェック結果"]);
  });
});

describe("cell marks", () => {
  it("marks the findings' cells with conditional formats only, error on top, and one call removes exactly those", async () => {
    const { fake } = await sampleInFake();
    const before = JSON.stringify(fake.dump("進捗管理表"));
    const users = fake.addUserConditionalFormat("進捗管理表", ["A1"], "#000000");
    const port = new ExcelWorkbookPort(fake.run);
    await port.markCells("進捗管理表", [
      { column: 5, sheetRow: 22, severity: "error" },
      { column: 4, sheetRow: 2, severity: "warning" },
      { column: 8, sheetRow: 33, severity: "warning" },
    ]);
    const ours = fake.conditionalFormats.filter((c) => c !== users);
    // add() puts each new format on top: error, added last, wins where marks overlap.
    expect(ours.map((c) => [c.cells, c.fill, c.formula])).toEqual([
      [["F22"], "#F9D0D3", MARK_FORMULA],
      [["E2", "I33"], "#FFF1B8", MARK_FORMULA],
    ]);
    expect(JSON.stringify(fake.dump("進捗管理表"))).toBe(before);
    await port.clearMarks();
    expect(fake.conditionalFormats).toEqual([users]);
  });

  it("finds its marks by their rule, not by ids that are only priorities: after the user adds or clears formats, and after a rename", async () => {
    const { fake } = await sampleInFake();
    const port = new ExcelWorkbookPort(fake.run);
    await port.markCells("進捗管理表", [{ column: 5, sheetRow: 22, severity: "error" }]);
    // The user adds a format of their own (it takes the top priority, every id moves) and renames the sheet.
    const users = fake.addUserConditionalFormat("進捗管理表", ["B2"], "#00FF00");
    fake.renameSheet("進捗管理表", "R2");
    await port.clearMarks();
    expect(fake.conditionalFormats).toEqual([users]);
    // Marks again, then the user clears every format: clearing finds nothing, and does not fail.
    await port.markCells("R2", [{ column: 5, sheetRow: 22, severity: "error" }]);
    fake.conditionalFormats = [];
    await expect(port.clearMarks()).resolves.toBeUndefined();
    expect((await port.readSettings())?.settings.marks).toBeUndefined();
    // And marking works again afterwards.
    await port.markCells("R2", [{ column: 5, sheetRow: 22, severity: "info" }]);
    expect(fake.conditionalFormats).toHaveLength(1);
  });

  it("says why marking fails on a protected sheet, in Japanese", async () => {
    const { fake } = await sampleInFake();
    fake.sheet("進捗管理表")!.protected = true;
    const error = await new ExcelWorkbookPort(fake.run).markCells("進捗管理表", [{ column: 5, sheetRow: 22, severity: "error" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).text.ja).toContain("保護されている");
  });
});

describe("Excel as it behaves: failures, protection, cell editing, dates, merged cells", () => {
  it("refuses the quick fix when rows moved since the check, and says so", async () => {
    const { runCheck } = await import("../../src/core/actions/check");
    const { fake } = await sampleInFake();
    const port = new ExcelWorkbookPort(fake.run);
    const run = await runCheck(port);
    const row = run.table.rows.find((r) => r.item === "12")!;
    const guard = [{ column: run.table.columns.no!, expected: row.noWritten }, { column: run.table.columns.title!, expected: row.title }];
    // A row is inserted above item 12: row 22 now holds item 11.
    const sheet = fake.sheet("進捗管理表")!;
    const moved = new Map<string, (typeof sheet.cells extends Map<string, infer C> ? C : never)>();
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      moved.set(`${r >= 20 ? r + 1 : r},${c}`, cell);
    }
    sheet.cells = moved;
    const before = JSON.stringify(fake.dump("進捗管理表"));
    const error = await port.writeCell("進捗管理表", 5, 22, "A", guard).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RowMoved" });
    expect((error as WorkbookError).text.ja).toContain("行の挿入や削除");
    expect(JSON.stringify(fake.dump("進捗管理表"))).toBe(before);
    // Where the row still matches, the fix goes through.
    await port.writeCell("進捗管理表", 5, 23, "B", guard);
    expect(fake.dump("進捗管理表").values[22]?.[5]).toBe("B");
  });

  it("refuses the quick fix on a locked cell of a protected sheet, naming the cell, before trying", async () => {
    const { fake } = await sampleInFake();
    fake.sheet("進捗管理表")!.protected = true;
    const before = JSON.stringify(fake.dump("進捗管理表"));
    const error = await new ExcelWorkbookPort(fake.run).writeCell("進捗管理表", 5, 22, "B").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe("CellLocked");
    expect((error as WorkbookError).text.ja).toContain("セル F22 はロックされている");
    expect(JSON.stringify(fake.dump("進捗管理表"))).toBe(before);
  });

  it("writes the quick fix on a protected sheet whose rating column is unlocked (a common municipal layout)", async () => {
    const { fake } = await sampleInFake();
    const sheet = fake.sheet("進捗管理表")!;
    sheet.protected = true;
    // The rating (F) and results (I) columns are unlocked for the departments to fill in.
    for (let r = 0; r < 80; r += 1) for (const c of [5, 8]) sheet.unlocked.add(sheet.key(r, c));
    await new ExcelWorkbookPort(fake.run).writeCell("進捗管理表", 5, 22, "B");
    expect(fake.dump("進捗管理表").values[21]?.[5]).toBe("B");
  });

  it("says precisely why marks and entry rules cannot be set on a protected sheet, and marks where formatting is allowed", async () => {
    const { setEntryRules } = await import("../../src/core/actions/guards");
    const { fake } = await sampleInFake();
    const sheet = fake.sheet("進捗管理表")!;
    sheet.protected = true;
    const port = new ExcelWorkbookPort(fake.run);
    const marks = await port.markCells("進捗管理表", [{ column: 5, sheetRow: 22, severity: "error" }]).catch((e: unknown) => e);
    expect(marks).toMatchObject({ code: "SheetProtected" });
    expect((marks as WorkbookError).text.ja).toContain("「セルの書式設定」を許可する");
    const rules = await setEntryRules(port).catch((e: unknown) => e);
    expect(rules).toMatchObject({ code: "SheetProtected" });
    expect((rules as WorkbookError).text.ja).toContain("入力規則を設定・解除することができません");
    expect([...sheet.validations.keys()]).toEqual([]);
    // With "Format cells" allowed, the marks go on.
    sheet.allowFormatCells = true;
    await port.markCells("進捗管理表", [{ column: 5, sheetRow: 22, severity: "error" }]);
    expect(fake.conditionalFormats).toHaveLength(1);
    // Protection without the allowance again: clearing says so and removes nothing.
    sheet.allowFormatCells = false;
    expect(await port.clearMarks().catch((e: unknown) => e)).toMatchObject({ code: "SheetProtected" });
    expect(fake.conditionalFormats).toHaveLength(1);
  });

  it("runs every batch with delayForCellEdit, so that editing a cell delays a write instead of failing it", async () => {
    const { fake } = await sampleInFake();
    fake.cellEditMode = true;
    const port = new ExcelWorkbookPort(fake.run);
    await port.writeCell("進捗管理表", 5, 22, "B");
    await port.read();
    expect(fake.runs.every((r) => r.delayForCellEdit === true)).toBe(true);
  });

  it("reads a date cell as a date, in the 1900 and 1904 date systems, as the file reader does", async () => {
    for (const date1904 of [false, true]) {
      const fake = new FakeExcel(["表"]);
      fake.date1904 = date1904;
      putGrid(fake, "表", [HEADER, ["分野", 1, null, "x", "課", "A", "", { date: "2021-03-31" }, "(件数 1件)", ""]]);
      const [row] = (await new ExcelWorkbookPort(fake.run).read()).table.rows;
      expect(row?.plan, `1904: ${date1904}`).toBe("2021-03-31");
    }
  });

  it("reads merged cells as Excel gives them (the value in the top-left only), as the file reader now does", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.addRows([HEADER, ["分野A", 1, null, "x", "課", "A", "", "(件数 1件)", "(件数 1件)", ""], [null, 2, null, "y", "課", "A", "", "(件数 1件)", "(件数 1件)", ""]]);
    sheet.mergeCells("A2:A3");
    const xlsx = await XlsxWorkbookPort.fromWorkbook(workbook);
    expect(xlsx.grids()[0]?.rows[2]?.[0]).toBeUndefined();
    const fake = await fakeFromFile(await workbook.xlsx.writeBuffer());
    expect(fake.sheet("表")?.merges).toEqual([[1, 0, 2, 1]]);
    const office = (await new ExcelWorkbookPort(fake.run).read()).table.rows;
    expect(office).toEqual((await xlsx.read()).table.rows);
    expect(office.map((r) => r.category)).toEqual(["分野A", "分野A"]);
  });

  it("retries a read too large for one response, on the code Excel on the web gives (ResponsePayloadSizeLimitExceeded)", async () => {
    const fake = new FakeExcel(["表"]);
    put(fake, "表", generated(3000, (n) => (n < 30 ? "短い" : `${"長い計画の文章".repeat(90)} (件数 ${n}件)`)));
    const table = (await new ExcelWorkbookPort(fake.run).read()).table;
    expect(table.rows).toHaveLength(3000);
  });

  it("quotes a sheet name with an apostrophe in the findings' links ('O''Brien')", async () => {
    const { findingsSheet } = await import("../../src/core/check/export");
    const { runCheck } = await import("../../src/core/actions/check");
    const { fake } = await sampleInFake();
    fake.renameSheet("進捗管理表", "O'Brien");
    const port = new ExcelWorkbookPort(fake.run);
    const run = await runCheck(port);
    await writeOwnSheet(port, findingsSheet(run.result, run.table.sheet));
    expect(fake.hyperlinks.get("チェック結果!2,2")).toBe("'O''Brien'!F22");
  });

  it("fails at any sync of check, export, marks and quick fix with a Japanese message, the table untouched and the settings whole", async () => {
    const { runCheck } = await import("../../src/core/actions/check");
    const { findingsSheet } = await import("../../src/core/check/export");
    const actions: Record<string, (port: ExcelWorkbookPort) => Promise<unknown>> = {
      check: (port) => runCheck(port),
      export: async (port) => writeOwnSheet(port, findingsSheet((await runCheck(port)).result, "進捗管理表")),
      marks: (port) => port.markCells("進捗管理表", [{ column: 5, sheetRow: 22, severity: "error" }]),
      clearMarks: (port) => port.clearMarks(),
      quickFix: (port) => port.writeCell("進捗管理表", 5, 22, "B", [{ column: 1, expected: "12" }]),
      settings: (port) => port.writeSettings({ ...DEFAULT_SETTINGS, ignored: [{ code: "X", item: "1", reason: "r" }] }),
    };
    for (const [name, action] of Object.entries(actions)) {
      const clean = (await sampleInFake()).fake;
      await new ExcelWorkbookPort(clean.run).writeSettings({ ...DEFAULT_SETTINGS, ignored: [{ code: "Y", item: "2", reason: "前から" }] });
      clean.syncCount = 0;
      await action(new ExcelWorkbookPort(clean.run));
      for (let failing = 1; failing <= clean.syncCount; failing += 1) {
        const { fake } = await sampleInFake();
        const port = new ExcelWorkbookPort(fake.run);
        await port.writeSettings({ ...DEFAULT_SETTINGS, ignored: [{ code: "Y", item: "2", reason: "前から" }] });
        const table = JSON.stringify(fake.dump("進捗管理表"));
        fake.syncCount = 0;
        fake.failAtSync = failing;
        const error = await action(port).catch((e: unknown) => e);
        fake.failAtSync = undefined;
        expect(error, `${name} at sync ${failing}`).toBeInstanceOf(WorkbookError);
        expect((error as WorkbookError).text.ja.length, `${name} at sync ${failing}`).toBeGreaterThan(5);
        if (name !== "quickFix") expect(JSON.stringify(fake.dump("進捗管理表")), `${name} at sync ${failing}`).toBe(table);
        // The settings are never lost: the old ones or the new ones, whole.
        const settings = (await port.readSettings())?.settings;
        expect(settings?.ignored.length, `${name} at sync ${failing}`).toBe(1);
      }
    }
  });
});

describe("a workbook that changes while the add-in works", () => {
  it("says the read may be off when rows were inserted between its requests (rows read twice), and not otherwise", async () => {
    const fake = new FakeExcel(["表"]);
    put(fake, "表", generated(3000, (n) => `${"長い計画の文章".repeat(60)} (件数 ${n}件)`));
    const calm = await new ExcelWorkbookPort(fake.run).read();
    expect(calm.changedWhileReading).toBeUndefined();
    const syncsPerRead = fake.syncCount;
    expect(syncsPerRead).toBeGreaterThan(2); // several requests: a user can edit between them
    const start = fake.syncCount;
    fake.beforeSync = (sync) => {
      // The user inserts a row near the top after the first request of the read.
      if (sync === start + 2) fake.sheet("表")?.insertRow(5);
    };
    const torn = await new ExcelWorkbookPort(fake.run).read();
    expect(torn.changedWhileReading).toBe(true);
    const { runCheck } = await import("../../src/core/actions/check");
    fake.beforeSync = undefined;
    expect((await runCheck(new ExcelWorkbookPort(fake.run))).changedWhileReading).toBeUndefined();
  });

  it("keeps an ignore written meanwhile when the pane saves another change to the settings", async () => {
    const { updateSettings } = await import("../../src/core/actions/settings");
    const { fake } = await sampleInFake();
    const pane = new ExcelWorkbookPort(fake.run);
    const seen = (await pane.read()).settings?.settings ?? DEFAULT_SETTINGS;
    // Meanwhile, a second window ignores a finding.
    const other = new ExcelWorkbookPort(fake.run);
    await updateSettings(other, (s) => ({ ...s, ignored: [...s.ignored, { code: "RATING_OVERSTATED", item: "12", reason: "説明済み" }] }));
    // The pane, which read the settings before, now saves a profile and ignores another finding.
    await updateSettings(pane, (s) => ({ ...s, profile: { ...s.profile, toleranceFloor: 0.9 } }));
    await updateSettings(pane, (s) => ({ ...s, ignored: [...s.ignored, { code: "RESULT_MISSING", item: "23", reason: "集計中" }] }));
    const after = (await pane.readSettings())?.settings;
    expect(seen.ignored).toEqual([]);
    expect(after?.ignored.map((i) => `${i.code} ${i.item}`)).toEqual(["RATING_OVERSTATED 12", "RESULT_MISSING 23"]);
    expect(after?.profile.toleranceFloor).toBe(0.9);
  });
});
