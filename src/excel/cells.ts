import { numberCell, type RawCell } from "../core/workbook/cells";

/** A value, its type and its number format, as range.values / valueTypes / numberFormat give them. */
export function officeCell(value: unknown, type: string | undefined, format?: string, date1904 = false): RawCell {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      // Excel hands dates over as serial numbers, and units and percentages as bare numbers: the format says which.
      return numberCell(typeof value === "number" ? value : Number(value), format, date1904);
    default:
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" ? value : String(value);
  }
}

/** The cells of a range loaded with values, valueTypes and (for tables) numberFormat. */
export function toRows(values: unknown[][], types: string[][] | undefined, formats?: string[][], date1904 = false): RawCell[][] {
  return values.map((row, r) => row.map((value, c) => officeCell(value, types?.[r]?.[c], formats?.[r]?.[c], date1904)));
}

/** The batch runner of the port: Excel.run with the port's options and its errors turned into WorkbookErrors. */
export type Batch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
