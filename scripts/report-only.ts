// Writes dist/kodaira-r2-report-only.xlsx: the sample's report sheet alone, for rendering its pages
// with LibreOffice (../shared/tools/render-xlsx.sh) without the source table's pages around it.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { buildReportPlan } from "../src/core/report/plan";
import { DEFAULT_SETTINGS } from "../src/core/workbook/settings";
import { XlsxWorkbookPort } from "../src/xlsx/workbookPort";

async function main(): Promise<void> {
  const port = await XlsxWorkbookPort.load(readFileSync(resolve(__dirname, "../seeds/kodaira-r2.xlsx")));
  const { table, settings } = await port.read();
  const plan = buildReportPlan(settings?.settings.meta ?? DEFAULT_SETTINGS.meta, table.rows);
  // Through the port, as a user gets it: the report active, its print area set, its chart added.
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("空");
  const only = await XlsxWorkbookPort.fromWorkbook(empty);
  await only.writeReport(plan.name, plan);
  const out = resolve(__dirname, "../dist/kodaira-r2-report-only.xlsx");
  writeFileSync(out, await only.save());
  console.log(out);
}

void main();
