import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { departmentsIn } from "../../src/core/workbook/departments";
import { clearEntryRules, setEntryRules } from "../../src/core/actions/guards";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, run } from "../../src/cli/run";
import { departmentSheets, departmentsOf } from "../../src/core/check/export";
import { checkTable } from "../../src/core/check/check";
import { matchItems, titleSimilarity } from "../../src/core/diff/match";
import { diffSheet, runDiff } from "../../src/core/diff/run";
import { entryGuard, GUARD_TITLE } from "../../src/core/workbook/guard";
import { nextEvaluationDate, rolloverTable } from "../../src/core/workbook/rollover";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { tableRow, type TableRow } from "../../src/core/workbook/table";
import { ExcelWorkbookPort } from "../../src/excel/workbookPort";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { fakeFromFile } from "../support/excelValues";

const seeds = resolve(__dirname, "../../seeds");
const R2 = resolve(seeds, "kodaira-r2.xlsx");
const R3 = resolve(seeds, "kodaira-r3.xlsx");

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), version: "0" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("comparing two years", () => {
  it("finds every change made to the second-year sample (seeds/README.md), and nothing else", async () => {
    const result = await runDiff(await XlsxWorkbookPort.load(readFileSync(R2)), await XlsxWorkbookPort.load(readFileSync(R3)));
    expect([result.lastFiscalYear, result.thisFiscalYear]).toEqual([2020, 2021]);
    expect(result.findings.map((f) => `${f.severity} ${f.code} ${f.item}`)).toEqual([
      "error RESULT_UNCHANGED_RATING_UP 8",
      "warning RATING_DOWN 12",
      "warning ITEM_REMOVED 42",
      "info TARGET_CHANGED 9",
      "info RATING_UP 37",
      "info ITEM_RENUMBERED 42",
      "info ITEM_ADDED 43",
    ]);
    expect(result.findings.find((f) => f.code === "TARGET_CHANGED")?.message.ja).toContain("策定件数 1件以上 → 新たな市民参加の手法を活用した計画等の策定件数 3件以上");
    expect(result.findings.find((f) => f.code === "ITEM_RENUMBERED")?.message.ja).toBe("「広域連携の推進」は前年度の No.43 です");
    // Item 13's title was extended: matched by its No., not reported as removed and added.
    expect(result.matches.find((m) => m.this.item === "13")).toMatchObject({ by: "number" });
    expect(result.categories.find((c) => c.name === "執行体制の再構築")).toEqual({ name: "執行体制の再構築", items: 7, up: 1, down: 0, same: 5, added: 1 });
    expect(result.summary).toEqual({ error: 1, warning: 2, info: 4 });
    const sheet = diffSheet(result, result.thisSheet);
    expect(sheet.rows[0]?.values.slice(0, 3)).toEqual(["エラー", "8", "RESULT_UNCHANGED_RATING_UP"]);
    expect(sheet.rows.some((r) => r.values[0] === "執行体制の再構築" && r.values[5] === "1")).toBe(true);
  });

  it("matches an item renumbered and retitled by the likeness of its title", () => {
    const row = (no: number, title: string, rating = "A"): TableRow =>
      tableRow({ sheetRow: no + 1, category: "分野", no, title, department: "課", ratingWritten: rating, actions: "", plan: "", result: "", notes: "", noWritten: String(no), subWritten: "", errors: [] });
    const last = [row(1, "行政評価の実施"), row(2, "公共施設マネジメントの推進"), row(3, "窓口サービスの向上")];
    const current = [row(1, "行政評価の実施"), row(2, "窓口サービスの向上"), row(3, "公共施設マネジメントの更なる推進"), row(4, "電子申請の拡大")];
    const { matches, added, removed } = matchItems(last, current);
    expect(matches.map((m) => `${m.last.item}->${m.this.item} ${m.by}`)).toEqual(["1->1 title", "3->2 title", "2->3 similar"]);
    expect(added.map((r) => r.title)).toEqual(["電子申請の拡大"]);
    expect(removed).toEqual([]);
    expect(titleSimilarity("行政評価の実施", "行政評価の実施")).toBe(1);
    expect(titleSimilarity("公共施設マネジメントの推進", "公共施設マネジメントの更なる推進")).toBeGreaterThan(0.6);
    expect(titleSimilarity("行政評価の実施", "電子申請の拡大")).toBeLessThan(0.3);
  });

  it("runs as plan-progress diff: text, JSON, and the exit code of check", async () => {
    const text = await cli("diff", R2, R3);
    expect(text.code).toBe(EXIT_FINDINGS);
    expect(text.out.split("\n")[0]).toBe("前年度との比較（令和2年度 → 令和3年度）");
    expect(text.out).toContain("error 8 18 RESULT_UNCHANGED_RATING_UP");
    expect(text.out).toContain("  執行体制の再構築: 項目 7、上がった 1、下がった 0、変わらない 5、新しい項目 1");
    const json = JSON.parse((await cli("diff", R2, R3, "--json", "--lang", "en")).out) as { findings: { code: string; title: string }[]; summary: unknown };
    expect(json.findings[0]).toMatchObject({ code: "RESULT_UNCHANGED_RATING_UP", title: "Rating up while the results did not move" });
    expect((await cli("diff", R2, R2)).code).toBe(EXIT_OK);
    expect(await cli("diff", R2)).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining("比べる 2 つのブック") });
  });
});

