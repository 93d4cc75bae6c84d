import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_USAGE, run } from "../../src/cli/run";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), version: "9.9.9" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

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
    expect((await cli("import-text", join(dir, "none.txt"), "-o", join(dir, "o.xlsx"))).err).toContain("ファイルを読み込めません");
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "見出しのない文書\n");
    expect((await cli("import-text", empty, "-o", join(dir, "o.xlsx"))).err).toContain("表の行が見つかりません");
    expect((await cli("import-text", empty)).code).toBe(EXIT_USAGE);
  });
});
