import { isDateFormatCode, showNumber } from "./numberFormat";

/**
 * A cell as the workbook ports hand it to the core, whatever wrote it: a number, text (rich text
 * already joined), a boolean, an Excel error value, a date, a number its format shows with words or
 * signs (`{ number, text }`: 12 shown as 12件, 0.95 as 95%, -5 as △5), a formula whose result the file
 * does not hold (`{ error, formula }`, see FORMULA_WITHOUT_RESULT), or nothing. Formulas arrive as their
 * cached result.
 */
export type RawCell =
  | null
  | string
  | number
  | boolean
  | { error: string }
  | { date: string }
  | { number: number; text: string }
  | { error: string; formula: string };

/**
 * The error a formula without a saved result reads as: the file holds the formula and no value
 * (openpyxl writes it so; XlsxWriter writes 0 and asks for a recalculation when the file is opened).
 * Nothing is evaluated, so the cell reads as empty, and FORMULA_RESULT_MISSING says once how to save
 * the results.
 */
export const FORMULA_WITHOUT_RESULT = "#結果なし";

export interface SheetGrid {
  name: string;
  /** Hidden or very hidden (the table is looked for on visible sheets first). */
  hidden?: boolean;
  /** The sheet holds an Excel Table object (a ListObject). */
  hasTable?: boolean;
  /** rows[0] is the sheet's row 1; each row from column A. Rows may be shorter than the widest. */
  rows: RawCell[][];
}

export function isErrorCell(cell: RawCell | undefined): cell is { error: string } {
  return typeof cell === "object" && cell !== null && "error" in cell;
}

/** A formula whose result the file does not hold (it reads as empty). */
export function isFormulaWithoutResult(cell: RawCell | undefined): cell is { error: string; formula: string } {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

/** The text of a cell as a person reads it; an error value reads as empty (it is reported apart). */
export function rawText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if ("error" in cell) return "";
  if ("text" in cell) return cell.text;
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

/**
 * The date of an Excel serial number, "YYYY-MM-DD": the 1900 date system (serial 1 is 1900-01-01,
 * and 60 the 1900-02-29 Excel keeps from Lotus) or the 1904 one (serial 0 is 1904-01-01).
 */
export function serialToDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2_958_466) return undefined;
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  if (!date1904 && days === 60) return "1900-02-29";
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a number format shows a date or a time (yyyy/m/d, ggge"年"m"月"d"日", [$-ja-JP]…), not a plain number. */
export function isDateFormat(format: string | undefined): boolean {
  return isDateFormatCode(format);
}

/**
 * A number as its format shows it (src/core/workbook/numberFormat.ts), the one reading both ports
 * give a number cell: a date for a date format (its serial in the workbook's date system), the text
 * shown when the format adds words or signs (12 → 12件, 0.95 → 95%, -5 → △5, 0 → "-"), else the
 * number itself.
 */
export function numberCell(value: number, format: string | undefined, date1904 = false): RawCell {
  const shown = showNumber(value, format);
  if (shown.kind === "text") return { number: value, text: shown.text };
  if (shown.kind === "date") {
    const date = serialToDate(value, date1904);
    return date ? { date } : value;
  }
  return value;
}
