import { statSync } from "node:fs";
import { parseArgs } from "node:util";
// "worker_threads", not "node:worker_threads": webpack recognises `new Worker(new URL(…))` only so.
import { Worker } from "worker_threads";
import { DIFF_RULES_BY_CODE } from "../core/diff/catalogue";
import type { DiffResult } from "../core/diff/diff";
import { compareReads, type YearComparison } from "../core/actions/compare";
import { WorkbookError, type WorkbookRead } from "../core/port";
import { fiscalYearLabel } from "../core/fiscalYear";
import { Memo } from "../core/memo";
import { readFailureText } from "./files";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliLocale, CliMessages } from "./messages";
import { readYear, type YearOutcome } from "./readYear";
import { jsonText, oneLine } from "./terminal";

function textLines(result: DiffResult, m: CliMessages, locale: CliLocale): string[] {
  const years =
    result.lastFiscalYear !== undefined && result.thisFiscalYear !== undefined ? `${fiscalYearLabel(result.lastFiscalYear)} → ${fiscalYearLabel(result.thisFiscalYear)}` : "";
  const lines = [m.diffHeading(years)];
  for (const f of result.findings) lines.push(`${m.severity[f.severity]} ${oneLine(f.item ?? "-")} ${f.row ?? "-"} ${f.code} ${oneLine(f.message[locale])}`);
  const s = result.summary;
  lines.push(m.diffSummary(s.error, s.warning, s.info));
  for (const c of result.categories) lines.push(m.diffCategory(oneLine(c.name || "—"), c.items, c.up, c.down, c.same, c.added));
  return lines;
}

/**
 * Last year's workbook is read in a worker thread beside this year's when it is large (two cores read two
 * large workbooks in the time of one); a small one is read in turn (a worker's start would cost more).
 * PLAN_PROGRESS_DIFF_WORKER_BYTES sets the size from which a worker reads it (tests: 0).
 */
const WORKER_FROM_BYTES = 4 * 1024 * 1024;

async function readYears(lastFile: string, thisFile: string): Promise<[YearOutcome, YearOutcome]> {
  const from = Number(process.env.PLAN_PROGRESS_DIFF_WORKER_BYTES ?? WORKER_FROM_BYTES);
  let size = 0;
  try {
    size = statSync(lastFile).size;
  } catch {
    // readYear says why it cannot be read.
  }
  if (!(size >= from) || !statSync(thisFile, { throwIfNoEntry: false })) {
    const last = await readYear(lastFile);
    // As before: a file that cannot be read or opened ends the run before the next is read.
    if (last.kind === "unreadable" || last.kind === "package" || (last.kind === "crash" && last.stage === "package")) return [last, last];
    return [last, await readYear(thisFile)];
  }
  const worker = new Worker(new URL("./readYear.worker.ts", import.meta.url), { workerData: { file: lastFile } });
  const last = new Promise<YearOutcome>((resolve) => {
    worker.once("message", (outcome: YearOutcome) => resolve(outcome));
    worker.once("error", (error) => resolve({ kind: "crash", stage: "package", message: error.message }));
    worker.once("exit", (code) => resolve({ kind: "crash", stage: "package", message: `worker exited (${code})` }));
  });
  const current = await readYear(thisFile);
  const outcome = await last;
  void worker.terminate();
  return [outcome, current];
}

/** plan-progress diff LAST.xlsx THIS.xlsx: what changed since last year; exit codes as for check. */
export async function diff(args: string[], m: CliMessages, io: CliIo, locale: CliLocale): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, json: { type: "boolean" } } });
  if (values.help) {
    io.out(m.diffUsage);
    return EXIT_OK;
  }
  const [lastFile, thisFile] = positionals;
  if (!lastFile || !thisFile) {
    io.err(m.diffMissingFiles);
    return EXIT_USAGE;
  }
  const outcomes = await readYears(lastFile, thisFile);
  // Reported in the order they were always met: each file and its package, last year's first; then the tables.
  for (const [file, outcome] of [[lastFile, outcomes[0]], [thisFile, outcomes[1]]] as const) {
    if (outcome.kind === "unreadable") {
      io.err(readFailureText(outcome.failure, file, m, outcome.bytes));
      return EXIT_USAGE;
    }
    if (outcome.kind === "package") {
      io.err(`${file}: ${outcome.text[locale]}`);
      return EXIT_USAGE;
    }
    if (outcome.kind === "crash" && outcome.stage === "package") throw new Error(outcome.message);
  }
  const reads: WorkbookRead[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === "table") {
      io.err(outcome.text[locale]);
      return EXIT_USAGE;
    }
    if (outcome.kind !== "read") throw new Error(outcome.kind === "crash" ? outcome.message : outcome.kind);
    reads.push(outcome.read);
  }
  let result: YearComparison;
  try {
    result = compareReads(reads[0] as WorkbookRead, reads[1] as WorkbookRead, new Memo());
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    io.err(error.text[locale]);
    return EXIT_USAGE;
  }
  if (values.json) {
    io.out(
      jsonText({
        last: lastFile,
        this: thisFile,
        lastFiscalYear: result.lastFiscalYear ?? null,
        thisFiscalYear: result.thisFiscalYear ?? null,
        findings: result.findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          title: DIFF_RULES_BY_CODE.get(f.code)?.title[locale] ?? f.code,
          item: f.item ?? null,
          row: f.row ?? null,
          category: f.category ?? null,
          message: f.message[locale],
        })),
        matches: result.matches.map((match) => ({ last: match.last.item, this: match.this.item, by: match.by, similarity: Math.round(match.similarity * 100) / 100 })),
        categories: result.categories,
        summary: result.summary,
      }),
    );
  } else {
    io.out(textLines(result, m, locale).join("\n"));
  }
  return result.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
