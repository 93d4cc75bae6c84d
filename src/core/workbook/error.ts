import type { Localized } from "../text/localized";

/**
 * A failure a person can act on, said in both languages: a protected sheet, a cell being edited, a row
 * that moved, a sheet renamed away. The pane and the CLI show `text`; `code` names the cause.
 */
export class WorkbookError extends Error {
  constructor(
    readonly code: string,
    readonly text: Localized,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = "WorkbookError";
  }
}
