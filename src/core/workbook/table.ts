import { DEFAULT_SCALE, readRating, type RatingScale, type RatingStatus } from "../rating/scale";
import { foldText } from "../text/fold";
import { columnLetter, isBlankRow, isErrorCell, rawText, type RawCell, type SheetGrid } from "./cells";
import { CANONICAL_HEADER, FIELDS, headerScore, matchHeader, missingFields, type ColumnMap, type Field } from "./columns";

/** How far down a sheet the header row is looked for. */
export const HEADER_SEARCH_ROWS = 20;

export type { RatingStatus };

export interface CellError {
  field: Field;
  /** 0-based column. */
  column: number;
  error: string;
}

/** A row of the progress table as read, with where it stands in the sheet. */
export interface TableRow {
  /** 1-based row in the sheet. */
  sheetRow: number;
  kind: "item" | "sub";
  /** "12", "4-1"; "" when the number cannot be read. */
  item: string;
  no?: number;
  sub?: number;
  /** For a sub-item: its parent's item label. */
  parent?: string;
  category: string;
  title: string;
  department: string;
  /** "S", "A", "B", "-", "" — or the text as written when it is none of those. */
  rating: string;
  ratingWritten: string;
  ratingStatus: RatingStatus;
  actions: string;
  plan: string;
  result: string;
  notes: string;
  /** The item this row reposts (再掲): 【No.15の再掲】 → 15. */
  repostOf?: number;
  noWritten: string;
  subWritten: string;
  errors: CellError[];
}

export type ReadProblem =
  | { code: "COLUMNS_MISSING"; sheet: string; headerRow?: number; found: string[]; missing: Field[] }
  /** A run of empty rows inside the table: the first row, and how many when more than one. */
  | { code: "BLANK_ROW"; sheetRow: number; rows?: number }
  | { code: "NUMBER_UNREADABLE"; sheetRow: number; column: number; text: string }
  | { code: "SUB_WITHOUT_PARENT"; sheetRow: number }
  /** The table was read from a hidden sheet (no visible sheet holds one). */
  | { code: "TABLE_SHEET_HIDDEN"; sheet: string };

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
}

export interface ReadOptions {
  /** The sheet the user picked; else the core's rule chooses (chooseTableSheet). */
  sheet?: string;
  /** A user's column mapping (0-based columns); it overrides detection. */
  mapping?: ColumnMap;
  /** The rating scale of the profile, to read the 評価 column with (S/A/B by default). */
  scale?: RatingScale;
}

const REPOST = /No\.?\s*(\d+)\s*の?\s*再掲/i;

/** The item a text says this row reposts: 【No.15の再掲】, No.15の再掲, No. 15 再掲 → 15. */
export function repostOf(text: string): number | undefined {
  if (!text.includes("再掲")) return undefined;
  const match = REPOST.exec(foldText(text));
  return match ? Number(match[1]) : undefined;
}

/** "12", "１２", "No.12", 12 → 12; "4-1" → 4 and 1. */
export function readItemNumber(cell: RawCell | undefined): { no?: number; sub?: number; readable: boolean } {
  if (typeof cell === "number") return Number.isInteger(cell) && cell > 0 ? { no: cell, readable: true } : { readable: false };
  const text = foldText(rawText(cell)).trim();
  if (text === "") return { readable: true };
  const m = /^(?:No\.?\s*)?(\d+)(?:\s*-\s*(\d+))?$/i.exec(text);
  if (!m) return { readable: false };
  return { no: Number(m[1]), ...(m[2] ? { sub: Number(m[2]) } : {}), readable: true };
}

function readSubNumber(cell: RawCell | undefined): { sub?: number; readable: boolean } {
  if (typeof cell === "number") return Number.isInteger(cell) && cell > 0 ? { sub: cell, readable: true } : { readable: false };
  const text = foldText(rawText(cell)).trim().replace(/^-\s*/, "");
  if (text === "") return { readable: true };
  return /^\d+$/.test(text) ? { sub: Number(text), readable: true } : { readable: false };
}

