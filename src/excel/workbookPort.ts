import type { CellMark, SimpleSheet, WorkbookPort, WorkbookRead } from "../core/port";
import type { SheetPlan } from "../core/report/plan";
import { columnWidthPoints } from "../core/text/width";
import { columnLetter, type RawCell, type SheetGrid } from "../core/workbook/cells";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsFromRows, settingsToRows, type PlanSettings, type SettingsRead } from "../core/workbook/settings";
import { sheetNameFor, withGeneratedSheet } from "../core/workbook/sheets";
import { HEADER_SEARCH_ROWS, chooseTableSheet, hasTableHeader, readTable, type ReadOptions } from "../core/workbook/table";
import { onRibbonCheck } from "./commands";
import { PAYLOAD_BUDGET_BYTES, utf8Length } from "./limits";
import { writeReportSheet } from "./report";

/** Excel.run, or a stand-in with the same shape (the tests' fake). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Fill of the cell marks, light enough to keep text readable; the pane says which colour is which. */
const MARK_FILL = { error: "#F9D0D3", warning: "#FFF1B8", info: "#D6E8F9" } as const;
const MARKS_PER_FORMAT = 200;

/** Columns read when looking for the header row: A to AD. */
const PROBE_COLUMNS = 30;
export { PAYLOAD_BUDGET_BYTES };

/** A value and its type, as range.values and range.valueTypes give them, as the core's RawCell. */
export function officeCell(value: unknown, type: string | undefined): RawCell {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    default:
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" ? value : String(value);
  }
}

function toRows(values: unknown[][], types: string[][] | undefined): RawCell[][] {
  return values.map((row, r) => row.map((value, c) => officeCell(value, types?.[r]?.[c])));
}

/** The first rows and the used range of a sheet, queued for the next sync. */
interface Probe {
  sheet: Excel.Worksheet;
  range: Excel.Range;
  used: Excel.Range;
}

function probe(sheet: Excel.Worksheet): Probe {
  sheet.load("name");
  const range = sheet.getRangeByIndexes(0, 0, HEADER_SEARCH_ROWS, PROBE_COLUMNS);
  range.load("values,valueTypes");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return { sheet, range, used };
}

interface Extent {
  rows: number;
  columns: number;
}

function extentOf(p: Probe): Extent {
  if (p.used.isNullObject) return { rows: 0, columns: 0 };
  return { rows: p.used.rowIndex + p.used.rowCount, columns: p.used.columnIndex + p.used.columnCount };
}

/**
 * Bytes one row of this sheet is expected to take in a response (values and value types), from the
 * widest row read so far, with half again as a margin: the first rows say little of the texts below.
 */
function bytesPerRow(rows: RawCell[][], columns: number): number {
  let widest = 0;
  for (const row of rows) {
    let bytes = 0;
    for (let c = 0; c < columns; c += 1) {
      const cell = row[c];
      bytes += 12 + (cell === null || cell === undefined ? 0 : utf8Length(typeof cell === "object" ? JSON.stringify(cell) : String(cell)));
    }
    widest = Math.max(widest, bytes);
  }
  return Math.max(widest * 1.5, columns * 24);
}

const isPayloadTooLarge = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "RequestPayloadSizeLimitExceeded";

/** The workbook port over Office.js. Loads only values and value types, in as few syncs as it can. */
export class ExcelWorkbookPort implements WorkbookPort {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  /**
   * Sync 1: sheet names, tables, the settings sheet, and the first 20 rows and used range of the
   * first visible sheet (or the chosen one). Sync 2: the rest of the table, in row chunks of at most
   * PAYLOAD_BUDGET_BYTES each (one sync per chunk beyond the first). A table found on no probed
   * sheet costs one more sync to probe the others.
   */
  async read(options: Omit<ReadOptions, "tableSheet"> = {}): Promise<WorkbookRead> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      const settingsRange = worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
      settingsRange.load("values,valueTypes");
      const firstSheet = options.sheet ? worksheets.getItemOrNullObject(options.sheet) : worksheets.getFirst(true);
      const first = probe(firstSheet);
      await context.sync();

