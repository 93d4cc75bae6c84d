// npm run seed: builds the Kodaira sample from the seed text with the project's own importer.
// Writes seeds/kodaira-r2.xlsx (the progress workbook with its settings sheet) and
// seeds/kodaira-r2.rows.json (the rows as read). Running it twice gives the same cells.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { importReportText } from "../src/core/import/reportText";
import { buildProgressWorkbook } from "../src/xlsx/progressWorkbook";

const seeds = resolve(__dirname, "../seeds");
const report = importReportText(readFileSync(resolve(seeds, "000_42fcd9900b63a6e5.txt"), "utf8"));

async function main(): Promise<void> {
  await buildProgressWorkbook(report.meta, report.rows).xlsx.writeFile(resolve(seeds, "kodaira-r2.xlsx"));
  writeFileSync(resolve(seeds, "kodaira-r2.rows.json"), `${JSON.stringify({ meta: report.meta, rows: report.rows }, null, 2)}\n`);
  const subs = report.rows.filter((r) => r.sub !== undefined).length;
  console.log(`seeds/kodaira-r2.xlsx, seeds/kodaira-r2.rows.json: ${report.rows.length} rows (${report.rows.length - subs} items, ${subs} sub-items)`);
}

void main();
