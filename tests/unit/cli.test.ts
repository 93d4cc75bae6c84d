import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, run } from "../../src/cli/run";
import { cli } from "../support/cli";


const seed = resolve(__dirname, "../../seeds/000_42fcd9900b63a6e5.txt");

describe("plan-progress", () => {
  it("fy prints the fiscal year", async () => {
    expect(await cli("fy", "令和3年3月末")).toEqual({ code: EXIT_OK, out: "2020", err: "" });
    expect((await cli("fy", "平成32年度")).out).toBe("2020");
  });

  it("fy explains in Japanese, or English with --lang en, when there is no fiscal year", async () => {
    expect(await cli("fy", "なし")).toMatchObject({ code: EXIT_USAGE, err: "年度が読み取れません: なし" });
    expect(await cli("fy", "なし", "--lang", "en")).toMatchObject({ code: EXIT_USAGE, err: "No fiscal year found in: なし" });
    expect((await cli("fy")).err).toContain("TEXT を指定してください");
  });

  it("lists the commands with --help and rejects unknown ones", async () => {
    const help = await cli("--help");
    expect(help.code).toBe(EXIT_OK);
    expect(help.out).toContain("fy TEXT");
    expect(help.out).toContain("import-text");
    expect(await cli("frobnicate")).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining("不明なコマンドです") });
    expect((await cli("--version")).out).toBe("9.9.9");
    expect((await cli()).code).toBe(EXIT_USAGE);
  });

  it("reports a bad option as one line", async () => {
    const bad = await cli("fy", "--nope");
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.err).toMatch(/^オプションが正しくありません/);
  });

  it("import-text writes the progress workbook and never overwrites its input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    const out = join(dir, "out.xlsx");
    const done = await cli("import-text", seed, "-o", out);
    expect(done).toMatchObject({ code: EXIT_OK, out: `${out} に書き出しました（項目 43、枝番 16）` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("進捗管理表")?.actualRowCount).toBe(60);

    const copy = join(dir, "report.txt");
    writeFileSync(copy, readFileSync(seed));
    expect(await cli("import-text", copy, "-o", copy)).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining("入力ファイルと同じ") });
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(seed, "utf8"));
  });

  it("import-text says so when the input is missing or holds no table", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    expect((await cli("import-text", join(dir, "none.txt"), "-o", join(dir, "o.xlsx"))).err).toContain("ファイルが見つかりません");
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "見出しのない文書\n");
    expect((await cli("import-text", empty, "-o", join(dir, "o.xlsx"))).err).toContain("表の行が見つかりません");
    expect((await cli("import-text", empty)).code).toBe(EXIT_USAGE);
  });
});

describe("plan-progress metrics", () => {
  const block = "(①経常収支比率80%台 ②財政調整基金35億円 ③公共施設整備基金25億円)";

  it("prints the metrics as JSON in the shape of docs/contracts/cli.md", async () => {
    const run = await cli("metrics", block, "--json");
    expect(run.code).toBe(EXIT_OK);
    const metrics = JSON.parse(run.out) as Record<string, unknown>[];
    expect(metrics.map((x) => x.marker)).toEqual([1, 2, 3]);
    expect(Object.keys(metrics[0] ?? {})).toEqual(["marker", "label", "value", "unit", "op", "min", "max", "fiscalYear", "notes"]);
    expect(metrics[0]).toMatchObject({ label: "経常収支比率", op: "range", min: 80, max: 90, unit: "%" });
    expect(metrics[1]).toMatchObject({ value: 3_500_000_000, unit: "円", op: "eq", fiscalYear: null });
  });

  it("prints one line per metric for people, in Japanese or English", async () => {
    expect((await cli("metrics", block)).out.split("\n")).toEqual([
      "①経常収支比率: 80〜90 未満 %",
      "②財政調整基金: 3,500,000,000 円",
      "③公共施設整備基金: 2,500,000,000 円",
    ]);
    expect((await cli("metrics", "(市民一人当たりごみ量 480g/人日(令和4年度末))", "--lang", "en")).out).toBe(
      "市民一人当たりごみ量: 480 g/人日 [FY2022] — 令和4年度末",
    );
    expect((await cli("metrics", "(市ホームページアクセス件数 370万件以上)")).out).toBe("市ホームページアクセス件数: 3,700,000 件 以上");
  });

  it("says so when nothing is read, and asks for the text when none is given", async () => {
    expect((await cli("metrics", "数値のない文")).out).toContain("数値は読み取れませんでした");
    expect((await cli("metrics", "数値のない文", "--json")).out).toBe("[]");
    expect((await cli("metrics")).code).toBe(EXIT_USAGE);
  });
});

