import { checkGuards, type CellGuard, type CellMark, type SimpleSheet, type WorkbookPort, type WorkbookRead } from "../core/port";
import type { SheetPlan } from "../core/report/plan";
import { columnWidthPoints } from "../core/text/width";
import { columnLetter, isDateFormat, rawText, serialToDate, type RawCell, type SheetGrid } from "../core/workbook/cells";
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsFromRows, settingsToRows, type PlanSettings, type SettingsRead } from "../core/workbook/settings";
import { sheetNameFor, withGeneratedSheet } from "../core/workbook/sheets";
import { GUARD_TITLE, type EntryGuard, type GuardRange } from "../core/workbook/guard";
import { MAX_TABLE_ROWS, tableTooLong } from "../core/workbook/limits";
import { HEADER_SEARCH_ROWS, chooseTableSheet, hasTableHeader, readTable, type ReadOptions } from "../core/workbook/table";
import { onRibbonCheck } from "./commands";
import { excelErrorCode, toWorkbookError } from "./errors";
import { PAYLOAD_BUDGET_BYTES, utf8Length } from "./limits";
import { writeReportSheet } from "./report";

export { PAYLOAD_BUDGET_BYTES };

/** Excel.run, or a stand-in with the same shape (the tests' fake), with Excel.RunOptions. */
export type ExcelRun = <T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const officeRun: ExcelRun = (options, batch) => Excel.run(options, batch);

/** Fill of the cell marks, light enough to keep text readable; the pane says which colour is which. */
const MARK_FILL = { error: "#F9D0D3", warning: "#FFF1B8", info: "#D6E8F9" } as const;
/**
 * The rule of every mark: always true, and recognisable, so that the add-in finds its own marks by
 * their content (a conditional format's id is only its current priority, not a handle).
 */
export const MARK_FORMULA = '=ISTEXT("plan-progress")';
const MARKS_PER_FORMAT = 200;

/** Columns read when looking for the header row: A to AD. */
const PROBE_COLUMNS = 30;
/** Rows in a worksheet. */
const EXCEL_ROWS = 1_048_576;

/** A value, its type and its number format, as range.values / valueTypes / numberFormat give them. */
export function officeCell(value: unknown, type: string | undefined, format?: string, date1904 = false): RawCell {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer": {
      const number = typeof value === "number" ? value : Number(value);
      // Excel hands dates over as serial numbers: the format says it is one.
      const date = isDateFormat(format) ? serialToDate(number, date1904) : undefined;
      return date ? { date } : number;
    }
    default:
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" ? value : String(value);
  }
}

function toRows(values: unknown[][], types: string[][] | undefined, formats?: string[][], date1904 = false): RawCell[][] {
  return values.map((row, r) => row.map((value, c) => officeCell(value, types?.[r]?.[c], formats?.[r]?.[c], date1904)));
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
  range.load("values,valueTypes,numberFormat");
  return { sheet, range, used: usedPart(sheet) };
}

