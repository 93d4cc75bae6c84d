import { parseArgs } from "node:util";
import { makeReport } from "../core/actions/report";
import { WorkbookError } from "../core/port";
import { EXIT_OK, EXIT_USAGE } from "./io";
import type { CliLocale, CliMessages } from "./messages";
import type { CliIo } from "./io";
import { readInputForOutput, writeCommandOutput } from "./files";
import { nodeInflater } from "./inflate";

/** plan-progress report FILE -o OUT: the workbook with the report sheet added; FILE is never written. */
export async function report(args: string[], m: CliMessages, io: CliIo, locale: CliLocale): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      lang: { type: "string" },
      output: { type: "string", short: "o" },
      force: { type: "boolean" },
      paper: { type: "string" },
      orientation: { type: "string" },
      sheet: { type: "string" },
    },
  });
  if (values.help) {
    io.out(m.reportUsage);
    return EXIT_OK;
  }
  const paper = (values.paper ?? "A4").toUpperCase();
  if (paper !== "A4" && paper !== "A3") {
    io.err(m.badPaper);
    return EXIT_USAGE;
  }
  const orientation = (values.orientation ?? "landscape").toLowerCase();
  if (orientation !== "landscape" && orientation !== "portrait") {
    io.err(m.badOrientation);
    return EXIT_USAGE;
  }
  const files = await readInputForOutput(positionals[0], values.output, { missing: m.reportMissingArgs, force: values.force === true }, m, io);
  if (!files) return EXIT_USAGE;
  const { input, output, bytes } = files;
  const { XlsxWorkbookPort } = await import("../xlsx/workbookPort");
  let saved: Uint8Array;
  let sheet: string;
  try {
    const port = await XlsxWorkbookPort.load(bytes, { inflate: nodeInflater });
    if (io.progress) io.progress(m.reading(input));
    sheet = (await makeReport(port, { paper, orientation, ...(values.sheet ? { sheet: values.sheet } : {}) })).sheet;
    saved = await port.save();
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    io.err(`${input}: ${error.text[locale]}`);
    return EXIT_USAGE;
  }
  if (!(await writeCommandOutput(output, saved, m, io))) return EXIT_USAGE;
  io.out(m.reportWritten(output, sheet));
  return EXIT_OK;
}
