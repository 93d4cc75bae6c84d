import type { SheetPlan } from "../report/plan";
import { WorkbookError, type SimpleSheet, type WorkbookPort, type WorkbookRead } from "../port";
import { describeProblem } from "../workbook/problemText";
import { DEFAULT_SETTINGS } from "../workbook/settings";
import { sheetNameFor, withGeneratedSheet } from "../workbook/sheets";
import type { Localized } from "../text/localized";

/**
 * The name of a sheet the add-in is about to write: the wanted one, or "name (2)" … when a user's sheet
 * has it. Only a sheet the settings record as the add-in's is ever replaced (src/core/workbook/sheets.ts).
 */
async function ownSheetName(port: WorkbookPort, wanted: string): Promise<string> {
  const [names, settings] = await Promise.all([port.sheetNames(), port.readSettings()]);
  return sheetNameFor(wanted, names, settings?.settings.generated ?? []);
}

/** Records a sheet as the add-in's own, in the settings as they are now. */
async function recordOwnSheet(port: WorkbookPort, name: string): Promise<void> {
  const current = (await port.readSettings())?.settings ?? DEFAULT_SETTINGS;
  const next = withGeneratedSheet(current, name);
  if (next !== current) await port.writeSettings(next);
}

/** Writes a sheet of the add-in (findings, a comparison), recorded as its own; returns the name used. */
export async function writeOwnSheet(port: WorkbookPort, sheet: SimpleSheet): Promise<string> {
  const name = await ownSheetName(port, sheet.name);
  await port.writeSheet(name, sheet);
  await recordOwnSheet(port, name);
  return name;
}

/** Writes the report sheet, recorded as the add-in's own; returns the name used. */
export async function writeOwnReport(port: WorkbookPort, plan: SheetPlan): Promise<string> {
  const name = await ownSheetName(port, plan.name);
  await port.writeReport(name, plan);
  await recordOwnSheet(port, name);
  return name;
}

/**
 * The table of a read, or the refusal of an action that needs one: a workbook without a progress table
 * gets no (empty) report and no (empty) next year's table; the reading problem says why.
 */
export function requireTable(read: WorkbookRead, what: Localized): WorkbookRead["table"] {
  const missing = read.table.problems.find((p) => p.code === "COLUMNS_MISSING");
  if (!missing) return read.table;
  throw new WorkbookError("NoTable", {
    ja: `表を読み取れないため、${what.ja}を作れません。${describeProblem(missing, "ja")}`,
    en: `The table cannot be read, so no ${what.en} can be made. ${describeProblem(missing, "en")}`,
  });
}
