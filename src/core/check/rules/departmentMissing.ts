import { hasSubItems, isBlank, isRepost, rowFinding } from "../helpers";
import { defineRule } from "../types";

export const departmentMissing = defineRule({
  code: "DEPARTMENT_MISSING",
  severity: "warning",
  title: { ja: "担当課がない", en: "Department missing" },
  why: { ja: "担当課のない項目は、問い合わせ先も責任の所在もわかりません（枝番のある親項目は空欄でかまいません）。", en: "An item without a department has no one to ask and no one responsible (a parent of sub-items may have none)." },
  messages: {
    empty: {
      ja: "主な推進担当課が空欄です",
      en: "The department cell is empty",
    },
  },
  check(context) {
    // A workbook without a department column is not asked for one.
    if (context.column("department") === undefined) return [];
    return context.rows
      .filter((row) => row.item && isBlank(row.department) && !hasSubItems(context, row) && !isRepost(row))
      .map((row) => rowFinding(context, row, "department", { severity: "warning", messageId: "empty" }));
  },
});
