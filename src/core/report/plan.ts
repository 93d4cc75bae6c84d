import { fiscalYearLabel } from "../fiscalYear";
import { bulletLines } from "../text/lines";
import { lineHeight, wrappedLines } from "../text/width";
import { DEFAULT_SCALE, type Band, type RatingScale, type ScaleSymbol } from "../rating/scale";
import { BAND_FILLS, STYLES, type StyleName } from "./style";
import { DEFAULT_LEGEND, type PlanMeta } from "../workbook/model";
import { workbookMeta } from "../workbook/planMeta";
import type { PlanSettings } from "../workbook/settings";
import type { TableRead, TableRow } from "../workbook/table";

/**
 * The published report (docs/contracts/report.md) as a declarative sheet plan: cells, merges, named styles,
 * column widths, row heights, page breaks and print setup. Any writer renders it (exceljs for files,
 * Office.js in Excel); nothing here knows either.
 */
export type { StyleName };

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
  paper: "A4" | "A3";
  orientation: "landscape" | "portrait";
  /**
   * Print scale (%) that fits all columns to one page width. A scale, not "fit to page": spreadsheet
   * programs ignore manual page breaks under fit-to-page, and each 分野 must start a new page.
   */
  scale: number;
  /** 0-based rows repeated at the top of every printed page. */
  titleRows: [number, number];
  /** "- {page} -": the page number stands for {page}. */
  footer: string;
  /** Margins in inches, as an official document. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

export interface SheetPlan {
  name: string;
  columns: { width: number }[];
  cells: PlanCell[];
  merges: Merge[];
  /** Height in points of each row (index = row); wrapped text does not grow rows by itself. */
  rowHeights: number[];
  /** Rows that start a new printed page. */
  pageBreaks: number[];
  print: PrintSetup;
  /** The summary's header row, 分野 rows and S/A/B columns (no totals): what a native chart draws. */
  summary: { top: number; left: number; bottom: number; right: number };
  /** Rows of the item table (for hosts that size rows themselves). */
  table: { top: number; bottom: number };
  /** The fill of each rating symbol, by what it means (ahead darkest, behind light grey, on plan none). */
  ratingFills: { symbol: string; fill: string }[];
}

export const REPORT_SHEET = "進捗状況レポート";

/** Columns: 分野 | No. and title | 担当課 | 評価 | 実施内容 | 当初予定 | 取組実績 (widths in characters). */
const WIDTHS = [6, 20, 13, 10, 24, 46, 46];
const COLUMNS = WIDTHS.length;
/** Points per line of the table's 9-point text, and the padding of a row. */
const LINE_HEIGHT = lineHeight(STYLES.text.size);
const PADDING = 5;

/** Lines a cell of this style needs in its column. */
const linesOf = (text: string, column: number, style: StyleName): number => wrappedLines(text, WIDTHS[column] ?? 10, STYLES[style].size);

const MARGINS = { top: 0.75, bottom: 0.75, left: 0.6, right: 0.6, header: 0.3, footer: 0.3 };
/** Landscape paper widths and heights in inches. */
const PAPER_WIDTH = { A4: 11.69, A3: 16.54 } as const;
const PAPER_HEIGHT = { A4: 8.27, A3: 11.69 } as const;

/**
 * Pixels of one column-width unit in the widest renderer the report must fit: a unit is the width of a
 * digit of the workbook's default font — 7 pixels in Excel (Calibri or 游ゴシック at 11 pt), about 9.3 in
 * LibreOffice on a machine without Microsoft fonts, where DejaVu Sans stands in (its digits are 0.636
 * em). With a little margin, every column stays on the page wherever the report is printed.
 */
export const WIDEST_UNIT_PIXELS = 9.5;

/**
 * The scale at which the columns fit one page width in the widest renderer (plus 5 pixels of padding
 * per column, at 96 pixels an inch). Excel then leaves some room on the right; no renderer loses a column.
 */
export function fitScale(paper: "A4" | "A3", widths: readonly number[], marginInches: number): number {
  const sheetInches = widths.reduce((sum, w) => sum + w * WIDEST_UNIT_PIXELS + 5, 0) / 96;
  const printable = PAPER_WIDTH[paper] - marginInches;
  return Math.max(10, Math.min(100, Math.floor((printable / sheetInches) * 100)));
}

/**
 * Points of sheet that one printed page holds below the repeated header row, at a scale: row heights
 * are points in every renderer, so page breaks computed from them fall where the renderer puts them.
 */
export function pageCapacity(paper: "A4" | "A3", scale: number, headerHeight: number): number {
  const printable = (PAPER_HEIGHT[paper] - MARGINS.top - MARGINS.bottom) * 72;
  return Math.floor(printable / (scale / 100)) - headerHeight - 2;
}

/** Lines of a cell, with one more for a long one: renderers break Japanese lines by rules of their own. */
const safeLines = (lines: number): number => (lines >= 3 ? lines + 1 : lines);

