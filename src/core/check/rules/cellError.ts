import { CANONICAL_HEADER } from "../../workbook/columns";
import { at } from "../helpers";
import type { Rule, RuleFinding } from "../types";

export const cellError: Rule = {
  code: "CELL_ERROR",
  severity: "warning",
  title: { ja: "セルにエラー値", en: "Error value in a cell" },
  why: { ja: "#N/A などのエラー値のあるセルは空として読みました。数式や参照を確かめてください。", en: "Cells holding #N/A or other errors were read as empty. Check their formulas and references." },
  check(context) {
    const out: RuleFinding[] = [];
    for (const row of context.rows) {
      for (const error of row.errors) {
        out.push({
          ...at(context, row),
          column: error.column,
          severity: "warning",
          message: { ja: `${CANONICAL_HEADER[error.field]}の欄に ${error.error} が入っています`, en: `The ${error.field} cell holds ${error.error}` },
        });
      }
    }
    return out;
  },
};
