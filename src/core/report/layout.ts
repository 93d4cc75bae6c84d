import { textWidth } from "../text/width";
import { CANONICAL_HEADER, type ColumnMap, type Field } from "../workbook/columns";
import type { TableRow } from "../workbook/table";

/**
 * The printed page and the report's columns: which columns the report has (the workbook's own, in its
 * order, with its headings), how wide each is, and the scale they print at.
 */

export type Paper = "A4" | "A3";
export type Orientation = "landscape" | "portrait";
export const PAPERS: readonly Paper[] = ["A4", "A3"];
export const ORIENTATIONS: readonly Orientation[] = ["landscape", "portrait"];

/** Portrait width and height of each paper, in inches (ISO 216: 210 × 297 mm, 297 × 420 mm). */
const PAPER_INCHES: Readonly<Record<Paper, readonly [number, number]>> = { A4: [8.27, 11.69], A3: [11.69, 16.54] };

/** The paper's width and height in inches, as it lies. */
export function paperInches(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const [short, long] = PAPER_INCHES[paper];
  return orientation === "landscape" ? { width: long, height: short } : { width: short, height: long };
}

/** Margins in inches, as an official document. */
export const MARGINS = { top: 0.75, bottom: 0.75, left: 0.6, right: 0.6, header: 0.3, footer: 0.3 } as const;

/** The printable width and height in points (72 an inch), inside the margins. */
export function printableWidth(paper: Paper, orientation: Orientation): number {
  return (paperInches(paper, orientation).width - MARGINS.left - MARGINS.right) * 72;
}
export function printableHeight(paper: Paper, orientation: Orientation): number {
  return (paperInches(paper, orientation).height - MARGINS.top - MARGINS.bottom) * 72;
}

/** The smallest text of a published report, as printed on paper (points). */
export const MIN_PRINTED_POINTS = 8;

/** The print scale (%) at which text of this size prints at `MIN_PRINTED_POINTS` at least. */
export function printScaleFor(smallestSize: number): number {
  return Math.min(100, Math.ceil((MIN_PRINTED_POINTS / smallestSize) * 100));
}

/**
 * Pixels of one column-width unit in the widest renderer the report must fit: a unit is the width of a
 * digit of the workbook's default font — 7 pixels in Excel (Calibri 11 pt), about 9.3 in LibreOffice on
 * a machine without Microsoft fonts, where DejaVu Sans stands in (its digits are 0.636 em). With a
 * little margin, every column stays on the page wherever the report is printed.
 */
export const WIDEST_UNIT_PIXELS = 9.5;
/** Excel's padding of a column, in pixels. */
const COLUMN_PADDING_PIXELS = 5;

/** A column's printed width at 100% in points, in the widest renderer. */
export function columnPoints(width: number, unitPixels = WIDEST_UNIT_PIXELS): number {
  return ((width * unitPixels + COLUMN_PADDING_PIXELS) * 72) / 96;
}

/** The column-width units that `count` columns share to fill the printable width at a scale. */
export function availableUnits(paper: Paper, orientation: Orientation, scale: number, count: number): number {
  const pixels = (printableWidth(paper, orientation) * 96) / 72 / (scale / 100);
  return Math.floor((pixels - count * COLUMN_PADDING_PIXELS) / WIDEST_UNIT_PIXELS);
}

/** What a column of the report shows. */
export type Role = "category" | "item" | "department" | "rating" | "actions" | "plan" | "result" | "notes";

/** The table's fields behind each role (the item label joins No., 枝番 and 項目). */
const FIELDS_OF: Readonly<Record<Role, readonly Field[]>> = {
  category: ["category"],
  item: ["no", "sub", "title"],
  department: ["department"],
  rating: ["rating"],
  actions: ["actions"],
  plan: ["plan"],
  result: ["result"],
  notes: ["notes"],
};

/** Kodaira's columns, for a table read without its layout. */
const CANONICAL_ORDER: readonly Role[] = ["category", "item", "department", "rating", "actions", "plan", "result", "notes"];

/** Roles a report always has (the table cannot be read without them). */
const REQUIRED_ROLES: readonly Role[] = ["item", "rating", "plan", "result"];

/**
 * How the width left after the fixed columns is shared: a weight, and a width below which the column
 * would break every word. The 分野 label is stacked (one character a line) and the rating is one symbol:
 * both are as narrow as their text allows.
 */
const SHARE: Readonly<Partial<Record<Role, { weight: number; min: number }>>> = {
  item: { weight: 20, min: 12 },
  department: { weight: 13, min: 8 },
  actions: { weight: 24, min: 10 },
  plan: { weight: 46, min: 14 },
  result: { weight: 46, min: 14 },
  notes: { weight: 16, min: 8 },
};
const CATEGORY_WIDTH = 5;

