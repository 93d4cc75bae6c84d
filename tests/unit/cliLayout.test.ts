import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../src/cli/run";
import { cli } from "../support/cli";
import { parseColumnsOption, parseScaleOption, parseSettingsJson } from "../../src/core/workbook/options";
import { cities, cityWorkbook } from "../support/cities";


const KODAIRA = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");
const dir = mkdtempSync(join(tmpdir(), "plan-progress-layout-"));
const file = (slug: string) => join(dir, `${slug}.xlsx`);

beforeAll(async () => {
  for (const city of cities()) writeFileSync(file(city.slug), await cityWorkbook(city.table));
});

describe("plan-progress check on other cities' layouts", () => {
  it("says in one line per file what was understood, and checks every city of the corpus in one command", async () => {
    const slugs = cities().map((c) => c.slug);
    const result = await cli("check", ...slugs.map(file), KODAIRA);
    expect(result.code).toBe(EXIT_FINDINGS);
    const lines = result.out.split("\n");
    const understood = lines.filter((l) => l.startsWith("読み取り: "));
    expect(understood).toHaveLength(slugs.length + 1);
    expect(lines[lines.findIndex((l) => l.includes("kawasaki.xlsx")) + 1]).toBe(
      "読み取り: 項目ごとのブロック（見出しと値）、評価: 20行目「達成度」、2008年度（年度の列（実績のある最後の年度））、尺度 1/2/3/4/5（凡例）、番号は行の順",
    );
    expect(lines[lines.findIndex((l) => l.startsWith(KODAIRA)) + 1]).toBe("読み取り: 1行に1項目の表、評価: F列「評価」、2020年度（設定シート）、尺度 S/A/B（評価の列の記号（既定の S・A・B））");
    expect(result.err).toBe("");
  });

  it("checks each sheet holding a table with --all-sheets, and prints all that was understood with --explain", async () => {
    const result = await cli("check", file("shimoda"), "--all-sheets", "--explain");
    expect(result.code).toBe(EXIT_OK);
    expect(result.out).toContain(`${file("shimoda")}［82 稲梓基幹集落センター］: 項目 6（2015年度）`);
    expect(result.out).toContain(`${file("shimoda")}［75 上河内市営住宅］: 項目 1（2015年度）`);
    expect(result.out).toContain("  表の形: 横向きの表（項目が列）、シート「75 上河内市営住宅」");
    expect(result.out).toContain("  評価の尺度: A=予定以上・予定どおり（95%以上） B=遅れ（90%以上95%未満） C=遅れ（85%以上90%未満） D=遅れ（80%以上85%未満） E=遅れ（80%未満） — 凡例");
  });

  it("has an understood object in --json, columns as letters and rates as ratios", async () => {
    const result = await cli("check", file("sado"), "--json");
    const report = JSON.parse(result.out) as { understood: Record<string, unknown> & { roles: { field: string; column: string }[]; scale: { source: string; confirm: boolean; symbols: unknown[] } } };
    expect(Object.keys(report)).toEqual(["file", "items", "findings", "summary", "understood"]);
    expect(report.understood).toMatchObject({ sheet: "市民環境部", layout: "table", headerRow: 7, numbering: "order", parts: 4, titleFromPlan: true, year: { fiscalYear: 2006, source: "header", text: "平成18年度目標" }, otherSheets: ["企画財政部", "教育委員会"] });
    expect(report.understood.roles.map((r) => [r.field, r.column])).toEqual([["rating", "C"], ["plan", "A"], ["result", "B"]]);
    expect(report.understood.scale).toMatchObject({ source: "preset", preset: "A/B/C/D/E", confirm: true });
    const shimoda = JSON.parse((await cli("check", file("shimoda"), "--json")).out) as { understood: { scale: { symbols: { symbol: string; minRate: number | null; maxRate: number | null }[] } } };
    expect(shimoda.understood.scale.symbols[1]).toMatchObject({ symbol: "B", minRate: 0.6, maxRate: 0.8 });
  });

  it("takes --year, --scale and --columns, and says both sides where they and the file disagree", async () => {
    const result = await cli("check", file("sado"), "--year", "平成17年度", "--scale", "A:ahead+on,B:on,C:on+behind,D:behind,E:behind");
    const lines = result.out.split("\n");
    expect(lines[0]).toBe(`${file("sado")}［市民環境部］: 項目 11（2005年度）`);
    expect(lines[1]).toContain("2005年度（指定）、尺度 A/B/C/D/E（指定）");
    expect(lines[2]).toBe("指定とファイルの違い（年度）: 指定 平成17年度（2005年度）、指定 ／ ファイル 平成18年度（2006年度）、見出し「平成18年度目標」");
    // The same scale as the file's: no disagreement on it.
    expect(lines.filter((l) => l.startsWith("指定とファイルの違い（尺度）"))).toEqual([]);
    const columns = await cli("check", file("sado"), "--columns", "rating=C,plan=B,result=A");
    expect(columns.out).toContain("指定とファイルの違い（列）: 指定 評価: C列「自己評価」（指定）、目標: B列「平成18年度実績」（指定）、実績: A列「平成18年度目標」（指定） ／ ファイル 評価: C列「自己評価」、目標: A列「平成18年度目標」、実績: B列「平成18年度実績」");
  });

  it("says no scale disagreement when only --columns was given (a rating column chosen by hand gives its own guess)", async () => {
    const grid = [
      ["No.", "項目", "目標", "実績", "評価", "判定"],
      [1, "窓口の改善", "満足度 80%", "満足度 82%", "A", "◎"],
      [2, "電子申請", "手続数 50件", "手続数 31件", "B", "△"],
      [3, "使用料の見直し", "見直し 1件", "見直し 1件", "A", "○"],
    ];
    const path = join(dir, "two-ratings.xlsx");
    writeFileSync(path, await cityWorkbook({ city: "x", source: "composed", sheets: [{ name: "表", rows: grid }] }));
    const result = await cli("check", path, "--columns", "rating=F");
    expect(result.out).toContain("指定とファイルの違い（列）");
    expect(result.out).not.toContain("指定とファイルの違い（尺度）");
    // A scale stated and different from the file's is said.
    const stated = await cli("check", path, "--columns", "rating=F", "--scale", "◎:ahead,○:on,△:behind,×:behind");
    expect(stated.out).toContain("指定とファイルの違い（尺度）");
  });

  it("takes --config: the settings sheet's keys and values as JSON, instead of the workbook's", async () => {
    const config = join(dir, "settings.json");
    writeFileSync(config, JSON.stringify({ "plan.fiscalYear": 2006, profile: { scale: { symbols: [{ symbol: "A", bands: ["on"] }, { symbol: "B", bands: ["on"] }, { symbol: "E", bands: ["behind"] }] } } }));
    const result = await cli("check", file("sado"), "--config", config);
    expect(result.out.split("\n")[1]).toContain("尺度 A/B/E（設定シート）");
    expect(result.out).toContain("指定とファイルの違い（尺度）: 指定 A=予定どおり B=予定どおり E=遅れ ／ ファイル A=予定以上・予定どおり B=予定どおり C=予定どおり・遅れ D=遅れ E=遅れ");
    writeFileSync(config, JSON.stringify({ profile: { scale: { symbols: [{ symbol: "A", bands: ["soon"] }] } } }));
    const bad = await cli("check", file("sado"), "--config", config);
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.err).toContain(`${config}: 評価の尺度には記号を2つ以上指定してください`);
  });

  it("refuses an option it cannot read with one Japanese line and exit 2, before reading any file", async () => {
    expect(await cli("check", KODAIRA, "--year", "来年")).toMatchObject({ code: EXIT_USAGE, out: "", err: "--year の年度を読み取れません: 来年（例: 令和2年度、R2、2020）" });
    expect((await cli("check", KODAIRA, "--scale", "A:たぶん")).err).toContain("尺度「A:たぶん」を読めません");
    expect((await cli("check", KODAIRA, "--columns", "評価=3")).err).toContain("列の指定「評価=3」を読めません");
    expect((await cli("check", KODAIRA, "--config", join(dir, "none.json"))).code).toBe(EXIT_USAGE);
  });
});

