import { columnLetter } from "../workbook/cells";
import type { PlanCell, StyleName } from "./plan";

/**
 * The cells of each style as a few rectangles ("E20:G10019"): a writer formats each style with one
 * operation on a multi-area range, however many rows the report has.
 */
export function styleAreas(cells: readonly PlanCell[]): Map<StyleName, string[]> {
  const byStyle = new Map<StyleName, Map<number, number[]>>();
  for (const cell of cells) {
    const columns = byStyle.get(cell.style) ?? new Map<number, number[]>();
    byStyle.set(cell.style, columns);
    const rows = columns.get(cell.column) ?? [];
    rows.push(cell.row);
    columns.set(cell.column, rows);
  }
  const out = new Map<StyleName, string[]>();
  for (const [style, columns] of byStyle) {
    // Vertical runs per column, then runs equal in adjacent columns joined into rectangles.
    const runs: { top: number; bottom: number; left: number; right: number }[] = [];
    for (const [column, rows] of [...columns.entries()].sort((a, b) => a[0] - b[0])) {
      const sorted = [...new Set(rows)].sort((a, b) => a - b);
      let start = sorted[0] as number;
      for (let i = 1; i <= sorted.length; i += 1) {
        const row = sorted[i];
        if (row !== undefined && row === (sorted[i - 1] as number) + 1) continue;
        const top = start;
        const bottom = sorted[i - 1] as number;
        const joined = runs.find((r) => r.top === top && r.bottom === bottom && r.right === column - 1);
        if (joined) joined.right = column;
        else runs.push({ top, bottom, left: column, right: column });
        if (row !== undefined) start = row;
      }
    }
    out.set(
      style,
      runs.map((r) => {
        const a = `${columnLetter(r.left)}${r.top + 1}`;
        const b = `${columnLetter(r.right)}${r.bottom + 1}`;
        return a === b ? a : `${a}:${b}`;
      }),
    );
  }
  return out;
}
