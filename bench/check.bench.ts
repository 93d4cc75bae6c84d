// The consistency check of a 10,000-row generated workbook: the core alone, and end to end through
// the xlsx port (open the file, read the table and settings, check). The file I/O should dominate.
import { checkTable } from "../src/core/check/check";
import { runCheck } from "../src/core/check/run";
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
  const share = core.bestMs / endToEnd.bestMs;
  const ok = report(`check: ${ROWS.toLocaleString("en-US")} generated rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB .xlsx)`, [{ measurement: core }, { measurement: endToEnd }]);
  const shareOk = share <= 0.2;
  console.log(`  core / end to end = ${(share * 100).toFixed(1)}%  ${shareOk ? "ok" : "MISSED"} (goal ≤ 20%)`);
  // The goal was set when files were read through exceljs; the bounded reader reads 3–4 times
  // faster, so the same core is now a larger share of a much shorter wait.
  if (!shareOk) console.log("  (the reader got faster, not the core slower: see the 50,000-row comparison below)");
  return ok && shareOk;
}
