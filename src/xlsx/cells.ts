import type { CellValue } from "exceljs";

/**
 * The text a person sees in a cell, for every kind of value exceljs returns: numbers, strings,
 * rich text, formulas (their cached result), hyperlinks, errors (#N/A …), dates, booleans, empty.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: CellValue }).result;
    return result === undefined ? "" : cellText(result);
  }
  if ("text" in value && typeof value.text === "string") return value.text;
  return "";
}
