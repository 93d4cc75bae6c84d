import { parseArgs } from "node:util";
import { checkTable, type CheckResult } from "../core/check/check";
import { Memo } from "../core/memo";
import { WorkbookError } from "../core/port";
import { yearsLines } from "../core/check/helpers";
import type { Finding } from "../core/check/types";
import { columnLetter } from "../core/workbook/cells";
import type { ColumnMap } from "../core/workbook/columns";
import { MAX_TABLE_ROWS, tableTooLong } from "../core/workbook/limits";
import { readFiscalYear } from "../core/workbook/metaForm";
import { parseColumnsOption, parseScaleOption, parseSettingsJson } from "../core/workbook/options";
import { DEFAULT_SETTINGS, type PlanSettings } from "../core/workbook/settings";
import { readTable, tableSheets, type ReadOptions, type TableRead } from "../core/workbook/table";
import { roleText, scaleText, settingsWithUnderstood, understoodLines, understoodSummary, yearShort, type Understood } from "../core/workbook/understood";
import type { RatingScale } from "../core/rating/scale";
import type { Localized } from "../core/text/localized";
import { nodeUtf8, readFailureText, readUserFile } from "./files";
import { nodeInflater, nodeInflaterAsync } from "./inflate";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, JsonOut, type CliIo } from "./io";
import type { CliLocale, CliMessages } from "./messages";
import { oneLine } from "./terminal";

/** Milliseconds for PLAN_PROGRESS_TIMING, without the global `performance` (which loads node:perf_hooks on first use). */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** The JSON form of a finding (docs/contracts/cli.md), messages in the chosen language. */
export function findingJson(finding: Finding, locale: CliLocale) {
  const trend = yearsLines(finding.years ?? []);
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
    // A year grid's other years of the item, oldest first (the trend; the year evaluated alone decides):
    // only on the findings that carry them, so that every other finding is written as it always was.
    ...(finding.years && finding.years.length > 0 ? { years: finding.years.map((y, i) => ({ fiscalYear: y.fiscalYear, plan: y.plan, result: y.result, text: (trend[i] as Localized)[locale] })) } : {}),
    suggested: finding.suggested ?? null,
  };
}

/** Where what the options say differs from what the file says: each side in words. */
interface Disagreement {
  what: "year" | "scale" | "columns";
  option: string;
  file: string;
}

/** The JSON form of what was understood (docs/contracts/cli.md): columns as letters, rates as ratios. */
export function understoodJson(understood: Understood, disagreements: readonly Disagreement[] = []) {
  return {
    sheet: understood.sheet,
    layout: understood.layout,
    headerRow: understood.headerRow ?? null,
    headerRows: understood.headerRows ?? (understood.headerRow === undefined ? null : 1),
    labelColumn: understood.labelColumn === undefined ? null : columnLetter(understood.labelColumn),
    roles: understood.roles.map((r) => ({
      field: r.field,
      header: r.header,
      column: r.column === undefined ? null : columnLetter(r.column),
      row: r.row ?? null,
      mapped: r.mapped === true,
    })),
    numbering: understood.numbering,
    parts: understood.parts ?? 1,
    ratingInResults: understood.ratingInResults === true,
    titleFromPlan: understood.titleFromPlan === true,
    year: understood.year ? { fiscalYear: understood.year.fiscalYear, source: understood.year.source, text: understood.year.text, grid: understood.year.grid ?? null } : null,
    scale: {
      symbols: understood.scale.symbols.map((s) => ({ symbol: s.symbol, bands: [...s.bands], label: s.label, minRate: s.minRate ?? null, maxRate: s.maxRate ?? null })),
      source: understood.scale.source,
      preset: understood.scale.preset ?? null,
      legend: understood.scale.legend ?? null,
      confirm: understood.scale.confirm,
      used: understood.scale.used,
    },
    otherSheets: understood.otherSheets,
    disagreements,
  };
}

function textLines(label: string, result: CheckResult, understood: string[], m: CliMessages, locale: CliLocale): string[] {
  // What comes from the workbook (a file name, a header, a message quoting a cell, a 分野) stays on its line.
  const lines = [m.itemsLine(oneLine(label), result.summary.items, result.fiscalYear), ...understood.map(oneLine)];
  for (const f of result.findings) {
    const where = f.row === undefined ? "-" : `${f.row}:${f.column === undefined ? "-" : columnLetter(f.column)}`;
    lines.push(`${m.severity[f.severity]} ${oneLine(f.item ?? "-")} ${where} ${f.code} ${oneLine(f.message[locale])}`);
    // A year grid's other years, each on an indented line under its finding.
    for (const line of yearsLines(f.years ?? [])) lines.push(m.trendLine(oneLine(line[locale])));
  }
  const s = result.summary;
  lines.push(m.summaryLine(s.error, s.warning, s.info, s.notEvaluable, s.ignored));
  for (const c of s.categories) lines.push(m.categoryLine(oneLine(c.name), c.items, c.error, c.warning, c.info));
  return lines;
}

