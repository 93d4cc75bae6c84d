import type { WorkbookPort } from "../port";
import type { RatingProfile } from "../rating/profile";
import type { ColumnMap } from "../workbook/columns";
import type { WorkbookRead } from "../port";
import type { PlanMeta } from "../workbook/model";
import { DEFAULT_SETTINGS, type PlanSettings } from "../workbook/settings";
import { settingsWithUnderstood } from "../workbook/understood";

/**
 * The settings an action works with: the workbook's, and where its profile names no scale, the scale the
 * table itself says (its legend, or the symbols found) — one rule for the check, the report, the year
 * comparison, next year's table and the entry rules.
 */
export function settingsOf(read: WorkbookRead): PlanSettings {
  return settingsWithUnderstood(read.settings?.settings ?? DEFAULT_SETTINGS, read.table.understood);
}

/**
 * Changes the settings as they are in the workbook now, not as the last check saw them: what another
 * change wrote meanwhile (an ignore from a second window, a co-author's profile) is kept.
 */
export async function updateSettings(port: WorkbookPort, change: (current: PlanSettings) => PlanSettings): Promise<PlanSettings> {
  const current = (await port.readSettings())?.settings ?? DEFAULT_SETTINGS;
  const next = change(current);
  await port.writeSettings(next);
  return next;
}

/** Saves the plan's title, fiscal year, evaluation date and legend. */
export function savePlanMeta(port: WorkbookPort, meta: PlanMeta): Promise<PlanSettings> {
  return updateSettings(port, (current) => ({ ...current, meta }));
}

/** Saves the rating profile (scale, tolerance, S margin, direction overrides). */
export function saveProfile(port: WorkbookPort, profile: RatingProfile): Promise<PlanSettings> {
  return updateSettings(port, (current) => ({ ...current, profile }));
}

/** Saves a column mapping chosen by hand; an empty one removes it (detection decides again). */
export function saveMapping(port: WorkbookPort, mapping: ColumnMap): Promise<PlanSettings> {
  return updateSettings(port, (current) => {
    const { mapping: _old, ...rest } = current;
    return Object.keys(mapping).length > 0 ? { ...rest, mapping } : rest;
  });
}
