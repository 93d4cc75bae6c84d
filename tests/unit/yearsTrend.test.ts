import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { findingsSheet } from "../../src/core/check/export";
import { yearsLines } from "../../src/core/check/helpers";
import type { RawCell } from "../../src/core/workbook/cells";
import { DEFAULT_SETTINGS } from "../../src/core/workbook/settings";
import { readTable } from "../../src/core/workbook/table";
import { settingsWithUnderstood } from "../../src/core/workbook/understood";

/**
 * A year grid's other years are context: the finding about a rating carries them as the item's trend, the
 * pane shows them under the evidence and the findings sheet beside it (issue: "other years' columns are
 * context, shown in evidence as the trend"). The year evaluated alone decides.
 */
describe("the trend of a year grid beside a rating finding", () => {
  const rows: RawCell[][] = [
    ["改革項目", "平成17年度目標", "平成17年度実績", "平成18年度目標", "平成18年度実績", "評価"],
    ["職員数の削減", "職員数 500人以下", "職員数 498人", "職員数 490人以下", "職員数 495人", "A"],
    ["収納率の向上", "収納率 95%", "収納率 95.2%", "収納率 96%", "収納率 96.5%", "A"],
  ];
  const table = readTable([{ name: "表", rows }]);
  const result = checkTable(table, { settings: settingsWithUnderstood(DEFAULT_SETTINGS, table.understood) });

  it("carries the other years on the rating's finding, oldest first, and says them in both languages", () => {
    const overstated = result.findings.find((f) => f.code === "RATING_OVERSTATED");
    expect(overstated?.item).toBe("1");
    expect(overstated?.years).toEqual([{ fiscalYear: 2005, plan: "職員数 500人以下", result: "職員数 498人" }]);
    expect(yearsLines(overstated?.years ?? [])).toEqual([
      { ja: "2005年度: 目標 職員数 500人以下 / 実績 職員数 498人", en: "FY2005: target 職員数 500人以下 / result 職員数 498人" },
    ]);
    // Findings that are not about the rating do not carry it.
    expect(result.findings.filter((f) => f.years !== undefined).every((f) => f.code.startsWith("RATING_") || f.code === "PARENT_CHILD_MISMATCH")).toBe(true);
  });

  it("writes the trend beside the evidence in the findings sheet, a long cell cut", () => {
    const sheet = findingsSheet(result, table.sheet);
    const row = sheet.rows.find((r) => r.values.includes("RATING_OVERSTATED"));
    expect(row?.values.find((v) => String(v).includes("推移"))).toContain("推移 2005年度: 目標 職員数 500人以下 / 実績 職員数 498人");
    expect(yearsLines([{ fiscalYear: 2005, plan: "あ".repeat(50), result: "" }])[0]?.ja).toBe(`2005年度: 目標 ${"あ".repeat(40)}… / 実績 —`);
  });

  it("gives no trend where the table is not a year grid", () => {
    const plain = readTable([{ name: "表", rows: [["No.", "項目", "目標", "実績", "評価"], [1, "職員数の削減", "職員数 490人以下", "職員数 495人", "A"]] }]);
    const findings = checkTable(plain, { settings: settingsWithUnderstood(DEFAULT_SETTINGS, plain.understood) }).findings;
    expect(findings.some((f) => f.code === "RATING_OVERSTATED")).toBe(true);
    expect(findings.every((f) => f.years === undefined)).toBe(true);
  });
});
