import { parseArgs } from "node:util";
import { parseFiscalYear } from "../core/fiscalYear";
import { importReportText } from "../core/import/reportText";
import { extractMetrics, type Metric } from "../core/metrics/extract";
import { CIRCLED_MARKERS } from "../core/text/markers";
import { CLI_MESSAGES, type CliLocale, type CliMessages } from "./messages";

import { check, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "./check";
import { report } from "./report";
import { readInputForOutput } from "./files";

/** Exit codes of spec/cli.md: 0 ran without error findings, 1 error findings, 2 could not run. */
export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE };

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress for people (stderr when it is a terminal); absent otherwise. */
  progress?: (line: string) => void;
  version: string;
}

type Command = (args: string[], m: CliMessages, io: CliIo, locale: CliLocale) => Promise<number> | number;

function fy(args: string[], m: CliMessages, io: CliIo): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" } },
  });
  if (values.help) {
    io.out(m.fyUsage);
    return EXIT_OK;
  }
  const text = positionals.join(" ").trim();
  if (!text) {
    io.err(m.missingText);
    return EXIT_USAGE;
  }
  const year = parseFiscalYear(text);
  if (year === undefined) {
    io.err(m.fyNotFound(text));
    return EXIT_USAGE;
  }
  io.out(String(year));
  return EXIT_OK;
}

async function importText(args: string[], m: CliMessages, io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, output: { type: "string", short: "o" } },
  });
  if (values.help) {
    io.out(m.importUsage);
    return EXIT_OK;
  }
  const files = await readInputForOutput(positionals[0], values.output, { missing: m.importMissingArgs, unreadable: m.cannotRead }, m, io);
  if (!files) return EXIT_USAGE;
  const { input, output } = files;
  const report = importReportText(files.bytes.toString("utf8"));
  if (report.rows.length === 0) {
    io.err(m.noRows(input));
    return EXIT_USAGE;
  }
  // exceljs is loaded only by the commands that need it.
  const { buildProgressWorkbook } = await import("../xlsx/progressWorkbook");
  try {
    await buildProgressWorkbook(report.meta, report.rows).xlsx.writeFile(output);
  } catch {
    io.err(m.cannotWrite(output));
    return EXIT_USAGE;
  }
  const subs = report.rows.filter((r) => r.sub !== undefined).length;
  io.out(m.imported(output, report.rows.length - subs, subs));
  return EXIT_OK;
}

/** The JSON shape of spec/cli.md: values in base units, null where there is nothing. */
export function metricJson(metric: Metric) {
  return {
    marker: metric.marker ?? null,
    label: metric.label,
    value: metric.value,
    unit: metric.unit,
    op: metric.op,
    min: metric.min ?? null,
    max: metric.max ?? null,
    fiscalYear: metric.fiscalYear ?? null,
    notes: metric.notes,
  };
}

function formatValue(metric: Metric, m: CliMessages): string {
  const n = (x: number) => x.toLocaleString("ja-JP", { maximumFractionDigits: 10 });
  const unit = metric.unit ? ` ${metric.unit}` : "";
  if (metric.op === "range") {
    const upper = metric.max === undefined ? "" : n(metric.max);
    return `${n(metric.min ?? metric.value)}〜${upper}${metric.maxExclusive ? m.rangeExclusive : ""}${unit}`;
  }
  return `${n(metric.value)}${unit}`;
}

function metrics(args: string[], m: CliMessages, io: CliIo): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, json: { type: "boolean" } },
  });
  if (values.help) {
    io.out(m.metricsUsage);
    return EXIT_OK;
  }
  const text = positionals.join(" ");
  if (!text.trim()) {
    io.err(m.missingText);
    return EXIT_USAGE;
  }
  const found = extractMetrics(text);
  if (values.json) {
    io.out(JSON.stringify(found.map(metricJson), null, 2));
    return EXIT_OK;
  }
  if (found.length === 0) {
    io.out(m.noMetrics);
    return EXIT_OK;
  }
  for (const metric of found) {
    const marker = metric.marker === undefined ? "" : (CIRCLED_MARKERS[metric.marker - 1] ?? `(${metric.marker})`);
    const extra = [
      metric.fiscalYear === undefined ? "" : m.fiscalYearWord(metric.fiscalYear),
      metric.cumulative ? m.cumulativeWord : "",
      metric.notes.length ? ` — ${metric.notes.join(" / ")}` : "",
    ].join("");
    io.out(m.metricLine(marker, metric.label, formatValue(metric, m), m.opWords[metric.op] ?? "", extra));
  }
  return EXIT_OK;
}

const COMMANDS: Readonly<Record<string, Command>> = { check, report, fy, metrics, "import-text": importText };

/** Reads --lang wherever it stands, before the command parses its own options. */
function localeOf(argv: string[]): CliLocale {
  const index = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (index < 0) return "ja";
  const value = argv[index]?.includes("=") ? argv[index]?.split("=")[1] : argv[index + 1];
  return value === "en" ? "en" : "ja";
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const locale = localeOf(argv);
  const m = CLI_MESSAGES[locale];
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.out(m.usage);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "-v" || name === "--version") {
    io.out(io.version);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(m.unknownCommand(name));
    return EXIT_USAGE;
  }
  try {
    return await command(rest, m, io, locale);
  } catch (error) {
    // parseArgs reports unknown or malformed options; a user error never shows a stack trace.
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.err(m.badOption((error as Error).message));
      return EXIT_USAGE;
    }
    throw error;
  }
}
