import { DEFAULT_SCALE, foldSymbol, type RatingScale } from "../rating/scale";
import { columnLetter, rawText, type RawCell, type SheetGrid } from "./cells";
import { CANONICAL_HEADER, FIELDS, type ColumnMap, type Field } from "./columns";
import { LAYOUT_SEARCH_ROWS, SheetScan, detectLayout, readLayout, type LayoutGrid, type LayoutOptions } from "./layout";
import type { ReadProblem, TableRow } from "./rows";
import type { Understood } from "./understood";

export { normaliseRating, readItemNumber, tableRow } from "./rows";
export type { ReadProblem, RowInput, TableRow } from "./rows";

/** How far down a sheet the header row (or a sideways table's labels) is looked for; the Excel port reads this many rows to choose the sheet. */
export const HEADER_SEARCH_ROWS = LAYOUT_SEARCH_ROWS;

export interface TableRead {
  sheet: string;
  /** 1-based; undefined when no header was found. */
  headerRow?: number;
  columns: ColumnMap;
  /** The header text of each field, as written. */
  headers: Partial<Record<Field, string>>;
  /** Every header cell of the header row, as written (for choosing columns by hand). */
  headerCells: string[];
  /** The non-empty lines above the header row (a title, a date), each row's cells joined. */
  preamble: string[];
  rows: TableRow[];
  problems: ReadProblem[];
  /** What the reader understood of the sheet: layout, roles, year, scale, numbering (said before the findings). */
  understood?: Understood;
}

export interface ReadOptions {
  /** The sheet the user picked; else the core's rule chooses (chooseTableSheet). */
  sheet?: string;
  /** A user's column mapping (0-based columns); it overrides detection. */
  mapping?: ColumnMap;
  /**
   * The rating scale of the profile, to read the 評価 column with. DEFAULT_SCALE itself (a profile that
   * states no scale) leaves the scale to the sheet: its legend, else the symbols found.
   */
  scale?: RatingScale;
  /** Where the scale comes from when it is given: the settings sheet (default) or a command-line option. */
  scaleSource?: "settings" | "option";
  /** The year evaluated, when a setting or an option states it: a year grid's columns of that year are read. */
  fiscalYear?: number;
  fiscalYearSource?: "settings" | "option";
}

/** Whether these first rows of a sheet hold a table the reader can check (a header row, or a sideways table's labels). */
export function hasTableHeader(grid: SheetGrid, mapping?: ColumnMap, scan?: SheetScan): boolean {
  return detectLayout(grid, mapping, scan)?.complete === true;
}

/** What one read has learnt of each sheet's first rows (layout.ts, SheetScan): the layout is detected once per sheet and read. */
type ScanOf = (sheet: SheetCandidate) => SheetScan | undefined;

/** A read's scans, one per sheet, made when first asked for and dropped with the read. */
function scansOfRead(): ScanOf {
  const scans = new Map<SheetCandidate, SheetScan>();
  return (sheet) => {
    let scan = scans.get(sheet);
    if (!scan) {
      scan = new SheetScan();
      scans.set(sheet, scan);
    }
    return scan;
  };
}

const noScan: ScanOf = () => undefined;

/** A sheet as the rule for choosing the table's sheet sees it; `rows` (its first rows) may be asked for later. */
export interface SheetCandidate {
  name: string;
  hidden?: boolean;
  /** The sheet holds an Excel Table object (a ListObject). */
  hasTable?: boolean;
  rows?: readonly RawCell[][];
}

/** The rule's answer: the sheet (undefined for a workbook without sheets), or the sheets whose first rows it needs first. */
export type TableSheetChoice = { sheet: string | undefined } | { needRows: string[] };

/** Scales the reader guessed from symbols (not stated by a setting or a legend). */
const GUESSED = new Set(["preset", "words", "unknown"]);

const firstRowsOf = (sheet: SheetCandidate): SheetGrid => ({ name: sheet.name, rows: (sheet.rows ?? []).slice(0, HEADER_SEARCH_ROWS) as RawCell[][] });

/**
 * The sheet whose table is read (docs/contracts/workbook.md, "Finding the table") — the one rule every
 * port follows. Visible sheets come first: the user's pick; else a visible sheet holding an Excel Table;
 * else the first visible sheet whose first rows hold a table the reader can check; then the same among
 * hidden sheets (an old copy of the table kept hidden never wins over the visible one); else the first
 * sheet with any header, visible first; else the first visible sheet. Only the first 40 rows of a sheet
 * are looked at, and only when needed: a port that has read some sheets' rows only (Excel reads the first
 * visible sheet's at once) is told which others to read.
 */
export function chooseTableSheet(sheets: readonly SheetCandidate[], options: Pick<ReadOptions, "sheet" | "mapping"> = {}): TableSheetChoice {
  return chooseWith(sheets, options, noScan);
}

function chooseWith(sheets: readonly SheetCandidate[], options: Pick<ReadOptions, "sheet" | "mapping">, scanOf: ScanOf): TableSheetChoice {
  if (options.sheet !== undefined) return { sheet: options.sheet };
  const visible = sheets.filter((s) => !s.hidden);
  const hidden = sheets.filter((s) => s.hidden);
  const missing = () => ({ needRows: sheets.filter((s) => !s.rows).map((s) => s.name) });
  for (const group of [visible, hidden]) {
    const table = group.find((s) => s.hasTable);
    if (table) return { sheet: table.name };
    for (const sheet of group) {
      if (!sheet.rows) return missing();
      if (hasTableHeader(firstRowsOf(sheet), options.mapping, scanOf(sheet))) return { sheet: sheet.name };
    }
  }
  const anyHeader = [...visible, ...hidden].find((s) => s.rows && detectLayout(firstRowsOf(s), options.mapping, scanOf(s)) !== undefined);
  return { sheet: (anyHeader ?? visible[0] ?? sheets[0])?.name };
}

