import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

/** The corpus of other cities' published tables (tests/fixtures/cities/README.md). */
export const CITIES_DIR = resolve(__dirname, "../fixtures/cities");

export type Cell = string | number | null;

export interface CitySheet {
  name: string;
  rows: Cell[][];
  merges?: string[];
  formats?: Record<string, string>;
  /** Ranges the copy did not let the typist read: null, but not known to be empty. */
  unread?: string[];
}

export interface CityTable {
  city: string;
  source: string;
  sheets: CitySheet[];
}

export interface LabelSymbol {
  symbol: string;
  meaning?: string;
  band?: "ahead" | "on" | "behind" | null;
  /** No legend says the band: the label does not know it. */
  bandUnknown?: boolean;
  bands?: ("ahead" | "on" | "behind")[];
  minRate?: number;
  maxRate?: number;
}

export interface LabelItem {
  row: number;
  sheet?: string;
  col?: string;
  item: string | null;
  title: string;
  rating: string;
  numbers: string;
  contradiction: "overstated" | "understated" | null;
  why: string;
}

export interface CityLabels {
  fiscalYear: number;
  scale: LabelSymbol[];
  scalesBySheet?: Record<string, LabelSymbol[]>;
  items: LabelItem[];
}

export interface City {
  slug: string;
  table: CityTable;
  labels: CityLabels;
}

/** Every folder of the corpus that holds a table and its labels (folders added later are taken too). */
export function cities(): City[] {
  return readdirSync(CITIES_DIR)
    .filter((slug) => statSync(join(CITIES_DIR, slug)).isDirectory())
    .filter((slug) => ["table.json", "labels.json"].every((f) => statSync(join(CITIES_DIR, slug, f), { throwIfNoEntry: false })?.isFile()))
    .sort()
    .map((slug) => ({
      slug,
      table: JSON.parse(readFileSync(join(CITIES_DIR, slug, "table.json"), "utf8")) as CityTable,
      labels: JSON.parse(readFileSync(join(CITIES_DIR, slug, "labels.json"), "utf8")) as CityLabels,
    }));
}

/** The workbook a clerk would keep: each sheet's cells, merged areas and number formats, as table.json gives them. */
export async function cityWorkbook(table: CityTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of table.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        ws.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const [address, format] of Object.entries(sheet.formats ?? {})) ws.getCell(address).numFmt = format;
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The bands a label gives a symbol: band, bands, or none (a symbol that states no judgement). */
export function labelBands(symbol: LabelSymbol): string[] {
  if (symbol.bands) return [...symbol.bands].sort();
  return symbol.band ? [symbol.band] : [];
}

/** "G" → 6. */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** "E5:H5" → rows 5–5 and columns 4–7 (1-based rows, 0-based columns). */
export function rangeOf(range: string): { top: number; bottom: number; left: number; right: number } {
  const [from = "", to = from] = range.split(":");
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a.toUpperCase());
    return { row: Number(m?.[2] ?? 0), column: columnIndex(m?.[1] ?? "A") };
  };
  const a = cell(from);
  const b = cell(to);
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.column, b.column), right: Math.max(a.column, b.column) };
}

/** Whether a cell (1-based row, 0-based column) lies in a sheet's unread ranges; a row alone when no column is said. */
export function isUnread(sheet: CitySheet | undefined, row: number | undefined, column: number | undefined): boolean {
  if (!sheet?.unread || row === undefined) return false;
  return sheet.unread.map(rangeOf).some((r) => row >= r.top && row <= r.bottom && (column === undefined || (column >= r.left && column <= r.right)));
}
