import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { importReportText } from "../src/core/import/reportText";
import { tableRow, type TableRow } from "../src/core/workbook/table";

/** A progress table of `count` items, with the seed's texts cycled and renumbered. */
export function generatedRows(count: number): TableRow[] {
  const seed = importReportText(readFileSync(resolve(__dirname, "../seeds/000_42fcd9900b63a6e5.txt"), "utf8"));
  const items = seed.rows.filter((r) => r.sub === undefined);
  return Array.from({ length: count }, (_, i) => {
    const source = items[i % items.length] as TableRow;
    // Texts of a real workbook differ from row to row: each gets a sentence of its own, so nothing is
    // read from a memo that a real workbook would not hit either.
    const own = (text: string) =>
      text.replace(/【No\.\d+の再掲】/, "").replace(/。/g, `（第${i + 1}号）。`).replace(/(^|\s)・/g, `$1・第${i + 1}号 `);
    return tableRow({
      ...source,
      sheetRow: i + 2,
      no: i + 1,
      noWritten: String(i + 1),
      category: `分野${Math.floor(i / 500) + 1}`,
      actions: own(source.actions),
      plan: own(source.plan),
      result: own(source.result),
    });
  });
}

export const seedMeta = () => importReportText(readFileSync(resolve(__dirname, "../seeds/000_42fcd9900b63a6e5.txt"), "utf8")).meta;
