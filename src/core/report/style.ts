/**
 * The report's named styles, in one table that both writers translate (exceljs for files, Office.js
 * in Excel): fonts, alignment, wrapping, fills and borders. Ratings differ in fill lightness so that
 * S, A and B stay apart in greyscale print.
 */
export type StyleName =
  | "title"
  | "heading"
  | "legend"
  | "note"
  | "summaryHeader"
  | "summaryLabel"
  | "summaryNumber"
  | "summaryTotal"
  | "chart"
  | "header"
  | "category"
  | "item"
  | "department"
  | "rating"
  | "text";

export interface CellStyle {
  size: number;
  bold?: boolean;
  horizontal?: "left" | "center";
  vertical: "top" | "middle";
  wrap?: boolean;
  /** Indent in characters. */
  indent?: number;
  /** "#RRGGBB". */
  fill?: string;
  /** Thin grey box around the cell. */
  border?: boolean;
  /** Characters stacked top to bottom (縦書き). */
  stacked?: boolean;
}

/** The font of the report: the Japanese Excel default, which every Japanese Office has. */
export const REPORT_FONT = "游ゴシック";
/** Grey of the borders. */
export const BORDER_COLOR = "#808080";
const HEADER_FILL = "#E8EEF7";

export const STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { size: 16, bold: true, horizontal: "center", vertical: "middle", wrap: true },
  heading: { size: 11, bold: true, vertical: "middle" },
  // Wrapped: beside the chart they have part of the width only.
  legend: { size: 10, vertical: "middle", indent: 1, wrap: true },
  note: { size: 10, vertical: "middle", indent: 1, wrap: true },
  summaryHeader: { size: 10, bold: true, horizontal: "center", vertical: "middle", wrap: true, fill: HEADER_FILL, border: true },
  summaryLabel: { size: 10, vertical: "middle", wrap: true, border: true },
  summaryNumber: { size: 10, horizontal: "center", vertical: "middle", border: true },
  summaryTotal: { size: 10, bold: true, horizontal: "center", vertical: "middle", border: true },
  chart: { size: 10, vertical: "middle", wrap: true, border: true },
  header: { size: 10, bold: true, horizontal: "center", vertical: "middle", wrap: true, fill: HEADER_FILL, border: true },
  // Top-aligned: a section spans pages, and its 分野 must show where it starts.
  category: { size: 10, bold: true, horizontal: "center", vertical: "top", wrap: true, border: true, stacked: true },
  item: { size: 9, vertical: "top", wrap: true, border: true },
  department: { size: 9, vertical: "top", wrap: true, border: true },
  rating: { size: 11, bold: true, horizontal: "center", vertical: "middle", border: true },
  text: { size: 9, vertical: "top", wrap: true, border: true },
};

/** Fills of the rating cells by what the symbol means: ahead darkest, behind light grey, on plan white. */
export const BAND_FILLS: Readonly<Partial<Record<"ahead" | "on" | "behind", string>>> = { ahead: "#BDD7EE", behind: "#E4E4E4" };

/** The smallest text of the report (points in the cell): the print scale is chosen for it. */
export const SMALLEST_SIZE = Math.min(...Object.values(STYLES).map((s) => s.size));

/**
 * Line spacing of the report's font, in ems. Excel gives 游ゴシック far more room than the older fonts:
 * its default row is 18.75 pt at 11 pt (1.7 em), against 13.5 pt for ＭＳ Ｐゴシック
 * (https://news.mynavi.jp/article/exceljyukutatu-4/). Rows written with fixed heights are sized for it,
 * so that no line is cut where the file is printed from Excel; other renderers leave some room.
 */
export const REPORT_LINE_EM = 1.7;

/** Height in points of one line of text of the report at a font size. */
export function reportLineHeight(size: number): number {
  return Math.ceil(size * REPORT_LINE_EM * 2) / 2;
}

/** Greys of the chart's bars, best symbol first: dark, then white, then light (greyscale-safe). */
export function chartFills(count: number): string[] {
  if (count <= 2) return ["#595959", "#D9D9D9"].slice(0, count);
  return Array.from({ length: count }, (_, i) => (i === 0 ? "#595959" : i === count - 1 ? "#D9D9D9" : i === 1 ? "#FFFFFF" : "#A6A6A6"));
}
