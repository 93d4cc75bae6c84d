import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_FINDINGS, EXIT_OK, run } from "../../src/cli/run";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), version: "9.9.9" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const city = (name: string) => resolve(__dirname, "../fixtures/cities", name, "published.txt");

/** plan-progress import-text on other cities' published text (tests/fixtures/cities/*\/published.txt). */
describe("plan-progress import-text, any city", () => {
  it("writes 佐渡市's tables as a workbook, says what it understood, and the check finds the overstated ratings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    const out = join(dir, "sado.xlsx");
    const done = await cli("import-text", city("sado"), "-o", out);
    expect(done.code).toBe(EXIT_OK);
    expect(done.out.split("\n")).toEqual([
      `${out} に書き出しました（項目 17、枝番 0）`,
      "読み取り: 見出し行のある表、評価年度 2006年度（見出しの年度）、評価の尺度 A=予定以上・B=予定どおり・C=遅れ・D=遅れ・E=遅れ（評価の記号から仮定）",
    ]);
    // The scale travels with the workbook: the check reads A–E without RATING_INVALID.
    const { table, settings } = await XlsxWorkbookPort.load(readFileSync(out)).then((port) => port.read());
    expect(settings?.settings.profile.scale.symbols.map((s) => s.symbol)).toEqual(["A", "B", "C", "D", "E"]);
    expect(table.rows).toHaveLength(17);
    const checked = await cli("check", out, "--json");
    expect(checked.code).toBe(EXIT_FINDINGS);
    const codes = (JSON.parse(checked.out) as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes).not.toContain("RATING_INVALID");
    expect(codes.filter((c) => c === "RATING_OVERSTATED").length).toBeGreaterThanOrEqual(7);
  });

  it("says in English with --lang en, and names the legend's rates it cannot keep yet (下田市)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    const done = await cli("import-text", city("shimoda"), "-o", join(dir, "s.xlsx"), "--lang", "en");
    expect(done.code).toBe(EXIT_OK);
    expect(done.out).toContain("Read as: a sideways table (items as columns); year evaluated FY2015");
    expect(done.out).toContain("achievement rates (A: 80%〜, B: 60%〜80%");
  });

  it("reads 荒尾市, 関市 and 川崎市 too (each with its layout)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-progress-"));
    for (const [name, layout] of [
      ["arao", "項目見出しと目標・実績の行"],
      ["seki", "年度が列の表（目標は上の一覧）"],
      ["kawasaki", "事業ごとの票（年度が列）"],
    ] as const) {
      const done = await cli("import-text", city(name), "-o", join(dir, `${name}.xlsx`));
      expect(done.code, name).toBe(EXIT_OK);
      expect(done.out, name).toContain(`読み取り: ${layout}`);
    }
  });
});
