import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { NO_DEPARTMENT, departmentSheets, departmentsOf, inDepartment } from "../../src/core/check/export";
import { departmentsIn } from "../../src/core/workbook/departments";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";

describe("the departments of a 主な推進担当課 cell", () => {
  it("splits a shared item's departments, and keeps 「・」 inside a name", () => {
    expect(departmentsIn("市民課、政策課")).toEqual(["市民課", "政策課"]);
    expect(departmentsIn("公共施設マネジメント課、市民協働・男女参画推進課、公民館")).toEqual(["公共施設マネジメント課", "市民協働・男女参画推進課", "公民館"]);
    expect(departmentsIn("財政課，会計課")).toEqual(["財政課", "会計課"]);
    expect(departmentsIn("財政課,会計課 / 政策課")).toEqual(["財政課", "会計課", "政策課"]);
    expect(departmentsIn("財政課\n　会計課　")).toEqual(["財政課", "会計課"]);
    expect(departmentsIn("政策課、政策課")).toEqual(["政策課"]);
    expect(departmentsIn("  ")).toEqual([]);
    expect(departmentsIn("図書館")).toEqual(["図書館"]);
  });

  it("files a shared item under each of its departments, in the filter and in the sheets per department", async () => {
    const { table } = await (await XlsxWorkbookPort.load(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")))).read();
    const result = checkTable(table);
    const departments = departmentsOf(result.findings);
    expect(departments).toContain("政策課");
    expect(departments).toContain("情報政策課");
    expect(departments).not.toContain("市民課、政策課");
    expect(departments.at(-1)).toBe(NO_DEPARTMENT);
    const policy = result.findings.filter((f) => inDepartment(f, "政策課"));
    // No.12, 9 and 43 are 政策課's own; No.13 (市民課、政策課) and No.15 (財政課、政策課、行政経営課) it shares.
    expect(policy.map((f) => f.item).sort()).toEqual(["12", "13", "15", "43", "9"]);
    expect(policy.some((f) => f.department === "情報政策課")).toBe(false);
    const sheet = departmentSheets(result, table.sheet).find((s) => s.name === "チェック結果（政策課）");
    expect(sheet?.rows.map((r) => r.values[1]).sort()).toEqual(["12", "13", "15", "43", "9"]);
  });
});