describe("rolling the workbook over to next year", () => {
  it("copies items, departments and plans, clears ratings and results, moves the year on, and keeps the ignores that still apply", async () => {
    const port = await XlsxWorkbookPort.load(readFileSync(R2));
    const { table } = await port.read();
    const settings = {
      ...DEFAULT_SETTINGS,
      meta: { ...DEFAULT_SETTINGS.meta, title: "小平市第3次行財政再構築プラン", fiscalYear: 2020, evaluationDate: "令和3年3月末" },
      ignored: [
        { code: "DEPARTMENT_MISSING", item: "1", reason: "分野全体で担当" },
        { code: "RATING_OVERSTATED", item: "12", reason: "説明済み" },
        { code: "TEXT_DUPLICATE", item: "99", reason: "もうない項目" },
      ],
    };
    const next = rolloverTable(table, settings);
    expect(next.meta).toMatchObject({ fiscalYear: 2021, evaluationDate: "令和4年3月末", title: "小平市第3次行財政再構築プラン" });
    expect(next.rows).toHaveLength(table.rows.length);
    expect(next.rows.every((r) => r.result === "")).toBe(true);
    expect(next.rows.filter((r) => r.kind === "item").every((r) => r.rating === "")).toBe(true);
    expect(next.rows.map((r) => [r.item, r.title, r.department, r.plan])).toEqual(table.rows.map((r) => [r.item, r.title, r.department, r.plan]));
    expect(next.settings.ignored.map((i) => i.code)).toEqual(["DEPARTMENT_MISSING"]);
    expect(next.dropped.map((i) => i.code)).toEqual(["RATING_OVERSTATED", "TEXT_DUPLICATE"]);
    expect([nextEvaluationDate("令和3年3月末"), nextEvaluationDate("平成30年3月末"), nextEvaluationDate("平成31年3月末"), nextEvaluationDate("2021年3月末"), nextEvaluationDate("年度末")]).toEqual([
      "令和4年3月末",
      "平成31年3月末",
      "令和2年3月末",
      "2022年3月末",
      undefined,
    ]);
  });

  it("runs as plan-progress rollover: never changes THIS, and NEXT reads as next year's table", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-rollover-"));
    const input = join(dir, "r2.xlsx");
    writeFileSync(input, readFileSync(R2));
    const out = join(dir, "r3.xlsx");
    const done = await cli("rollover", input, "-o", out);
    expect(done).toMatchObject({ code: EXIT_OK, out: `${out} に令和3年度の表を書き出しました（項目 43、枝番 16。評価と取組実績は空です）` });
    expect(readFileSync(input).equals(readFileSync(R2))).toBe(true);
    const { table, settings } = await (await XlsxWorkbookPort.load(readFileSync(out))).read();
    expect(table.headers.plan).toBe("令和3年度当初予定（目標値）");
    expect(table.headers.result).toBe("取組実績（令和4年3月末実績値）");
    expect(settings?.settings.meta.fiscalYear).toBe(2021);
    expect(checkTable(table).fiscalYear).toBe(2021);
    expect(await cli("rollover", input, "-o", input)).toMatchObject({ code: EXIT_USAGE });
    expect((await cli("rollover", input, "-o", out)).err).toContain("--force");
  });
});

