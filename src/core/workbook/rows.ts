import { DEFAULT_SCALE, readRating, type RatingScale, type RatingStatus } from "../rating/scale";
import { foldText } from "../text/fold";
import { circledValue } from "../text/markers";
import { rawText, type RawCell } from "./cells";
import type { Field } from "./columns";

export type { RatingStatus };

export interface CellError {
  field: Field;
  /** 0-based column. */
  column: number;
  error: string;
}

/** Where a cell of a row stands when the table's columns do not say (sideways tables, two rows per item). */
export interface CellPosition {
  /** 1-based sheet row. */
  row: number;
  /** 0-based column. */
  column: number;
}

/** One year of a year grid, beside the year evaluated: what the row says for it (context, a trend). */
export interface YearValues {
  fiscalYear: number;
  plan: string;
  result: string;
}

/** A row of the progress table as read, with where it stands in the sheet. */
export interface TableRow {
  /** 1-based row in the sheet: the row of the rating (for two rows per item or a sideways table, the rating's own row). */
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
  /**
   * Where the row's cells stand when not at (sheetRow, the field's column): an item of a sideways table
   * (its column), the plan and result rows of two rows per item. Undefined for a plain table.
   */
  cells?: Partial<Record<Field, CellPosition>>;
  /** The other years of a year grid (the year evaluated is plan/result), oldest first: context only. */
  years?: YearValues[];
}

export type ReadProblem =
  | { code: "COLUMNS_MISSING"; sheet: string; headerRow?: number; found: string[]; missing: Field[] }
  /** A run of empty rows inside the table: the first row, and how many when more than one. */
  | { code: "BLANK_ROW"; sheetRow: number; rows?: number }
  | { code: "NUMBER_UNREADABLE"; sheetRow: number; column: number; text: string }
  | { code: "SUB_WITHOUT_PARENT"; sheetRow: number }
  /** The table was read from a hidden sheet (no visible sheet holds one). */
  | { code: "TABLE_SHEET_HIDDEN"; sheet: string };

const REPOST = /No\.?\s*(\d+)\s*の?\s*再掲/i;

/** The item a text says this row reposts: 【No.15の再掲】, No.15の再掲, No. 15 再掲 → 15. */
export function repostOf(text: string): number | undefined {
  if (!text.includes("再掲")) return undefined;
  const match = REPOST.exec(foldText(text));
  return match ? Number(match[1]) : undefined;
}

/**
 * An item number as written: "12", "１２", "No.12", 12 → 12; "4-1", "4-(1)", "4(1)" → 4 and 1; the
 * forms of a number alone — "(1)", "①", "1.", "1)", "第1" — → 1 (docs/contracts/workbook.md, "Numbering").
 */
export function readItemNumber(cell: RawCell | undefined): { no?: number; sub?: number; readable: boolean } {
  if (typeof cell === "number") return Number.isInteger(cell) && cell > 0 ? { no: cell, readable: true } : { readable: false };
  const text = foldText(rawText(cell)).trim();
  if (text === "") return { readable: true };
  const m = /^(?:No\.?\s*)?(\d+)(?:\s*-\s*(\d+))?$/i.exec(text);
  if (m) return { no: Number(m[1]), ...(m[2] ? { sub: Number(m[2]) } : {}), readable: true };
  const branch = /^(\d+)\s*-?\s*[(（]\s*(\d+)\s*[)）]$/.exec(text) ?? /^(\d+)\s*-?\s*([①-⑳])$/.exec(text);
  if (branch) return { no: Number(branch[1]), sub: /^\d+$/.test(branch[2] ?? "") ? Number(branch[2]) : (circledValue(branch[2] ?? "") ?? 0), readable: true };
  const alone = /^(?:[(（]\s*(\d+)\s*[)）]|(\d+)\s*[.)）]|第\s*(\d+))$/.exec(text);
  if (alone) return { no: Number(alone[1] ?? alone[2] ?? alone[3]), readable: true };
  if (text.length === 1) {
    const circled = circledValue(text);
    if (circled !== undefined) return { no: circled, readable: true };
  }
  return { readable: false };
}

export function readSubNumber(cell: RawCell | undefined): { sub?: number; readable: boolean } {
  if (typeof cell === "number") return Number.isInteger(cell) && cell > 0 ? { sub: cell, readable: true } : { readable: false };
  const text = foldText(rawText(cell)).trim().replace(/^-\s*/, "");
  if (text === "") return { readable: true };
  if (/^\d+$/.test(text)) return { sub: Number(text), readable: true };
  const bracketed = /^[(（]\s*(\d+)\s*[)）]$/.exec(text);
  if (bracketed) return { sub: Number(bracketed[1]), readable: true };
  const circled = text.length === 1 ? circledValue(text) : undefined;
  return circled === undefined ? { readable: false } : { sub: circled, readable: true };
}

/** S, A, B as written in many ways: "Ａ", "a", " A " → A; "－", "ー" → "-" (on the default scale). */
export function normaliseRating(written: string, scale: RatingScale = DEFAULT_SCALE): { rating: string; status: RatingStatus } {
  return readRating(written, scale);
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
  cells?: Partial<Record<Field, CellPosition>>;
  years?: YearValues[];
  /** The label the item goes by when its number is not the whole of it: 3-1 for the (1) of item 3 with no row of its own. */
  label?: string;
}

/**
 * One row of the table from its cells: kind, item label, parent, the rating read, the 再掲 it
 * reposts. The reader and the report-text importer both build their rows here.
 */
export function tableRow(input: RowInput, scale: RatingScale = DEFAULT_SCALE): TableRow {
  const { no, sub } = input;
  const { rating, status } = normaliseRating(input.ratingWritten, scale);
  const repost = [input.notes, input.actions, input.plan, input.result].map(repostOf).find((n) => n !== undefined);
  const own = input.label !== undefined;
  return {
    sheetRow: input.sheetRow,
    kind: sub === undefined || own ? "item" : "sub",
    item: own ? (input.label ?? "") : no === undefined ? "" : sub === undefined ? String(no) : `${no}-${sub}`,
    // Every field present (undefined where absent): one object shape for every row of a table.
    no,
    sub: own ? undefined : sub,
    parent: !own && sub !== undefined && no !== undefined ? String(no) : undefined,
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
    cells: input.cells,
    years: input.years,
  };
}