/** The columns of a workbook's table, as read (TableRead.columns and TableRead.headers). */
export interface TableLayout {
  columns: ColumnMap;
  headers: Partial<Record<Field, string>>;
}

export interface ReportColumn {
  role: Role;
  /** The heading as the workbook writes it ("" where the 分野 column shares the item's heading). */
  header: string;
  /** Width in characters (column-width units). */
  width: number;
}

/**
 * The report's columns: the 分野 label first (it spans each section), then the roles the table has, in
 * the order of its columns. A role whose cells are empty in every row is left out (no empty column is
 * printed); the item label, rating, plan and results are always there.
 */
export function reportRoles(rows: readonly TableRow[], layout?: TableLayout): Role[] {
  const filled: Readonly<Record<Role, boolean>> = {
    category: rows.some((r) => r.category !== ""),
    item: true,
    department: rows.some((r) => r.department !== ""),
    rating: true,
    actions: rows.some((r) => r.actions !== ""),
    plan: true,
    result: true,
    notes: rows.some((r) => r.notes !== ""),
  };
  // The 分野 label spans its section: it needs no column of its own (headings between the rows give it, as in
  // Sado's tables); other roles are printed where the table has their column.
  const has = (role: Role) => REQUIRED_ROLES.includes(role) || (filled[role] && (!layout || role === "category" || FIELDS_OF[role].some((f) => layout.columns[f] !== undefined)));
  if (!layout) return CANONICAL_ORDER.filter(has);
  // An item label read from another cell (the text before 「:」 in the target) leads the row, as a label does.
  const position = (role: Role) => {
    const at = Math.min(...FIELDS_OF[role].map((f) => layout.columns[f] ?? Number.POSITIVE_INFINITY));
    return role === "item" && at === Number.POSITIVE_INFINITY ? -1 : at;
  };
  const rest = CANONICAL_ORDER.filter((role) => role !== "category" && has(role)).sort((a, b) => position(a) - position(b));
  return has("category") ? ["category", ...rest] : rest;
}

/** The heading of a role: the workbook's own, else Kodaira's (plan and results from the year, `fallback`). */
export function roleHeader(role: Role, layout: TableLayout | undefined, fallback: Partial<Record<Role, string>> = {}): string {
  const written = (field: Field) => layout?.headers[field]?.trim() || undefined;
  if (role === "item") return written("title") ?? written("no") ?? written("sub") ?? CANONICAL_HEADER.title;
  const field = FIELDS_OF[role][0] as Field;
  return written(field) ?? fallback[role] ?? CANONICAL_HEADER[field];
}

/** Width of the rating column: its heading or its longest symbol, whichever is wider. */
export function ratingWidth(header: string, symbols: readonly string[], headerSize: number, ratingSize: number): number {
  const widest = Math.max(textWidth(header, headerSize), ...symbols.map((s) => textWidth(s, ratingSize)));
  return Math.max(5, Math.ceil(widest) + 2);
}

/**
 * Widths (characters) that fill `available` units: fixed columns as they are, the others by weight,
 * none narrower than its minimum; what rounding leaves goes to the widest.
 */
export function balanceWidths(roles: readonly Role[], available: number, rating: number): number[] {
  const fixed = roles.map((role) => (role === "category" ? CATEGORY_WIDTH : role === "rating" ? rating : undefined));
  let left = available - fixed.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const widths = [...fixed];
  // Columns whose share falls under their minimum take the minimum; the others share the rest.
  let open = roles.map((role, i) => (fixed[i] === undefined ? i : -1)).filter((i) => i >= 0);
  for (let changed = true; changed; ) {
    changed = false;
    const weight = open.reduce((sum, i) => sum + (SHARE[roles[i] as Role]?.weight ?? 1), 0);
    for (const i of open) {
      const share = SHARE[roles[i] as Role] ?? { weight: 1, min: 4 };
      if ((left * share.weight) / weight < share.min) {
        widths[i] = share.min;
        left -= share.min;
        open = open.filter((j) => j !== i);
        changed = true;
        break;
      }
    }
  }
  const weight = open.reduce((sum, i) => sum + (SHARE[roles[i] as Role]?.weight ?? 1), 0);
  for (const i of open) widths[i] = Math.floor((left * (SHARE[roles[i] as Role]?.weight ?? 1)) / weight);
  const out = widths.map((w) => w ?? 0);
  let rest = available - out.reduce((sum, w) => sum + w, 0);
  const byWidth = open.length > 0 ? [...open].sort((a, b) => (out[b] ?? 0) - (out[a] ?? 0)) : [];
  for (let k = 0; rest > 0 && byWidth.length > 0; k += 1, rest -= 1) {
    const i = byWidth[k % byWidth.length] as number;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}