/** S, A, B as written in many ways: "Ａ", "a", " A " → A; "－", "ー" → "-" (on the default scale). */
export function normaliseRating(written: string, scale: RatingScale = DEFAULT_SCALE): { rating: string; status: RatingStatus } {
  return readRating(written, scale);
}

/** The best header row within the first rows; a user's mapping counts towards it. */
function findHeader(grid: SheetGrid, mapping: ColumnMap = {}): { row: number; map: ColumnMap } | undefined {
  let best: { row: number; map: ColumnMap; score: number } | undefined;
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  const mapped = Object.keys(mapping).length;
  for (let r = 0; r < limit; r += 1) {
    const detected = matchHeader(grid.rows[r] ?? []);
    const found = Object.keys(detected).length;
    if (found === 0 || found + mapped < 2) continue;
    const map = { ...detected, ...mapping };
    const score = headerScore(map);
    if (!best || score > best.score) best = { row: r, map, score };
  }
  return best && { row: best.row, map: best.map };
}

function hasData(row: readonly RawCell[], map: ColumnMap): boolean {
  return (["no", "sub", "title", "rating", "plan", "result", "actions"] as const).some((field) => {
    const column = map[field];
    return column !== undefined && (rawText(row[column]).trim() !== "" || isErrorCell(row[column]));
  });
}

/** A row's cells as written (No. and 枝番 already read as numbers), and where it stands. */
export interface RowInput {
  sheetRow: number;
  /** 分野, inherited from the rows above when empty. */
  category: string;
  /** The item number; for a sub-item, its parent's. */
  no?: number;
  sub?: number;
  title: string;
  department: string;
  ratingWritten: string;
  actions: string;
  plan: string;
  result: string;
  notes: string;
  noWritten: string;
  subWritten: string;
  errors: CellError[];
}

/**
 * One row of the table from its cells: kind, item label, parent, the rating read, the 再掲 it
 * reposts. The reader and the report-text importer both build their rows here.
 */
export function tableRow(input: RowInput, scale: RatingScale = DEFAULT_SCALE): TableRow {
  const { no, sub } = input;
  const { rating, status } = normaliseRating(input.ratingWritten, scale);
  const repost = [input.notes, input.actions, input.plan, input.result].map(repostOf).find((n) => n !== undefined);
  return {
    sheetRow: input.sheetRow,
    kind: sub === undefined ? "item" : "sub",
    item: no === undefined ? "" : sub === undefined ? String(no) : `${no}-${sub}`,
    // Every field present (undefined where absent): one object shape for every row of a table.
    no,
    sub,
    parent: sub !== undefined && no !== undefined ? String(no) : undefined,
    category: input.category,
    title: input.title,
    department: input.department,
    rating,
    ratingWritten: input.ratingWritten,
    ratingStatus: status,
    actions: input.actions,
    plan: input.plan,
    result: input.result,
    notes: input.notes,
    repostOf: repost,
    noWritten: input.noWritten,
    subWritten: input.subWritten,
    errors: input.errors,
  };
}