      const settings = settingsRange.isNullObject ? undefined : settingsFromRows(toRows(settingsRange.values, settingsRange.valueTypes));
      const mapping = options.mapping ?? settings?.settings.mapping;
      const tableSheet = tables.items.map((t) => t.worksheet.name).find((name) => name !== SETTINGS_SHEET);
      const sheetNames = worksheets.items.filter((s) => s.name !== SETTINGS_SHEET).map((s) => s.name);

      const probes = new Map<string, { rows: RawCell[][]; extent: Extent }>();
      const firstName = first.sheet.isNullObject ? undefined : first.sheet.name;
      if (firstName) probes.set(firstName, { rows: toRows(first.range.values, first.range.valueTypes), extent: extentOf(first) });

      // The sheet is chosen by the core's rule; the other sheets are probed (one more sync) only when
      // neither the options nor the first sheet decide it.
      const choice = { ...options, ...(mapping ? { mapping } : {}), ...(tableSheet ? { tableSheet } : {}) };
      let chosen = choice.sheet ?? choice.tableSheet ?? (firstName && hasTableHeader({ name: firstName, rows: probes.get(firstName)?.rows ?? [] }, mapping) ? firstName : undefined);
      if (!chosen || !probes.has(chosen)) {
        const others = sheetNames.filter((name) => !probes.has(name)).map((name) => probe(worksheets.getItem(name)));
        if (others.length > 0) await context.sync();
        for (const p of others) probes.set(p.sheet.name, { rows: toRows(p.range.values, p.range.valueTypes), extent: extentOf(p) });
        const order = sheetNames.filter((name) => probes.has(name));
        chosen ??= chooseTableSheet(order.map((name) => ({ name, rows: probes.get(name)?.rows ?? [] })), choice);
      }

