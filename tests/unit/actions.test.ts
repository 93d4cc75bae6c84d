import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/core/actions/check";
import { compareYears, exportComparison } from "../../src/core/actions/compare";
import { exportFindings, exportFindingsByDepartment } from "../../src/core/actions/findings";
import { fixRating, ratingFixOf } from "../../src/core/actions/fix";
import { clearEntryRules, setEntryRules } from "../../src/core/actions/guards";
import { ignoreFinding, restoreAllFindings, restoreFinding } from "../../src/core/actions/ignore";
import { clearMarks, markFindings } from "../../src/core/actions/marks";
import { makeReport } from "../../src/core/actions/report";
import { rollOver } from "../../src/core/actions/rollover";
import { saveMapping, savePlanMeta, saveProfile } from "../../src/core/actions/settings";
import { Memo } from "../../src/core/memo";
import { WorkbookError, type WorkbookPort } from "../../src/core/port";
import { REPORT_SHEET } from "../../src/core/report/plan";
import { ExcelWorkbookPort } from "../../src/excel/workbookPort";
import { rolloverWorkbookBytes } from "../../src/xlsx/progressWorkbook";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { fakeFromFile } from "../support/excelValues";

/**
 * Every user action (src/core/actions) once, through both ports: the Office.js port on the Excel fake
 * (tests/support/fakeExcel.ts) and the file port on the bytes. What an action leaves behind is read back
 * through the same port, so the two hosts are held to one behaviour.
 */
const seeds = resolve(__dirname, "../../seeds");
const R2 = readFileSync(resolve(seeds, "kodaira-r2.xlsx"));
const R3 = readFileSync(resolve(seeds, "kodaira-r3.xlsx"));

interface Opened {
  port: WorkbookPort;
  /** Workbooks the host was asked to open (Excel's createWorkbook). */
  opened: string[];
}

const HOSTS: Record<"excel" | "file", (bytes: Uint8Array) => Promise<Opened>> = {
  excel: async (bytes) => {
    const opened: string[] = [];
    const fake = await fakeFromFile(bytes);
    return { port: new ExcelWorkbookPort(fake.run, async (base64) => void opened.push(base64)), opened };
  },
  file: async (bytes) => ({ port: await XlsxWorkbookPort.load(bytes), opened: [] }),
};

/** A workbook whose first sheet is a hidden old copy of the table (other ratings), the visible table after it. */
async function hiddenOldCopy(): Promise<Uint8Array> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(R2 as unknown as ArrayBuffer);
  const table = source.getWorksheet("進捗管理表");
  const workbook = new ExcelJS.Workbook();
  const old = workbook.addWorksheet("旧表", { state: "hidden" });
  const now = workbook.addWorksheet("進捗管理表");
  table?.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      const value = cell.value && typeof cell.value === "object" && "result" in cell.value ? (cell.value.result ?? null) : cell.value;
      now.getCell(r, c).value = value as ExcelJS.CellValue;
      // The old copy rates everything S.
      old.getCell(r, c).value = (r > 1 && c === 6 && value === "A" ? "S" : value) as ExcelJS.CellValue;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook without a progress table: a note and a list of names. */
