import { columnLetter, FORMULA_WITHOUT_RESULT } from "../../workbook/cells";
import { CANONICAL_HEADER, type Field } from "../../workbook/columns";
import { defineRule } from "../types";

/**
 * Formulas whose results the file does not hold (written by a program that does not calculate, such as
 * openpyxl or XlsxWriter): said once for the table, with how to save the results, instead of one
 * finding per cell that reads as empty. The reader marks such cells (FORMULA_WITHOUT_RESULT).
 */
export const formulaResultMissing = defineRule({
  code: "FORMULA_RESULT_MISSING",
  severity: "error",
  title: { ja: "数式の結果が保存されていない", en: "Formula results not saved" },
  why: {
    ja: "Excel 以外のプログラム（Python の openpyxl など）で作ったブックには、数式の計算結果が保存されていないことがあります。結果のないセルは空として読むしかなく、評価などを点検できません。",
    en: "Workbooks made by programs other than Excel (such as Python's openpyxl) may hold formulas without their results. Such cells can only be read as empty, so ratings and values in them cannot be checked.",
  },
  messages: {
    missing: {
      ja: "数式の計算結果が保存されていないセルが {count} 個あります（{fields}の欄、最初は {cell}）。Excel か LibreOffice でブックを開き、再計算してから（Excel では Ctrl+Alt+F9）保存し直すと、結果が読めるようになります。",
      en: "{count} cells hold formulas whose results were not saved ({fields}; the first is {cell}). Open the workbook in Excel or LibreOffice, recalculate (Ctrl+Alt+F9 in Excel) and save it again so that the results can be read.",
    },
  },
  check(context) {
    let count = 0;
    let first: { row: number; column: number } | undefined;
    const fields = new Set<Field>();
    for (const row of context.rows) {
      for (const error of row.errors) {
        if (error.error !== FORMULA_WITHOUT_RESULT) continue;
        count += 1;
        fields.add(error.field);
        first ??= { row: row.sheetRow, column: error.column };
      }
    }
    if (!first) return [];
    const where = `${columnLetter(first.column)}${first.row}`;
    const ja = [...fields].map((f) => CANONICAL_HEADER[f]).join("・");
    const en = [...fields].join(", ");
    return [
      {
        row: first.row,
        column: first.column,
        messageId: "missing" as const,
        data: { count: count.toLocaleString("en-US"), fields: { ja, en }, cell: where },
      },
    ];
  },
});
