import { parseArgs } from "node:util";
import { WorkbookError } from "../core/port";
import { describeProblem } from "../core/workbook/problemText";
import { rolloverTable, rolloverYearLabel } from "../core/workbook/rollover";
import { DEFAULT_SETTINGS } from "../core/workbook/settings";
import { readInputForOutput, writeCommandOutput } from "./files";
import { nodeInflater } from "./inflate";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliLocale, CliMessages } from "./messages";

/** plan-progress rollover THIS.xlsx -o NEXT.xlsx: next year's table; THIS is never written. */
export async function rollover(args: string[], m: CliMessages, io: CliIo, locale: CliLocale): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, lang: { type: "string" }, output: { type: "string", short: "o" }, force: { type: "boolean" } },
  });
  if (values.help) {
    io.out(m.rolloverUsage);
    return EXIT_OK;
  }
  const files = await readInputForOutput(positionals[0], values.output, { missing: m.rolloverMissingArgs, force: values.force === true }, m, io);
  if (!files) return EXIT_USAGE;
  const { XlsxWorkbookPort } = await import("../xlsx/workbookPort");
  const { progressWorkbookBytes } = await import("../xlsx/progressWorkbook");
  let read: Awaited<ReturnType<Awaited<ReturnType<typeof XlsxWorkbookPort.load>>["read"]>>;
  try {
    read = await (await XlsxWorkbookPort.load(files.bytes, { inflate: nodeInflater })).read();
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    io.err(`${files.input}: ${error.text[locale]}`);
    return EXIT_USAGE;
  }
  const missing = read.table.problems.find((p) => p.code === "COLUMNS_MISSING");
  if (missing) {
    io.err(`${m.reportNoTable(files.input)} — ${describeProblem(missing, locale)}`);
    return EXIT_USAGE;
  }
  const next = rolloverTable(read.table, read.settings?.settings ?? DEFAULT_SETTINGS);
  if (!(await writeCommandOutput(files.output, await progressWorkbookBytes(next.meta, next.rows, next.settings), m, io))) return EXIT_USAGE;
  const subs = next.rows.filter((r) => r.kind === "sub").length;
  io.out(m.rolledOver(files.output, rolloverYearLabel(next), next.rows.length - subs, subs, next.dropped.length));
  return EXIT_OK;
}
