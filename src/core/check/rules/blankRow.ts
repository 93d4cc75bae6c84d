import { problemsOf } from "../helpers";
import type { Rule } from "../types";

export const blankRow: Rule = {
  code: "BLANK_ROW",
  severity: "warning",
  title: { ja: "表の途中の空行", en: "Empty row inside the table" },
  why: { ja: "表の途中の空行は、ほかのツールで表がそこで終わったと読まれるおそれがあります。", en: "Other tools may take an empty row for the end of the table." },
  check(context) {
    return problemsOf(context, "BLANK_ROW").map((problem) => {
      const last = problem.sheetRow + (problem.rows ?? 1) - 1;
      return {
        row: problem.sheetRow,
        message:
          last === problem.sheetRow
            ? { ja: `${problem.sheetRow}行目が空行です`, en: `Row ${problem.sheetRow} is empty` }
            : { ja: `${problem.sheetRow}〜${last}行目（${problem.rows}行）が空行です`, en: `Rows ${problem.sheetRow}–${last} (${problem.rows} rows) are empty` },
      };
    });
  },
};
