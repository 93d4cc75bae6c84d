import type { WorkbookRead } from "../core/port";
import type { RawCell, SheetGrid } from "../core/workbook/cells";
import { MAX_TABLE_ROWS, tableTooLong } from "../core/workbook/limits";
import { SETTINGS_SHEET, settingsFromRows } from "../core/workbook/settings";
import { HEADER_SEARCH_ROWS, chooseTableSheet, readTable, type ReadOptions, type SheetCandidate } from "../core/workbook/table";
import { toRows, type Batch } from "./cells";
import { excelErrorCode } from "./errors";
import { PAYLOAD_BUDGET_BYTES, utf8Length } from "./limits";

/** Columns read when looking for the header row: A to AD. */
const PROBE_COLUMNS = 30;
/** Rows in a worksheet. */
const EXCEL_ROWS = 1_048_576;

/** The first rows and the used range of a sheet, queued for the next sync. */
interface Probe {
  range: Excel.Range;
  used: Excel.Range;
}

function probe(sheet: Excel.Worksheet): Probe {
  const range = sheet.getRangeByIndexes(0, 0, HEADER_SEARCH_ROWS, PROBE_COLUMNS);
  range.load("values,valueTypes,numberFormat");
  return { range, used: usedPart(sheet) };
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

function extentOf(used: Excel.Range): Extent {
  if (used.isNullObject) return { rows: 0, columns: 0 };
  return { rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
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

function lastFilled(row: RawCell[]): number {
  for (let c = row.length - 1; c >= 0; c -= 1) if (row[c] !== null && row[c] !== "") return c;
  return -1;
}

/**
 * Reads the table and the settings. Sync 1: sheet names and visibility, Excel Tables, the settings
 * sheet, the date system, and the first HEADER_SEARCH_ROWS (40) rows and used range of the first visible sheet (or the chosen
 * one). The sheet is chosen by the core's rule (chooseTableSheet), which asks for the first rows of the
 * other sheets only when the first does not decide it (one more sync). Then the rest of the table, in
 * row chunks of at most PAYLOAD_BUDGET_BYTES each (one sync per chunk beyond the first).
 */
export function readWorkbook(run: Batch, options: ReadOptions = {}): Promise<WorkbookRead> {
  return run(async (context) => {
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
    firstSheet.load("name");
    const first = probe(firstSheet);
    await context.sync();

    const date1904 = dateSystem.value < 36000;
    const rowsOf = (range: Excel.Range) => toRows(range.values, range.valueTypes, range.numberFormat, date1904);
    const settings = settingsRange.isNullObject ? undefined : settingsFromRows(toRows(settingsRange.values, settingsRange.valueTypes));
    const mapping = options.mapping ?? settings?.settings.mapping;
    const tableSheets = new Set(tables.items.map((t) => t.worksheet.name));
    const candidates: SheetCandidate[] = worksheets.items
      .filter((s) => s.name !== SETTINGS_SHEET)
      .map((s) => ({ name: s.name, hidden: s.visibility !== "Visible", hasTable: tableSheets.has(s.name) }));
    const extents = new Map<string, Extent>();
    const known = (name: string, rows: RawCell[][], extent: Extent) => {
      const candidate = candidates.find((c) => c.name === name);
      if (candidate) candidate.rows = rows;
      extents.set(name, extent);
    };
    if (!firstSheet.isNullObject) known(firstSheet.name, rowsOf(first.range), extentOf(first.used));

    const ruleOptions = { ...options, ...(mapping ? { mapping } : {}) };
    let choice = chooseTableSheet(candidates, ruleOptions);
    if ("needRows" in choice) {
      const probes = choice.needRows.map((name) => ({ name, probe: probe(worksheets.getItem(name)) }));
      await context.sync();
      for (const p of probes) known(p.name, rowsOf(p.probe.range), extentOf(p.probe.used));
      choice = chooseTableSheet(candidates, ruleOptions);
    }
    const chosen = "sheet" in choice ? choice.sheet : undefined;
    const candidate = candidates.find((c) => c.name === chosen);
    if (chosen && candidate && !candidate.rows) {
      // A sheet named by the user or holding an Excel Table, not read yet.
      const p = probe(worksheets.getItem(chosen));
      await context.sync();
      known(chosen, rowsOf(p.range), extentOf(p.used));
    }

    const grids: SheetGrid[] = [];
    let changed = false;
    const probed = candidate?.rows;
    const extent = chosen ? extents.get(chosen) : undefined;
    if (chosen && candidate && probed && extent) {
      if (extent.rows > MAX_TABLE_ROWS) throw tableTooLong(chosen, extent.rows);
      const columns = Math.max(extent.columns, ...probed.map((r) => lastFilled(r as RawCell[]) + 1));
      const rows = probed.slice(0, Math.min(HEADER_SEARCH_ROWS, extent.rows)).map((r) => r.slice(0, columns));
      if (extent.rows > HEADER_SEARCH_ROWS && columns > 0) {
        let perChunk = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / bytesPerRow(rows, columns)));
        const sheet = worksheets.getItem(chosen);
        for (let start = HEADER_SEARCH_ROWS; start < extent.rows; ) {
          const count = Math.min(perChunk, extent.rows - start);
          const range = sheet.getRangeByIndexes(start, 0, count, columns);
          range.load("values,valueTypes,numberFormat");
          // With the last chunk, the extent again: rows inserted or deleted since the first request
          // (a user editing while the check runs) change it, and the rows read may overlap or miss some.
          const again = start + count >= extent.rows ? usedPart(sheet) : undefined;
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
          if (again) changed = extentOf(again).rows !== extent.rows;
        }
      }
      grids.push({ name: chosen, rows, hidden: candidate.hidden === true });
    }
    const scale = settings?.settings.profile.scale;
    const fiscalYear = settings?.settings.meta.fiscalYear;
    // The year saved in the settings picks a year grid's columns; an option given for this read wins.
    const table = readTable(grids, { ...(fiscalYear === undefined ? {} : { fiscalYear }), ...ruleOptions, ...(chosen ? { sheet: chosen } : {}), ...(scale ? { scale } : {}) });
    return { table, ...(settings ? { settings } : {}), ...(changed ? { changedWhileReading: true } : {}) };
  });
}
