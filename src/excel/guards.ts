import { columnLetter } from "../core/workbook/cells";
import { GUARD_TITLE, type EntryGuard, type GuardRange } from "../core/workbook/guard";
import { sheetProtected } from "../core/workbook/protection";
import type { Batch } from "./cells";

const address = (g: GuardRange) => `${columnLetter(g.column)}${g.first}:${columnLetter(g.column)}${g.last}`;

/**
 * Entry guards: the rating drop-down and the input messages, as data validation. A column that already
 * has a rule is a rule of the user's (the add-in's own were removed first): it is skipped and returned.
 */
export function setGuards(run: Batch, guard: EntryGuard): Promise<{ set: GuardRange[]; skipped: GuardRange[] }> {
  return run(async (context) => {
    const set: GuardRange[] = [];
    const skipped: GuardRange[] = [];
    const targets = guard.ranges.map((g) => {
      const sheet = context.workbook.worksheets.getItem(g.sheet);
      sheet.protection.load("protected");
      const range = sheet.getRange(address(g));
      range.dataValidation.load("type");
      return { g, sheet, range };
    });
    await context.sync();
    // Data validation cannot be changed on a protected sheet, even on unlocked cells: said before anything is set.
    const locked = targets.find(({ sheet }) => sheet.protection.protected);
    if (locked) throw sheetProtected(locked.g.sheet, "guards");
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
    return { set, skipped };
  });
}

/** Removes these entry guards where they are still the add-in's (by their title); a sheet deleted since is no failure. */
export function clearGuards(run: Batch, guards: readonly GuardRange[]): Promise<void> {
  return run(async (context) => {
    const sheets = guards.map((g) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(g.sheet);
      sheet.protection.load("protected");
      return { g, sheet };
    });
    await context.sync();
    const locked = sheets.find(({ sheet }) => !sheet.isNullObject && sheet.protection.protected);
    if (locked) throw sheetProtected(locked.g.sheet, "guards");
    const ranges = sheets
      .filter(({ sheet }) => !sheet.isNullObject)
      .map(({ g, sheet }) => {
        const range = sheet.getRange(address(g));
        range.dataValidation.load("prompt");
        return range;
      });
    await context.sync();
    for (const range of ranges) if (range.dataValidation.prompt?.title === GUARD_TITLE) range.dataValidation.clear();
    await context.sync();
  });
}
