import { columnPoints } from "../core/report/layout";
import type { SheetPlan } from "../core/report/plan";
import { styleAreas } from "../core/report/ranges";
import { BORDER_COLOR, REPORT_FONT, STYLES } from "../core/report/style";
import { columnLetter } from "../core/workbook/cells";
import { toWorkbookError } from "./errors";
import { PAYLOAD_BUDGET_BYTES, utf8Length as utf8 } from "./limits";

/** Office.js names of the plan's alignments. */
const HORIZONTAL = { left: "Left", center: "Center" } as const;
const VERTICAL = { top: "Top", middle: "Center" } as const;

/**
 * Writes the report through Office.js: values with their "@" formats first, in row chunks under the
 * request limit; then each style once on its grouped ranges; rating fills as conditional formats;
 * merges, widths (in points, as the plan sized them: they fill the printed page), page breaks, print
 * setup and the plan's chart. Calculation is suspended for each sync of the write
 * (suspendApiCalculationUntilNextSync: nothing to restore if a sync fails) and screen updating once.
 * The sheet is built under a temporary name no sheet has, and renamed only when complete: a failure
 * deletes it and leaves no half-written report; an earlier report is replaced only if the add-in made it.
 */
export async function writeReportSheet(context: Excel.RequestContext, plan: SheetPlan, nameFor: (existing: string[]) => string): Promise<string> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  context.workbook.protection.load("protected");
  await context.sync();
  if (context.workbook.protection.protected) throw toWorkbookError({ code: "AccessDenied" });
  const existing = worksheets.items.map((s) => s.name);
  const target = nameFor(existing);
  // A temporary name that no sheet has: a user's sheet is never taken for the add-in's.
  let temp = `~${plan.name}作成中`.slice(0, 28);
  for (let n = 2; existing.some((name) => name.toLowerCase() === temp.toLowerCase()); n += 1) temp = `~${plan.name}作成中${n}`.slice(0, 31);
  const application = context.workbook.application;
  const sync = async () => {
    application.suspendApiCalculationUntilNextSync();
    await context.sync();
  };
  application.suspendScreenUpdatingUntilNextSync();
  const sheet = worksheets.add(temp);
  try {
    const width = plan.columns.length;
    const height = plan.rowHeights.length;
    const values: (string | number)[][] = Array.from({ length: height }, () => Array<string | number>(width).fill(""));
    const formats: string[][] = Array.from({ length: height }, () => Array<string>(width).fill("@"));
    for (const cell of plan.cells) {
      (values[cell.row] as (string | number)[])[cell.column] = cell.value;
      if (typeof cell.value === "number") (formats[cell.row] as string[])[cell.column] = "General";
    }
    // Values in row chunks: "@" before the values in the same batch keeps "4-1" and "=x" text.
    let start = 0;
    let bytes = 0;
    for (let row = 0; row <= height; row += 1) {
      const rowBytes = row < height ? (values[row] as (string | number)[]).reduce<number>((sum, v) => sum + 8 + utf8(String(v)), 0) * 2 : 0;
      if (row === height || (bytes + rowBytes > PAYLOAD_BUDGET_BYTES && row > start)) {
        const range = sheet.getRangeByIndexes(start, 0, row - start, width);
        range.numberFormat = formats.slice(start, row);
        range.values = values.slice(start, row);
        if (row < height) await sync();
        start = row;
        bytes = 0;
      }
      bytes += rowBytes;
    }

    // Each style of the plan (src/core/report/style.ts) once, on its cells grouped into rectangles.
    for (const [style, areas] of styleAreas(plan.cells)) {
      const s = STYLES[style];
      const format = sheet.getRanges(areas.join(", ")).format;
      format.font.name = REPORT_FONT;
      format.font.size = s.size;
      if (s.bold) format.font.bold = true;
      if (s.horizontal) format.horizontalAlignment = HORIZONTAL[s.horizontal];
      format.verticalAlignment = VERTICAL[s.vertical];
      if (s.wrap) format.wrapText = true;
      if (s.indent) format.indentLevel = s.indent;
      if (s.fill) format.fill.color = s.fill;
      // Stacked characters (縦書き) are 180; 90 would only rotate the text.
      if (s.stacked) format.textOrientation = 180;
      if (s.border) {
        for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
          const border = format.borders.getItem(edge);
          border.style = "Continuous";
          border.color = BORDER_COLOR;
        }
      }
    }
    const ratings = styleAreas(plan.cells.filter((c) => c.style === "rating")).get("rating") ?? [];
    if (ratings.length > 0) {
      // Ratings are filled by conditional formats on the column, so a later edit of a rating recolours it.
      for (const { symbol: rating, fill: color } of plan.ratingFills) {
        const rule = sheet.getRanges(ratings.join(", ")).conditionalFormats.add("CellValue");
        rule.cellValue.format.fill.color = color;
        rule.cellValue.rule = { formula1: `="${rating}"`, operator: "EqualTo" };
      }
    }
    for (const m of plan.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      sheet.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
    }
    plan.columns.forEach((c, i) => {
      sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnPoints(c.width, plan.print.unitPixels);
    });
    // Rows above the table have their planned heights; the table's rows are fitted by Excel itself, but
    // for the rows that make room for a 分野 label (autofit does not see merged cells), set by height.
    plan.rowHeights.slice(0, plan.table.top).forEach((h, r) => {
      sheet.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = h;
    });
    if (plan.table.bottom >= plan.table.top) {
      sheet.getRangeByIndexes(plan.table.top, 0, plan.table.bottom - plan.table.top + 1, width).format.autofitRows();
    }
    const kept = new Map<number, string[]>();
    for (const row of plan.keepHeights) {
      const h = plan.rowHeights[row] ?? 0;
      kept.set(h, [...(kept.get(h) ?? []), `A${row + 1}`]);
    }
    for (const [h, rows] of kept) sheet.getRanges(rows.join(", ")).format.rowHeight = h;
    for (const row of plan.pageBreaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
    const layout = sheet.pageLayout;
    layout.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = plan.print.paper === "A3" ? "A3" : "A4";
    layout.zoom = { scale: plan.print.scale };
    layout.centerHorizontally = true;
    layout.leftMargin = plan.print.margins.left * 72;
    layout.rightMargin = plan.print.margins.right * 72;
    layout.topMargin = plan.print.margins.top * 72;
    layout.bottomMargin = plan.print.margins.bottom * 72;
    layout.setPrintTitleRows(`$${plan.print.titleRows[0] + 1}:$${plan.print.titleRows[1] + 1}`);
    layout.headersFooters.defaultForAllPages.centerFooter = plan.print.footer.replace("{page}", "&P");
    const planned = plan.chart;
    if (planned) {
      // The header row, the label column and one column per symbol: a range Excel draws by columns.
      const lastColumn = Math.max(...planned.series.map((s) => s.column));
      const address = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;
      const data = sheet.getRange(`${address(planned.headerRow, planned.categories.column)}:${address(planned.categories.rows[1], lastColumn)}`);
      const chart = sheet.charts.add("BarStacked", data, "Columns");
      chart.title.text = planned.title;
      chart.setPosition(address(planned.from.row, planned.from.column), address(planned.to.row, planned.to.column));
      planned.series.forEach((s, i) => chart.series.getItemAt(i).format.fill.setSolidColor(s.fill));
      // The first 分野 at the top, as in the summary, and the counts' axis still below the bars.
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.axes.categoryAxis.position = "Maximum";
    }
    layout.setPrintArea(`A1:${columnLetter(width - 1)}${height}`);
    await sync();

    // Complete: replace the add-in's earlier report, then give this one its name.
    if (existing.some((name) => name.toLowerCase() === target.toLowerCase())) worksheets.getItem(target).delete();
    sheet.name = target;
    sheet.activate();
    await sync();
    return target;
  } catch (error) {
    // Commands before the failing one stayed applied: remove the half-written sheet, whatever state
    // it is in, without hiding the first error behind a second one.
    try {
      const half = worksheets.getItemOrNullObject(temp);
      half.load("name");
      await context.sync();
      if (!half.isNullObject) {
        half.delete();
        await context.sync();
      }
    } catch {
      // The original error is the one to report.
    }
    throw error;
  }
}
