import { departmentSheets, findingsSheet } from "../check/export";
import type { CheckResult } from "../check/check";
import type { WorkbookPort } from "../port";
import { writeOwnSheet } from "./sheets";

/** What an export needs of a check: its findings and the sheet they point into. */
export interface CheckedTable {
  result: CheckResult;
  table: { sheet: string };
}

/** Writes the findings as the 「チェック結果」 sheet, each cell address a link into the table; returns its name. */
export async function exportFindings(port: WorkbookPort, run: CheckedTable): Promise<{ sheet: string }> {
  return { sheet: await writeOwnSheet(port, findingsSheet(run.result, run.table.sheet)) };
}

/** Writes one findings sheet per department (主な推進担当課), so that each 課 gets its own list; returns their names. */
export async function exportFindingsByDepartment(port: WorkbookPort, run: CheckedTable): Promise<{ sheets: string[] }> {
  const sheets: string[] = [];
  for (const sheet of departmentSheets(run.result, run.table.sheet)) sheets.push(await writeOwnSheet(port, sheet));
  return { sheets };
}
