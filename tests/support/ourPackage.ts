import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { buildReportPlan, type SheetPlan } from "../../src/core/report/plan";
import { addBarChart } from "../../src/xlsx/chart";
import { renderPlan } from "../../src/xlsx/report";
import { writeSettingsSheet } from "../../src/xlsx/ownSheets";
import { XlsxWorkbookPort } from "../../src/xlsx/workbookPort";

/**
 * "Ours" as the port makes it for a graft: one package written by exceljs that holds only the add-in's
 * sheets — the report of the Kodaira sample (merges, styles, print area and titles, page breaks, a bar
 * chart added by chart.ts), a findings sheet with links to cells of the user's table, a date and a
 * conditional format, and the hidden settings sheet.
 */
export const REPORT = "進捗状況レポート";
export const FINDINGS = "指摘一覧";
export const SETTINGS = "計画進捗チェッカー設定";

let plan: SheetPlan | undefined;

async function samplePlan(): Promise<SheetPlan> {
  if (plan) return plan;
  const port = await XlsxWorkbookPort.load(readFileSync(resolve(__dirname, "../../seeds/kodaira-r2.xlsx")));
  const { table, settings } = await port.read();
  plan = buildReportPlan(settings!.settings.meta, table.rows);
  return plan;
}

export interface OursOptions {
  /** Link targets of the findings sheet: the user's sheet. */
  linkSheet?: string;
  /** Written with the 1904 date system. */
  date1904?: boolean;
  /** A title for the findings (to tell two writes apart). */
  findingsTitle?: string;
}

export async function ourPackage(options: OursOptions = {}): Promise<Uint8Array> {
  const report = await samplePlan();
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  renderPlan(workbook.addWorksheet(REPORT), report);
  const findings = workbook.addWorksheet(FINDINGS);
  findings.columns = [{ width: 30 }, { width: 14 }, { width: 60 }];
  findings.getCell("A1").value = options.findingsTitle ?? "整合性チェックの指摘";
  findings.getCell("A1").font = { bold: true, size: 14 };
  findings.getCell("A2").value = "作成日";
  findings.getCell("B2").value = new Date(Date.UTC(2021, 2, 31));
  findings.getCell("B2").numFmt = "yyyy\"年\"m\"月\"d\"日\"";
  const sheet = options.linkSheet ?? "進捗管理表";
  ["E3", "E4", "F5"].forEach((address, i) => {
    const cell = findings.getCell(`A${i + 4}`);
    cell.value = { text: `${sheet}!${address}`, hyperlink: `#'${sheet.replace(/'/g, "''")}'!${address}` };
    findings.getCell(`C${i + 4}`).value = i === 0 ? "評価 S は目標値を下回る実績と合いません" : "実績値が読めません";
  });
  findings.addConditionalFormatting({
    ref: "C4:C6",
    rules: [{ type: "containsText", operator: "containsText", text: "合いません", priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFE0E0" } } } }],
  });
  writeSettingsSheet(workbook, [
    ["plan.title", "小平市第3次行財政再構築プラン"],
    ["plan.fiscalYear", 2020],
  ]);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  // The report's own chart, as the plan draws it (chart.ts).
  return report.chart ? addBarChart(bytes, { sheet: REPORT, chart: report.chart }) : bytes;
}
