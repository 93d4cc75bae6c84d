// The command line on a 50,000-row workbook, side by side with exceljs alone loading the same file:
// each in its own process (startup included), alternated, best of five. Goals: the check end to end at
// most 1.25 times the time exceljs needs just to load the file, and a peak memory under 1 GB.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildProgressWorkbook } from "../src/xlsx/progressWorkbook";
import { generatedRows, seedMeta } from "./generate";

const ROWS = 50_000;
const ROUNDS = 5;
const RATIO_GOAL = 1.25;
const MEMORY_GOAL_MB = 1024;

interface Run {
  ms: number;
  maxRssMb: number;
  stderr: string;
}

function timed(args: string[]): Run {
  const started = performance.now();
  const child = spawnSync(process.execPath, ["-r", resolve(__dirname, "maxrss.cjs"), ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const kb = Number(/maxrss-kb (\d+)/.exec(child.stderr)?.[1] ?? 0);
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  return { ms, maxRssMb: kb / 1024, stderr: child.stderr };
}

export async function cli50kBench(): Promise<boolean> {
  const cli = resolve(__dirname, "../dist/cli/plan-progress.js");
  if (!existsSync(cli)) {
    console.log("\ncheck, 50,000 rows: skipped (run npm run build:test first: the benchmark times the built command)");
    return false;
  }
  const dir = mkdtempSync(join(tmpdir(), "plan-progress-bench-"));
  const file = join(dir, `rows${ROWS}.xlsx`);
  writeFileSync(file, new Uint8Array(await buildProgressWorkbook(seedMeta(), generatedRows(ROWS)).xlsx.writeBuffer()));

  const baseline: Run[] = [];
  const check: Run[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    baseline.push(timed([resolve(__dirname, "exceljsLoad.cjs"), file]));
    check.push(timed([resolve(__dirname, "../bin/plan-progress.js"), "check", file]));
  }
  const best = (runs: Run[]) => Math.min(...runs.map((r) => r.ms));
  const ratio = best(check) / best(baseline);
  const peak = Math.max(...check.map((r) => r.maxRssMb));
  const ratioOk = ratio <= RATIO_GOAL;
  const memoryOk = peak < MEMORY_GOAL_MB;
  console.log(`\ncheck, ${ROWS.toLocaleString("en-US")} generated rows through the built command (best of ${ROUNDS}, each in its own process)`);
  console.log(`  exceljs alone, loading the file            ${best(baseline).toFixed(0).padStart(8)} ms`);
  console.log(`  plan-progress check, end to end             ${best(check).toFixed(0).padStart(8)} ms`);
  console.log(`  ratio                                       ${ratio.toFixed(2).padStart(8)}×   ${ratioOk ? "ok" : "MISSED"} (goal ≤ ${RATIO_GOAL}×)`);
  console.log(`  peak memory of the check                    ${peak.toFixed(0).padStart(8)} MB  ${memoryOk ? "ok" : "MISSED"} (goal < ${MEMORY_GOAL_MB} MB)`);
  return ratioOk && memoryOk;
}
