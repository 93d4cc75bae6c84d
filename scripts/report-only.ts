// Writes a workbook's report sheet alone (dist/kodaira-r2-report-only.xlsx for the sample), for rendering
// its pages with LibreOffice (../shared/tools/render-xlsx.sh) without the source table's pages around it.
//   tsx scripts/report-only.ts [FILE.xlsx] [--paper A4|A3] [--orientation landscape|portrait] [-o OUT.xlsx]
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { workbookReportPlan } from "../src/core/report/plan";
import { DEFAULT_SETTINGS } from "../src/core/workbook/settings";
import { XlsxWorkbookPort } from "../src/xlsx/workbookPort";

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { paper: { type: "string" }, orientation: { type: "string" }, output: { type: "string", short: "o" } },
  });
  const input = resolve(positionals[0] ?? resolve(__dirname, "../seeds/kodaira-r2.xlsx"));
  const paper = values.paper === "A3" ? "A3" : "A4";
  const orientation = values.orientation === "portrait" ? "portrait" : "landscape";
  const port = await XlsxWorkbookPort.load(readFileSync(input));
  const { table, settings } = await port.read();
  const plan = workbookReportPlan(table, settings?.settings ?? DEFAULT_SETTINGS, { paper, orientation });
  // Through the port, as a user gets it: the report active, its print area set, its chart added.
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("空");
  const only = await XlsxWorkbookPort.fromWorkbook(empty);
  await only.writeReport(plan.name, plan);
  const out = resolve(values.output ?? resolve(__dirname, `../dist/${basename(input, ".xlsx")}-report-only.xlsx`));
  writeFileSync(out, await only.save());
  console.log(out);
}

void main();