describe("entry guards", () => {
  it("in Excel: a drop-down of the scale on 評価, a message on the plan and results, a user's rule left alone, and removed exactly", async () => {
    const fake = await fakeFromFile(readFileSync(R2));
    const sheet = fake.sheet("進捗管理表");
    // The user already validates the results column (I) on a few rows.
    for (let r = 10; r < 13; r += 1) sheet?.validations.set(sheet.key(r, 8), { type: "TextLength", rule: { textLength: {} }, prompt: { showPrompt: true, title: "課の規則", message: "200字以内" } });
    const port = new ExcelWorkbookPort(fake.run);
    const { table, settings } = await port.read();
    const guard = entryGuard(table, settings?.settings ?? DEFAULT_SETTINGS);
    expect(guard?.symbols).toEqual(["S", "A", "B", "-"]);
    const { skipped } = await setEntryRules(port);
    expect(skipped.map((g) => g.column)).toEqual([8]);
    const rating = sheet?.validations.get(sheet.key(21, 5));
    expect(rating).toMatchObject({ type: "List", rule: { list: { inCellDropDown: true, source: "S,A,B,-" } }, prompt: { title: GUARD_TITLE } });
    expect(sheet?.validations.get(sheet.key(21, 7))?.prompt?.message).toContain("(参加団体数 12団体)");
    expect((await port.readSettings())?.settings.guards?.map((g) => g.column)).toEqual([5, 7]);
    await clearEntryRules(port);
    expect(sheet?.validations.get(sheet.key(21, 5))).toBeUndefined();
    expect(sheet?.validations.get(sheet.key(10, 8))?.prompt?.title).toBe("課の規則");
    expect((await port.readSettings())?.settings.guards).toBeUndefined();
  });

  it("in a file: the same rules as exceljs data validation, in the saved workbook", async () => {
    const port = await XlsxWorkbookPort.load(readFileSync(R2));
    await setEntryRules(port);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await port.save()) as unknown as ArrayBuffer);
    const cell = saved.getWorksheet("進捗管理表")?.getCell("F22");
    expect(cell?.dataValidation).toMatchObject({ type: "list", formulae: ['"S,A,B,-"'], promptTitle: GUARD_TITLE });
    await clearEntryRules(port);
    const cleared = new ExcelJS.Workbook();
    await cleared.xlsx.load((await port.save()) as unknown as ArrayBuffer);
    expect(cleared.getWorksheet("進捗管理表")?.getCell("F22").dataValidation).toBeUndefined();
  });

  it("opens next year's table as a new workbook in Excel", async () => {
    const fake = await fakeFromFile(readFileSync(R2));
    const opened: string[] = [];
    const port = new ExcelWorkbookPort(fake.run, async (base64) => void opened.push(base64));
    await port.openWorkbook(new Uint8Array([80, 75, 3, 4, 255]));
    expect(opened).toEqual([Buffer.from([80, 75, 3, 4, 255]).toString("base64")]);
  });
});

describe("findings per department", () => {
  it("lists the departments and writes one sheet each, named for the 課", async () => {
    const { table } = await (await XlsxWorkbookPort.load(readFileSync(R2))).read();
    const result = checkTable(table);
    const departments = departmentsOf(result.findings);
    expect(departments).toContain("政策課");
    expect(departments.at(-1)).toBe("（担当課なし）");
    const sheets = departmentSheets(result, table.sheet);
    expect(sheets).toHaveLength(departments.length);
    const policy = sheets.find((s) => s.name === "チェック結果（政策課）");
    // A department shares the items it is named on with others (「市民課、政策課」): they are on its sheet too.
    expect(policy?.rows.length).toBe(result.findings.filter((f) => departmentsIn(f.department ?? "").includes("政策課")).length);
    expect(policy?.rows.length).toBeGreaterThan(result.findings.filter((f) => f.department === "政策課").length);
    expect(sheets.every((s) => s.name.length <= 31 && !/[[\]:*?/\\]/.test(s.name))).toBe(true);
  });
});
