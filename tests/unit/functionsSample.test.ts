import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { findAll, parseXml } from "../support/manifest";

/**
 * The samples' formulas, in the form Excel stores (and binds on open) a custom function of an add-in:
 * =PLAN.CHECK(F2,H2,I2) is _xldudf_PLAN_CHECK(F2,H2,I2) in the sheet's XML — "When formulas are properly
 * resolved [...] Excel rewrites them with a _xldudf_ prefix", _xldudf_CONTOSO_ADD(1,2) for
 * =CONTOSO.ADD(1,2) (https://github.com/evelyn-chrono/officejs-custom-functions-name-error-repro, the
 * repro of https://github.com/OfficeDev/office-js/issues/6611). A formula stored as typed, PLAN.CHECK(…),
 * stays #NAME? when the file is opened with the add-in loaded (https://github.com/OfficeDev/office-js/issues/6395).
 */
const root = resolve(__dirname, "../..");

/** The namespace of the manifest and the ids of the functions (their @customfunction names). */
const namespace = findAll(parseXml(readFileSync(resolve(root, "manifest.xml"), "utf8")), "String").find(
  (s) => s.attributes.id === "Functions.Namespace",
)?.attributes.DefaultValue;
const ids = [...readFileSync(resolve(root, "src/functions/functions.ts"), "utf8").matchAll(/@customfunction (\w+)/g)].map((m) => m[1]);

/** The formulas of a workbook's sheet, by the sheet's name (through workbook.xml and its relationships). */
function formulasOf(file: string, sheetName: string): { cell: string; formula: string; cached: string | undefined }[] {
  const zip = unzipSync(new Uint8Array(readFileSync(resolve(root, file))));
  const part = (name: string) => strFromU8(zip[name] ?? new Uint8Array());
  const sheet = findAll(parseXml(part("xl/workbook.xml")), "sheet").find((s) => s.attributes.name === sheetName);
  const target = findAll(parseXml(part("xl/_rels/workbook.xml.rels")), "Relationship").find((r) => r.attributes.Id === sheet?.attributes["r:id"])?.attributes.Target;
  const xml = parseXml(part(`xl/${(target ?? "").replace(/^\/?xl\//, "")}`));
  return findAll(xml, "c")
    .filter((c) => c.children.some((child) => child.name === "f"))
    .map((c) => ({
      cell: c.attributes.r ?? "",
      formula: c.children.find((child) => child.name === "f")?.text ?? "",
      cached: c.children.find((child) => child.name === "v")?.text,
    }));
}

describe("the samples' 整合性 column in the sheet's XML", () => {
  it("knows the namespace and the functions", () => {
    expect(namespace).toBe("PLAN");
    expect(ids).toContain("CHECK");
  });

  for (const file of ["seeds/kodaira-r2.xlsx", "seeds/kodaira-r3.xlsx"]) {
    it(`${file}: every formula calls PLAN.CHECK as _xldudf_PLAN_CHECK(F…,H…,I…) on its own row, its result cached`, () => {
      const formulas = formulasOf(file, "進捗管理表");
      expect(formulas).toHaveLength(59);
      for (const { cell, formula, cached } of formulas) {
        const row = /^K(\d+)$/.exec(cell)?.[1];
        expect(formula, cell).toBe(`_xldudf_${namespace}_CHECK(F${row},H${row},I${row})`);
        expect(cached, cell).toBeDefined();
      }
      const row22 = formulas.find((f) => f.cell === "K22");
      if (file.endsWith("r2.xlsx")) expect(row22?.cached).toBe("RATING_OVERSTATED: 実績44.0% / 目標95% (46%)");
    });

    it(`${file}: no formula names an add-in function the way it is typed (PLAN.…), nor one the add-in lacks`, () => {
      const zip = unzipSync(new Uint8Array(readFileSync(resolve(root, file))));
      const sheets = Object.keys(zip).filter((name) => /^xl\/worksheets\/.*\.xml$/.test(name));
      expect(sheets.length).toBeGreaterThan(0);
      for (const name of sheets) {
        const xml = strFromU8(zip[name] as Uint8Array);
        expect(xml, name).not.toMatch(new RegExp(`<f[^>]*>[^<]*\\b${namespace}\\.`));
        for (const [, id] of xml.matchAll(new RegExp(`_xldudf_${namespace}_(\\w+)\\(`, "g"))) expect(ids, name).toContain(id);
      }
    });
  }
});
