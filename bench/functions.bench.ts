// 10,000 PLAN.CHECK evaluations over the sample's rows, as a sheet of =PLAN.CHECK(...) recalculating.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XlsxWorkbookPort } from "../src/xlsx/workbookPort";
import { measure, report } from "./harness";

export async function functionsBench(): Promise<boolean> {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  const { check } = await import("../src/functions/functions");
  const port = await XlsxWorkbookPort.load(readFileSync(resolve(__dirname, "../seeds/kodaira-r2.xlsx")));
  const rows = ((await port.read()).table).rows;
  const CALLS = 10_000;
  const result = measure("PLAN.CHECK × 10,000 (sample rows, parsing memoised)", CALLS, () => {
    for (let i = 0; i < CALLS; i += 1) {
      const row = rows[i % rows.length];
      if (row) check(row.rating, row.plan, row.result);
    }
  });
  return report("custom functions", [{ measurement: result, atMostMs: 200 }]);
}