/** Reads the table of one sheet whose header row is known. */
function readRows(grid: SheetGrid, headerRow: number, map: ColumnMap, scale?: RatingScale): { rows: TableRow[]; problems: ReadProblem[] } {
  const rows: TableRow[] = [];
  const problems: ReadProblem[] = [];
  let category = "";
  let parent: number | undefined;
  const text = (row: readonly RawCell[], field: Field): string => {
    const column = map[field];
    return column === undefined ? "" : rawText(row[column]).trim();
  };

  let r = headerRow + 1;
  while (r < grid.rows.length) {
    const row = grid.rows[r] ?? [];
    if (isBlankRow(row)) {
      // A blank row ends the table, unless data rows follow it (then it is reported).
      let next = r + 1;
      while (next < grid.rows.length && isBlankRow(grid.rows[next])) next += 1;
      const following = grid.rows[next];
      if (!following || !hasData(following, map)) break;
      // One problem per run of empty rows (a run may be a million rows long: it is said once).
      problems.push({ code: "BLANK_ROW", sheetRow: r + 1, ...(next - r > 1 ? { rows: next - r } : {}) });
      r = next;
      continue;
    }
    const sheetRow = r + 1;
    const errors: CellError[] = [];
    for (const field of FIELDS) {
      const column = map[field];
      const cell = column === undefined ? undefined : row[column];
      if (column !== undefined && isErrorCell(cell)) errors.push({ field, column, error: cell.error });
    }
    const noCell = map.no === undefined ? undefined : row[map.no];
    const subCell = map.sub === undefined ? undefined : row[map.sub];
    const number = readItemNumber(noCell);
    const subNumber = readSubNumber(subCell);
    if (!number.readable && map.no !== undefined) problems.push({ code: "NUMBER_UNREADABLE", sheetRow, column: map.no, text: rawText(noCell) });
    if (!subNumber.readable && map.sub !== undefined) problems.push({ code: "NUMBER_UNREADABLE", sheetRow, column: map.sub, text: rawText(subCell) });
    const sub = subNumber.sub ?? number.sub;
    const categoryText = text(row, "category");
    if (categoryText) category = categoryText;
    let no = number.no;
    if (sub !== undefined) {
      no ??= parent;
      if (no === undefined) problems.push({ code: "SUB_WITHOUT_PARENT", sheetRow });
    } else if (no !== undefined) {
      parent = no;
    }
    rows.push(
      tableRow({
        sheetRow,
        category,
        ...(no === undefined ? {} : { no }),
        ...(sub === undefined ? {} : { sub }),
        title: text(row, "title"),
        department: text(row, "department"),
        ratingWritten: text(row, "rating"),
        actions: text(row, "actions"),
        plan: text(row, "plan"),
        result: text(row, "result"),
        notes: text(row, "notes"),
        noWritten: rawText(noCell),
        subWritten: rawText(subCell),
        errors,
      }, scale),
    );
    r += 1;
  }
  return { rows, problems };
}

function preambleOf(grid: SheetGrid, headerRow: number | undefined): string[] {
  const rows = grid.rows.slice(0, headerRow ?? 0);
  return rows.map((row) => row.map((cell) => rawText(cell).trim()).filter(Boolean).join(" ")).filter(Boolean);
}

/** The header row's cells; with no header row found, the first non-empty row's (what the user sees at the top). */
function headerCellsOf(grid: SheetGrid, headerRow: number | undefined): string[] {
  const index = headerRow ?? grid.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => !isBlankRow(r));
  if (index < 0) return [];
  const row = grid.rows[index] ?? [];
  const cells = row.map((cell) => rawText(cell).trim());
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

function headersOf(grid: SheetGrid, headerRow: number | undefined, map: ColumnMap): Partial<Record<Field, string>> {
  const headers: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const column = map[field];
    if (column !== undefined) headers[field] = headerRow === undefined ? CANONICAL_HEADER[field] : rawText(grid.rows[headerRow]?.[column]).trim();
  }
  return headers;
}

/** Whether these first rows of a sheet hold a header row with every required column. */
export function hasTableHeader(grid: SheetGrid, mapping?: ColumnMap): boolean {
  const header = findHeader(grid, mapping);
  return header !== undefined && missingFields(header.map).length === 0;
}

/** A sheet as the rule for choosing the table's sheet sees it; `rows` (its first 20 rows) may be asked for later. */
export interface SheetCandidate {
  name: string;
  hidden?: boolean;
  /** The sheet holds an Excel Table object (a ListObject). */
  hasTable?: boolean;
  rows?: readonly RawCell[][];
}

/** The rule's answer: the sheet (undefined for a workbook without sheets), or the sheets whose first rows it needs first. */
export type TableSheetChoice = { sheet: string | undefined } | { needRows: string[] };

/**
 * The sheet whose table is read (docs/contracts/workbook.md, "Finding the table") — the one rule every
 * port follows. Visible sheets come first: the user's pick; else a visible sheet holding an Excel Table;
 * else the first visible sheet whose first rows hold a complete header row; then the same among hidden
 * sheets (an old copy of the table kept hidden never wins over the visible one); else the first sheet
 * with any header, visible first; else the first visible sheet. Only the first 20 rows of a sheet are
 * looked at, and only when needed: a port that has read some sheets' rows only (Excel reads the first
 * visible sheet's at once) is told which others to read.
 */
