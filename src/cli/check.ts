import { parseArgs } from "node:util";
import type { CheckResult } from "../core/check/check";
import { runCheck } from "../core/actions/check";
import { Memo } from "../core/memo";
import { WorkbookError } from "../core/port";
import type { Finding } from "../core/check/types";
import { columnLetter } from "../core/workbook/cells";
import { readFailureText, readUserFile } from "./files";
import { nodeInflater } from "./inflate";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliLocale, CliMessages } from "./messages";
import { jsonText, oneLine } from "./terminal";

/** The JSON form of a finding (docs/contracts/cli.md), messages in the chosen language. */
export function findingJson(finding: Finding, locale: CliLocale) {
  return {
    code: finding.code,
    severity: finding.severity,
    item: finding.item ?? null,
    row: finding.row ?? null,
    column: finding.column === undefined ? null : columnLetter(finding.column),
    message: finding.message[locale],
    evidence: (finding.evidence ?? []).map((e) => ({
      item: e.item,
      label: e.label,
      marker: e.marker ?? null,
      target: e.target,
      result: e.result,
      status: e.status,
      achievement: e.achievement === undefined ? null : Math.round(e.achievement * 10000) / 10000,
      method: e.method ?? null,
      direction: e.direction,
      directionSource: e.directionSource,
      text: e.text[locale],
    })),
    suggested: finding.suggested ?? null,
  };
}

function textLines(file: string, result: CheckResult, m: CliMessages, locale: CliLocale): string[] {
  // What comes from the workbook (a file name, a message quoting a cell, a 分野) stays on its line.
  const lines = [m.itemsLine(oneLine(file), result.summary.items, result.fiscalYear)];
  for (const f of result.findings) {
    const where = f.row === undefined ? "-" : `${f.row}:${f.column === undefined ? "-" : columnLetter(f.column)}`;
    lines.push(`${m.severity[f.severity]} ${oneLine(f.item ?? "-")} ${where} ${f.code} ${oneLine(f.message[locale])}`);
  }
  const s = result.summary;
  lines.push(m.summaryLine(s.error, s.warning, s.info, s.notEvaluable, s.ignored));
  for (const c of s.categories) lines.push(m.categoryLine(oneLine(c.name), c.items, c.error, c.warning, c.info));
  return lines;
}

/** plan-progress check: reads each file through the xlsx port, checks it, prints, exits with the worst code. */
export async function check(args: string[], m: CliMessages, io: CliIo, locale: CliLocale): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, json: { type: "boolean" }, sheet: { type: "string" } },
  });
  if (values.help) {
    io.out(m.checkUsage);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    io.err(m.checkMissingFile);
    return EXIT_USAGE;
  }
  const { XlsxWorkbookPort } = await import("../xlsx/workbookPort");
  // One memo for the run: files of one batch share many texts.
  const memo = new Memo();
  let worst = EXIT_OK;
  const json: unknown[] = [];
  for (const file of positionals) {
    const read = await readUserFile(file);
    if ("failure" in read) {
      io.err(readFailureText(read.failure, file, m, read.bytes));
      worst = Math.max(worst, EXIT_USAGE);
      continue;
    }
    if (io.progress) io.progress(m.reading(file));
    let result: CheckResult;
    try {
      const started = performance.now();
      const port = await XlsxWorkbookPort.load(read.bytes, { inflate: nodeInflater });
      const loaded = performance.now();
      result = (await runCheck(port, { memo, ...(values.sheet ? { sheet: values.sheet } : {}) })).result;
      // PLAN_PROGRESS_TIMING=1: where the time went, for the benchmark and for a slow file.
      if (process.env.PLAN_PROGRESS_TIMING) io.err(`timing ${file}: read ${Math.round(loaded - started)} ms, check ${Math.round(performance.now() - loaded)} ms`);
    } catch (error) {
      // One file that cannot be checked does not stop the others.
      io.err(error instanceof WorkbookError ? `${file}: ${error.text[locale]}` : m.checkFailed(file, (error as Error).message));
      worst = Math.max(worst, EXIT_USAGE);
      continue;
    }
    if (values.json) {
      json.push({ file, items: result.summary.items, findings: result.findings.map((f) => findingJson(f, locale)), summary: result.summary });
    } else {
      // One write for the whole file's lines: tens of thousands of findings print at once.
      io.out(textLines(file, result, m, locale).join("\n"));
    }
    worst = Math.max(worst, result.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK);
  }
  if (values.json && json.length > 0) io.out(jsonText(json.length === 1 ? json[0] : json));
  return worst;
}
