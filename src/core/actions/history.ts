import type { WorkbookPort } from "../port";
import { HISTORY_SHEET, historyFromRows, historySheet, historySheetName, mergesOf, type HistoryEntry, type MergeRecord } from "../roundtrip/history";
import { DEFAULT_SETTINGS } from "../workbook/settings";
import { writeOwnSheet } from "./sheets";

/**
 * The 「取込履歴」 sheet as the actions keep it (docs/contracts/roundtrip.md, "History"): read as the
 * workbook holds it now, and appended to by every change the add-in makes to the table.
 */

/** The history as the workbook holds it now: the sheet's name, its entries, the merges it records. */
export async function readHistory(port: WorkbookPort): Promise<{ sheet?: string; entries: HistoryEntry[]; merges: MergeRecord[] }> {
  const settings = (await port.readSettings())?.settings ?? DEFAULT_SETTINGS;
  const sheet = historySheetName(settings.generated ?? []);
  const rows = sheet ? await port.readSheet(sheet) : undefined;
  const entries = rows ? historyFromRows(rows) : [];
  return { ...(sheet ? { sheet } : {}), entries, merges: mergesOf(entries) };
}

/** Appends entries to the 「取込履歴」 sheet (a sheet of the add-in, rewritten with the earlier entries kept); returns its name. */
export async function recordHistory(port: WorkbookPort, entries: readonly HistoryEntry[]): Promise<string> {
  if (entries.length === 0) return HISTORY_SHEET;
  const { entries: earlier } = await readHistory(port);
  return writeOwnSheet(port, historySheet([...earlier, ...entries]));
}
