import { checkGuards, type CellGuard, type SimpleSheet } from "../core/port";
import { columnWidthPoints } from "../core/text/width";
import { columnLetter, rawText } from "../core/workbook/cells";
import { officeCell, type Batch } from "./cells";
import { PAYLOAD_BUDGET_BYTES, utf8Length } from "./limits";
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
