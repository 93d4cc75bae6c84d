import { parseArgs } from "node:util";
import { DIFF_RULES_BY_CODE } from "../core/diff/catalogue";
import type { DiffResult } from "../core/diff/diff";
import { compareReads, type YearComparison } from "../core/actions/compare";
import { WorkbookError, type WorkbookRead } from "../core/port";
import { fiscalYearLabel } from "../core/fiscalYear";
import { Memo } from "../core/memo";
import { nodeUtf8, readFailureText, readUserFile } from "./files";
import { nodeInflater } from "./inflate";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliLocale, CliMessages } from "./messages";
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
  const { XlsxWorkbookPort } = await import("../xlsx/workbookPort");
  // Each workbook's table is read as soon as the workbook is loaded, and the workbook (its cells, its
  // bytes) let go before the next is loaded: the two are never held at once. What is said stays as
  // before: a file that cannot be loaded is said first, then a table that cannot be read, last year's first.
  const reads: (WorkbookRead | { failed: unknown })[] = [];
  for (const file of [lastFile, thisFile]) {
    const read = await readUserFile(file);
    if ("failure" in read) {
      io.err(readFailureText(read.failure, file, m, read.bytes));
      return EXIT_USAGE;
    }
    let port: Awaited<ReturnType<typeof XlsxWorkbookPort.load>>;
    try {
      port = await XlsxWorkbookPort.load(read.bytes, { inflate: nodeInflater, utf8: nodeUtf8 });
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      io.err(`${file}: ${error.text[locale]}`);
      return EXIT_USAGE;
    }
    try {
      reads.push(await port.read());
    } catch (failed) {
      reads.push({ failed });
    }
  }
  let result: YearComparison;
  try {
    const [last, current] = reads.map((read) => {
      if ("failed" in read) throw read.failed;
      return read;
    }) as [WorkbookRead, WorkbookRead];
    // A memo for the run: the two years share most of their texts (a plan is read once for both).
    result = compareReads(last, current, new Memo());
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
