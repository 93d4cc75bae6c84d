import { parseArgs } from "node:util";
import { parseFiscalYear } from "../core/fiscalYear";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import type { CliMessages } from "./messages";

/** plan-progress fy TEXT: the fiscal year as a western year. */
export function fy(args: string[], m: CliMessages, io: CliIo): number {
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
