import { columnLetter } from "../../workbook/cells";
import { problemsOf } from "../helpers";
import { defineRule } from "../types";

export const numberInvalid = defineRule({
  code: "NUMBER_INVALID",
  severity: "error",
  title: { ja: "番号を読み取れない", en: "Number cannot be read" },
  why: { ja: "No. や枝番が数字でないと、その行がどの項目かわかりません。「12」「No.12」「4-1」のように書いてください。", en: "Without a readable No. or sub No. the row belongs to no item. Write 12, No.12 or 4-1." },
  messages: {
    unreadable: {
      ja: "{cell} の「{text}」を番号として読めません",
      en: "\"{text}\" in {cell} is not a number",
    },
  },
  check(context) {
    return problemsOf(context, "NUMBER_UNREADABLE").map((problem) => ({
      row: problem.sheetRow,
      column: problem.column,
      messageId: "unreadable" as const,
      data: { cell: `${columnLetter(problem.column)}${problem.sheetRow}`, text: problem.text },
    }));
  },
});
