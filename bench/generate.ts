import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { importReportText } from "../src/core/import/reportText";
import type { PlanMeta } from "../src/core/workbook/model";
import { tableRow, type TableRow } from "../src/core/workbook/table";

const seed = () => importReportText(readFileSync(resolve(__dirname, "../seeds/000_42fcd9900b63a6e5.txt"), "utf8"));

/**
 * A progress table of `count` items, with the seed's texts cycled and renumbered. `tag` (a city's name,
 * say) goes into every sentence, so that tables generated with different tags share no text, as two
 * cities' tables do not; `ownTitles` gives each item a title of its own (the seed's forty-odd titles
 * repeat otherwise, which a comparison of two years would match in a real table's stead).
 */
export function generatedRows(count: number, { tag = "", ownTitles = false }: { tag?: string; ownTitles?: boolean } = {}): TableRow[] {
  const items = seed().rows.filter((r) => r.sub === undefined);
  return Array.from({ length: count }, (_, i) => {
    const source = items[i % items.length] as TableRow;
    // Texts of a real workbook differ from row to row: each gets a sentence of its own, so nothing is
    // read from a memo that a real workbook would not hit either.
    const mark = `${tag}第${i + 1}号`;
    const own = (text: string) => text.replace(/【No\.\d+の再掲】/, "").replace(/。/g, `（${mark}）。`).replace(/(^|\s)・/g, `$1・${mark} `);
    return tableRow({
      ...source,
      sheetRow: i + 2,
      no: i + 1,
      noWritten: String(i + 1),
      category: `分野${Math.floor(i / 500) + 1}`,
      title: ownTitles ? `${source.title}（${mark}）` : source.title,
      actions: own(source.actions),
      plan: own(source.plan),
      result: own(source.result),
    });
  });
}

export const seedMeta = (): PlanMeta => seed().meta;

/** The meta of the year after the seed's. */
export const nextYearMeta = (): PlanMeta => {
  const meta = seedMeta();
  return { ...meta, ...(meta.fiscalYear === undefined ? {} : { fiscalYear: meta.fiscalYear + 1 }) };
};

const NEXT_RATING: Readonly<Record<string, string>> = { S: "A", A: "B", B: "A" };

/**
 * The next year's table of `rows`, as a city keeps it: most items as they were, every seventh rated
 * one step otherwise, every fifth with a results text of the new year, every hundredth item gone and
 * a few new ones at the end (numbered after the last). The same rows give the same table.
 */
export function nextYearRows(rows: readonly TableRow[]): TableRow[] {
  const kept = rows.filter((_, i) => i % 100 !== 99);
  const last = rows.length;
  const added = rows.slice(0, Math.max(1, Math.floor(rows.length / 200))).map((row, k) => ({ ...row, no: last + k + 1, noWritten: String(last + k + 1), title: `${row.title}（新規）` }));
  return [...kept, ...added].map((row, i) =>
    tableRow({
      ...row,
      sheetRow: i + 2,
      ratingWritten: i % 7 === 3 ? (NEXT_RATING[row.ratingWritten] ?? row.ratingWritten) : row.ratingWritten,
      result: i % 5 === 1 ? `${row.result}\n翌年度も継続して実施した（第${i + 1}号）。` : row.result,
    }),
  );
}
