import { SETTINGS_SHEET, settingsFromRows, settingsToRows, type PlanSettings, type SettingsRead } from "../core/workbook/settings";
import { toRows, type Batch } from "./cells";

/** The settings sheet, or undefined when the workbook has none (one sync). */
export function readSettings(run: Batch): Promise<SettingsRead | undefined> {
  return run(async (context) => {
    const range = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
    range.load("values,valueTypes");
    await context.sync();
    return range.isNullObject ? undefined : settingsFromRows(toRows(range.values, range.valueTypes));
  });
}

/**
 * Writes the settings sheet in place: one write of all its rows (blank rows clearing what is left of
 * longer old settings), text cells formatted "@" first. A batch is not a transaction, but a single
 * write either happens or not: a failure leaves the old settings whole. A missing sheet is added hidden.
 */
export function writeSettings(run: Batch, settings: PlanSettings): Promise<void> {
  return run(async (context) => {
    const rows: (string | number)[][] = settingsToRows(settings).map(([key, value]) => [key, value]);
    const worksheets = context.workbook.worksheets;
    const old = worksheets.getItemOrNullObject(SETTINGS_SHEET);
    const used = old.getUsedRangeOrNullObject(true);
    old.load("name");
    used.load("rowIndex,rowCount");
    await context.sync();
    const sheet = old.isNullObject ? worksheets.add(SETTINGS_SHEET) : old;
    const oldRows = old.isNullObject || used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    while (rows.length < oldRows) rows.push(["", ""]);
    const range = sheet.getRange(`A1:B${rows.length}`);
    range.numberFormat = rows.map(([, value]) => ["@", typeof value === "number" ? "General" : "@"]);
    range.values = rows;
    if (old.isNullObject) sheet.visibility = "Hidden";
    await context.sync();
  });
}
