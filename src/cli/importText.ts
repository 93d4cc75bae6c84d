import { parseArgs } from "node:util";
import { importReportText } from "../core/import/reportText";
import { readInputForOutput, writeCommandOutput } from "./files";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliMessages } from "./messages";

/** plan-progress import-text REPORT.txt -o OUT.xlsx: a published report's text as a progress workbook. */
export async function importText(args: string[], m: CliMessages, io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, output: { type: "string", short: "o" }, force: { type: "boolean" } },
  });
  if (values.help) {
    io.out(m.importUsage);
    return EXIT_OK;
  }
  const files = await readInputForOutput(positionals[0], values.output, { missing: m.importMissingArgs, force: values.force === true }, m, io);
  if (!files) return EXIT_USAGE;
  const { input, output } = files;
  const report = importReportText(files.bytes.toString("utf8"));
  if (report.rows.length === 0) {
    io.err(m.noRows(input));
    return EXIT_USAGE;
  }
  // exceljs is loaded only by the commands that need it.
  const { progressWorkbookBytes } = await import("../xlsx/progressWorkbook");
  if (!(await writeCommandOutput(output, await progressWorkbookBytes(report.meta, report.rows), m, io))) return EXIT_USAGE;
  const subs = report.rows.filter((r) => r.sub !== undefined).length;
  io.out(m.imported(output, report.rows.length - subs, subs));
  return EXIT_OK;
}