/** The used part of the first columns only: a stray value at XFD1048576 does not widen what is read. */
function usedPart(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getRangeByIndexes(0, 0, EXCEL_ROWS, PROBE_COLUMNS).getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return used;
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
 * Bytes one row of this sheet is expected to take in a response (values, value types and formats),
 * from the widest row read so far, with half again as a margin: the first rows say little of the
 * texts below.
 */
function bytesPerRow(rows: RawCell[][], columns: number): number {
  let widest = 0;
  for (const row of rows) {
    let bytes = 0;
    for (let c = 0; c < columns; c += 1) {
      const cell = row[c];
      bytes += 20 + (cell === null || cell === undefined ? 0 : utf8Length(typeof cell === "object" ? JSON.stringify(cell) : String(cell)));
    }
    widest = Math.max(widest, bytes);
  }
  return Math.max(widest * 1.25, columns * 30);
}

/** Excel on the web says a read was too large with either code (the request, or its response). */
const isPayloadTooLarge = (error: unknown): boolean => {
  const code = excelErrorCode(error);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
};

/** The workbook port over Office.js. Loads only values, value types and formats, in as few syncs as it can. */
export class ExcelWorkbookPort implements WorkbookPort {
  private readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

  constructor(
    run: ExcelRun = officeRun,
    /** Excel.createWorkbook (ExcelApi 1.8), or the tests' stand-in. */
    private readonly createWorkbook: (base64: string) => Promise<void> = (base64) => Excel.createWorkbook(base64),
  ) {
    // Every batch waits while the user edits a cell (instead of failing), and every failure reaches the
    // pane as a WorkbookError it can explain.
    this.run = async (batch) => {
      try {
        return await run({ delayForCellEdit: true }, batch);
      } catch (error) {
        throw toWorkbookError(error);
      }
    };
  }

  /**
   * Sync 1: sheet names, tables, the settings sheet, the date system, and the first 20 rows and used
   * range of the first visible sheet (or the chosen one). Sync 2: the rest of the table, in row chunks
   * of at most PAYLOAD_BUDGET_BYTES each (one sync per chunk beyond the first). A table found on no
   * probed sheet costs one more sync to probe the others.
   */
  async read(options: Omit<ReadOptions, "tableSheet"> = {}): Promise<WorkbookRead> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      const settingsRange = worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
      settingsRange.load("values,valueTypes");
      // The serial of 2000-01-01 tells the workbook's date system: 36526 (1900) or 35064 (1904).
      const dateSystem = context.workbook.functions.date(2000, 1, 1);
      dateSystem.load("value");
      const firstSheet = options.sheet ? worksheets.getItemOrNullObject(options.sheet) : worksheets.getFirst(true);
      const first = probe(firstSheet);
      await context.sync();

      const date1904 = dateSystem.value < 36000;
      const rowsOf = (range: Excel.Range) => toRows(range.values, range.valueTypes, range.numberFormat, date1904);
      const settings = settingsRange.isNullObject ? undefined : settingsFromRows(toRows(settingsRange.values, settingsRange.valueTypes));
      const mapping = options.mapping ?? settings?.settings.mapping;
      const tableSheet = tables.items.map((t) => t.worksheet.name).find((name) => name !== SETTINGS_SHEET);
      const sheetNames = worksheets.items.filter((s) => s.name !== SETTINGS_SHEET).map((s) => s.name);

      const probes = new Map<string, { rows: RawCell[][]; extent: Extent }>();
      const firstName = first.sheet.isNullObject ? undefined : first.sheet.name;
      if (firstName) probes.set(firstName, { rows: rowsOf(first.range), extent: extentOf(first) });

      // The sheet is chosen by the core's rule; the other sheets are probed (one more sync) only when
      // neither the options nor the first sheet decide it.
      const choice = { ...options, ...(mapping ? { mapping } : {}), ...(tableSheet ? { tableSheet } : {}) };
      let chosen = choice.sheet ?? choice.tableSheet ?? (firstName && hasTableHeader({ name: firstName, rows: probes.get(firstName)?.rows ?? [] }, mapping) ? firstName : undefined);
      if (!chosen || !probes.has(chosen)) {
        const others = sheetNames.filter((name) => !probes.has(name)).map((name) => probe(worksheets.getItem(name)));
        if (others.length > 0) await context.sync();
        for (const p of others) probes.set(p.sheet.name, { rows: rowsOf(p.range), extent: extentOf(p) });
        const order = sheetNames.filter((name) => probes.has(name));
        chosen ??= chooseTableSheet(order.map((name) => ({ name, rows: probes.get(name)?.rows ?? [] })), choice);
      }

      const grids: SheetGrid[] = [];
      let changed = false;
      const probed = chosen ? probes.get(chosen) : undefined;
      if (chosen && probed) {
        if (probed.extent.rows > MAX_TABLE_ROWS) throw tableTooLong(chosen, probed.extent.rows);
        const columns = Math.max(probed.extent.columns, ...probed.rows.map((r) => lastFilled(r) + 1));
        const rows = probed.rows.slice(0, Math.min(HEADER_SEARCH_ROWS, probed.extent.rows)).map((r) => r.slice(0, columns));
        const remaining = probed.extent.rows - HEADER_SEARCH_ROWS;
        if (remaining > 0 && columns > 0) {
          let perChunk = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / bytesPerRow(rows, columns)));
          const sheet = worksheets.getItem(chosen);
          for (let start = HEADER_SEARCH_ROWS; start < probed.extent.rows; ) {
            const count = Math.min(perChunk, probed.extent.rows - start);
            const range = sheet.getRangeByIndexes(start, 0, count, columns);
            range.load("values,valueTypes,numberFormat");
            // With the last chunk, the extent again: rows inserted or deleted since the first request
            // (a user editing while the check runs) change it, and the rows read may overlap or miss some.
            const again = start + count >= probed.extent.rows ? usedPart(sheet) : undefined;
            try {
              await context.sync();
            } catch (error) {
              // The estimate was short of the texts further down: halve the chunk and read it again.
              if (!isPayloadTooLarge(error) || count === 1) throw error;
              perChunk = Math.max(1, Math.floor(count / 2));
              continue;
            }
            rows.push(...rowsOf(range));
            start += count;
            if (again) changed = extentOf({ sheet, range, used: again }).rows !== probed.extent.rows;
          }
        }
        grids.push({ name: chosen, rows });
      }
      const scale = settings?.settings.profile.scale;
      const table = readTable(grids, { ...options, ...(mapping ? { mapping } : {}), ...(chosen ? { sheet: chosen } : {}), ...(scale ? { scale } : {}) });
      return { table, ...(settings ? { settings } : {}), ...(changed ? { changedWhileReading: true } : {}) };
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

  /**
   * Writes the settings sheet in place: one write of all its rows (blank rows clearing what is left of
   * longer old settings), text cells formatted "@" first. A batch is not a transaction, but a single
   * write either happens or not: a failure leaves the old settings whole. A missing sheet is added hidden.
   */
  async writeSettings(settings: PlanSettings): Promise<void> {
    await this.run(async (context) => {
      const rows: (string | number)[][] = settingsToRows(settings).map(([key, value]) => [key, value]);
      const worksheets = context.workbook.worksheets;
      const old = worksheets.getItemOrNullObject(SETTINGS_SHEET);
      const used = old.getUsedRangeOrNullObject(true);
      old.load("name");
      used.load("rowIndex,rowCount");
      await context.sync();
      const sheet = old.isNullObject ? worksheets.add(SETTINGS_SHEET) : old;
      const oldRows = old.isNullObject || used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      while (rows.length < oldRows) rows.push(["", ""]);
      const range = sheet.getRange(`A1:B${rows.length}`);
      range.numberFormat = rows.map(([, value]) => ["@", typeof value === "number" ? "General" : "@"]);
      range.values = rows;
      if (old.isNullObject) sheet.visibility = "Hidden";
      await context.sync();
    });
  }

  /**
   * The quick fix: one value into one cell, its format left as the user made it. The guard cells (the
   * row's No. and title) are read first: when rows were inserted or deleted since the check, the row is
   * not the same one and nothing is written. A protected sheet is said so before anything is tried.
   */
  async writeCell(sheet: string, column: number, sheetRow: number, text: string, guard: readonly CellGuard[] = []): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.protection.load("protected");
      const guarded = guard.map((g) => {
        const range = ws.getRange(`${columnLetter(g.column)}${sheetRow}`);
        range.load("values,valueTypes");
        return { guard: g, range };
      });
      await context.sync();
      if (ws.protection.protected) throw toWorkbookError({ code: "AccessDenied" });
      const texts = new Map(guarded.map(({ guard: g, range }) => [g.column, rawText(officeCell(range.values[0]?.[0], range.valueTypes[0]?.[0]))]));
      checkGuards(sheetRow, guard, (c) => texts.get(c) ?? "");
      ws.getRange(`${columnLetter(column)}${sheetRow}`).values = [[text]];
      await context.sync();
    });
  }

  /** Writes a sheet of text cells in one batch (formats "@" before values), links as hyperlinks. */
  async writeSheet(plan: SimpleSheet): Promise<string> {
    const settings = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
    const name = await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      context.workbook.protection.load("protected");
      await context.sync();
      if (context.workbook.protection.protected) throw toWorkbookError({ code: "AccessDenied" });
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
          // A sheet name is quoted, its apostrophes doubled: 'O''Brien'!A1.
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
   * removes with one button, leaving every format of their own as it was. Error is added last, so that
   * it takes the top priority where marks overlap. The settings sheet records which sheets carry marks.
   */
  async markCells(sheet: string, marks: CellMark[]): Promise<void> {
    await this.clearMarks();
    const current = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const severity of ["info", "warning", "error"] as const) {
        const cells = [...new Set(marks.filter((m) => m.severity === severity).map((m) => `${columnLetter(m.column)}${m.sheetRow}`))];
        for (let i = 0; i < cells.length; i += MARKS_PER_FORMAT) {
          const format = ws.getRanges(cells.slice(i, i + MARKS_PER_FORMAT).join(", ")).conditionalFormats.add("Custom");
          format.custom.rule.formula = MARK_FORMULA;
          format.custom.format.fill.color = MARK_FILL[severity];
        }
      }
      await context.sync();
    });
    await this.writeSettings({ ...current, marks: [{ sheet }] });
  }

  /**
   * Removes the add-in's marks and nothing else: on each sheet that has them (and on sheets renamed
   * since, all are looked at), the conditional formats whose rule is MARK_FORMULA. A sheet deleted or
   * formats cleared by the user are no failure; the settings are rewritten in any case.
   */
  async clearMarks(): Promise<void> {
    const current = (await this.readSettings())?.settings;
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const collections = worksheets.items
        .filter((s) => s.name !== SETTINGS_SHEET)
        .map((s) => {
          const formats = s.getRange().conditionalFormats;
          formats.load("items/type,items/customOrNullObject/rule/formula");
          return formats;
        });
      await context.sync();
      for (const formats of collections) {
        for (const format of formats.items) {
          if (format.type === "Custom" && !format.customOrNullObject.isNullObject && format.customOrNullObject.rule.formula === MARK_FORMULA) format.delete();
        }
      }
      await context.sync();
    });
    if (current?.marks?.length) await this.writeSettings({ ...current, marks: [] });
  }

  /**
   * Entry guards: the rating drop-down and the input messages, as data validation. A column that
   * already has a rule is a rule of the user's (the add-in's own were removed first): it is skipped and
   * said. The settings record the ranges set, so that clearGuards removes exactly those.
   */
  async guardEntry(guard: EntryGuard): Promise<{ skipped: GuardRange[] }> {
    await this.clearGuards();
    const current = (await this.readSettings())?.settings ?? DEFAULT_SETTINGS;
    const set: GuardRange[] = [];
    const skipped: GuardRange[] = [];
    await this.run(async (context) => {
      const targets = guard.ranges.map((g) => {
        const range = context.workbook.worksheets.getItem(g.sheet).getRange(`${columnLetter(g.column)}${g.first}:${columnLetter(g.column)}${g.last}`);
        range.dataValidation.load("type");
        return { g, range };
      });
      await context.sync();
      for (const { g, range } of targets) {
        if (range.dataValidation.type !== "None") {
          skipped.push(g);
          continue;
        }
        const rating = g.kind === "rating";
        range.dataValidation.rule = rating
          ? { list: { inCellDropDown: true, source: guard.symbols.join(",") } }
          : { textLength: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
        range.dataValidation.prompt = { showPrompt: true, title: GUARD_TITLE, message: rating ? guard.ratingPrompt : guard.textPrompt };
        range.dataValidation.errorAlert = { showAlert: rating, style: "Stop", title: GUARD_TITLE, message: rating ? guard.ratingError : guard.textPrompt };
        set.push(g);
      }
      await context.sync();
    });
    await this.writeSettings({ ...current, guards: set });
    return { skipped };
  }

  /** Removes the entry guards the settings record, where they are still the add-in's (by their title). */
  async clearGuards(): Promise<void> {
    const current = (await this.readSettings())?.settings;
    const guards = current?.guards ?? [];
    if (!current || guards.length === 0) return;
    await this.run(async (context) => {
      const sheets = guards.map((g) => ({ g, sheet: context.workbook.worksheets.getItemOrNullObject(g.sheet) }));
      await context.sync();
      const ranges = sheets
        .filter(({ sheet }) => !sheet.isNullObject)
        .map(({ g, sheet }) => {
          const range = sheet.getRange(`${columnLetter(g.column)}${g.first}:${columnLetter(g.column)}${g.last}`);
          range.dataValidation.load("prompt");
          return range;
        });
      await context.sync();
      for (const range of ranges) if (range.dataValidation.prompt?.title === GUARD_TITLE) range.dataValidation.clear();
      await context.sync();
    });
    await this.writeSettings({ ...current, guards: [] });
  }

  /** Opens next year's table as a new workbook in Excel (ExcelApi 1.8's createWorkbook). */
  async openWorkbook(bytes: Uint8Array): Promise<void> {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    try {
      await this.createWorkbook(btoa(binary));
    } catch (error) {
      throw toWorkbookError(error);
    }
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
