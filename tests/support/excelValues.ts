import ExcelJS from "exceljs";
import { FakeExcel, putGrid } from "./fakeExcel";

/**
 * A workbook file as Excel's own `range.values` would give it, for seeding the Excel fake: numbers,
 * strings, booleans, a formula's last result, error texts ("#N/A"), dates as serial numbers (with the
 * cell's number format beside them, so the fake knows a date from a number), and a merged area's value
 * only in its top-left cell. Read straight from the file with exceljs, not through the file-mode
 * reader, so the two ports are compared on what each host really hands over.
 */
export interface ExcelValuesSheet {
  name: string;
  values: unknown[][];
  formats: (string | undefined)[][];
  merges: [row: number, column: number, rows: number, columns: number][];
  /** Hidden or very hidden in the file (Excel's Worksheet.visibility). */
  visibility: "Visible" | "Hidden" | "VeryHidden";
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function serialOf(date: Date, date1904: boolean): number {
  const days = (date.getTime() - EPOCH_1900) / DAY_MS;
  return date1904 ? days - 1462 : days;
}

function excelValue(value: ExcelJS.CellValue, date1904: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serialOf(value, date1904);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return { error: value.error };
  if ("formula" in value || "sharedFormula" in value) return excelValue((value as { result?: ExcelJS.CellValue }).result ?? null, date1904);
  if ("text" in value) return String(value.text);
  return String(value);
}

function mergeArea(range: string): [number, number, number, number] {
  const cell = (ref: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, ""));
    if (!m) throw new Error(`not a cell reference: ${ref}`);
    const column = [...(m[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [Number(m[2]) - 1, column - 1];
  };
  const [from = "", to = from] = range.split(":");
  const [r0, c0] = cell(from);
  const [r1, c1] = cell(to);
  return [r0, c0, r1 - r0 + 1, c1 - c0 + 1];
}

export async function excelValues(file: Uint8Array | ArrayBuffer): Promise<ExcelValuesSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as ArrayBuffer);
  const date1904 = workbook.properties.date1904 === true;
  return workbook.worksheets.map((sheet) => {
    const values: unknown[][] = [];
    const formats: (string | undefined)[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const r = rowNumber - 1;
        const c = columnNumber - 1;
        (values[r] ??= [])[c] = excelValue(cell.value, date1904);
        (formats[r] ??= [])[c] = cell.value instanceof Date ? (cell.numFmt || "yyyy/m/d") : cell.numFmt || undefined;
      });
    });
    const merges = (sheet.model.merges ?? []).map(mergeArea);
    const dense = Array.from({ length: values.length }, (_, r) => Array.from({ length: values[r]?.length ?? 0 }, (_, c) => values[r]?.[c] ?? null));
    const visibility = sheet.state === "hidden" ? "Hidden" : sheet.state === "veryHidden" ? "VeryHidden" : "Visible";
    return { name: sheet.name, values: dense, formats, merges, visibility };
  });
}

/** An Excel fake holding a workbook file's sheets as Excel would (see excelValues). */
export async function fakeFromFile(file: Uint8Array | ArrayBuffer): Promise<FakeExcel> {
  const sheets = await excelValues(file);
  const fake = new FakeExcel(sheets.map((s) => s.name));
  for (const sheet of sheets) putGrid(fake, sheet.name, sheet.values, { formats: sheet.formats, merges: sheet.merges });
  for (const sheet of sheets) {
    const held = fake.sheet(sheet.name);
    if (held) held.visibility = sheet.visibility;
  }
  return fake;
}
