import { columnPoints, paperInches } from "./layout";
import { pagePoints, type SheetPlan } from "./plan";

/**
 * The printed pages of a sheet plan, as a spreadsheet program cuts them: at the plan's page breaks, and
 * wherever a page is full (never inside a row); the print-title rows repeated on each page after the
 * one they stand on. The print preview draws them; the tests hold a renderer's pages to them.
 */
export interface PrintedPage {
  /** Rows printed again at the top of the page (the table's header), 0-based. */
  repeated: number[];
  /** The page's own rows, first and last, 0-based. */
  first: number;
  last: number;
}

export function printedPages(plan: SheetPlan): PrintedPage[] {
  const room = pagePoints(plan.print);
  const breaks = new Set(plan.pageBreaks);
  const [titleTop, titleBottom] = plan.print.titleRows;
  const titles = Array.from({ length: titleBottom - titleTop + 1 }, (_, i) => titleTop + i);
  const titleHeight = titles.reduce((sum, row) => sum + (plan.rowHeights[row] ?? 0), 0);
  const pages: PrintedPage[] = [];
  let first = 0;
  let used = 0;
  const repeatedAt = (row: number) => (row > titleBottom ? titles : []);
  for (let row = 0; row < plan.rowHeights.length; row += 1) {
    const height = plan.rowHeights[row] ?? 0;
    if (row > first && (breaks.has(row) || used + height > room)) {
      pages.push({ repeated: repeatedAt(first), first, last: row - 1 });
      first = row;
      used = row > titleBottom ? titleHeight : 0;
    }
    used += height;
  }
  if (plan.rowHeights.length > 0) pages.push({ repeated: repeatedAt(first), first, last: plan.rowHeights.length - 1 });
  return pages;
}

/** The printed page in points (72 an inch): paper, margins, and the columns at the print scale, centred. */
export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
  /** The print scale as a fraction. */
  scale: number;
  /** Left edge of each column on the page, and its printed width. */
  columnLefts: number[];
  columnWidths: number[];
}

export function pageGeometry(plan: SheetPlan): PageGeometry {
  const { width, height } = paperInches(plan.print.paper, plan.print.orientation);
  const m = plan.print.margins;
  const scale = plan.print.scale / 100;
  const columnWidths = plan.columns.map((c) => columnPoints(c.width, plan.print.unitPixels) * scale);
  const tableWidth = columnWidths.reduce((sum, w) => sum + w, 0);
  const printable = (width - m.left - m.right) * 72;
  // Centred horizontally (the print setup says so), from the left margin.
  let x = m.left * 72 + Math.max(0, (printable - tableWidth) / 2);
  const columnLefts = columnWidths.map((w) => {
    const left = x;
    x += w;
    return left;
  });
  return {
    width: width * 72,
    height: height * 72,
    margins: { top: m.top * 72, bottom: m.bottom * 72, left: m.left * 72, right: m.right * 72 },
    scale,
    columnLefts,
    columnWidths,
  };
}
