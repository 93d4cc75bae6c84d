// The consistency check of a 10,000-row generated workbook: the core alone, and end to end through
// the xlsx port (open the file, read the table and settings, check), beside exceljs loading the same
// file. Printed for information: the core's share of a check, and the reader's speed against exceljs's.
import { checkTable } from "../src/core/check/check";
import { runCheck } from "../src/core/actions/check";
import { XlsxWorkbookPort } from "../src/xlsx/workbookPort";
import { buildProgressWorkbook } from "../src/xlsx/progressWorkbook";
import { generatedRows, seedMeta } from "./generate";
import { measure, report } from "./harness";

export async function checkBench(): Promise<boolean> {
  const ROWS = 10_000;
  const bytes = new Uint8Array(await buildProgressWorkbook(seedMeta(), generatedRows(ROWS)).xlsx.writeBuffer());
  const port = await XlsxWorkbookPort.load(bytes);
  const read = await port.read();
  const table = read.table;
  const settings = read.settings?.settings;
  if (table.rows.length !== ROWS) throw new Error(`read ${table.rows.length} rows`);

  const core = measure("check, core only (table already read)", ROWS, () => {
    checkTable(table, settings ? { settings } : {});
  }, { rounds: 5, warmup: 1 });

  // End to end, as the CLI does it: open the file, one read of table and settings, check.
  const rounds: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    await runCheck(await XlsxWorkbookPort.load(bytes));
    rounds.push(performance.now() - t0);
  }
  const best = Math.min(...rounds);
  const endToEnd = { name: "check, end to end through the xlsx port", items: ROWS, bestMs: best, perSecond: (ROWS / best) * 1000 };

  // The reference the goal was set against: exceljs loading the same file (the reader then).
  const ExcelJS = (await import("exceljs")).default;
  const loads: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    loads.push(performance.now() - t0);
  }
  const exceljsLoad = { name: "exceljs alone, loading the file (reference)", items: ROWS, bestMs: Math.min(...loads), perSecond: (ROWS / Math.min(...loads)) * 1000 };

  const ok = report(`check: ${ROWS.toLocaleString("en-US")} generated rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB .xlsx)`, [
    { measurement: core },
    { measurement: endToEnd },
    { measurement: exceljsLoad },
  ]);
  // No goal on the core's share: it was set when files were read through exceljs, and beside the faster
  // reader the same core is a larger share of a shorter whole (a slower reader would "meet" it again).
  console.log(`  core / end to end through our reader = ${((core.bestMs / endToEnd.bestMs) * 100).toFixed(1)}%  (for information: the reader is ${(exceljsLoad.bestMs / (endToEnd.bestMs - core.bestMs)).toFixed(1)}× exceljs's speed)`);
  return ok;
}
