import { parseArgs } from "node:util";
import { exportCsv, type CsvExport } from "../core/actions/roundtrip";
import { Memo } from "../core/memo";
import { WorkbookError } from "../core/port";
import { checkOutput, readInputForOutput, writeCommandOutput, writeFailureText } from "./files";
import { nodeInflater } from "./inflate";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliLocale, CliMessages } from "./messages";
import { oneLine } from "./terminal";

/** OUT.csv → OUT-metrics.csv, beside it. */
export function metricsPath(output: string): string {
  return /\.csv$/i.test(output) ? output.replace(/\.csv$/i, "-metrics.csv") : `${output}-metrics.csv`;
}

/** plan-progress export FILE --csv -o OUT.csv: the table and its metrics as open-data CSV; FILE is never written. */
export async function exportCommand(args: string[], m: CliMessages, io: CliIo, locale: CliLocale): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, output: { type: "string", short: "o" }, force: { type: "boolean" }, csv: { type: "boolean" } },
  });
  if (values.help) {
    io.out(m.exportUsage);
    return EXIT_OK;
  }
  if (!values.csv) {
    io.err(m.exportMissingArgs);
    return EXIT_USAGE;
  }
  const files = await readInputForOutput(positionals[0], values.output, { missing: m.exportMissingArgs, force: values.force === true }, m, io);
  if (!files) return EXIT_USAGE;
  const metrics = metricsPath(files.output);
  const refused = await checkOutput(files.input, metrics, values.force === true);
  if (refused) {
    io.err(writeFailureText(refused, metrics, m));
    return EXIT_USAGE;
  }
  const { XlsxWorkbookPort } = await import("../xlsx/workbookPort");
  let csv: CsvExport;
  try {
    csv = await exportCsv(await XlsxWorkbookPort.load(files.bytes, { inflate: nodeInflater }), new Memo());
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    io.err(`${files.input}: ${error.text[locale]}`);
    return EXIT_USAGE;
  }
  const encode = (text: string) => new TextEncoder().encode(text);
  if (!(await writeCommandOutput(files.output, encode(csv.items), m, io))) return EXIT_USAGE;
  if (!(await writeCommandOutput(metrics, encode(csv.metrics), m, io, { replace: values.force === true }))) return EXIT_USAGE;
  io.out(m.exported(oneLine(files.output), oneLine(metrics), csv.rows));
  return EXIT_OK;
}
