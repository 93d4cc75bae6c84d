import type { Finding } from "../check/types";
import type { WorkbookPort } from "../port";
import type { PlanSettings } from "../workbook/settings";
import { updateSettings } from "./settings";

/** Sets a finding aside with the reviewer's reason, for its code and item; a later check lists it apart. */
export function ignoreFinding(port: WorkbookPort, finding: Pick<Finding, "code" | "item">, reason: string): Promise<PlanSettings> {
  const entry = { code: finding.code, item: finding.item ?? "", reason };
  return updateSettings(port, (current) => ({
    ...current,
    ignored: [...current.ignored.filter((i) => i.code !== entry.code || i.item !== entry.item), entry],
  }));
}

/** Brings one ignored finding back. */
export function restoreFinding(port: WorkbookPort, code: string, item: string): Promise<PlanSettings> {
  return updateSettings(port, (current) => ({ ...current, ignored: current.ignored.filter((i) => i.code !== code || i.item !== item) }));
}

/** Brings every ignored finding back. */
export function restoreAllFindings(port: WorkbookPort): Promise<PlanSettings> {
  return updateSettings(port, (current) => ({ ...current, ignored: [] }));
}
