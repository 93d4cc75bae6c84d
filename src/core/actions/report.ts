import { workbookReportPlan, type ReportOptions, type SheetPlan } from "../report/plan";
import type { WorkbookPort } from "../port";
import { settingsOf } from "./settings";
import type { ReadOptions } from "../workbook/table";
import { requireTable, writeOwnReport } from "./sheets";

export interface MakeReportOptions extends Omit<ReportOptions, "scale"> {
  /** The sheet to read the table from (else the core's rule chooses it). */
  sheet?: ReadOptions["sheet"];
}

/** The report's sheet plan as it would be made now (the pane's print preview): nothing is written. */
export async function reportPlan(port: WorkbookPort, { sheet, ...options }: MakeReportOptions = {}): Promise<SheetPlan> {
  const read = await port.read(sheet ? { sheet } : {});
  const table = requireTable(read, { ja: "レポート", en: "report" });
  return workbookReportPlan(table, settingsOf(read), options);
}

/** Makes the published report (docs/contracts/report.md) as a sheet of the add-in; returns its name. */
export async function makeReport(port: WorkbookPort, { sheet, ...options }: MakeReportOptions = {}): Promise<{ sheet: string }> {
  const read = await port.read(sheet ? { sheet } : {});
  const table = requireTable(read, { ja: "レポート", en: "report" });
  const plan = workbookReportPlan(table, settingsOf(read), options);
  return { sheet: await writeOwnReport(port, plan) };
}
