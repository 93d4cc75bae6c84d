import { fiscalYearLabel } from "../fiscalYear";
import { bulletLines } from "../text/lines";
import { lineHeight, wrappedLines } from "../text/width";
import { STYLES, type StyleName } from "./style";
import { DEFAULT_LEGEND, type PlanMeta } from "../workbook/model";
import type { TableRow } from "../workbook/table";

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
/** Landscape paper widths in inches. */
const PAPER_WIDTH = { A4: 11.69, A3: 16.54 } as const;

/**
 * The scale at which the columns fill one page width. A width unit is about 7 pixels of the default
 * font in Excel and up to 8.5 in other programs (its substitute fonts are wider), plus 5 pixels of
 * padding per column, at 96 pixels an inch: the wider measure keeps every column on the page.
 */
export function fitScale(paper: "A4" | "A3", widths: readonly number[], marginInches: number): number {
  const sheetInches = widths.reduce((sum, w) => sum + w * 8.5 + 5, 0) / 96;
  const printable = PAPER_WIDTH[paper] - marginInches;
  return Math.max(10, Math.min(100, Math.floor((printable / sheetInches) * 100)));
}

export interface ReportOptions {
  paper?: "A4" | "A3";
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
  S: number;
  A: number;
  B: number;
  total: number;
}

/** S/A/B per 分野: items only (sub-items not counted), a 再掲 counted where it is listed. */
export function ratingCounts(rows: readonly TableRow[]): CategoryCount[] {
  const out: CategoryCount[] = [];
  for (const row of rows) {
    if (row.kind !== "item") continue;
    let entry = out.find((c) => c.name === row.category);
    if (!entry) {
      entry = { name: row.category, S: 0, A: 0, B: 0, total: 0 };
      out.push(entry);
    }
    if (row.rating === "S" || row.rating === "A" || row.rating === "B") {
      entry[row.rating] += 1;
      entry.total += 1;
    }
  }
  return out;
}

const pct = (part: number, whole: number) => (whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`);

/** The chart of the summary where the file cannot hold one: a bar of marks per 分野, greyscale-safe. */
export function textBar(count: CategoryCount): string {
  return `${"●".repeat(count.S)}${"○".repeat(count.A)}${"×".repeat(count.B)}`;
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
  const legend = meta.legend ?? DEFAULT_LEGEND;

  // 1. Title, 2. legend, 3. 再掲 notes.
  line(reportTitle(meta), "title", 30);
  r += 1;
  line("評価欄の評価の見方について", "heading");
  line(`「S」：${legend.S}`, "legend");
  line(`「A」：${legend.A}`, "legend");
  line(`「B」：${legend.B}`, "legend");
  const reposts = rows.filter((row) => row.kind === "item" && row.repostOf !== undefined);
  if (reposts.length > 0) r += 1;
  for (const row of reposts) line(`※No. ${row.no}「${row.title}」はNo. ${row.repostOf}の再掲`, "note");
  r += 1;

  // 4. Summary: S/A/B per 分野 with totals and shares, and a chart of it. The labels stand in column
  // B and the counts are numbers, so that B:E is the data a native chart draws.
  const counts = ratingCounts(rows);
  const totals = counts.reduce((t, c) => ({ name: "合計", S: t.S + c.S, A: t.A + c.A, B: t.B + c.B, total: t.total + c.total }), { name: "合計", S: 0, A: 0, B: 0, total: 0 });
  line("評価の集計", "heading");
  const summaryTop = r;
  const headerCells: [number, string][] = [[1, "分野"], [2, "S"], [3, "A"], [4, "B"], [5, "計"], [6, "割合とグラフ（●S ○A ×B）"]];
  for (const [column, text] of headerCells) put(column, text, "summaryHeader");
  rowHeights[r] = LINE_HEIGHT + PADDING;
  r += 1;
  for (const count of [...counts, totals]) {
    const total = count === totals;
    const style = total ? "summaryTotal" : "summaryNumber";
    put(1, count.name, total ? "summaryTotal" : "summaryLabel");
    put(2, count.S, style);
    put(3, count.A, style);
    put(4, count.B, style);
    put(5, count.total, style);
    const shares = `S ${pct(count.S, count.total)}・A ${pct(count.A, count.total)}・B ${pct(count.B, count.total)}`;
    const chart = total ? shares : `${shares}\n${textBar(count)}`;
    put(6, chart, "chart");
    const lines = Math.max(linesOf(count.name, 1, "summaryLabel"), linesOf(chart, 6, "chart"));
    rowHeights[r] = Math.max(LINE_HEIGHT + PADDING, lines * LINE_HEIGHT + PADDING);
    r += 1;
  }
  const summary = { top: summaryTop, left: 1, bottom: r - 2, right: 4 };

  // 5. One section per 分野, each on a new page; the header row is repeated on every page.
  pageBreaks.push(r);
  const headerRow = r;
  const header = ["項目", "", "主な推進担当課", "評価", "実施内容", planHeader(meta), resultHeader(meta)];
  header.forEach((text, column) => text && put(column, text, "header"));
  merges.push({ top: r, left: 0, bottom: r, right: 1 });
  rowHeights[r] = 2 * LINE_HEIGHT + PADDING;
  r += 1;
  const tableTop = r;
  const repostOf = (row: TableRow) => (row.repostOf === undefined ? undefined : `【No.${row.repostOf}の再掲】`);
  let sectionStart = r;
  rows.forEach((row, i) => {
    const first = i === 0 || rows[i - 1]?.category !== row.category;
    if (first && i > 0) {
      if (r - 1 > sectionStart) merges.push({ top: sectionStart, left: 0, bottom: r - 1, right: 0 });
      pageBreaks.push(r);
      sectionStart = r;
    }
    if (first) put(0, row.category, "category");
    const label = row.kind === "sub" ? `- ${row.sub}` : `${row.no ?? ""} ${row.title}`.trim();
    const marker = repostOf(row);
    const texts = [row.actions, row.plan, row.result].map((t) => bulletLines(t || marker || ""));
    put(1, label, "item");
    put(2, row.department, "department");
    put(3, row.kind === "sub" ? (row.rating === "-" ? "-" : row.rating) : row.rating, "rating");
    texts.forEach((text, k) => put(4 + k, text, "text"));
    const lines = Math.max(
      linesOf(label, 1, "item"),
      linesOf(row.department, 2, "department"),
      ...texts.map((text, k) => linesOf(text, 4 + k, "text")),
    );
    rowHeights[r] = Math.min(409, lines * LINE_HEIGHT + PADDING);
    r += 1;
  });
  if (r - 1 > sectionStart) merges.push({ top: sectionStart, left: 0, bottom: r - 1, right: 0 });

  return {
    name: REPORT_SHEET,
    columns: WIDTHS.map((w) => ({ width: w })),
    cells,
    merges,
    rowHeights: Array.from({ length: r }, (_, i) => rowHeights[i] ?? LINE_HEIGHT + PADDING),
    pageBreaks,
    print: {
      paper: options.paper ?? "A4",
      orientation: "landscape",
      scale: fitScale(options.paper ?? "A4", WIDTHS, MARGINS.left + MARGINS.right),
      titleRows: [headerRow, headerRow],
      footer: "- {page} -",
      margins: MARGINS,
    },
    summary,
    table: { top: tableTop, bottom: r - 1 },
  };
}