async function noTable(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("メモ");
  sheet.addRow(["会議の覚え書き"]);
  sheet.addRow(["氏名", "所属"]);
  sheet.addRow(["山田", "政策課"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as WorkbookError);

describe.each(Object.keys(HOSTS) as (keyof typeof HOSTS)[])("the user actions, through the %s port", (host) => {
  const open = HOSTS[host];

  it("check: reads the sample's table and finds its findings, the same with a memo as without", async () => {
    const { port } = await open(R2);
    const memo = new Memo();
    const first = await runCheck(port, { memo });
    expect(first.table.rows).toHaveLength(59);
    expect(first.result.summary.items).toBe(43);
    expect(first.result.findings.some((f) => f.code === "RATING_OVERSTATED")).toBe(true);
    const again = await runCheck(port, { memo });
    const fresh = await runCheck(port);
    expect(again.result.findings).toEqual(first.result.findings);
    expect(fresh.result.findings).toEqual(first.result.findings);
  });

  it("fix: writes the suggested rating into the finding's cell, and a re-check no longer finds it", async () => {
    const { port } = await open(R2);
    const run = await runCheck(port);
    const finding = run.result.findings.find((f) => f.code === "RATING_OVERSTATED" && f.suggested && f.suggested !== "-");
    expect(finding).toBeDefined();
    if (!finding) return;
    const planned = ratingFixOf(run.table, finding);
    const fix = await fixRating(port, run.table, finding);
    expect(fix).toEqual(planned);
    expect(fix.to).toBe(finding.suggested);
    const after = await runCheck(port);
    expect(after.table.rows.find((r) => r.sheetRow === finding.row)?.rating).toBe(finding.suggested);
    expect(after.result.findings.some((f) => f.code === "RATING_OVERSTATED" && f.item === finding.item)).toBe(false);
  });

  it("fix: refuses a finding without a suggestion, writing nothing", async () => {
    const { port } = await open(R2);
    const run = await runCheck(port);
    const finding = run.result.findings.find((f) => !f.suggested);
    expect(finding).toBeDefined();
    if (!finding) return;
    expect((await refusal(fixRating(port, run.table, finding)))?.code).toBe("NothingToFix");
    expect((await runCheck(port)).result.findings).toEqual(run.result.findings);
  });

  it("ignore and restore: a finding set aside with its reason, brought back one by one or all at once", async () => {
    const { port } = await open(R2);
    const [first, second] = (await runCheck(port)).result.findings;
    if (!first || !second) throw new Error("the sample has findings");
    await ignoreFinding(port, first, "説明済み");
    await ignoreFinding(port, second, "確認中");
    const ignored = await runCheck(port);
    expect(ignored.result.ignored.map((f) => [f.code, f.item, f.reason])).toEqual(
      expect.arrayContaining([
        [first.code, first.item, "説明済み"],
        [second.code, second.item, "確認中"],
      ]),
    );
    await restoreFinding(port, first.code, first.item ?? "");
    expect((await runCheck(port)).settings.ignored.map((i) => i.reason)).toEqual(["確認中"]);
    await restoreAllFindings(port);
    expect((await runCheck(port)).settings.ignored).toEqual([]);
  });

  it("settings: the plan, the profile and a column mapping are kept in the settings and used by the next check", async () => {
    const { port } = await open(R2);
    const run = await runCheck(port);
    await savePlanMeta(port, { ...run.meta.meta, title: "別のプラン" });
    await saveProfile(port, { ...run.settings.profile, toleranceFloor: 0.9 });
    await saveMapping(port, { ...run.table.columns });
    const after = await runCheck(port);
    expect(after.meta.meta.title).toBe("別のプラン");
    expect(after.settings.profile.toleranceFloor).toBe(0.9);
    expect(after.settings.mapping).toEqual(run.table.columns);
    await saveMapping(port, {});
    expect((await runCheck(port)).settings.mapping).toBeUndefined();
  });

  it("report: written as the add-in's own sheet; a second replaces it; a user's sheet of that name is never taken", async () => {
    const { port } = await open(R2);
    const { sheet } = await makeReport(port);
    expect(sheet).toBe(REPORT_SHEET);
    expect((await port.readSettings())?.settings.generated).toContain(REPORT_SHEET);
    expect((await makeReport(port)).sheet).toBe(REPORT_SHEET);
    expect((await port.sheetNames()).filter((n) => n.startsWith(REPORT_SHEET))).toEqual([REPORT_SHEET]);
    // The table is still the one read.
    expect((await runCheck(port)).table.sheet).toBe("進捗管理表");
  });

  it("report and roll-over refuse a workbook without a table, naming what was found, and write nothing", async () => {
    const { port, opened } = await open(await noTable());
    const before = await port.sheetNames();
    const report = await refusal(makeReport(port));
    expect(report?.code).toBe("NoTable");
    expect(report?.text.ja).toContain("レポートを作れません");
    expect(report?.text.ja).toContain("シート「メモ」");
    const next = await refusal(rollOver(port, rolloverWorkbookBytes));
    expect(next?.code).toBe("NoTable");
    expect(next?.text.ja).toContain("来年度の表を作れません");
    expect(next?.text.en).toContain("next year's table");
    expect(await port.sheetNames()).toEqual(before);
    expect(opened).toEqual([]);
  });

  it("roll-over: next year's table with ratings and results cleared and the year moved on", async () => {
    const { port } = await open(R2);
    const next = await rollOver(port, rolloverWorkbookBytes);
    expect(next.year).toBe("令和3年度");
    const read = await (await XlsxWorkbookPort.load(next.bytes)).read();
    expect(read.table.rows).toHaveLength(59);
    expect(read.table.rows.every((r) => r.result === "")).toBe(true);
    expect(read.settings?.settings.meta.fiscalYear).toBe(2021);
  });

  it("exports: the findings sheet, and one sheet per department, each recorded as the add-in's", async () => {
    const { port } = await open(R2);
    const run = await runCheck(port);
    const { sheet } = await exportFindings(port, run);
    expect(sheet).toBe("チェック結果");
    const { sheets } = await exportFindingsByDepartment(port, run);
    expect(sheets.length).toBeGreaterThan(3);
    expect(sheets.every((s) => s.startsWith("チェック結果（"))).toBe(true);
    const generated = (await port.readSettings())?.settings.generated ?? [];
    expect(generated).toEqual(expect.arrayContaining([sheet, ...sheets]));
    // Exported again: replaced, not doubled.
    await exportFindings(port, run);
    expect((await port.sheetNames()).filter((n) => n === "チェック結果")).toHaveLength(1);
  });

  it("compare years: last year's file against this workbook, and the comparison as a sheet", async () => {
    const { port } = await open(R3);
    const comparison = await compareYears(await XlsxWorkbookPort.load(R2), port);
    expect(comparison.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["RATING_DOWN", "RESULT_UNCHANGED_RATING_UP", "ITEM_ADDED"]));
    const { sheet } = await exportComparison(port, comparison);
    expect(await port.sheetNames()).toContain(sheet);
    expect((await port.readSettings())?.settings.generated).toContain(sheet);
  });

  it("entry rules: set on the rating, plan and results columns, recorded, and removed exactly", async () => {
    const { port } = await open(R2);
    const { set, skipped } = await setEntryRules(port);
    expect(set.map((g) => g.kind)).toEqual(["rating", "text", "text"]);
    expect(skipped).toEqual([]);
    expect((await port.readSettings())?.settings.guards).toEqual(set);
    // Set again: the add-in's own rules are replaced, not taken for a user's.
    expect((await setEntryRules(port)).skipped).toEqual([]);
    await clearEntryRules(port);
    expect((await port.readSettings())?.settings.guards ?? []).toEqual([]);
  });

  it("marks: drawn and cleared where the host can (Excel); refused before anything is touched where it cannot", async () => {
    const { port } = await open(R2);
    const run = await runCheck(port);
    if (port.can.marks) {
      const { cells } = await markFindings(port, run.table.sheet, run.result.findings);
      expect(cells).toBeGreaterThan(0);
      expect((await port.readSettings())?.settings.marks).toEqual([{ sheet: run.table.sheet }]);
      await clearMarks(port);
      expect((await port.readSettings())?.settings.marks ?? []).toEqual([]);
    } else {
      const before = await port.readSettings();
      expect((await refusal(markFindings(port, run.table.sheet, run.result.findings)))?.code).toBe("Unsupported");
      expect((await refusal(clearMarks(port)))?.code).toBe("Unsupported");
      expect(await port.readSettings()).toEqual(before);
    }
  });

  it("reads the visible table, not a hidden old copy placed before it (one rule in core for every port)", async () => {
    const { port } = await open(await hiddenOldCopy());
    const run = await runCheck(port);
    expect(run.table.sheet).toBe("進捗管理表");
    expect(run.table.rows.some((r) => r.rating === "S")).toBe(false);
    expect(run.result.findings.some((f) => f.code === "TABLE_SHEET_HIDDEN")).toBe(false);
  });
});

describe.each(Object.keys(HOSTS) as (keyof typeof HOSTS)[])("settings longer than a cell holds, through the %s port", (host) => {
  it("keeps 2,000 ignored findings with their reasons (over 32,767 characters), written over several rows", async () => {
    const { port } = await HOSTS[host](R2);
    const reason = "数値に表れない遅れがあるため、担当課と協議のうえ評価を据え置いた（令和3年3月、委員会で確認）。";
    const ignored = Array.from({ length: 2_000 }, (_, i) => ({ code: "RATING_OVERSTATED", item: String(i + 1), reason: `${reason}${i}` }));
    expect(JSON.stringify(ignored).length).toBeGreaterThan(3 * 32_767);
    const { updateSettings } = await import("../../src/core/actions/settings");
    await updateSettings(port, (current) => ({ ...current, ignored }));
    const read = await port.readSettings();
    expect(read?.problems).toEqual([]);
    expect(read?.settings.ignored).toEqual(ignored);
  });
});
