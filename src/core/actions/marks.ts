import type { Finding } from "../check/types";
import { requireCapability, type CellMark, type WorkbookPort } from "../port";
import { DEFAULT_SETTINGS } from "../workbook/settings";
import { updateSettings } from "./settings";

/** The marks of findings that point at a cell of the table. */
export function marksOf(findings: readonly Finding[]): CellMark[] {
  return findings.filter((f) => f.row !== undefined).map((f) => ({ column: f.column ?? 0, sheetRow: f.row ?? 0, severity: f.severity }));
}

/**
 * Marks the findings' cells by severity (an overlay that leaves the user's formats alone), replacing the
 * add-in's earlier marks; the settings record which sheet carries them.
 */
export async function markFindings(port: WorkbookPort, sheet: string, findings: readonly Finding[]): Promise<{ cells: number }> {
  requireCapability(port, "marks");
  const marks = marksOf(findings);
  await port.clearMarks();
  await port.markCells(sheet, marks);
  await updateSettings(port, (current) => ({ ...current, marks: [{ sheet }] }));
  return { cells: marks.length };
}

/** Removes every mark the add-in made, and nothing else. */
export async function clearMarks(port: WorkbookPort): Promise<void> {
  requireCapability(port, "marks");
  await port.clearMarks();
  const current = (await port.readSettings())?.settings ?? DEFAULT_SETTINGS;
  if (current.marks?.length) await port.writeSettings({ ...current, marks: [] });
}
