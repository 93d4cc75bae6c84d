import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The manifest says the truth about what the code calls: every Office.js member the Excel adapter uses
 * belongs to a requirement set the manifest declares (ExcelApi 1.9), or is feature-detected. The sets
 * come from @types/office-js ("[Api set: ExcelApi 1.x]" beside each member).
 */
const types = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
const adapter = readdirSync(resolve(__dirname, "../../src/excel"))
  .map((name) => join(resolve(__dirname, "../../src/excel"), name))
  .filter((path) => statSync(path).isFile() && path.endsWith(".ts"))
  .map((path) => readFileSync(path, "utf8"))
  .join("\n");

/** The Excel API set of a member name, the highest among its declarations in the Excel namespace. */
function apiSets(member: string): number[] {
  const found: number[] = [];
  const pattern = new RegExp(`\\n\\s+(?:readonly |function )?${member}[(?:<]`, "g");
  for (const match of types.matchAll(pattern)) {
    const before = types.slice(Math.max(0, match.index - 1200), match.index);
    const set = [...before.matchAll(/\[Api set: ExcelApi (1\.\d+)\]/g)].at(-1)?.[1];
    if (set) found.push(Number(set.split(".")[1]));
  }
  return found;
}

describe("requirement sets", () => {
  const used = [
    "getRanges", "getUsedRangeOrNullObject", "getItemOrNullObject", "conditionalFormats", "horizontalPageBreaks", "setPrintTitleRows",
    "setPrintArea", "suspendApiCalculationUntilNextSync", "suspendScreenUpdatingUntilNextSync", "customOrNullObject", "textOrientation",
    "columnWidth", "autofitRows", "pageLayout", "protection", "valueTypes", "numberFormat", "charts", "getRangeByIndexes", "dataValidation", "createWorkbook",
    "setSolidColor", "reversePlotOrder", "getItemAt",
  ];

  it("uses only members the manifest's ExcelApi 1.9 covers", () => {
    for (const member of used) {
      expect(adapter.includes(member), `${member} is used`).toBe(true);
      const sets = apiSets(member);
      expect(sets.length, `${member} has an API set`).toBeGreaterThan(0);
      // Some members exist in several objects; the one the adapter uses is available from 1.9 at most.
      expect(Math.min(...sets), member).toBeLessThanOrEqual(9);
    }
  });
});