/** What the reviewer stated for every file of the run: the year, the scale, the columns, the settings. */
interface Stated {
  fiscalYear?: number;
  scale?: RatingScale;
  columns?: ColumnMap;
  config?: PlanSettings;
}

const sameScale = (a: RatingScale, b: RatingScale) =>
  JSON.stringify(a.symbols.map((s) => [s.symbol, [...s.bands].sort(), s.minRate, s.maxRate])) === JSON.stringify(b.symbols.map((s) => [s.symbol, [...s.bands].sort(), s.minRate, s.maxRate]));

/** Where the options and the file disagree, each side in words (the file read as it would be without the options). */
function disagreementsOf(grids: Parameters<typeof readTable>[0], sheet: string, fileSettings: PlanSettings, stated: Stated, understood: Understood, locale: CliLocale): Disagreement[] {
  if (stated.fiscalYear === undefined && !stated.scale && !stated.columns && !stated.config) return [];
  const own = readTable(grids, {
    sheet,
    ...(fileSettings.mapping ? { mapping: fileSettings.mapping } : {}),
    scale: fileSettings.profile.scale,
    ...(fileSettings.meta.fiscalYear === undefined ? {} : { fiscalYear: fileSettings.meta.fiscalYear }),
  }).understood;
  if (!own) return [];
  const out: Disagreement[] = [];
  if (understood.year?.fiscalYear !== own.year?.fiscalYear && (understood.year?.source === "option" || stated.config)) {
    out.push({ what: "year", option: yearShort(understood.year, locale), file: yearShort(own.year, locale) });
  }
  if ((stated.scale !== undefined || stated.config !== undefined) && !sameScale({ symbols: understood.scale.symbols }, { symbols: own.scale.symbols })) {
    out.push({ what: "scale", option: scaleText(understood.scale, locale), file: `${scaleText(own.scale, locale)}` });
  }
  const roles = (u: Understood) => u.roles.filter((r) => r.column !== undefined && r.row === undefined).map((r) => `${r.field}:${r.column}`).sort().join();
  if ((stated.columns || stated.config?.mapping) && roles(understood) !== roles(own)) {
    const list = (u: Understood) => u.roles.map((r) => roleText(r, locale)).join(locale === "ja" ? "、" : "; ");
    out.push({ what: "columns", option: list(understood), file: list(own) || "-" });
  }
  return out;
}

/**
 * The memo of a run is kept from one file to the next while it holds fewer entries than this (the texts
 * of a few municipal tables: a 100-row table makes some 500), and cleared before the next file once it
 * holds more: files of one batch may share texts (one city's years), but a run over hundreds of files
 * must not hold them all. Kept small on purpose: what a memo holds outlives the young generation of the
 * heap, and a larger bound (20,000 was measured) let a 400-file run peak 1.4 times as high as a 100-file
 * one, for no gain in speed (bench/cli.bench.ts).
 */
export const RUN_MEMO_ENTRIES = 2_000;

/** The help of check with the --json-lines line after the --json line. */
function checkHelp(m: CliMessages): string {
  const lines = m.checkUsage.split("\n");
  const json = lines.findIndex((line) => line.startsWith("  --json "));
  lines.splice(json < 0 ? lines.length : json + 1, 0, m.checkJsonLinesOption);
  return lines.join("\n");
}

/**
 * plan-progress check: reads each file with the project's reader, understands its layout, year and scale
 * (or takes the reviewer's --year, --scale, --columns, --config), checks it, prints, and exits with the
 * worst code. Each sheet holding a table is checked on its own with --all-sheets.
 */