export function chooseTableSheet(sheets: readonly SheetCandidate[], options: Pick<ReadOptions, "sheet" | "mapping"> = {}): TableSheetChoice {
  if (options.sheet !== undefined) return { sheet: options.sheet };
  const visible = sheets.filter((s) => !s.hidden);
  const hidden = sheets.filter((s) => s.hidden);
  const missing = () => ({ needRows: sheets.filter((s) => !s.rows).map((s) => s.name) });
  for (const group of [visible, hidden]) {
    const table = group.find((s) => s.hasTable);
    if (table) return { sheet: table.name };
    for (const sheet of group) {
      if (!sheet.rows) return missing();
      if (hasTableHeader({ name: sheet.name, rows: sheet.rows as RawCell[][] }, options.mapping)) return { sheet: sheet.name };
    }
  }
  const anyHeader = [...visible, ...hidden].find((s) => s.rows && findHeader({ name: s.name, rows: s.rows as RawCell[][] }, options.mapping) !== undefined);
  return { sheet: (anyHeader ?? visible[0] ?? sheets[0])?.name };
}

/** The rule over sheets whose rows are all known (file mode, the CLI). */
function tableSheetOf(grids: readonly SheetGrid[], options: ReadOptions): string | undefined {
  const choice = chooseTableSheet(grids, options);
  return "sheet" in choice ? choice.sheet : undefined;
}

/**
 * Reads the progress table of a workbook (docs/contracts/workbook.md): the chosen sheet, or the sheet of an
 * Excel Table, or the first sheet with a recognisable header within its first 20 rows.
 */
export function readTable(grids: readonly SheetGrid[], options: ReadOptions = {}): TableRead {
  const chosen = tableSheetOf(grids, options);
  const grid: SheetGrid = grids.find((g) => g.name === chosen) ?? { name: chosen ?? "", rows: [] };
  // Said once, as information: the table read is on a hidden sheet (no visible sheet holds one).
  const hiddenSheet: ReadProblem[] = grid.hidden ? [{ code: "TABLE_SHEET_HIDDEN", sheet: grid.name }] : [];
  // With a user's mapping and no header recognised, the header row is the first non-empty one: the row
  // the pane showed the columns of.
  const firstRow = grid.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => !isBlankRow(r));
  const detected = findHeader(grid, options.mapping) ?? (options.mapping && firstRow >= 0 ? { row: firstRow, map: options.mapping } : undefined);
  const map: ColumnMap = { ...(detected?.map ?? {}), ...(options.mapping ?? {}) };
  const headerRow = detected?.row;
  const missing = missingFields(map);
  if (missing.length > 0 || (headerRow === undefined && !options.mapping)) {
    return {
      sheet: grid.name,
      ...(headerRow === undefined ? {} : { headerRow: headerRow + 1 }),
      columns: map,
      headers: headersOf(grid, headerRow, map),
      headerCells: headerCellsOf(grid, headerRow),
      preamble: preambleOf(grid, headerRow),
      rows: [],
      problems: [
        {
          code: "COLUMNS_MISSING",
          sheet: grid.name,
          ...(headerRow === undefined ? {} : { headerRow: headerRow + 1 }),
          found: headerCellsOf(grid, headerRow).filter(Boolean),
          missing: missing.length > 0 ? missing : ["no"],
        },
      ],
    };
  }
  const start = headerRow ?? -1;
  const { rows, problems } = readRows(grid, start, map, options.scale);
  return {
    sheet: grid.name,
    ...(headerRow === undefined ? {} : { headerRow: headerRow + 1 }),
    columns: map,
    headers: headersOf(grid, headerRow, map),
    headerCells: headerCellsOf(grid, headerRow),
    preamble: preambleOf(grid, headerRow),
    rows,
    problems: [...hiddenSheet, ...problems],
  };
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
