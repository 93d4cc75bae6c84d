import { fiscalYearLabel } from "../fiscalYear";
import { bulletLines } from "../text/lines";
import { wrappedLines } from "../text/width";
import { DEFAULT_SCALE, type Band, type RatingScale, type ScaleSymbol } from "../rating/scale";
import { BAND_FILLS, SMALLEST_SIZE, STYLES, chartFills, reportLineHeight, type StyleName } from "./style";
import { REPOST_COUNT_NOTE, ratingCounts, totalCount, type CategoryCount } from "./counting";
import {
  MARGINS,
  WIDEST_UNIT_PIXELS,
  availableUnits,
  balanceWidths,
  printScaleFor,
  printableHeight,
  ratingWidth,
  reportRoles,
  roleHeader,
  type Orientation,
  type Paper,
  type ReportColumn,
  type Role,
  type TableLayout,
} from "./layout";
import { DEFAULT_LEGEND, type PlanMeta } from "../workbook/model";
import { workbookMeta } from "../workbook/planMeta";
import type { PlanSettings } from "../workbook/settings";
import type { TableRead, TableRow } from "../workbook/table";

/**
 * The published report (docs/contracts/report.md) as a declarative sheet plan: cells, merges, named styles,
 * column widths, row heights, page breaks, print setup and the summary's chart. Any writer renders it
 * (exceljs for files, Office.js in Excel); nothing here knows either.
 */
export type { StyleName, CategoryCount, Paper, Orientation, ReportColumn, TableLayout };
export { ratingCounts, REPOST_COUNT_NOTE };

