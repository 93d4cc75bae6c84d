import { problemsOf } from "../helpers";
import { defineRule } from "../types";

export const blankRow = defineRule({
  code: "BLANK_ROW",
  severity: "warning",
  title: { ja: "表の途中の空行", en: "Empty row inside the table" },
  why: { ja: "表の途中の空行は、ほかのツールで表がそこで終わったと読まれるおそれがあります。", en: "Other tools may take an empty row for the end of the table." },
  messages: {
    one: {
      ja: "{row}行目が空行です",
      en: "Row {row} is empty",
    },
    run: {
      ja: "{first}〜{last}行目（{rows}行）が空行です",
      en: "Rows {first}–{last} ({rows} rows) are empty",
    },
  },
  check(context) {
    return problemsOf(context, "BLANK_ROW").map((problem) => {
      const last = problem.sheetRow + (problem.rows ?? 1) - 1;
      return {
        row: problem.sheetRow,
        ...(last === problem.sheetRow
          ? { messageId: "one" as const, data: { row: problem.sheetRow } }
          : { messageId: "run" as const, data: { first: problem.sheetRow, last, rows: problem.rows ?? 1 } }),
      };
    });
  },
});
