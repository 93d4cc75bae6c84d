import { checkGuards, checkRowGuards, typedAsOtherThanText, type CellGuard, type CellWrite, type RowGuard, type SimpleSheet } from "../core/port";
import { columnWidthPoints } from "../core/text/width";
import { columnLetter, rawText, type RawCell } from "../core/workbook/cells";
import { officeCell, toRows, type Batch } from "./cells";
import { PAYLOAD_BUDGET_BYTES, utf8Length } from "./limits";
import { cellLocked } from "../core/workbook/protection";
import { excelErrorCode, toWorkbookError } from "./errors";

/**
 * The quick fix: one value into one cell, its format left as the user made it. The guard cells (the
 * row's No. and title) are read first: when rows were inserted or deleted since the check, the row is
 * not the same one and nothing is written. On a protected sheet the cell is written when it is unlocked
 * (Excel protects locked cells only); a locked one is refused, naming the cell, before anything is tried.
 */
export function writeCell(run: Batch, sheet: string, column: number, sheetRow: number, text: string, guard: readonly CellGuard[] = []): Promise<void> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.protection.load("protected");
    const address = `${columnLetter(column)}${sheetRow}`;
    const target = ws.getRange(address);
    target.format.protection.load("locked");
    const guarded = guard.map((g) => {
      const range = ws.getRange(`${columnLetter(g.column)}${sheetRow}`);
      range.load("values,valueTypes");
      return { guard: g, range };
    });
    await context.sync();
    if (ws.protection.protected && target.format.protection.locked !== false) throw cellLocked(sheet, address);
    const texts = new Map(guarded.map(({ guard: g, range }) => [g.column, rawText(officeCell(range.values[0]?.[0], range.valueTypes[0]?.[0]))]));
    checkGuards(sheetRow, guard, (c) => texts.get(c) ?? "");
    target.values = [[text]];
    await context.sync();
  });
}

/** Bytes one row of a sheet of the add-in takes in a request: its texts, their "@" formats, its link. */
function rowBytes(values: readonly string[], link: boolean): number {
  let bytes = 0;
  for (const value of values) bytes += utf8Length(value) + 12;
  return bytes + (link ? 300 : 0);
}

/**
 * Writes a sheet of text cells (formats "@" before values), links as hyperlinks, a sheet of that name
 * replaced. Built under a temporary name no sheet has, in row chunks that keep each request under
 * PAYLOAD_BUDGET_BYTES (values, formats and links all count on the web), and named when complete: a
 * failure deletes the half-written sheet and leaves an earlier one as it was.
 */
export function writeSheet(run: Batch, name: string, plan: SimpleSheet): Promise<void> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    context.workbook.protection.load("protected");
    await context.sync();
    if (context.workbook.protection.protected) throw toWorkbookError({ code: "AccessDenied" });
    const existing = worksheets.items.map((s) => s.name.toLowerCase());
    let temp = `~${name}作成中`.slice(0, 28);
    for (let n = 2; existing.includes(temp.toLowerCase()); n += 1) temp = `~${name}作成中${n}`.slice(0, 31);
    const sheet = worksheets.add(temp);
    const width = plan.columns.length;
    const write = (first: number, rows: readonly string[][]) => {
      const range = sheet.getRangeByIndexes(first, 0, rows.length, width);
      range.numberFormat = rows.map((row) => row.map(() => "@"));
      range.values = rows as string[][];
    };
    try {
      write(0, [[plan.title, ...Array<string>(width - 1).fill("")], plan.columns.map((c) => c.header)]);
      sheet.getRangeByIndexes(0, 0, 2, width).format.font.bold = true;
      plan.columns.forEach((c, i) => {
        sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnWidthPoints(c.width);
      });
      let start = 0;
      while (start < plan.rows.length) {
        let bytes = 0;
        let end = start;
        while (end < plan.rows.length && (end === start || bytes + rowBytes(plan.rows[end]?.values ?? [], Boolean(plan.rows[end]?.link)) <= PAYLOAD_BUDGET_BYTES)) {
          bytes += rowBytes(plan.rows[end]?.values ?? [], Boolean(plan.rows[end]?.link));
          end += 1;
        }
        const chunk = plan.rows.slice(start, end);
        write(start + 2, chunk.map((r) => r.values));
        chunk.forEach((row, i) => {
          if (!row.link) return;
          sheet.getRangeByIndexes(start + 2 + i, row.link.column, 1, 1).hyperlink = {
            // A sheet name is quoted, its apostrophes doubled: 'O''Brien'!A1.
            documentReference: `'${row.link.sheet.replace(/'/g, "''")}'!${row.link.address}`,
            textToDisplay: row.values[row.link.column] ?? row.link.address,
          };
        });
        await context.sync();
        start = end;
      }
      worksheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase())?.delete();
      sheet.name = name;
      sheet.activate();
      await context.sync();
    } catch (error) {
      // The half-written sheet goes; a sheet of the add-in's from before stays as it was.
      sheet.delete();
      await context.sync().catch(() => undefined);
      throw error;
    }
  });
}