export interface PlanCell {
  /** 0-based. */
  row: number;
  column: number;
  value: string | number;
  style: StyleName;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PrintSetup {
  paper: Paper;
  orientation: Orientation;
  /**
   * Print scale (%): the one at which the smallest text prints at 8 pt. A scale, not "fit to page":
   * spreadsheet programs ignore manual page breaks under fit-to-page, and each 分野 must start a new page.
   */
  scale: number;
  /**
   * Pixels of a column-width unit the columns were sized for: at this width (the widest renderer's) they
   * fill the printable width. A writer that sets widths in points uses it; a renderer with a narrower unit
   * (Excel, 7 pixels, reading a file) prints the same columns narrower, centred.
   */
  unitPixels: number;
  /** 0-based rows repeated at the top of every printed page. */
  titleRows: [number, number];
  /** "- {page} -": the page number stands for {page}. */
  footer: string;
  /** Margins in inches, as an official document. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

/** A cell of the sheet, 0-based. */
export interface CellRef {
  row: number;
  column: number;
}

/**
 * The summary's chart: one bar per 分野, stacked by rating symbol. It reads the summary's cells (header
 * row, label column, one column of counts per symbol) and carries their values for programs that do
 * not recalculate.
 */
export interface ChartPlan {
  title: string;
  /** The chart covers from the top-left of `from` to the bottom-right of `to`. */
  from: CellRef;
  to: CellRef;
  /** The row of the series' names (the summary's header). */
  headerRow: number;
  /** The categories (分野, or 合計 alone): their column, first and last rows, and texts. */
  categories: { column: number; rows: [number, number]; texts: string[] };
  /** One series per rating symbol: its name (the header cell), its column of counts, values and fill. */
  series: { name: string; column: number; values: number[]; fill: string }[];
  /** Point size of the chart's text (printed at the sheet's scale like the cells). */
  fontSize: number;
}

export interface SheetPlan {
  name: string;
  /** The report's columns: what each shows, its heading, its width in characters. */
  columns: ReportColumn[];
  cells: PlanCell[];
  merges: Merge[];
  /** Height in points of each row (index = row); wrapped text does not grow rows by itself. */
  rowHeights: number[];
  /** Rows that start a new printed page. */
  pageBreaks: number[];
  print: PrintSetup;
  /** Rows of the item table (for hosts that size rows themselves). */
  table: { top: number; bottom: number };
  /**
   * Rows of the table whose planned height a host that fits rows itself must keep: the last row of a page
   * made taller so that the 分野 label, merged over the page's rows, shows whole.
   */
  keepHeights: number[];
  /** The fill of each rating symbol, by what it means (ahead darkest, behind light grey, on plan none). */
  ratingFills: { symbol: string; fill: string }[];
  /** The summary's native chart; none when the summary has no column per symbol (too few columns). */
  chart?: ChartPlan;
}

export const REPORT_SHEET = "進捗状況レポート";

/** Pixels of a column-width unit in Excel reading a file (Calibri 11 pt's digit): the narrowest reading. */
const FILE_UNIT_PIXELS = 7;
/** The padding of a row, in points. */
const PADDING = 5;
const line = (style: StyleName) => reportLineHeight(STYLES[style].size);

/** Points of sheet one printed page holds, at a scale (row heights are points in every renderer). */
export function pagePoints(print: Pick<PrintSetup, "paper" | "orientation" | "scale">): number {
  return Math.floor(printableHeight(print.paper, print.orientation) / (print.scale / 100)) - 2;
}

/**
 * Points of sheet one printed page holds below the repeated header row, at a scale: page breaks computed
 * from row heights fall where the renderer puts them.
 */
export function pageCapacity(paper: Paper, scale: number, headerHeight: number, orientation: Orientation = "landscape"): number {
  return pagePoints({ paper, orientation, scale }) - headerHeight;
}

/** Lines of a cell, with one more for a long one: renderers break Japanese lines by rules of their own. */
const safeLines = (lines: number): number => (lines >= 3 ? lines + 1 : lines);

/** Height of a stacked (縦書き) text: one character a line. */
const stackedHeight = (text: string, style: StyleName): number => [...text].length * line(style) + PADDING;

export interface ReportOptions {
  paper?: Paper;
  orientation?: Orientation;
  /** The profile's rating scale (S/A/B by default): the legend, the summary's columns, the fills. */
  scale?: RatingScale;
  /** The workbook's columns and headings as read: the report has these columns, in this order. */
  layout?: TableLayout;
  /**
   * Who prints it. "file" (the default): an .xlsx read by any program, whose column unit is 7 pixels in
   * Excel and up to 9.5 elsewhere, so rows are as tall as the narrowest reading needs. "excel": the
   * Office.js writer, which sets widths in points, so text wraps at the planned widths.
   */
  writer?: "file" | "excel";
}

/** The heading of the plan column: 令和2年度当初予定（目標値）. */
export function planHeader(meta: PlanMeta): string {
  return `${meta.fiscalYear === undefined ? "" : fiscalYearLabel(meta.fiscalYear)}当初予定（目標値）`;
}

/** The heading of the results column: 取組実績（令和3年3月末実績値）. */
export function resultHeader(meta: PlanMeta): string {
  return `取組実績（${meta.evaluationDate ?? ""}実績値）`;
}

export function reportTitle(meta: PlanMeta): string {
  const period = meta.fiscalYear === undefined ? "" : `（${fiscalYearLabel(meta.fiscalYear)}末）`;
  return `${meta.title || "計画"} の進捗状況${period}`;
}

const pct = (part: number, whole: number) => (whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`);

/** The mark of a symbol in the text chart, by what it means: ● ahead, ○ on plan, × behind. */
const BAND_MARK: Readonly<Record<Band, string>> = { ahead: "●", on: "○", behind: "×" };
const markOf = (symbol: ScaleSymbol) => BAND_MARK[symbol.bands[0] ?? "on"];

/** Marks in the longest text bar: beyond it, a mark stands for several items. */
const TEXT_BAR_MARKS = 20;

/** How many items a mark of the text chart stands for, given the largest 分野: one, up to 20 items. */
export function itemsPerMark(counts: readonly CategoryCount[]): number {
  return Math.max(1, Math.ceil(Math.max(0, ...counts.map((c) => c.total)) / TEXT_BAR_MARKS));
}

/** The chart of the summary where the file cannot hold one: a bar of marks per 分野, greyscale-safe. */
export function textBar(count: CategoryCount, scale: RatingScale = DEFAULT_SCALE, perMark = 1): string {
  return scale.symbols.map((s) => markOf(s).repeat(Math.round((count.counts[s.symbol] ?? 0) / perMark))).join("");
}

/** The legend's lines: each symbol with what it means (the workbook's S/A/B legend, else the scale's labels). */
export function legendLines(meta: PlanMeta, scale: RatingScale = DEFAULT_SCALE): string[] {
  const legend: Partial<Record<string, string>> = { ...DEFAULT_LEGEND, ...(meta.legend ?? {}) };
  const isDefault = scale === DEFAULT_SCALE || scale.symbols.map((s) => s.symbol).join() === "S,A,B";
  return scale.symbols.map((s) => `「${s.symbol}」：${(isDefault ? legend[s.symbol] : undefined) || s.label || legend[s.symbol] || ""}`);
}

/** The first column of a block that leaves the chart most of the rest: the left part takes 40% at least. */
function chartColumn(widths: readonly number[]): number {
  const total = widths.reduce((sum, w) => sum + w, 0);
  let left = 0;
  for (let c = 0; c < widths.length - 1; c += 1) {
    left += widths[c] ?? 0;
    if (left >= total * 0.4) return c + 1;
  }
  return widths.length - 1;
}

/**
 * Where the summary's cells go among the report's columns: the 分野 label in a column at least 10
 * characters wide, then one column per symbol, the total, and the shares where a column is left. None
 * when the report has fewer columns than the symbols need.
 */
function summaryColumns(widths: readonly number[], symbols: number): { label: number; shares?: number } | undefined {
  const last = widths.length - symbols - 2;
  if (last < 0) return undefined;
  const candidates = Array.from({ length: last + 1 }, (_, k) => k);
  const label = candidates.find((k) => (widths[k] ?? 0) >= 10) ?? candidates.reduce((best, k) => ((widths[k] ?? 0) > (widths[best] ?? 0) ? k : best), 0);
  const shares = label + symbols + 2;
  return shares < widths.length ? { label, shares } : { label };
}

export function buildReportPlan(meta: PlanMeta, rows: readonly TableRow[], options: ReportOptions = {}): SheetPlan {
  const scale = options.scale ?? DEFAULT_SCALE;
  const symbols = scale.symbols.map((s) => s.symbol);
  const paper = options.paper ?? "A4";
  const orientation = options.orientation ?? "landscape";
  const printScale = printScaleFor(SMALLEST_SIZE);

  // The columns: the workbook's own, with its headings, sharing the printable width.
  const roles = reportRoles(rows, options.layout);
  const fallback = { plan: planHeader(meta), result: resultHeader(meta) };
  const headers = roles.map((role) => roleHeader(role, options.layout, fallback));
  const ratingHeader = headers[roles.indexOf("rating")] ?? "";
  const widths = balanceWidths(roles, availableUnits(paper, orientation, printScale, roles.length), ratingWidth(ratingHeader, symbols, STYLES.header.size, STYLES.rating.size));
  const COLUMNS = roles.length;
  const columnOf = (role: Role) => roles.indexOf(role);
  const hasCategory = roles[0] === "category";
  const spanWidth = (left: number, right: number) => widths.slice(left, right + 1).reduce((sum, w) => sum + w, 0);
  // Lines are counted in 7-pixel units (text/width.ts): a width in the renderer's narrowest unit as those.
  const narrowest = options.writer === "excel" ? WIDEST_UNIT_PIXELS : FILE_UNIT_PIXELS;
  const linesIn = (text: string, width: number, style: StyleName) => wrappedLines(text, (width * narrowest) / FILE_UNIT_PIXELS, STYLES[style].size);

  const cells: PlanCell[] = [];
  const merges: Merge[] = [];
  const rowHeights: number[] = [];
  const pageBreaks: number[] = [];
  const keepHeights: number[] = [];
  let r = 0;
  const put = (column: number, value: string | number, style: StyleName) => cells.push({ row: r, column, value, style });
  /** A line of text merged over columns [0, right]: as tall as its wrapped text. */
  const textLine = (value: string, style: StyleName, right = COLUMNS - 1) => {
    put(0, value, style);
    if (right > 0) merges.push({ top: r, left: 0, bottom: r, right });
    const indent = STYLES[style].indent ?? 0;
    rowHeights[r] = linesIn(value, spanWidth(0, right) - indent, style) * line(style) + PADDING;
    r += 1;
  };
  /** A little space between the parts of the first page. */
  const blank = () => {
    rowHeights[r] = 8;
    r += 1;
  };

  // The summary's counts: items only, a 再掲 row not counted again (counting.ts).
  const perCategory = hasCategory ? ratingCounts(rows, scale) : [];
  const totals = totalCount(ratingCounts(rows, scale), scale);
  const layout = summaryColumns(widths, symbols.length);
  // The chart stands beside the legend and notes, over the columns right of `split`.
  const split = layout ? chartColumn(widths) : COLUMNS;
  const textRight = split - 1;

  // 1. Title, 2. legend, 3. 再掲 notes and the rule they follow.
  textLine(reportTitle(meta), "title");
  blank();
  const blockTop = r;
  textLine("評価欄の評価の見方について", "heading", textRight);
  for (const text of legendLines(meta, scale)) textLine(text, "legend", textRight);
  const reposts = rows.filter((row) => row.kind === "item" && row.repostOf !== undefined);
  if (reposts.length > 0) {
    blank();
    for (const row of reposts) textLine(`※No. ${row.no ?? ""}「${row.title}」はNo. ${row.repostOf}の再掲`, "note", textRight);
    textLine(REPOST_COUNT_NOTE, "note", textRight);
  }
  const blockBottom = r - 1;
  if (layout) {
    // Room for the chart: a title, a bar per 分野 and the legend.
    const bars = Math.max(1, perCategory.length);
    const needed = Math.min(3 * reportLineHeight(9) + bars * 18 + 20, 0.45 * pagePoints({ paper, orientation, scale: printScale }));
    const have = rowHeights.slice(blockTop, blockBottom + 1).reduce((sum, h) => sum + (h ?? 0), 0);
    if (have < needed) rowHeights[blockBottom] = (rowHeights[blockBottom] ?? 0) + (needed - have);
  }
  blank();

  // 4. Summary: ratings per 分野 with totals and shares, and a chart of it. The label and the symbols'
  // columns stand side by side, so that they are the range a native chart draws.
  const summaryHeading = r;
  textLine("評価の集計", "heading");
  const summaryTop = r;
  let chart: ChartPlan | undefined;
  const counted = [...perCategory, totals];
  if (layout) {
    const { label, shares } = layout;
    const total = label + symbols.length + 1;
    const perMark = itemsPerMark(perCategory);
    const legendMarks = `${scale.symbols.map((s) => `${markOf(s)}${s.symbol}`).join(" ")}${perMark > 1 ? `、1つ＝${perMark}件` : ""}`;
    const labelHeader = hasCategory ? headers[0] || "分野" : "";
    put(label, labelHeader, "summaryHeader");
    symbols.forEach((sym, i) => put(label + 1 + i, sym, "summaryHeader"));
    put(total, "計", "summaryHeader");
    if (shares !== undefined) {
      put(shares, `割合とグラフ（${legendMarks}）`, "summaryHeader");
      if (shares < COLUMNS - 1) merges.push({ top: r, left: shares, bottom: r, right: COLUMNS - 1 });
    }
    const headerLines = Math.max(
      linesIn(labelHeader, widths[label] ?? 10, "summaryHeader"),
      shares === undefined ? 1 : linesIn(`割合とグラフ（${legendMarks}）`, spanWidth(shares, COLUMNS - 1), "summaryHeader"),
      ...symbols.map((sym, i) => linesIn(sym, widths[label + 1 + i] ?? 10, "summaryHeader")),
    );
    rowHeights[r] = headerLines * line("summaryHeader") + PADDING;
    r += 1;
    for (const count of counted) {
      const isTotal = count === totals;
      const style = isTotal ? "summaryTotal" : "summaryNumber";
      put(label, count.name, isTotal ? "summaryTotal" : "summaryLabel");
      symbols.forEach((sym, i) => put(label + 1 + i, count.counts[sym] ?? 0, style));
      put(total, count.total, style);
      let lines = linesIn(count.name, widths[label] ?? 10, "summaryLabel");
      if (shares !== undefined) {
        const text = symbols.map((sym) => `${sym} ${pct(count.counts[sym] ?? 0, count.total)}`).join("・");
        const value = isTotal ? text : `${text}\n${textBar(count, scale, perMark)}`;
        put(shares, value, "chart");
        if (shares < COLUMNS - 1) merges.push({ top: r, left: shares, bottom: r, right: COLUMNS - 1 });
        lines = Math.max(lines, linesIn(value, spanWidth(shares, COLUMNS - 1), "chart"));
      }
      rowHeights[r] = lines * line("summaryLabel") + PADDING;
      r += 1;
    }
    // The chart draws the 分野 (or the total alone, when the table has no 分野).
    const firstRow = summaryTop + 1;
    const lastRow = hasCategory ? r - 2 : r - 1;
    const drawn = hasCategory ? perCategory : [totals];
    const fills = chartFills(symbols.length);
    chart = {
      title: "評価の集計",
      from: { row: blockTop, column: split },
      to: { row: blockBottom, column: COLUMNS - 1 },
      headerRow: summaryTop,
      categories: { column: label, rows: [firstRow, lastRow], texts: drawn.map((c) => c.name) },
      series: symbols.map((sym, i) => ({ name: sym, column: label + 1 + i, values: drawn.map((c) => c.counts[sym] ?? 0), fill: fills[i] ?? "#A6A6A6" })),
      fontSize: SMALLEST_SIZE,
    };
  } else {
    // Too few columns for one per symbol: each 分野's counts in words. The 分野's name takes the narrow
    // label column and the item's beside it (a name such as 「ごみの減量化、再資源化の推進の改革」 would
    // otherwise stand a character or two a line).
    const labelRight = hasCategory && COLUMNS > 2 ? 1 : 0;
    for (const count of counted) {
      const text = `${symbols.map((sym) => `${sym} ${count.counts[sym] ?? 0}`).join("・")}（計 ${count.total}）`;
      put(0, count.name, count === totals ? "summaryTotal" : "summaryLabel");
      if (labelRight > 0) merges.push({ top: r, left: 0, bottom: r, right: labelRight });
      put(labelRight + 1, text, "chart");
      if (COLUMNS > labelRight + 2) merges.push({ top: r, left: labelRight + 1, bottom: r, right: COLUMNS - 1 });
      const lines = Math.max(linesIn(count.name, spanWidth(0, labelRight), "summaryLabel"), linesIn(text, spanWidth(labelRight + 1, COLUMNS - 1), "chart"));
      rowHeights[r] = lines * line("summaryLabel") + PADDING;
      r += 1;
    }
  }

  // A summary that would run over the first page starts the second, whole.
  const firstPage = rowHeights.slice(0, r).reduce((sum, h) => sum + (h ?? 0), 0);
  if (firstPage > pagePoints({ paper, orientation, scale: printScale })) pageBreaks.push(summaryHeading);

  // 5. The table, from a new page; one section per 分野, each from a new page; the header row repeated on
  // every page. Pages are cut here, from the row heights, so that a page that continues a 分野 (or an
  // item's sub-items) says so: 「（続き）」.
  pageBreaks.push(r);
  const headerRow = r;
  let headerLines = 1;
  roles.forEach((role, column) => {
    // The 分野 column shares the item's heading, as the published report has it (項目 over both).
    if (role === "category" && roles[1] === "item") return;
    const text = headers[column] ?? "";
    const left = role === "item" && hasCategory && column === 1 ? 0 : column;
    put(left, text, "header");
    if (left !== column) merges.push({ top: r, left, bottom: r, right: column });
    headerLines = Math.max(headerLines, linesIn(text, spanWidth(left, column), "header"));
  });
  const headerHeight = headerLines * line("header") + PADDING;
  rowHeights[r] = headerHeight;
  r += 1;
  const tableTop = r;
  const capacity = pageCapacity(paper, printScale, headerHeight, orientation);
  const repostMarker = (row: TableRow) => (row.repostOf === undefined ? undefined : `【No.${row.repostOf}の再掲】`);
  const textRoles = (["actions", "plan", "result", "notes"] as const).filter((role) => roles.includes(role));
  const parents = new Map(rows.filter((p) => p.kind === "item").map((p) => [p.item, p] as const));
  let chunkStart = r;
  let chunkLabel = "";
  let used = 0;
  const closeChunk = () => {
    if (!hasCategory || r === chunkStart) return;
    if (r - 1 > chunkStart) merges.push({ top: chunkStart, left: 0, bottom: r - 1, right: 0 });
    // The stacked label shows whole: the page's last row takes what its rows lack.
    const needed = Math.min(capacity, stackedHeight(chunkLabel, "category"));
    const have = rowHeights.slice(chunkStart, r).reduce((sum, h) => sum + (h ?? 0), 0);
    if (have < needed) {
      rowHeights[r - 1] = (rowHeights[r - 1] ?? 0) + Math.ceil(needed - have);
      keepHeights.push(r - 1);
    }
  };
  rows.forEach((row, i) => {
    const newSection = i === 0 || (hasCategory && rows[i - 1]?.category !== row.category);
    const marker = repostMarker(row);
    const texts = textRoles.map((role) => bulletLines(role === "notes" ? row.notes : row[role] || marker || ""));
    const parent = row.kind === "sub" && row.parent !== undefined ? parents.get(row.parent) : undefined;
    const labelOf = (continued: boolean) =>
      row.kind === "sub"
        ? `${continued && parent ? `${parent.no ?? ""} ${parent.title}（続き）\n` : ""}- ${row.sub ?? ""}`
        : `${row.no ?? ""} ${row.title}`.trim();
    const heightOf = (label: string) => {
      const lines = Math.max(
        linesIn(label, widths[columnOf("item")] ?? 10, "item"),
        roles.includes("department") ? linesIn(row.department, widths[columnOf("department")] ?? 10, "department") : 1,
        ...texts.map((text, k) => linesIn(text, widths[columnOf(textRoles[k] as Role)] ?? 10, "text")),
      );
      return Math.min(409, safeLines(lines) * line("text") + PADDING);
    };
    let label = labelOf(false);
    let height = heightOf(label);
    const continued = !newSection && used + height > capacity;
    if (newSection || continued) {
      if (i > 0) {
        closeChunk();
        pageBreaks.push(r);
      }
      chunkStart = r;
      used = 0;
      if (continued) {
        label = labelOf(true);
        height = heightOf(label);
      }
      if (hasCategory) {
        chunkLabel = continued ? `${row.category}（続き）` : row.category;
        put(0, chunkLabel, "category");
      }
    }
    put(columnOf("item"), label, "item");
    if (roles.includes("department")) put(columnOf("department"), row.department, "department");
    put(columnOf("rating"), row.rating, "rating");
    texts.forEach((text, k) => put(columnOf(textRoles[k] as Role), text, "text"));
    rowHeights[r] = height;
    used += height;
    r += 1;
  });
  closeChunk();

  return {
    name: REPORT_SHEET,
    columns: roles.map((role, i) => ({ role, header: role === "category" && roles[1] === "item" ? "" : (headers[i] ?? ""), width: widths[i] ?? 10 })),
    cells,
    merges,
    rowHeights: Array.from({ length: r }, (_, i) => rowHeights[i] ?? line("legend")),
    pageBreaks,
    print: {
      paper,
      orientation,
      scale: printScale,
      unitPixels: WIDEST_UNIT_PIXELS,
      titleRows: [headerRow, headerRow],
      footer: "- {page} -",
      margins: { ...MARGINS },
    },
    table: { top: tableTop, bottom: r - 1 },
    keepHeights,
    ratingFills: scale.symbols.flatMap((s) => {
      const fill = BAND_FILLS[s.bands[0] ?? "on"];
      return fill ? [{ symbol: s.symbol, fill }] : [];
    }),
    ...(chart ? { chart } : {}),
  };
}

/**
 * The report of a workbook as read: its columns and headings, its plan metadata (the settings', else
 * what the headers and title show) and the profile's rating scale.
 */
export function workbookReportPlan(table: TableRead, settings: PlanSettings, options: Omit<ReportOptions, "scale" | "layout"> = {}): SheetPlan {
  return buildReportPlan(workbookMeta(table, settings).meta, table.rows, {
    ...options,
    scale: settings.profile.scale,
    layout: { columns: table.columns, headers: table.headers },
  });
}
