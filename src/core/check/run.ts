import type { WorkbookPort } from "../port";
import { workbookMeta, type WorkbookMeta } from "../workbook/planMeta";
import { DEFAULT_SETTINGS, type PlanSettings } from "../workbook/settings";
import type { ReadOptions, TableRead } from "../workbook/table";
import { checkTable, type CheckResult } from "./check";

export interface CheckRun {
  table: TableRead;
  settings: PlanSettings;
  /** Problems reading the settings sheet (the defaults were kept for those parts). */
  settingsProblems: string[];
  /** The plan's title, fiscal year and evaluation date: saved, or as the workbook shows them. */
  meta: WorkbookMeta;
  result: CheckResult;
  /** The workbook changed while it was read (see WorkbookRead): the result may be off. */
  changedWhileReading?: boolean;
}

/** One read through the port (table and settings together), then the check. Writes nothing. */
export async function runCheck(port: WorkbookPort, options: Omit<ReadOptions, "tableSheet"> = {}): Promise<CheckRun> {
  const { table, settings, changedWhileReading } = await port.read(options);
  const effective = settings?.settings ?? DEFAULT_SETTINGS;
  return {
    table,
    settings: effective,
    settingsProblems: settings?.problems ?? [],
    meta: workbookMeta(table, effective),
    result: checkTable(table, { settings: effective }),
    ...(changedWhileReading ? { changedWhileReading } : {}),
  };
}