/** Bytes one cell write takes in a request: its text, the range's address, a text format when needed. */
const CELL_WRITE_BYTES = 160;

/**
 * Several text cells of one sheet (a merge, its undoing). One request reads the guard cells and whether
 * the sheet is protected; nothing is written when a guard fails, or (on a protected sheet) when a cell
 * to write is locked. Then the values, in requests under PAYLOAD_BUDGET_BYTES: a text Excel would read
 * as something else (a formula, a number, a date) gets the text format first, as a person would format
 * the cell as Text; other cells keep their formats.
 */
export function writeCells(run: Batch, sheet: string, cells: readonly CellWrite[], guards: readonly RowGuard[] = []): Promise<void> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.protection.load("protected");
    const guarded = guards.map((g) => {
      const range = ws.getRange(`${columnLetter(g.column)}${g.sheetRow}`);
      range.load("values,valueTypes");
      return { guard: g, range };
    });
    await context.sync();
    const texts = new Map(guarded.map(({ guard: g, range }) => [`${g.column}:${g.sheetRow}`, rawText(officeCell(range.values[0]?.[0], range.valueTypes[0]?.[0]))]));
    checkRowGuards(guards, (column, sheetRow) => texts.get(`${column}:${sheetRow}`) ?? "");
    if (ws.protection.protected) {
      const targets = cells.map((c) => {
        const range = ws.getRange(`${columnLetter(c.column)}${c.sheetRow}`);
        range.format.protection.load("locked");
        return { cell: c, range };
      });
      await context.sync();
      const locked = targets.find((t) => t.range.format.protection.locked !== false);
      if (locked) throw cellLocked(sheet, `${columnLetter(locked.cell.column)}${locked.cell.sheetRow}`);
    }
    let bytes = 0;
    for (const c of cells) {
      const range = ws.getRange(`${columnLetter(c.column)}${c.sheetRow}`);
      if (typedAsOtherThanText(c.text)) range.numberFormat = [["@"]];
      range.values = [[c.text]];
      bytes += utf8Length(c.text) + CELL_WRITE_BYTES;
      if (bytes >= PAYLOAD_BUDGET_BYTES) {
        await context.sync();
        bytes = 0;
      }
    }
    await context.sync();
  });
}

/** Rows of a sheet read in one request at first; halved when Excel on the web says the response is too large. */
const READ_CHUNK_ROWS = 2000;

/** The cells of one sheet from A1 (its used range, values only), or undefined when there is no such sheet. */
export function readSheet(run: Batch, name: string): Promise<RawCell[][] | undefined> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (ws.isNullObject) return undefined;
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    if (used.isNullObject) return [];
    const rows = used.rowIndex + used.rowCount;
    const columns = used.columnIndex + used.columnCount;
    const result: RawCell[][] = [];
    let perChunk = READ_CHUNK_ROWS;
    for (let start = 0; start < rows; ) {
      const count = Math.min(perChunk, rows - start);
      const range = ws.getRangeByIndexes(start, 0, count, columns);
      range.load("values,valueTypes");
      try {
        await context.sync();
      } catch (error) {
        const code = excelErrorCode(error);
        if ((code !== "ResponsePayloadSizeLimitExceeded" && code !== "RequestPayloadSizeLimitExceeded") || count === 1) throw error;
        perChunk = Math.max(1, Math.floor(count / 2));
        continue;
      }
      result.push(...toRows(range.values, range.valueTypes));
      start += count;
    }
    return result;
  });
}
