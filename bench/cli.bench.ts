// The command line as a user runs it: the built command (npm run build:test), each run in a process of
// its own (start-up included), side by side with its anchors, alternated, best of several rounds.
// Goals:
//  1. check of 50,000 generated rows at most 0.75× exceljs loading the same file (bench/exceljsLoad.cjs),
//     and at most 8× the floor (bench/inflateFloor.cjs: inflate the sheet XML, count its <c tags);
//     its peak memory under 1 GB;
//  2. diff of those 50,000 rows with their next year at most 1.0× the check of the same file;
//  3. check of the sample (seeds/kodaira-r2.xlsx, 43 items) at most 1.8× a bare `node -e 0`;
//  4. one call over 400 municipality-sized files (50–100 rows, --json-lines): at least 150 files/s, and a
//     peak memory at most 1.25× that of the same call over 100 of them (nothing grows with the files).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildProgressWorkbook } from "../src/xlsx/progressWorkbook";
import { generatedRows, nextYearMeta, nextYearRows, seedMeta } from "./generate";

const ROWS = 50_000;
const CITIES = 400;
const FEWER_CITIES = 100;
const GOALS = { exceljsRatio: 0.75, floorRatio: 8, memoryMb: 1024, diffRatio: 1.0, sampleRatio: 1.8, filesPerSecond: 150, memoryGrowth: 1.25 };
const ROUNDS = { large: 5, sample: 20, cities: 3 };

const CLI = resolve(__dirname, "../bin/plan-progress.js");
const SAMPLE = resolve(__dirname, "../seeds/kodaira-r2.xlsx");

interface Run {
  ms: number;
  maxRssMb: number;
  stdout: string;
}

/** One process: node with the peak-memory hook, then `args`. Exit codes 0 and 1 (findings) are runs. */
function timed(args: string[]): Run {
  const started = performance.now();
  const child = spawnSync(process.execPath, ["-r", resolve(__dirname, "maxrss.cjs"), ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(" ").slice(0, 200)} exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
  const kb = Number(/maxrss-kb (\d+)/.exec(child.stderr)?.[1] ?? 0);
  return { ms, maxRssMb: kb / 1024, stdout: child.stdout };
}

/** Each command once a round, in turn, for `rounds` rounds: what the machine does meanwhile falls on all alike. */
function alternated<K extends string>(rounds: number, commands: Record<K, string[]>): Record<K, Run[]> {
  const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as Run[]])) as Record<K, Run[]>;
  for (let round = 0; round < rounds; round += 1) {
    for (const key of Object.keys(commands) as K[]) runs[key].push(timed(commands[key]));
  }
  return runs;
}

const best = (runs: Run[]) => Math.min(...runs.map((r) => r.ms));
const peak = (runs: Run[]) => Math.max(...runs.map((r) => r.maxRssMb));
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const line = (name: string, value: string, verdict = "") => console.log(`  ${name.padEnd(58)} ${value.padStart(12)}  ${verdict}`);
const verdict = (ok: boolean, goal: string) => `${ok ? "ok" : "MISSED"} (goal ${goal})`;

async function writeWorkbook(file: string, meta: ReturnType<typeof seedMeta>, rows: ReturnType<typeof generatedRows>): Promise<string> {
  writeFileSync(file, new Uint8Array(await buildProgressWorkbook(meta, rows).xlsx.writeBuffer()));
  return file;
}