export async function check(args: string[], m: CliMessages, io: CliIo, locale: CliLocale): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      lang: { type: "string" },
      json: { type: "boolean" },
      "json-lines": { type: "boolean" },
      sheet: { type: "string" },
      "all-sheets": { type: "boolean" },
      year: { type: "string" },
      scale: { type: "string" },
      columns: { type: "string" },
      config: { type: "string" },
      explain: { type: "boolean" },
    },
  });
  if (values.help) {
    io.out(checkHelp(m));
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    io.err(m.checkMissingFile);
    return EXIT_USAGE;
  }
  if (values.json && values["json-lines"]) {
    io.err(m.jsonAndJsonLines);
    return EXIT_USAGE;
  }
  // The reviewer's statements are read once, before any file: a wrong one stops the run.
  const stated: Stated = {};
  if (values.year !== undefined) {
    const year = readFiscalYear(values.year);
    if (year === undefined) {
      io.err(m.badYear(values.year));
      return EXIT_USAGE;
    }
    stated.fiscalYear = year;
  }
  for (const [option, parse, key] of [
    [values.scale, parseScaleOption, "scale"],
    [values.columns, parseColumnsOption, "columns"],
  ] as const) {
    if (option === undefined) continue;
    const parsed = parse(option);
    if ("error" in parsed) {
      io.err(parsed.error[locale]);
      return EXIT_USAGE;
    }
    (stated as Record<string, unknown>)[key] = parsed.value;
  }
  if (values.config !== undefined) {
    let text: string;
    try {
      // node:fs/promises is loaded only when it is used (Node compiles it on first use: some milliseconds).
      const { readFile } = await import("node:fs/promises");
      text = await readFile(values.config, "utf8");
    } catch {
      io.err(m.cannotRead(values.config));
      return EXIT_USAGE;
    }
    const parsed = parseSettingsJson(text);
    if ("error" in parsed) {
      io.err(`${values.config}: ${parsed.error[locale]}`);
      return EXIT_USAGE;
    }
    stated.config = parsed.value;
  }
  const { XlsxWorkbookPort } = await import("../xlsx/workbookPort");
  // One memo for the run: files of one batch share many texts (bounded: RUN_MEMO_ENTRIES).
  const memo = new Memo();
  let worst = EXIT_OK;
  // Each file's JSON is written when it is done (--json holds one until the next, to know the array).
  const json = values.json ? new JsonOut(io, "json") : values["json-lines"] ? new JsonOut(io, "lines") : undefined;
  for (const file of positionals) {
    if (memo.size() > RUN_MEMO_ENTRIES) memo.clear();
    const read = await readUserFile(file);
    if ("failure" in read) {
      io.err(readFailureText(read.failure, file, m, read.bytes));
      worst = Math.max(worst, EXIT_USAGE);
      continue;
    }
    if (io.progress) io.progress(m.reading(file));
    try {
      const started = now();
      const port = await XlsxWorkbookPort.load(read.bytes, { inflate: nodeInflater, inflateAsync: nodeInflaterAsync, utf8: nodeUtf8 });
      const loaded = now();
      const fileSettings = (await port.readSettings())?.settings ?? DEFAULT_SETTINGS;
      // --config stands for the settings sheet; the options stand above both.
      const base = stated.config ?? fileSettings;
      const settings: PlanSettings = {
        ...base,
        meta: { ...base.meta, ...(stated.fiscalYear === undefined ? {} : { fiscalYear: stated.fiscalYear }) },
        profile: { ...base.profile, ...(stated.scale ? { scale: stated.scale } : {}) },
        ...(stated.columns ? { mapping: stated.columns } : {}),
      };
      const grids = port.grids();
      const sheets: (string | undefined)[] = values["all-sheets"] ? tableSheets(grids, settings.mapping ? { mapping: settings.mapping } : {}) : [values.sheet];
      if (sheets.length === 0) sheets.push(undefined);
      for (const sheet of sheets) {
        const options: ReadOptions = {
          ...(sheet === undefined ? {} : { sheet }),
          ...(settings.mapping ? { mapping: settings.mapping } : {}),
          scale: settings.profile.scale,
          scaleSource: stated.scale ? "option" : "settings",
          ...(settings.meta.fiscalYear === undefined ? {} : { fiscalYear: settings.meta.fiscalYear, fiscalYearSource: stated.fiscalYear !== undefined ? "option" : "settings" }),
        };
        const table: TableRead = readTable(grids, options);
        const lastRow = table.rows.length > 0 ? (table.rows[table.rows.length - 1]?.sheetRow ?? 0) : 0;
        if (lastRow > MAX_TABLE_ROWS) throw tableTooLong(table.sheet, lastRow);
        const effective = settingsWithUnderstood(settings, table.understood);
        const result = checkTable(table, { settings: effective, ...(stated.fiscalYear === undefined ? {} : { fiscalYear: stated.fiscalYear }), memo });
        // PLAN_PROGRESS_TIMING=1: where the time went, for the benchmark and for a slow file.
        if (process.env.PLAN_PROGRESS_TIMING) io.err(`timing ${file}: read ${Math.round(loaded - started)} ms, check ${Math.round(now() - loaded)} ms`);
        const understood = table.understood;
        const disagreements = understood ? disagreementsOf(grids, table.sheet, fileSettings, stated, understood, locale) : [];
        const label = values["all-sheets"] || (understood && understood.otherSheets.length > 0) ? m.sheetLabel(file, table.sheet) : file;
        if (json) {
          json.write({
            file,
            ...(values["all-sheets"] ? { sheet: table.sheet } : {}),
            items: result.summary.items,
            findings: result.findings.map((f) => findingJson(f, locale)),
            summary: result.summary,
            understood: understood ? understoodJson(understood, disagreements) : null,
          });
        } else {
          const said = understood ? (values.explain ? understoodLines(understood, locale).map((l) => `  ${l}`) : [m.understoodLine(understoodSummary(understood, locale))]) : [];
          const differ = disagreements.map((d) => m.disagreementLine(d.what, d.option, d.file));
          // One write for the whole file's lines: tens of thousands of findings print at once.
          io.out(textLines(label, result, [...said, ...differ], m, locale).join("\n"));
        }
        worst = Math.max(worst, result.summary.error > 0 ? EXIT_FINDINGS : EXIT_OK);
      }
    } catch (error) {
      // One file that cannot be checked does not stop the others.
      io.err(error instanceof WorkbookError ? `${file}: ${error.text[locale]}` : m.checkFailed(file, (error as Error).message));
      worst = Math.max(worst, EXIT_USAGE);
      continue;
    }
  }
  json?.end();
  return worst;
}