/** The rule over sheets whose rows are all known (file mode, the CLI). */
function tableSheetOf(grids: readonly SheetGrid[], options: ReadOptions, scanOf: ScanOf): string | undefined {
  const choice = chooseWith(grids, options, scanOf);
  return "sheet" in choice ? choice.sheet : undefined;
}

/** The other sheets that hold a table of their own (the add-in's own sheets are never handed to the reader). */
export function tableSheets(grids: readonly SheetGrid[], options: Pick<ReadOptions, "mapping"> = {}, scanOf: ScanOf = noScan): string[] {
  return grids.filter((g) => hasTableHeader(firstRowsOf(g), options.mapping, scanOf(g))).map((g) => g.name);
}

function preambleOf(grid: SheetGrid, headerRow: number | undefined): string[] {
  const rows = grid.rows.slice(0, headerRow ?? 0);
  return rows.map((row) => row.map((cell) => rawText(cell).trim()).filter(Boolean).join(" ")).filter(Boolean);
}

/**
 * Reads the progress table of a workbook (docs/contracts/workbook.md): the chosen sheet, or the sheet of an
 * Excel Table, or the first sheet whose first 40 rows hold a table, in the sheet's own layout.
 */
export function readTable(grids: readonly SheetGrid[], options: ReadOptions = {}): TableRead {
  // Each sheet's first rows are looked at once: choosing the sheet, reading it and the other sheets share it.
  const scanOf = scansOfRead();
  const chosen = tableSheetOf(grids, options, scanOf);
  const grid: LayoutGrid = grids.find((g) => g.name === chosen) ?? { name: chosen ?? "", rows: [] };
  // Said once, as information: the table read is on a hidden sheet (no visible sheet holds one).
  const hiddenSheet: ReadProblem[] = grid.hidden ? [{ code: "TABLE_SHEET_HIDDEN", sheet: grid.name }] : [];
  const ownScale = options.scale !== undefined && options.scale !== DEFAULT_SCALE ? options.scale : undefined;
  const layoutOptions: LayoutOptions = {
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(ownScale ? { scale: ownScale, scaleSource: options.scaleSource ?? "settings" } : {}),
    ...(options.fiscalYear === undefined ? {} : { fiscalYear: options.fiscalYear, fiscalYearSource: options.fiscalYearSource ?? "settings" }),
  };
  let read = readLayout(grid, layoutOptions, scanOf(grid));
  const otherSheets = grids.length > 1 ? tableSheets(grids.filter((g) => g.name !== grid.name && !g.hidden), options, scanOf) : [];
  if (otherSheets.length > 0 && GUESSED.has(read.understood.scale.source)) {
    // One plan, one scale: a scale guessed from symbols is guessed from every sheet's whose own is guessed too.
    const own = new Set(read.understood.scale.used.map(foldSymbol));
    const others = otherSheets.flatMap((name) => {
      const other = grids.find((g) => g.name === name);
      const scale = other ? readLayout(other, layoutOptions, scanOf(other)).understood.scale : undefined;
      return scale && GUESSED.has(scale.source) ? scale.used : [];
    });
    if (others.some((symbol) => !own.has(foldSymbol(symbol)))) read = readLayout(grid, { ...layoutOptions, workbookSymbols: others }, scanOf(grid));
  }
  const understood: Understood = { ...read.understood, otherSheets };
  const headerRow = read.headerRow;
  const headers: Partial<Record<Field, string>> = { ...read.headers };
  for (const field of FIELDS) if (read.columns[field] !== undefined && headers[field] === undefined) headers[field] = CANONICAL_HEADER[field];
  const base = {
    sheet: grid.name,
    ...(headerRow === undefined ? {} : { headerRow: headerRow + 1 }),
    columns: read.columns,
    headers,
    headerCells: read.headerCells,
    preamble: preambleOf(grid, headerRow),
    understood,
  };
  if (read.missing.length > 0) {
    return {
      ...base,
      rows: [],
      problems: [
        {
          code: "COLUMNS_MISSING",
          sheet: grid.name,
          ...(headerRow === undefined ? {} : { headerRow: headerRow + 1 }),
          found: read.headerCells.filter(Boolean),
          missing: read.missing,
        },
      ],
    };
  }
  return { ...base, rows: read.rows, problems: [...hiddenSheet, ...read.problems] };
}

export interface TableSummary {
  rows: number;
  items: number;
  subItems: number;
  categories: { name: string; items: number }[];
}

/** What was read, for the pane and the CLI: rows, items, sub-items and items per 分野. */
export function summarizeTable(read: TableRead): TableSummary {
  const items = read.rows.filter((r) => r.kind === "item");
  const categories: { name: string; items: number }[] = [];
  for (const row of items) {
    const last = categories[categories.length - 1];
    const existing = categories.find((c) => c.name === row.category);
    if (existing) existing.items += 1;
    else if (last && last.name === row.category) last.items += 1;
    else categories.push({ name: row.category, items: 1 });
  }
  return { rows: read.rows.length, items: items.length, subItems: read.rows.length - items.length, categories };
}

/** "H12" for a 0-based column and a 1-based row. */
export function cellAddress(column: number, sheetRow: number): string {
  return `${columnLetter(column)}${sheetRow}`;
}
