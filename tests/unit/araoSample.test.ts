import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { evaluateTable } from "../../src/core/check/evaluations";
import { runCheck } from "../../src/core/actions/check";
import { run } from "../../src/cli/run";
import { metricJson } from "../../src/cli/metrics";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";

/** The second sample: Arao City's FY2009 targets in that city's layout and scale (seeds/README.md). */
const load = async (name: string) => XlsxWorkbookPort.load(readFileSync(resolve(__dirname, "../../seeds", name)));

describe("the Arao sample (another city's layout, scale 達成/未達成)", () => {
  it("is read by its own headers, with the fiscal year from its title and the scale from its settings", async () => {
    const checked = await runCheck(await load("arao-2009.xlsx"));
    expect(checked.table.columns).toEqual({ no: 0, title: 1, plan: 2, result: 3, rating: 4 });
    expect(checked.table.rows.map((r) => [r.item, r.rating, r.ratingStatus])).toEqual(Array.from({ length: 9 }, (_, i) => [String(i + 1), "達成", "ok"]));
    expect(checked.meta).toMatchObject({ meta: { title: "第三次荒尾市行政改革大綱", fiscalYear: 2009 }, fiscalYearSource: "title" });
    expect(checked.settings.profile.scale.symbols.map((s) => [s.symbol, s.bands])).toEqual([["達成", ["ahead", "on"]], ["未達成", ["behind"]]]);
  });

  it("finds what a reviewer would: the three targets without numbers are not evaluable, nothing else", async () => {
    const { result } = await runCheck(await load("arao-2009.xlsx"));
    expect(result.findings.map((f) => [f.code, f.item])).toEqual([
      ["NOT_EVALUABLE", "3"],
      ["NOT_EVALUABLE", "4"],
      ["NOT_EVALUABLE", "9"],
    ]);
  });

  it("evaluates each numerical target as the page does: every one met or beaten", async () => {
    const { table, settings } = await (await load("arao-2009.xlsx")).read();
    const evaluations = evaluateTable(table.rows, { fiscalYear: 2009, profile: settings!.settings.profile }).byItem;
    const status = (item: string) => evaluations.get(item)?.pairs.map((p) => [p.status, p.direction, Math.round((p.achievement ?? 0) * 1000) / 10]);
    expect(status("1")).toEqual([["exceeded", "higher", 115.3]]);
    expect(status("2")).toEqual([["exceeded", "higher", 288.3]]);
    expect(status("5")).toEqual([["exceeded", "higher", 125.6]]); // an amount cut: more is better
    expect(status("6")).toEqual([["met", "lower", 103]]); // 90%台半ば (≈95%) as a ceiling, 92.2%
    expect(status("7")).toEqual([["exceeded", "lower", 163.3]]); // under 16%: 9.8%
    expect(status("8")).toEqual([["exceeded", "lower", 157.9]]);
  });

  it("would catch a 未達成 that the numbers contradict, and suggest 達成", async () => {
    const port = await load("arao-2009.xlsx");
    await port.writeCell("数値目標", 4, 8, "未達成");
    const { table, settings } = await port.read();
    const result = checkTable(table, { settings: settings!.settings });
    expect(result.findings.find((f) => f.item === "6")).toMatchObject({ code: "RATING_UNDERSTATED", suggested: "達成" });
  });
});

describe("plan-progress metrics and the check agree", () => {
  for (const sample of ["kodaira-r2.xlsx", "arao-2009.xlsx"]) {
    it(`on every plan and results cell of ${sample}`, async () => {
      const { table } = await (await load(sample)).read();
      const evaluations = evaluateTable(table.rows).byRow;
      for (const row of table.rows.filter((r) => r.item)) {
        const evaluation = evaluations.get(row.item)!;
        for (const [text, read] of [[row.plan, evaluation.targets], [row.result, evaluation.results]] as const) {
          if (!text.trim()) continue;
          const out: string[] = [];
          const code = await run(["metrics", text, "--json"], { out: (l) => out.push(l), err: () => undefined, version: "" });
          expect(code).toBe(0);
          expect(JSON.parse(out.join("\n")), `${sample} ${row.item}`).toEqual(read.map(metricJson));
        }
      }
    });
  }
});
