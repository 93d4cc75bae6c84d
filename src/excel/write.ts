import { checkGuards, type CellGuard, type SimpleSheet } from "../core/port";
import { columnWidthPoints } from "../core/text/width";
import { columnLetter, rawText } from "../core/workbook/cells";
import { officeCell, type Batch } from "./cells";
import { cellLocked } from "../core/workbook/protection";
import { toWorkbookError } from "./errors";

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

/** Writes a sheet of text cells in one batch (formats "@" before values), links as hyperlinks; a sheet of that name is replaced. */
export function writeSheet(run: Batch, name: string, plan: SimpleSheet): Promise<void> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    context.workbook.protection.load("protected");
    await context.sync();
    if (context.workbook.protection.protected) throw toWorkbookError({ code: "AccessDenied" });
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
  });
}