export interface ReportOptions {
  paper?: "A4" | "A3";
  /** The profile's rating scale (S/A/B by default): the legend, the summary's columns, the fills. */
  scale?: RatingScale;
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

export interface CategoryCount {
  name: string;
  /** Items rated with each symbol of the scale. */
  counts: Record<string, number>;
  total: number;
}

/** Ratings per 分野, by the scale's symbols: items only (sub-items not counted), a 再掲 counted where it is listed. */
export function ratingCounts(rows: readonly TableRow[], scale: RatingScale = DEFAULT_SCALE): CategoryCount[] {
  const out: CategoryCount[] = [];
  const zero = () => Object.fromEntries(scale.symbols.map((s) => [s.symbol, 0]));
  for (const row of rows) {
    if (row.kind !== "item") continue;
    let entry = out.find((c) => c.name === row.category);
    if (!entry) {
      entry = { name: row.category, counts: zero(), total: 0 };
      out.push(entry);
    }
    if (row.rating in entry.counts) {
      entry.counts[row.rating] = (entry.counts[row.rating] ?? 0) + 1;
      entry.total += 1;
    }
  }
  return out;
}

const pct = (part: number, whole: number) => (whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`);

/** The mark of a symbol in the text chart, by what it means: ● ahead, ○ on plan, × behind. */
const BAND_MARK: Readonly<Record<Band, string>> = { ahead: "●", on: "○", behind: "×" };
const markOf = (symbol: ScaleSymbol) => BAND_MARK[symbol.bands[0] ?? "on"];

/** The chart of the summary where the file cannot hold one: a bar of marks per 分野, greyscale-safe. */
export function textBar(count: CategoryCount, scale: RatingScale = DEFAULT_SCALE): string {
  return scale.symbols.map((s) => markOf(s).repeat(count.counts[s.symbol] ?? 0)).join("");
}

/** The legend's lines: each symbol with what it means (the workbook's S/A/B legend, else the scale's labels). */
export function legendLines(meta: PlanMeta, scale: RatingScale = DEFAULT_SCALE): string[] {
  const legend: Partial<Record<string, string>> = { ...DEFAULT_LEGEND, ...(meta.legend ?? {}) };
  const isDefault = scale === DEFAULT_SCALE || scale.symbols.map((s) => s.symbol).join() === "S,A,B";
  return scale.symbols.map((s) => `「${s.symbol}」：${(isDefault ? legend[s.symbol] : undefined) || s.label || legend[s.symbol] || ""}`);
}

export function buildReportPlan(meta: PlanMeta, rows: readonly TableRow[], options: ReportOptions = {}): SheetPlan {
  const cells: PlanCell[] = [];
  const merges: Merge[] = [];
  const rowHeights: number[] = [];
  const pageBreaks: number[] = [];
  let r = 0;
  const put = (column: number, value: string | number, style: StyleName) => cells.push({ row: r, column, value, style });
  const line = (value: string, style: StyleName, height = LINE_HEIGHT + PADDING) => {
    put(0, value, style);
    merges.push({ top: r, left: 0, bottom: r, right: COLUMNS - 1 });
    rowHeights[r] = height;
    r += 1;
  };
  const scale = options.scale ?? DEFAULT_SCALE;
  const symbols = scale.symbols.map((s) => s.symbol);

  // 1. Title, 2. legend, 3. 再掲 notes.
  line(reportTitle(meta), "title", 30);
  r += 1;
  line("評価欄の評価の見方について", "heading");
  for (const text of legendLines(meta, scale)) line(text, "legend");
  const reposts = rows.filter((row) => row.kind === "item" && row.repostOf !== undefined);
  if (reposts.length > 0) r += 1;
  for (const row of reposts) line(`※No. ${row.no}「${row.title}」はNo. ${row.repostOf}の再掲`, "note");
  r += 1;

  // 4. Summary: ratings per 分野 with totals and shares, and a chart of it. The labels stand in column
  // B and the counts are numbers, so that B and the symbols' columns are the data a native chart draws.
  // Counts take columns C onwards, then the total, then the shares and text chart where room is left.
  const counts = ratingCounts(rows, scale);
  const totals: CategoryCount = { name: "合計", counts: Object.fromEntries(symbols.map((sym) => [sym, counts.reduce((n, c) => n + (c.counts[sym] ?? 0), 0)])), total: counts.reduce((n, c) => n + c.total, 0) };
  const totalColumn = 2 + symbols.length;
  const chartColumn = totalColumn + 1 < COLUMNS ? totalColumn + 1 : undefined;
  line("評価の集計", "heading");
  const summaryTop = r;
  const legendMarks = scale.symbols.map((s) => `${markOf(s)}${s.symbol}`).join(" ");
  put(1, "分野", "summaryHeader");
  symbols.forEach((sym, i) => put(2 + i, sym, "summaryHeader"));
  put(totalColumn, "計", "summaryHeader");
  if (chartColumn !== undefined) {
    put(chartColumn, `割合とグラフ（${legendMarks}）`, "summaryHeader");
    if (chartColumn < COLUMNS - 1) merges.push({ top: r, left: chartColumn, bottom: r, right: COLUMNS - 1 });
  }
  rowHeights[r] = LINE_HEIGHT + PADDING;
  r += 1;
  for (const count of [...counts, totals]) {
    const total = count === totals;
    const style = total ? "summaryTotal" : "summaryNumber";
    put(1, count.name, total ? "summaryTotal" : "summaryLabel");
    symbols.forEach((sym, i) => put(2 + i, count.counts[sym] ?? 0, style));
    put(totalColumn, count.total, style);
    let lines = linesOf(count.name, 1, "summaryLabel");
    if (chartColumn !== undefined) {
      const shares = symbols.map((sym) => `${sym} ${pct(count.counts[sym] ?? 0, count.total)}`).join("・");
      const chart = total ? shares : `${shares}\n${textBar(count, scale)}`;
      put(chartColumn, chart, "chart");
      if (chartColumn < COLUMNS - 1) merges.push({ top: r, left: chartColumn, bottom: r, right: COLUMNS - 1 });
      const width = WIDTHS.slice(chartColumn).reduce((sum, w) => sum + w, 0);
      lines = Math.max(lines, wrappedLines(chart, width, STYLES.chart.size));
    }
    rowHeights[r] = Math.max(LINE_HEIGHT + PADDING, lines * LINE_HEIGHT + PADDING);
    r += 1;
  }
  const summary = { top: summaryTop, left: 1, bottom: r - 2, right: 1 + symbols.length };

  // 5. One section per 分野, each on a new page; the header row is repeated on every page. Pages are
  // cut here, from the row heights, so that a page that continues a 分野 (or an item's sub-items)
  // says so: 「（続き）」.
  pageBreaks.push(r);
  const headerRow = r;
  const header = ["項目", "", "主な推進担当課", "評価", "実施内容", planHeader(meta), resultHeader(meta)];
  header.forEach((text, column) => text && put(column, text, "header"));
  merges.push({ top: r, left: 0, bottom: r, right: 1 });
  const headerHeight = 2 * LINE_HEIGHT + PADDING;
  rowHeights[r] = headerHeight;
  r += 1;
  const tableTop = r;
  const paper = options.paper ?? "A4";
  const printScale = fitScale(paper, WIDTHS, MARGINS.left + MARGINS.right);
  const capacity = pageCapacity(paper, printScale, headerHeight);
  const repostOf = (row: TableRow) => (row.repostOf === undefined ? undefined : `【No.${row.repostOf}の再掲】`);
  let chunkStart = r;
  let used = 0;
  const closeChunk = () => {
    if (r - 1 > chunkStart) merges.push({ top: chunkStart, left: 0, bottom: r - 1, right: 0 });
  };
  rows.forEach((row, i) => {
    const newSection = i === 0 || rows[i - 1]?.category !== row.category;
    const marker = repostOf(row);
    const texts = [row.actions, row.plan, row.result].map((t) => bulletLines(t || marker || ""));
    const parent = row.kind === "sub" ? rows.find((p) => p.kind === "item" && p.item === row.parent) : undefined;
    const labelOf = (continued: boolean) =>
      row.kind === "sub"
        ? `${continued && parent ? `${parent.no ?? ""} ${parent.title}（続き）\n` : ""}- ${row.sub}`
        : `${row.no ?? ""} ${row.title}`.trim();
    const heightOf = (label: string) => {
      const lines = Math.max(linesOf(label, 1, "item"), linesOf(row.department, 2, "department"), ...texts.map((text, k) => linesOf(text, 4 + k, "text")));
      return Math.min(409, safeLines(lines) * LINE_HEIGHT + PADDING);
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
      put(0, continued ? `${row.category}（続き）` : row.category, "category");
      if (continued) {
        label = labelOf(true);
        height = heightOf(label);
      }
    }
    put(1, label, "item");
    put(2, row.department, "department");
    put(3, row.kind === "sub" ? (row.rating === "-" ? "-" : row.rating) : row.rating, "rating");
    texts.forEach((text, k) => put(4 + k, text, "text"));
    rowHeights[r] = height;
    used += height;
    r += 1;
  });
  closeChunk();

  return {
    name: REPORT_SHEET,
    columns: WIDTHS.map((w) => ({ width: w })),
    cells,
    merges,
    rowHeights: Array.from({ length: r }, (_, i) => rowHeights[i] ?? LINE_HEIGHT + PADDING),
    pageBreaks,
    print: {
      paper,
      orientation: "landscape",
      scale: printScale,
      titleRows: [headerRow, headerRow],
      footer: "- {page} -",
      margins: MARGINS,
    },
    summary,
    table: { top: tableTop, bottom: r - 1 },
    ratingFills: scale.symbols.flatMap((s) => {
      const fill = BAND_FILLS[s.bands[0] ?? "on"];
      return fill ? [{ symbol: s.symbol, fill }] : [];
    }),
  };
}

/**
 * The report of a workbook as read: its plan metadata (the settings', else what the headers and title
 * show) and the profile's rating scale.
 */
export function workbookReportPlan(table: TableRead, settings: PlanSettings, options: Omit<ReportOptions, "scale"> = {}): SheetPlan {
  return buildReportPlan(workbookMeta(table, settings).meta, table.rows, { ...options, scale: settings.profile.scale });
}