export async function cliBench(): Promise<boolean> {
  if (!existsSync(resolve(__dirname, "../dist/cli/plan-progress.js"))) {
    console.log("\ncommand line: skipped (run npm run build:test first: the benchmark times the built command)");
    return false;
  }
  const dir = mkdtempSync(join(tmpdir(), "plan-progress-bench-"));
  try {
    // Titles of their own: a comparison of two years matches items by title, as in a real table.
    const rows = generatedRows(ROWS, { ownTitles: true });
    const large = await writeWorkbook(join(dir, `rows${ROWS}.xlsx`), seedMeta(), rows);
    const next = await writeWorkbook(join(dir, `rows${ROWS}-next.xlsx`), nextYearMeta(), nextYearRows(rows));
    // Municipality-sized files, each city's texts its own (nothing shared between files but the seed's words).
    const cities: string[] = [];
    for (let k = 0; k < CITIES; k += 1) {
      cities.push(await writeWorkbook(join(dir, `city${String(k).padStart(3, "0")}.xlsx`), seedMeta(), generatedRows(50 + ((k * 37) % 51), { tag: `市${k}` })));
    }

    console.log(`\ncommand line (the built command, each run a process of its own, alternated; best of ${ROUNDS.large}, ${ROUNDS.sample} for the sample, ${ROUNDS.cities} for the batch)`);
    const big = alternated(ROUNDS.large, {
      exceljs: [resolve(__dirname, "exceljsLoad.cjs"), large],
      floor: [resolve(__dirname, "inflateFloor.cjs"), large],
      check: [CLI, "check", large],
      diff: [CLI, "diff", large, next],
    });
    const checkMs = best(big.check);
    const toExceljs = checkMs / best(big.exceljs);
    const toFloor = checkMs / best(big.floor);
    const memory = peak(big.check);
    line(`check, ${fmt(ROWS)} generated rows (${fmt(statSync(large).size / 1024 / 1024, 1)} MB .xlsx)`, `${fmt(checkMs)} ms`);
    line("  anchor: exceljs alone, loading the file", `${fmt(best(big.exceljs))} ms`);
    line("  anchor: inflate the sheet XML with zlib, count its <c tags", `${fmt(best(big.floor))} ms`);
    line("  check / exceljs", `${fmt(toExceljs, 2)}×`, verdict(toExceljs <= GOALS.exceljsRatio, `≤ ${GOALS.exceljsRatio}×`));
    line("  check / inflate-and-scan floor", `${fmt(toFloor, 2)}×`, verdict(toFloor <= GOALS.floorRatio, `≤ ${GOALS.floorRatio}×`));
    line("  peak memory of the check", `${fmt(memory)} MB`, verdict(memory < GOALS.memoryMb, `< ${fmt(GOALS.memoryMb)} MB`));
    const diffMs = best(big.diff);
    const toCheck = diffMs / checkMs;
    line(`diff, the ${fmt(ROWS)} rows with their next year`, `${fmt(diffMs)} ms`);
    line("  diff / check of the same file", `${fmt(toCheck, 2)}×`, verdict(toCheck <= GOALS.diffRatio, `≤ ${fmt(GOALS.diffRatio, 1)}×`));

    const small = alternated(ROUNDS.sample, { node: ["-e", "0"], sample: [CLI, "check", SAMPLE] });
    const toNode = best(small.sample) / best(small.node);
    line("check of the sample (seeds/kodaira-r2.xlsx, 43 items)", `${fmt(best(small.sample))} ms`);
    line("  anchor: node -e 0", `${fmt(best(small.node))} ms`);
    line("  sample / node -e 0", `${fmt(toNode, 2)}×`, verdict(toNode <= GOALS.sampleRatio, `≤ ${GOALS.sampleRatio}×`));

    const batch = alternated(ROUNDS.cities, {
      fewer: [CLI, "check", "--json-lines", ...cities.slice(0, FEWER_CITIES)],
      all: [CLI, "check", "--json-lines", ...cities],
    });
    // Every file answered, one line each.
    const answered = (batch.all[0]?.stdout ?? "").split("\n").filter((l) => l.startsWith("{")).length;
    if (answered !== CITIES) throw new Error(`check --json-lines wrote ${answered} lines for ${CITIES} files`);
    const perSecond = (CITIES / best(batch.all)) * 1000;
    const growth = peak(batch.all) / peak(batch.fewer);
    line(`check --json-lines, ${CITIES} files of 50–100 rows in one call`, `${fmt(best(batch.all))} ms`);
    line("  files per second", `${fmt(perSecond)}/s`, verdict(perSecond >= GOALS.filesPerSecond, `≥ ${GOALS.filesPerSecond}/s`));
    line(`  peak memory, ${CITIES} files / ${FEWER_CITIES} files (${fmt(peak(batch.all))} MB / ${fmt(peak(batch.fewer))} MB)`, `${fmt(growth, 2)}×`, verdict(growth <= GOALS.memoryGrowth, `≤ ${GOALS.memoryGrowth}×`));

    return (
      toExceljs <= GOALS.exceljsRatio &&
      toFloor <= GOALS.floorRatio &&
      memory < GOALS.memoryMb &&
      toCheck <= GOALS.diffRatio &&
      toNode <= GOALS.sampleRatio &&
      perSecond >= GOALS.filesPerSecond &&
      growth <= GOALS.memoryGrowth
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
