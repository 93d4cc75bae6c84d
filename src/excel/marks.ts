import type { CellMark } from "../core/port";
import { columnLetter } from "../core/workbook/cells";
import { SETTINGS_SHEET } from "../core/workbook/settings";
import { sheetProtected } from "../core/workbook/protection";
import type { Batch } from "./cells";

/** Fill of the cell marks, light enough to keep text readable; the pane says which colour is which. */
const MARK_FILL = { error: "#F9D0D3", warning: "#FFF1B8", info: "#D6E8F9" } as const;
/**
 * The rule of every mark: always true, and recognisable, so that the add-in finds its own marks by
 * their content (a conditional format's id is only its current priority, not a handle).
 */
export const MARK_FORMULA = '=ISTEXT("plan-progress")';
const MARKS_PER_FORMAT = 200;

/** Whether the add-in may change the formats of a sheet: unprotected, or protected with "Format cells" allowed. */
const formattable = (sheet: Excel.Worksheet): boolean => !sheet.protection.protected || sheet.protection.options.allowFormatCells === true;

/**
 * Marks cells with one conditional format per severity (and per 200 cells): an overlay the user
 * removes with one button, leaving every format of their own as it was. Error is added last, so that
 * it takes the top priority where marks overlap.
 */
export function markCells(run: Batch, sheet: string, marks: readonly CellMark[]): Promise<void> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.protection.load("protected,options");
    await context.sync();
    if (!formattable(ws)) throw sheetProtected(sheet, "marks");
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
}

/**
 * Removes the add-in's marks and nothing else: on every sheet (a sheet renamed since is found too), the
 * conditional formats whose rule is MARK_FORMULA. A sheet deleted or formats cleared by the user are no failure.
 */
export function clearMarks(run: Batch): Promise<void> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const collections = worksheets.items
      .filter((s) => s.name !== SETTINGS_SHEET)
      .map((s) => {
        const formats = s.getRange().conditionalFormats;
        formats.load("items/type,items/customOrNullObject/rule/formula");
        s.protection.load("protected,options");
        return { sheet: s, formats };
      });
    await context.sync();
    const ours = collections.map(({ sheet, formats }) => ({
      sheet,
      marks: formats.items.filter((f) => f.type === "Custom" && !f.customOrNullObject.isNullObject && f.customOrNullObject.rule.formula === MARK_FORMULA),
    }));
    // A protected sheet that holds marks is said before any mark is removed: nothing is half done.
    const locked = ours.find(({ sheet, marks }) => marks.length > 0 && !formattable(sheet));
    if (locked) throw sheetProtected(locked.sheet.name, "marks");
    for (const { marks } of ours) for (const mark of marks) mark.delete();
    await context.sync();
  });
}
