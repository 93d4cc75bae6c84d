/**
 * A cell as the workbook ports hand it to the core, whatever wrote it: a number, text (rich text
 * already joined), a boolean, an Excel error value, a date, or nothing. Formulas arrive as their
 * cached result.
 */
export type RawCell = null | string | number | boolean | { error: string } | { date: string };

export interface SheetGrid {
  name: string;
  /** rows[0] is the sheet's row 1; each row from column A. Rows may be shorter than the widest. */
  rows: RawCell[][];
}

export function isErrorCell(cell: RawCell | undefined): cell is { error: string } {
  return typeof cell === "object" && cell !== null && "error" in cell;
}

/** The text of a cell as a person reads it; an error value reads as empty (it is reported apart). */
export function rawText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if ("error" in cell) return "";
  return cell.date;
}

export function isBlankRow(row: readonly RawCell[] | undefined): boolean {
  return !row || row.every((cell) => rawText(cell).trim() === "" && !isErrorCell(cell));
}

/** "A", "B", … "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