describe("plan-progress check", () => {
  const sample = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");

  it("prints one line per finding, then totals by severity and 分野, and exits 1 on errors", async () => {
    const run = await cli("check", sample);
    expect(run.code).toBe(EXIT_FINDINGS);
    const lines = run.out.split("\n");
    expect(lines[0]).toBe(`${sample}: 項目 43（2020年度）`);
    // What was understood of the table, one line, before the findings.
    expect(lines[1]).toBe("読み取り: 1行に1項目の表、評価: F列「評価」、2020年度（設定シート）、尺度 S/A/B（評価の列の記号（既定の S・A・B））");
    expect(lines[2]).toBe("error 12 22:F RATING_OVERSTATED 評価は A ですが、目標に届いていない数値があります: 実績44.0% / 目標95% (46%)");
    expect(lines).toContain("warning 1 2:E DEPARTMENT_MISSING 主な推進担当課が空欄です");
    expect(lines).toContain("集計: エラー 1件、警告 17件、情報 30件（うち評価不能 27件）");
    expect(lines).toContain("  PDCAサイクルの構築: 項目 11、エラー 1、警告 0、情報 6");
  });

  it("prints JSON in the shape of docs/contracts/cli.md, in English with --lang en", async () => {
    const run = await cli("check", sample, "--json", "--lang", "en");
    const report = JSON.parse(run.out) as { file: string; items: number; findings: Record<string, unknown>[]; summary: { error: number } };
    expect(Object.keys(report)).toEqual(["file", "items", "findings", "summary", "understood"]);
    expect(report.items).toBe(43);
    expect(Object.keys(report.findings[0] ?? {})).toEqual(["code", "severity", "item", "row", "column", "message", "evidence", "suggested"]);
    expect(report.findings[0]).toMatchObject({ code: "RATING_OVERSTATED", item: "12", row: 22, column: "F", suggested: "B", message: "Rated A, but a target was not reached: result 44.0% / target 95% (46%)" });
  });

  it("exits 2 with one line for a file that is not an .xlsx or does not exist, and takes the worst of several files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    const text = join(dir, "memo.xlsx");
    writeFileSync(text, "not a workbook");
    expect(await cli("check", text)).toMatchObject({ code: EXIT_USAGE, err: `${text}: .xlsx ファイルではありません。Excel ブック（.xlsx）を指定してください。` });
    expect((await cli("check", join(dir, "none.xlsx"))).err).toBe(`ファイルが見つかりません: ${join(dir, "none.xlsx")}`);
    const both = await cli("check", sample, text, "--json");
    expect(both.code).toBe(EXIT_USAGE);
    expect((await cli("check")).code).toBe(EXIT_USAGE);
  });

  it("exits 0 on a workbook without error findings, and 1 when required columns are missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    const good = new ExcelJS.Workbook();
    good.addWorksheet("表").addRows([["No.", "項目", "主な推進担当課", "評価", "当初予定（目標値）", "取組実績（実績値）"], [1, "x", "課", "A", "(件数 5件)", "(件数 5件)"]]);
    await good.xlsx.writeFile(join(dir, "good.xlsx"));
    expect((await cli("check", join(dir, "good.xlsx"))).code).toBe(EXIT_OK);
    const bad = new ExcelJS.Workbook();
    bad.addWorksheet("名簿").addRows([["No.", "氏名"], [1, "x"]]);
    await bad.xlsx.writeFile(join(dir, "bad.xlsx"));
    const run = await cli("check", join(dir, "bad.xlsx"));
    expect(run.code).toBe(EXIT_FINDINGS);
    expect(run.out).toContain("COLUMNS_MISSING");
  });
});

describe("plan-progress report", () => {
  const sample = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");

  it("prints on the paper and in the orientation asked for, and refuses an orientation it does not know", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    const out = join(dir, "portrait.xlsx");
    const lines: string[] = [];
    const errors: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => errors.push(l), version: "0" };
    expect(await run(["report", sample, "-o", out, "--paper", "A3", "--orientation", "portrait"], io)).toBe(EXIT_OK);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("進捗状況レポート")?.pageSetup).toMatchObject({ orientation: "portrait", paperSize: 8 });
    expect(await run(["report", sample, "-o", join(dir, "x.xlsx"), "--orientation", "diagonal"], io)).toBe(EXIT_USAGE);
    expect(errors.at(-1)).toBe("向きは landscape（横）か portrait（縦）を指定してください");
  });
});
