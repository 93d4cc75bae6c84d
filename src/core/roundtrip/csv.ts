import type { Finding } from "../check/types";
import { extractMetrics, type Metric } from "../metrics/extract";
import type { Memo } from "../memo";
import { rawText, type RawCell } from "../workbook/cells";
import type { TableRead, TableRow } from "../workbook/table";

/**
 * Open data (docs/contracts/roundtrip.md, "CSV"): the table as two CSV files — one row per item and
 * sub-item, and a long table of the metrics read from the plan and results — UTF-8 with a byte-order
 * mark so that Excel opens it as UTF-8, one header row, fields quoted as RFC 4180 says, lines ended by
 * CR LF.
 */

const BOM = "\uFEFF";

/** A text Excel would run as a formula when it opens the file (=, +, @, or - before a non-number). */
const RUNS_AS_FORMULA = /^(?:[=+@\t\r]|-(?![\d.,]|$))/;

/** One field: quoted when it holds a quote, a comma or a line end; a text Excel would run is written after a '. */
function field(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (typeof value === "string" && RUNS_AS_FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV text: the byte-order mark, the header row, the rows, each line ended by CR LF. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

export const ITEMS_HEADER = ["分野", "No.", "枝番", "項目", "担当課", "評価", "目標", "実績", "エラー", "警告", "情報"] as const;
export const METRICS_HEADER = ["No.", "枝番", "項目", "役割", "番号", "ラベル", "値", "単位", "比較", "下限", "上限", "年度"] as const;

/** The sheet's cells, rows from 1 at index 0. */
type Grid = readonly (readonly RawCell[] | undefined)[];

/**
 * The text of a row's plan or results cell as written in the sheet. Where the reader composed the text it
 * checks — an indicator in a column of its own read with the value 「(協働事業数 120件)」, several
 * indicators on rows of their own under one item — the cells of that column from the item's row down to
 * the next item's (the last item: down to the first empty cell), one a line.
 */
export function writtenText(table: TableRead, grid: Grid, row: TableRow, field: "plan" | "result"): string {
  const read = row[field];
  const column = row.cells?.[field]?.column ?? table.columns[field];
  const first = row.cells?.[field]?.row ?? row.sheetRow;
  if (column === undefined) return read;
  const text = (r: number) => rawText(grid[r - 1]?.[column]).trim();
  if (text(first) === read.trim()) return read;
  const next = table.rows.map((r) => r.sheetRow).filter((r) => r > row.sheetRow).reduce((a, b) => Math.min(a, b), Infinity);
  const texts: string[] = [];
  for (let r = first; r < Math.min(next, first + 50, grid.length + 1); r += 1) {
    const t = text(r);
    if (t === "" && next === Infinity) break;
    if (t !== "") texts.push(t);
  }
  return texts.join("\n");
}

/**
 * One row per item and sub-item, with the check's findings counted. Given the table sheet's cells, the
 * 目標 and 実績 columns hold the cells' own texts (writtenText); else the texts as read.
 */
export function itemsCsv(table: TableRead, findings: readonly Finding[], grid?: Grid): string {
  const counts = new Map<number, { error: number; warning: number; info: number }>();
  for (const f of findings) {
    if (f.row === undefined) continue;
    const c = counts.get(f.row) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity] += 1;
    counts.set(f.row, c);
  }
  return csvText(
    ITEMS_HEADER,
    table.rows.map((row) => {
      const c = counts.get(row.sheetRow) ?? { error: 0, warning: 0, info: 0 };
      const written = (field: "plan" | "result") => (grid ? writtenText(table, grid, row, field) : row[field]);
      return [row.category, row.no, row.sub, row.title, row.department, row.ratingWritten, written("plan"), written("result"), c.error, c.warning, c.info];
    }),
  );
}

const ROLE = { plan: "目標", result: "実績" } as const;

function metricRow(row: TableRead["rows"][number], role: keyof typeof ROLE, metric: Metric): (string | number | undefined)[] {
  const number = (x: number | undefined) => (x === undefined || metric.notANumber ? undefined : x);
  return [row.no, row.sub, row.title, ROLE[role], metric.marker, metric.label, number(metric.value), metric.unit, metric.op, number(metric.min), number(metric.max), metric.fiscalYear];
}

/** The metrics read from each row's plan and results, one row each (values in base units: 万円 → 円). */
export function metricsCsv(table: TableRead, memo?: Memo): string {
  const rows: (string | number | undefined)[][] = [];
  for (const row of table.rows) {
    for (const role of ["plan", "result"] as const) {
      for (const metric of extractMetrics(row[role], memo)) rows.push(metricRow(row, role, metric));
    }
  }
  return csvText(METRICS_HEADER, rows);
}
