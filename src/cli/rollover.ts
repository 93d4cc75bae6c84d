import { parseArgs } from "node:util";
import { rollOver, type RolledOver } from "../core/actions/rollover";
import { WorkbookError } from "../core/port";
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
  const { rolloverWorkbookBytes } = await import("../xlsx/progressWorkbook");
  let next: RolledOver;
  try {
    next = await rollOver(await XlsxWorkbookPort.load(files.bytes, { inflate: nodeInflater }), rolloverWorkbookBytes);
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    io.err(`${files.input}: ${error.text[locale]}`);
    return EXIT_USAGE;
  }
  if (!(await writeCommandOutput(files.output, next.bytes, m, io))) return EXIT_USAGE;
  const rows = next.rollover.rows;
  const subs = rows.filter((r) => r.kind === "sub").length;
  io.out(m.rolledOver(files.output, next.year, rows.length - subs, subs, next.rollover.dropped.length));
  return EXIT_OK;
}
