import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../src/cli/run";
import { cli } from "../support/cli";
import { fillWithExcelJs } from "../support/answers";


const R2 = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");

describe("plan-progress split, merge and export", () => {
  it("split writes one form per department into the folder, refuses to overwrite without --force, and checks its options", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pp-split-")), "調書");
    const first = await cli("split", R2, "-o", dir, "--deadline", "2021-05-14", "--columns", "評価,取組実績,備考");
    expect(first.code).toBe(EXIT_OK);
    expect(first.out).toContain("30 課分の調書を書き出しました");
    expect(first.out).toContain("担当課のない行（事務局で記入）: No.1 No.2 No.4 No.30 No.38");
    expect(readdirSync(dir)).toContain("令和2年度_進捗調書_政策課.xlsx");
    expect(await cli("split", R2, "-o", dir)).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining("--force") });
    expect((await cli("split", R2, "-o", dir, "--force")).code).toBe(EXIT_OK);
    expect(await cli("split", R2, "-o", dir, "--deadline", "5/14")).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining("YYYY-MM-DD") });
    expect(await cli("split", R2, "-o", dir, "--columns", "項目")).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining("記入する列") });
    expect((await cli("split", R2)).code).toBe(EXIT_USAGE);
  });

  it("merge writes the merged workbook, lists changes, conflicts and who has not answered, and exits 1 on a conflict", async () => {
    const base = mkdtempSync(join(tmpdir(), "pp-merge-"));
    const dir = join(base, "forms");
    await cli("split", R2, "-o", dir);
    const form = readFileSync(join(dir, "令和2年度_進捗調書_政策課.xlsx"));
    const answer = join(base, "政策課.xlsx");
    writeFileSync(answer, await fillWithExcelJs(form, { edits: [{ item: "12", field: "rating", value: "B" }] }));
    const clean = await cli("merge", R2, answer, "-o", join(base, "merged.xlsx"));
    expect(clean.code).toBe(EXIT_OK);
    expect(clean.out).toContain("■ 政策課（政策課.xlsx）");
    expect(clean.out).toContain("No.12 評価: 「A」 → 「B」");
    expect(clean.out).toMatch(/情報政策課 1行 未回答/);
    expect(clean.out).toMatch(/merged\.xlsx に書き出しました（1 セルを変更/);
    const notXlsx = join(base, "memo.xlsx");
    writeFileSync(notXlsx, "memo");
    const json = await cli("merge", R2, answer, notXlsx, "-o", join(base, "merged2.xlsx"), "--json", "--lang", "en");
    expect(json.code).toBe(EXIT_FINDINGS);
    const parsed = JSON.parse(json.out) as { changes: { item: string; after: string }[]; conflicts: { kind: string; file: string }[]; status: { department: string; file: string | null }[] };
    expect(parsed.changes).toEqual([expect.objectContaining({ item: "12", after: "B" })]);
    expect(parsed.conflicts).toEqual([expect.objectContaining({ kind: "fileRefused", file: "memo.xlsx" })]);
    expect(parsed.status.find((s) => s.department === "情報政策課")?.file).toBeNull();
    expect(await cli("merge", R2, "-o", join(base, "m3.xlsx"))).toMatchObject({ code: EXIT_USAGE });
    expect(existsSync(join(base, "m3.xlsx"))).toBe(false);
  });

  it("merge says a department answered in an earlier merge of the file, with when it was merged (Japan time)", async () => {
    const base = mkdtempSync(join(tmpdir(), "pp-merge2-"));
    const dir = join(base, "forms");
    await cli("split", R2, "-o", dir);
    const fill = async (department: string, item: string, modified?: Date) => {
      const path = join(base, `${department}.xlsx`);
      const form = readFileSync(join(dir, `令和2年度_進捗調書_${department}.xlsx`));
      writeFileSync(path, await fillWithExcelJs(form, { ...(modified ? { modified } : {}), edits: [{ item, field: "rating", value: "B" }] }));
      return path;
    };
    const first = join(base, "first.xlsx");
    const once = await cli("merge", R2, await fill("政策課", "12"), "-o", first);
    expect(once.code).toBe(EXIT_OK);
    // Saved by exceljs, which keeps the form's own time: that is not when it was answered.
    expect(once.out).toMatch(/政策課 8行 回答あり 変更1/);
    const second = await cli("merge", first, await fill("市民課", "35", new Date("2099-05-13T23:30:00.000Z")), "-o", join(base, "second.xlsx"));
    expect(second.code).toBe(EXIT_OK);
    expect(second.out).toMatch(/政策課 8行 回答あり（取込済 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 日本時間）/);
    expect(second.out).toContain("市民課 2行 回答あり（保存 2099-05-14 08:30:00 日本時間）");
    expect(second.out).toMatch(/情報政策課 1行 未回答/);
  });

  it("export writes the table and its metrics as CSV with a byte-order mark, never over an existing file", async () => {
    const base = mkdtempSync(join(tmpdir(), "pp-export-"));
    const out = join(base, "進捗.csv");
    const first = await cli("export", R2, "--csv", "-o", out);
    expect(first.code).toBe(EXIT_OK);
    const items = readFileSync(out);
    expect([...items.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(items.toString("utf8").split("\r\n")).toHaveLength(61);
    expect(readFileSync(join(base, "進捗-metrics.csv"), "utf8")).toContain("No.,枝番,項目,役割,番号,ラベル,値,単位,比較,下限,上限,年度");
    expect((await cli("export", R2, "--csv", "-o", out)).code).toBe(EXIT_USAGE);
    expect((await cli("export", R2, "-o", join(base, "x.csv"))).code).toBe(EXIT_USAGE);
  });
});
