import { requireCapability, WorkbookError, type WorkbookPort } from "../port";
import { entryGuard, type GuardRange } from "../workbook/guard";
import { DEFAULT_SETTINGS } from "../workbook/settings";
import { settingsOf, updateSettings } from "./settings";

/**
 * Sets the entry rules (a drop-down of the scale on the rating column, input messages on the plan and
 * results columns), replacing the add-in's earlier ones; a column with a rule of the user's is skipped
 * and returned. The settings record the ranges set, so that clearing removes exactly those.
 */
export async function setEntryRules(port: WorkbookPort): Promise<{ set: GuardRange[]; skipped: GuardRange[] }> {
  requireCapability(port, "guards");
  const read = await port.read();
  const guard = entryGuard(read.table, settingsOf(read));
  if (!guard) {
    throw new WorkbookError("NoTable", {
      ja: "評価の列が見つからないため、入力規則を設定できません。",
      en: "No rating column was found, so no entry rules can be set.",
    });
  }
  await clearEntryRules(port);
  const result = await port.setGuards(guard);
  await updateSettings(port, (current) => ({ ...current, guards: result.set }));
  return result;
}

/** Removes the entry rules the add-in set (as the settings record them), and nothing else. */
export async function clearEntryRules(port: WorkbookPort): Promise<void> {
  requireCapability(port, "guards");
  const current = (await port.readSettings())?.settings ?? DEFAULT_SETTINGS;
  if (!current.guards?.length) return;
  await port.clearGuards(current.guards);
  await port.writeSettings({ ...current, guards: [] });
}
