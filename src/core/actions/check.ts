import { checkTable, type CheckResult } from "../check/check";
import type { Memo } from "../memo";
import type { WorkbookPort } from "../port";
import { workbookMeta, type WorkbookMeta } from "../workbook/planMeta";
import type { PlanSettings } from "../workbook/settings";
import { settingsOf } from "./settings";
import type { ReadOptions, TableRead } from "../workbook/table";

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

export interface CheckOptions extends Omit<ReadOptions, "tableSheet"> {
  /** What the shell remembers between checks (per pane session, per command-line run). */
  memo?: Memo;
}

/** The check: one read through the port (table and settings together), then the rules. Writes nothing. */
export async function runCheck(port: WorkbookPort, { memo, ...read }: CheckOptions = {}): Promise<CheckRun> {
  const workbook = await port.read(read);
  const { table, settings, changedWhileReading } = workbook;
  const effective = settingsOf(workbook);
  return {
    table,
    settings: effective,
    settingsProblems: settings?.problems ?? [],
    meta: workbookMeta(table, effective),
    result: checkTable(table, { settings: effective, ...(memo ? { memo } : {}) }),
    ...(changedWhileReading ? { changedWhileReading } : {}),
  };
}
