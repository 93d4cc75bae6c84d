// The report of 10,000 items through exceljs: building the sheet plan and writing the file, timed apart.
import ExcelJS from "exceljs";
import { buildReportPlan } from "../src/core/report/plan";
import { readTable } from "../src/core/workbook/table";
import { buildProgressWorkbook } from "../src/xlsx/progressWorkbook";
import { renderPlan } from "../src/xlsx/report";
import { XlsxWorkbookPort } from "../src/xlsx/workbookPort";
import { generatedRows, seedMeta } from "./generate";
import { report } from "./harness";

export async function reportBench(): Promise<boolean> {
  const ITEMS = 10_000;
  const meta = seedMeta();
  const source = buildProgressWorkbook(meta, generatedRows(ITEMS));
  const rows = readTable((await XlsxWorkbookPort.fromWorkbook(source)).grids()).rows;

  let t = performance.now();
  const plan = buildReportPlan(meta, rows);
  const planMs = performance.now() - t;

  t = performance.now();
  const workbook = new ExcelJS.Workbook();
  renderPlan(workbook.addWorksheet(plan.name), plan);
  const renderMs = performance.now() - t;

  t = performance.now();
  const bytes = await workbook.xlsx.writeBuffer();
  const writeMs = performance.now() - t;

  const m = (name: string, ms: number) => ({ measurement: { name, items: ITEMS, bestMs: ms, perSecond: (ITEMS / ms) * 1000 } });
  const ok = report(`report: ${ITEMS.toLocaleString("en-US")} items (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB .xlsx)`, [
    m("build the sheet plan (core)", planMs),
    m("render the plan into exceljs", renderMs),
    m("write the .xlsx file", writeMs),
  ]);
  return ok;
}
