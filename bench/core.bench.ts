// Metric extraction and evaluation throughput on the seed's plan and results cells.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { importReportText } from "../src/core/import/reportText";
import { extractMetrics } from "../src/core/metrics/extract";
import { evaluatePair, evaluateTexts } from "../src/core/rating/evaluate";
import { expectedRating } from "../src/core/rating/judgement";
import { pairMetrics } from "../src/core/rating/pairing";
import { measure, report } from "./harness";

const seed = importReportText(readFileSync(resolve(__dirname, "../seeds/000_42fcd9900b63a6e5.txt"), "utf8"));
const cells = seed.rows.flatMap((row) => [row.plan, row.result]);
const REPEAT = 100;

/** Cold: every cell read from scratch (no memo), plus pairing and evaluation. */
const cold = measure("extract + evaluate, cold (no memo)", cells.length * REPEAT, () => {
  for (let i = 0; i < REPEAT; i += 1) {
    for (const row of seed.rows) {
      const pairing = pairMetrics(extractMetrics(row.plan), extractMetrics(row.result));
      expectedRating(pairing.pairs.map((pair) => evaluatePair(pair, { fiscalYear: 2020 })));
    }
  }
});

/** Memoised: what a re-check of the same workbook, or a sheet of PLAN functions, costs. */
const memoised = measure("extract + evaluate, memoised", cells.length * REPEAT, () => {
  for (let i = 0; i < REPEAT; i += 1) {
    for (const row of seed.rows) evaluateTexts(row.plan, row.result, { fiscalYear: 2020 });
  }
});

export const coreOk = report(`core: ${cells.length} seed cells (plan + results of ${seed.rows.length} rows)`, [
  { measurement: cold },
  { measurement: memoised, atLeastPerSecond: 50_000 },
]);
