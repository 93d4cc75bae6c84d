import { CANONICAL_HEADER } from "../../workbook/columns";
import { at } from "../helpers";
import { defineRule, type RuleFinding } from "../types";

export const cellError = defineRule({
  code: "CELL_ERROR",
  severity: "warning",
  title: { ja: "セルにエラー値", en: "Error value in a cell" },
  why: { ja: "#N/A などのエラー値のあるセルは空として読みました。数式や参照を確かめてください。", en: "Cells holding #N/A or other errors were read as empty. Check their formulas and references." },
  messages: {
    error: {
      ja: "{field}の欄に {error} が入っています",
      en: "The {field} cell holds {error}",
    },
  },
  check(context) {
    const out: RuleFinding[] = [];
    for (const row of context.rows) {
      for (const error of row.errors) {
        out.push({
          ...at(context, row),
          column: error.column,
          severity: "warning",
          messageId: "error",
          data: { field: { ja: CANONICAL_HEADER[error.field], en: error.field }, error: error.error },
        });
      }
    }
    return out;
  },
});
