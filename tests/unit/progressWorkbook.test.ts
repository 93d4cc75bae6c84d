import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importReportText } from "../../src/core/import/reportText";
import { SETTINGS_SHEET, TABLE_SHEET, buildProgressWorkbook } from "../../src/xlsx/progressWorkbook";

/** A cell's text as exceljs holds it (rich text joined, formulas by their result). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("result" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("error" in value) return "";
  return "text" in value ? String(value.text) : "";
}

const root = resolve(__dirname, "../..");
const report = importReportText(readFileSync(resolve(root, "seeds/000_42fcd9900b63a6e5.txt"), "utf8"));

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await workbook.xlsx.writeBuffer());
  return again;
}

function cells(workbook: ExcelJS.Workbook): string[][] {
  return workbook.worksheets.map((sheet) => {
    const out: string[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => out.push(`${sheet.name}!${r}:${c}=${cellText(cell.value)}`)),
    );
    return out;
  });
}

describe("the progress workbook written from the seed", () => {
  it("reads back, through the table reader, as exactly the rows the importer made (one path for both)", async () => {
    const { XlsxWorkbookPort } = await import("../../src/xlsx/workbookPort");
    const port = await XlsxWorkbookPort.fromWorkbook(buildProgressWorkbook(report.meta, report.rows));
    expect((await port.read()).table.rows).toEqual(report.rows);
  });

  it("has the table with a header row and 59 rows, text cells formatted as text", async () => {
    const workbook = await roundTrip(buildProgressWorkbook(report.meta, report.rows));
    const sheet = workbook.getWorksheet(TABLE_SHEET);
    expect(sheet?.actualRowCount).toBe(60);
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["分野", "No.", "枝番", "項目", "主な推進担当課", "評価", "実施内容", "令和2年度当初予定（目標値）", "取組実績（令和3年3月末実績値）", "備考", "整合性"]);
    const row2 = sheet?.getRow(2);
    expect(row2?.getCell(2).value).toBe(1);
    expect(row2?.getCell(4).value).toBe("協働推進体制の充実");
    expect(row2?.getCell(4).numFmt).toBe("@");
    expect(row2?.height).toBeGreaterThan(18);
  });

  it("has a 「整合性」 column with =PLAN.CHECK(評価, 当初予定, 取組実績) on every row, stored as Excel binds it, its result cached", async () => {
    const workbook = await roundTrip(buildProgressWorkbook(report.meta, report.rows));
    const sheet = workbook.getWorksheet(TABLE_SHEET);
    for (let r = 2; r <= 60; r += 1) {
      expect(sheet?.getRow(r).getCell(11).value).toMatchObject({ formula: `_xldudf_PLAN_CHECK(F${r},H${r},I${r})` });
    }
    expect(sheet?.getCell("K22").value).toEqual({ formula: "_xldudf_PLAN_CHECK(F22,H22,I22)", result: "RATING_OVERSTATED: 実績44.0% / 目標95% (46%)" });
    // An empty cached result is not kept by the file format: the cell shows empty until Excel computes it.
    expect(sheet?.getCell("K2").value).toMatchObject({ formula: "_xldudf_PLAN_CHECK(F2,H2,I2)" });
  });

  it("carries the plan metadata on a hidden settings sheet", async () => {
    const workbook = await roundTrip(buildProgressWorkbook(report.meta, report.rows));
    const settings = workbook.getWorksheet(SETTINGS_SHEET);
    expect(settings?.state).toBe("hidden");
    const pairs = new Map<string, string>();
    settings?.eachRow((row) => pairs.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value)));
    expect(pairs.get("plan.title")).toBe("小平市第3次行財政再構築プラン");
    expect(pairs.get("plan.fiscalYear")).toBe("2020");
    expect(pairs.get("plan.evaluationDate")).toBe("令和3年3月末");
    expect(pairs.get("legend.B")).toBe("年度当初の予定よりも遅れている");
  });

  it("is reproducible: the same input gives the same cells, as do the committed sample and its rows JSON", async () => {
    const first = cells(await roundTrip(buildProgressWorkbook(report.meta, report.rows)));
    const second = cells(await roundTrip(buildProgressWorkbook(report.meta, report.rows)));
    expect(second).toEqual(first);
    const json = JSON.parse(readFileSync(resolve(root, "seeds/kodaira-r2.rows.json"), "utf8"));
    expect(json).toEqual({ meta: report.meta, rows: report.rows });
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.load(readFileSync(resolve(root, "seeds/kodaira-r2.xlsx")) as unknown as ArrayBuffer);
    expect(cells(committed)).toEqual(first);
  });
});
