import type { Finding } from "../check/types";
import { WorkbookError, type CellGuard, type WorkbookPort } from "../port";
import { cellAddress, type TableRead } from "../workbook/table";

export interface RatingFix {
  sheet: string;
  /** "F12". */
  cell: string;
  from: string;
  to: string;
}

/**
 * What a quick fix of this finding would write, or why there is none: the suggested rating into the
 * rating cell of the finding's row, as the check read the table.
 */
export function ratingFixOf(table: TableRead, finding: Finding): RatingFix | undefined {
  const { row, column, suggested } = finding;
  if (row === undefined || column === undefined || !suggested || suggested === "-") return undefined;
  const checked = table.rows.find((r) => r.sheetRow === row);
  return { sheet: finding.sheet, cell: cellAddress(column, row), from: checked?.ratingWritten ?? "", to: suggested };
}

/**
 * The quick fix: writes the suggested rating into the finding's cell. The row must still be the one
 * checked: its No. and title are read again before the write (rows inserted since refuse it). The change
 * is recorded in the 「取込履歴」 sheet, as every change the add-in makes to the table.
 */
export async function fixRating(port: WorkbookPort, table: TableRead, finding: Finding): Promise<RatingFix> {
  const fix = ratingFixOf(table, finding);
  if (!fix || finding.row === undefined || finding.column === undefined) {
    throw new WorkbookError("NothingToFix", { ja: "この指摘には直す評価の候補がありません。", en: "This finding suggests no rating to write." });
  }
  const checked = table.rows.find((r) => r.sheetRow === finding.row);
  const guard: CellGuard[] = [];
  if (checked && table.columns.no !== undefined) guard.push({ column: table.columns.no, expected: checked.noWritten });
  if (checked && table.columns.title !== undefined) guard.push({ column: table.columns.title, expected: checked.title });
  await port.writeCell(finding.sheet, finding.column, finding.row, fix.to, guard);
  // The history's code is loaded with the first fix (the pane's start-up scripts stay small).
  const { recordHistory } = await import("./history");
  await recordHistory(port, [
    {
      at: new Date().toISOString(),
      action: "fix",
      merge: "",
      department: checked?.department ?? finding.department ?? "",
      file: "",
      item: finding.item ?? "",
      column: table.headers.rating ?? "",
      cell: fix.cell,
      before: fix.from,
      after: fix.to,
    },
  ]);
  // Writing the history shows its sheet (Excel activates a sheet it writes): back to the cell fixed.
  await port.selectCell(finding.sheet, finding.column, finding.row);
  return fix;
}
