import { WorkbookError } from "../core/port";
import type { Locale, Messages } from "./messages";

/**
 * A failure as the pane shows it: what the workbook port says a person can do about it (a protected
 * sheet, a cell being edited, a row that moved), else the generic sentence and the detail.
 */
export function describeError(error: unknown, m: Messages, locale: Locale): string {
  if (error instanceof WorkbookError || (error as { name?: string } | null)?.name === "WorkbookError") return (error as WorkbookError).text[locale];
  const detail = error instanceof Error ? error.message : String(error);
  return `${m.errorGeneric} ${detail}`;
}
