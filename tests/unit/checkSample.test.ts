import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTable } from "../../src/core/check/check";
import { compareFindings } from "../support/oracles";
import { ExcelWorkbookPort } from "../../src/excel/workbookPort";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";
import { fakeFromFile } from "../support/excelValues";

const SAMPLE = resolve(__dirname, "../../seeds/kodaira-r2.xlsx");

async function checkSample() {
  const port = await XlsxWorkbookPort.load(readFileSync(SAMPLE));
  const settings = (await port.readSettings())?.settings;
  return checkTable((await port.read()).table, settings ? { settings } : {});
}

describe("the check on the Kodaira sample", () => {
  it("finds what a reviewer finds", async () => {
    const { findings, summary, fiscalYear } = await checkSample();
    const list = findings.filter((f) => f.code !== "NOT_EVALUABLE").map((f) => `${f.severity} ${f.code} ${f.item}`);
    expect(fiscalYear).toBe(2020);
    expect(list).toEqual([
      "error RATING_OVERSTATED 12",
      "warning DEPARTMENT_MISSING 1",
      "warning PLAN_MISSING 22",
      "warning RESULT_MISSING 23",
      "warning RESULT_MISSING 24",
      "warning RESULT_MISSING 25",
      "warning RESULT_MISSING 26",
      "warning RESULT_MISSING 27",
      "warning RESULT_MISSING 28",
      "warning RESULT_MISSING 30-1",
      "warning RESULT_MISSING 31",
      "warning PLAN_MISSING 32",
      "warning RESULT_MISSING 33",
      "warning RESULT_MISSING 34",
      "warning RESULT_MISSING 35",
      "warning RATING_UNDERSTATED 37",
      "warning TEXT_DUPLICATE 38-4",
      "warning RESULT_MISSING 42",
      "info TARGET_INTERIM 6",
      "info RATING_S_CANDIDATE 8",
      "info RATING_S_CANDIDATE 9",
    ]);
    expect(summary).toMatchObject({ items: 43, error: 1, warning: 17, notEvaluable: 27 });
  });

  it("raises no error on the items whose ratings agree with their numbers, nor on the parents 2, 4, 30", async () => {
    const { findings } = await checkSample();
    const errors = findings.filter((f) => f.severity === "error").map((f) => f.item);
    for (const item of ["3", "5", "7", "11", "14", "16", "20", "36", "2", "4", "30"]) expect(errors).not.toContain(item);
    expect(findings.filter((f) => f.code === "PARENT_CHILD_MISMATCH")).toEqual([]);
  });

  it("gives item 12's finding its evidence and the suggested rating", async () => {
    const { findings } = await checkSample();
    const twelve = findings.find((f) => f.code === "RATING_OVERSTATED" && f.item === "12");
    expect(twelve).toMatchObject({ row: 22, column: 5, suggested: "B", title: "行政評価の実施", department: "政策課", category: "PDCAサイクルの構築" });
    expect(twelve?.message.ja).toBe("評価は A ですが、目標に届いていない数値があります: 実績44.0% / 目標95% (46%)");
    expect(twelve?.evidence).toHaveLength(1);
    expect(twelve?.evidence?.[0]).toMatchObject({ target: "95%", result: "44%", status: "short", method: "result/target", direction: "higher", directionSource: "lexicon" });
    expect(twelve?.evidence?.[0]?.achievement).toBeCloseTo(0.463, 3);
    expect(twelve?.evidence?.[0]?.text.ja).toContain("達成率 46.3%");
  });

  it("marks 38-3/38-4 as copy-paste and 6 as interim", async () => {
    const { findings } = await checkSample();
    expect(findings.find((f) => f.code === "TEXT_DUPLICATE")?.message.ja).toContain("No. 38-3 の当初予定と同じ文");
    expect(findings.find((f) => f.code === "TARGET_INTERIM")?.message.ja).toContain("2022年度");
  });
});

describe("the check is read-only", () => {
  it("leaves the sample's values and number formats unchanged through the xlsx port", async () => {
    const port = await XlsxWorkbookPort.load(readFileSync(SAMPLE));
    const before = readFileSync(SAMPLE);
    const result = checkTable((await port.read()).table);
    expect(result.findings.length).toBeGreaterThan(0);
    // Nothing was written: the file the port would save is the file it read, byte for byte.
    expect(Buffer.from(await port.save()).equals(before)).toBe(true);
  });

  it("leaves the sample's values and number formats unchanged through the Office port, on the fake", async () => {
    const fake = await fakeFromFile(readFileSync(SAMPLE));
    const before = JSON.stringify(fake.dump("進捗管理表"));
    const result = checkTable((await new ExcelWorkbookPort(fake.run).read()).table);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(fake.dump("進捗管理表"))).toBe(before);
  });
});

describe("the order of the findings", () => {
  it("is compareFindings' order: severity, row, the catalogue, column (the check sorts on one number per finding)", async () => {
    const { table } = await (await XlsxWorkbookPort.load(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")))).read();
    const { findings } = checkTable(table);
    expect(findings.map((f) => `${f.code} ${f.row} ${f.column}`)).toEqual([...findings].sort(compareFindings).map((f) => `${f.code} ${f.row} ${f.column}`));
  });
});