      const grids: SheetGrid[] = [];
      const probed = chosen ? probes.get(chosen) : undefined;
      if (chosen && probed) {
        const columns = Math.max(probed.extent.columns, ...probed.rows.map((r) => lastFilled(r) + 1));
        const rows = probed.rows.slice(0, Math.min(HEADER_SEARCH_ROWS, probed.extent.rows)).map((r) => r.slice(0, columns));
        const remaining = probed.extent.rows - HEADER_SEARCH_ROWS;
        if (remaining > 0 && columns > 0) {
          let perChunk = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / bytesPerRow(rows, columns)));
          const sheet = worksheets.getItem(chosen);
          for (let start = HEADER_SEARCH_ROWS; start < probed.extent.rows; ) {
            const count = Math.min(perChunk, probed.extent.rows - start);
            const range = sheet.getRangeByIndexes(start, 0, count, columns);
            range.load("values,valueTypes");
            try {
              await context.sync();
            } catch (error) {
              // The estimate was short of the texts further down: halve the chunk and read it again.
              if (!isPayloadTooLarge(error) || count === 1) throw error;
              perChunk = Math.max(1, Math.floor(count / 2));
              continue;
            }
            rows.push(...toRows(range.values, range.valueTypes));
            start += count;
          }
        }
        grids.push({ name: chosen, rows });
      }
      const scale = settings?.settings.profile.scale;
      const table = readTable(grids, { ...options, ...(mapping ? { mapping } : {}), ...(chosen ? { sheet: chosen } : {}), ...(scale ? { scale } : {}) });
      return { table, ...(settings ? { settings } : {}) };
    });
  }

  async readSettings(): Promise<SettingsRead | undefined> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
      range.load("values,valueTypes");
      await context.sync();
      return range.isNullObject ? undefined : settingsFromRows(toRows(range.values, range.valueTypes));
    });
  }

  /** Replaces the settings sheet in one batch: text cells formatted "@" before their values. */
  async writeSettings(settings: PlanSettings): Promise<void> {
    await this.run(async (context) => {
      const rows = settingsToRows(settings);
      const worksheets = context.workbook.worksheets;
      const old = worksheets.getItemOrNullObject(SETTINGS_SHEET);
      old.load("name");
      await context.sync();
      if (!old.isNullObject) old.delete();
      const sheet = worksheets.add(SETTINGS_SHEET);
      const range = sheet.getRange(`A1:B${rows.length}`);
      range.numberFormat = rows.map(([, value]) => ["@", typeof value === "number" ? "General" : "@"]);
      range.values = rows.map(([key, value]) => [key, value]);
      sheet.visibility = "Hidden";
      await context.sync();
    });
  }

  /** The quick fix: one value into one cell, its format left as the user made it. */
  async writeCell(sheet: string, column: number, sheetRow: number, text: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(`${columnLetter(column)}${sheetRow}`).values = [[text]];
      await context.sync();
    });
  }

  /** Writes a sheet of text cells in one batch (formats "@" before values), links as hyperlinks. */
  async writeSheet(plan: SimpleSheet): Promise<string> {
    const settings = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
    const name = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const name = sheetNameFor(plan.name, worksheets.items.map((s) => s.name), settings.generated ?? []);
      worksheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase())?.delete();
      const sheet = worksheets.add(name);
      const width = plan.columns.length;
      const rows = [[plan.title, ...Array<string>(width - 1).fill("")], plan.columns.map((c) => c.header), ...plan.rows.map((r) => r.values)];
      const range = sheet.getRangeByIndexes(0, 0, rows.length, width);
      range.numberFormat = rows.map((row) => row.map(() => "@"));
      range.values = rows;
      plan.rows.forEach((row, i) => {
        if (!row.link) return;
        sheet.getRangeByIndexes(i + 2, row.link.column, 1, 1).hyperlink = {
          documentReference: `'${row.link.sheet.replace(/'/g, "''")}'!${row.link.address}`,
          textToDisplay: row.values[row.link.column] ?? row.link.address,
        };
      });
      sheet.getRangeByIndexes(0, 0, 2, width).format.font.bold = true;
      plan.columns.forEach((c, i) => {
        sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnWidthPoints(c.width);
      });
      sheet.activate();
      await context.sync();
      return name;
    });
    await this.writeSettings(withGeneratedSheet(settings, name));
    return name;
  }

  /**
   * Marks cells with one conditional format per severity (and per 200 cells): an overlay the user
   * removes with one button, leaving every format of their own as it was. The formats' ids are kept
   * in the settings sheet so that exactly those are removed.
   */
  async markCells(sheet: string, marks: CellMark[]): Promise<void> {
    await this.clearMarks();
    const ids = await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const created: Excel.ConditionalFormat[] = [];
      for (const severity of ["error", "warning", "info"] as const) {
        const cells = [...new Set(marks.filter((m) => m.severity === severity).map((m) => `${columnLetter(m.column)}${m.sheetRow}`))];
        for (let i = 0; i < cells.length; i += MARKS_PER_FORMAT) {
          const format = ws.getRanges(cells.slice(i, i + MARKS_PER_FORMAT).join(", ")).conditionalFormats.add("Custom");
          format.custom.rule.formula = "=TRUE";
          format.custom.format.fill.color = MARK_FILL[severity];
          format.load("id");
          created.push(format);
        }
      }
      await context.sync();
      return created.map((format) => format.id);
    });
    const current = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
    await this.writeSettings({ ...current, marks: ids.map((id) => ({ sheet, id })) });
  }

  async clearMarks(): Promise<void> {
    const current = (await this.readSettings())?.settings;
    if (!current?.marks?.length) return;
    const marks = current.marks;
    await this.run(async (context) => {
      for (const mark of marks) {
        context.workbook.worksheets.getItem(mark.sheet).getRange().conditionalFormats.getItem(mark.id).delete();
      }
      await context.sync();
    });
    await this.writeSettings({ ...current, marks: [] });
  }

  /** Writes the report sheet (src/excel/report.ts); returns its name. */
  async writeReport(plan: SheetPlan): Promise<string> {
    const settings = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
    const name = await this.run((context) => writeReportSheet(context, plan, (existing) => sheetNameFor(plan.name, existing, settings.generated ?? [])));
    await this.writeSettings(withGeneratedSheet(settings, name));
    return name;
  }

  /** The ribbon's 「整合性チェック」 button asks the pane for a check. */
  onCheckRequested(listener: () => void): () => void {
    return onRibbonCheck(listener);
  }

  async selectCell(sheet: string, column: number, sheetRow: number): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(`${columnLetter(column)}${sheetRow}`).select();
      await context.sync();
    });
  }
}

function lastFilled(row: RawCell[]): number {
  for (let c = row.length - 1; c >= 0; c -= 1) if (row[c] !== null && row[c] !== "") return c;
  return -1;
}