describe("the options' readers", () => {
  it("read a preset's name, bands, a legend's words or rates as a scale", () => {
    expect(parseScaleOption("A/B/C/D/E")).toMatchObject({ value: { symbols: [{ symbol: "A" }, { symbol: "B" }, { symbol: "C" }, { symbol: "D" }, { symbol: "E" }] } });
    expect(parseScaleOption("◎:予定以上,○:予定どおり,△:遅れ")).toMatchObject({ value: { symbols: [{ bands: ["ahead"] }, { bands: ["on"] }, { bands: ["behind"] }] } });
    expect(parseScaleOption("A:80%以上,B:60%以上80%未満,C:60%未満")).toMatchObject({ value: { symbols: [{ minRate: 0.8 }, { minRate: 0.6, maxRate: 0.8 }, { maxRate: 0.6 }] } });
    expect(parseScaleOption("A:on,B:on")).toMatchObject({ error: { ja: expect.stringContaining("「遅れ」を表す記号がありません") } });
  });

  it("read columns by role name or its Japanese name, and settings as the sheet holds them", () => {
    expect(parseColumnsOption("rating=C, 目標=A, 実績=b")).toEqual({ value: { rating: 2, plan: 0, result: 1 } });
    expect(parseSettingsJson('{"plan.fiscalYear": 2020, "columns": {"rating": 2}}')).toMatchObject({ value: { meta: { fiscalYear: 2020 }, mapping: { rating: 2 } } });
    expect(parseSettingsJson("[1]")).toMatchObject({ error: { ja: expect.stringContaining("JSON オブジェクト") } });
  });
});
